import type { Decision } from '../knowledge/engine.js';
import { PACKAGE_VERSION } from '../knowledge/package-info.js';

// A stable, documented shape for CI and other tools; see the README's CLI reference.
export function decisionJson(decision: Decision) {
  const { transport, name, summary, reasons } = decision;
  return {
    tool: { name: 'pick-transport', version: PACKAGE_VERSION },
    recommendation: { transport, name, summary, reasons },
    alternatives: decision.alternatives,
    checklist: decision.checklist,
    requirements: decision.requirements,
    defaulted: decision.defaulted,
  };
}

export function renderJson(decision: Decision): string {
  return `${JSON.stringify(decisionJson(decision), null, 2)}\n`;
}
