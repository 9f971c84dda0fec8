import type { Rule } from 'eslint';
import { lazyPollingVisitors, type PollingOptions, type PollingSetup } from './detect/polling.js';
import { docsUrl } from './docs-url.js';
import { verdictFor, type Verdict } from './verdict.js';

// Reports code that asks the server for news on a timer. The fix it names is whatever the
// decision engine picks for the project's requirements; when that is short polling itself,
// the rule has nothing to say.

export type Options = [Partial<PollingOptions>?];
export type MessageId = 'poll' | 'pollUnknown';

const DEFAULTS: PollingOptions = { thresholdMs: 60_000, includeThirdParty: false };

/** "500 ms", "5 s", "2.5 s", "2 min". */
export function formatInterval(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return 'an unknown interval';
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000 || ms % 60_000 !== 0) return `${Number((ms / 1000).toFixed(1))} s`;
  return `${ms / 60_000} min`;
}

/** Options and report for a file with polling candidates; screened-out files never get here. */
function setup(context: Rule.RuleContext): PollingSetup {
  const options: PollingOptions = { ...DEFAULTS, ...(context.options[0] as Partial<PollingOptions> | undefined) };
  // Asked only once a site is found: deciding costs more than screening a file.
  let verdict: Verdict | undefined;
  return {
    options,
    onSite(site) {
      verdict ??= verdictFor(context);
      if (verdict.recommends('short-polling')) return;
      context.report({
        node: site.node as never,
        ...(site.loc ? { loc: site.loc } : {}),
        messageId: site.intervalMs === undefined ? 'pollUnknown' : 'poll',
        data: { every: formatInterval(site.intervalMs), transport: verdict.name, because: verdict.because },
      });
    },
  };
}

const rule: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    docs: {
      description:
        'Disallow polling the server on a short timer when the project requirements call for a push transport',
      recommended: true,
      url: docsUrl('no-short-polling'),
    },
    messages: {
      poll: 'This polls over HTTP every {{every}}; for these requirements pick-transport recommends {{transport}}: {{because}}',
      pollUnknown:
        'This polls over HTTP at an interval that cannot be worked out statically; for these requirements pick-transport recommends {{transport}}: {{because}}',
    },
    schema: [
      {
        type: 'object',
        properties: {
          thresholdMs: {
            type: 'integer',
            minimum: 0,
            description:
              'Report polling that repeats more often than this many milliseconds (or at an interval that cannot be computed).',
          },
          includeThirdParty: {
            type: 'boolean',
            description:
              'Also report polling of absolute URLs on other hosts, whose servers you usually cannot change.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ ...DEFAULTS }],
  },
  create(context) {
    return lazyPollingVisitors(context, setup);
  },
};

export default rule;
