import type { Rule } from 'eslint';
import { longPollVisitors, type LongPollFinding } from './detect/long-polling.js';
import { docsUrl } from './docs-url.js';
import { verdictFor } from './verdict.js';

// Long polling holds one request open per client and pays a full request for every message.
// The rule names the transport the engine recommends for the project's requirements and stays
// silent when that is long polling itself (e.g. a network that blocks streaming).

interface Options {
  includeThirdParty: boolean;
  server: boolean;
}

const MESSAGE_ID = {
  'recursive-request': 'recursiveRequest',
  'request-loop': 'requestLoop',
  'held-response': 'heldResponse',
} as const;

const rule: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Flag long polling, on the client and on the server, where a push transport fits',
      recommended: true,
      url: docsUrl('no-long-polling'),
    },
    messages: {
      recursiveRequest:
        'Long polling: this function asks again as soon as each response arrives. For these requirements pick-transport recommends {{transport}}: {{because}}',
      requestLoop:
        'Long polling: this loop asks again as soon as each response arrives, with no pause. For these requirements pick-transport recommends {{transport}}: {{because}}',
      heldResponse:
        'Long polling: this handler keeps the response to answer it later. For these requirements pick-transport recommends {{transport}}: {{because}}',
    },
    schema: [
      {
        type: 'object',
        properties: {
          includeThirdParty: {
            type: 'boolean',
            description:
              "Also report long polling of absolute URLs on other hosts (e.g. a bot API's getUpdates). Off by default: a third-party API's contract is not yours to change.",
          },
          server: {
            type: 'boolean',
            description: 'Report HTTP handlers that hold their response to answer later.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ includeThirdParty: false, server: true }],
  },

  create(context) {
    return longPollVisitors(context, onFindings);
  },
};

/** The report handler, made only for files the screen lets through (few). */
function onFindings(context: Rule.RuleContext): (finding: LongPollFinding) => void {
  const { includeThirdParty, server } = context.options[0] as Options;
  // Asked only once something is found: deciding costs more than most files' detection.
  let verdict: ReturnType<typeof verdictFor> | undefined;
  return (finding) => {
    if (finding.thirdParty && !includeThirdParty) return;
    if (finding.shape === 'held-response' && !server) return;
    verdict ??= verdictFor(context);
    if (verdict.recommends('long-polling')) return;
    context.report({
      node: finding.node as never,
      messageId: MESSAGE_ID[finding.shape],
      data: { transport: verdict.name, because: verdict.because },
    });
  };
}

export default rule;
