import type { Rule } from 'eslint';
import { recommend, type Recommendation } from '../knowledge/engine.js';
import { RequirementError } from '../knowledge/requirements.js';
import type { TransportId } from '../knowledge/schema.js';

// Every rule message is built from the engine's verdict for the project's requirements, read
// from `settings['pick-transport'].requirements` (the same keys as the CLI's answers file).
// Computed per file in create(): deciding takes microseconds, and a module-level cache would be
// shared mutable state.

export const SETTINGS_KEY = 'pick-transport';

export interface Verdict {
  decision: Recommendation;
  /** The recommended transport's display name, e.g. "Server-Sent Events". */
  name: string;
  /** One sentence on why, for messages. */
  because: string;
  /** True when the engine recommends exactly this transport: the rule detecting it stays silent. */
  recommends(transport: TransportId): boolean;
}

export function verdictFor(context: Rule.RuleContext): Verdict {
  const settings = (context.settings as Record<string, unknown> | undefined)?.[SETTINGS_KEY] as
    | { requirements?: unknown }
    | undefined;
  let decision: Recommendation;
  try {
    decision = recommend((settings?.requirements ?? {}) as Record<string, unknown>);
  } catch (error) {
    if (error instanceof RequirementError) {
      throw new Error(`pick-transport: settings['${SETTINGS_KEY}'].requirements: ${error.message}`);
    }
    throw error;
  }
  const conclusion = decision.reasons[decision.reasons.length - 1]!.text;
  return {
    decision,
    name: decision.name,
    because: conclusion,
    recommends: (transport) => decision.transport === transport,
  };
}
