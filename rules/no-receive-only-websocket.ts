import type { TSESTree } from '@typescript-eslint/types';
import type { Rule } from 'eslint';
import { analyzeWebSocket, mayBeWebSocket } from './detect/websocket.js';
import { docsUrl } from './docs-url.js';
import { verdictFor } from './verdict.js';

// A browser WebSocket that only listens to its own server is one-way push: the engine usually
// recommends Server-Sent Events for that, which reconnect and resume by themselves. The rule
// names whatever the engine recommends for the project's requirements and stays silent when that
// is WebSockets (binary data, both directions).

interface Options {
  includeThirdParty: boolean;
}

const rule: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    docs: {
      description:
        'Flag browser WebSockets that never send and talk to your own server, where one-way push fits',
      recommended: true,
      url: docsUrl('no-receive-only-websocket'),
    },
    messages: {
      receiveOnly:
        'This WebSocket only receives: it never sends, sets no binaryType and talks to your own server. For these requirements pick-transport recommends {{transport}}: {{because}}',
    },
    schema: [
      {
        type: 'object',
        properties: {
          includeThirdParty: {
            type: 'boolean',
            description:
              'Also report sockets to an absolute URL on another host. Off by default: you cannot move a third-party feed to another transport.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ includeThirdParty: false }],
  },

  create(context) {
    const [{ includeThirdParty }] = context.options as [Options];
    const sourceCode = context.sourceCode;
    let verdict: ReturnType<typeof verdictFor> | undefined;

    return {
      NewExpression(node) {
        const expression = node as unknown as TSESTree.NewExpression;
        if (!mayBeWebSocket(expression)) return;
        const usage = analyzeWebSocket(expression, sourceCode);
        // Node clients ('ws') are left out: EventSource is a browser API.
        if (!usage || usage.kind !== 'global') return;
        // A socket with no message handler receives nothing: a connectivity probe, not a feed.
        if (!usage.receives || usage.sends || usage.escapes || usage.setsBinaryType) return;
        if (usage.host === 'third-party' && !includeThirdParty) return;
        verdict ??= verdictFor(context);
        if (verdict.recommends('websocket')) return;
        context.report({
          node,
          messageId: 'receiveOnly',
          data: { transport: verdict.name, because: verdict.because },
        });
      },
    };
  },
};

export default rule;
