import type { TSESTree } from '@typescript-eslint/types';
import type { Rule } from 'eslint';
import { checklist } from '../knowledge/checklist.js';
import { analyzeWebSocket, mayBeWebSocket } from './detect/websocket.js';
import { docsUrl } from './docs-url.js';

// Operational, not a choice of transport: a WebSocket in use has no built-in reconnect whatever the
// engine recommends, so this rule reports regardless of the verdict. It only speaks about sockets
// it can see completely: one handed to other code may get its close handler there.

interface Options {
  includeNodeClients: boolean;
}

/** The knowledge base's advice on reconnecting WebSockets, cited in the message. */
function reconnectAdvice(): string {
  const item = checklist.find((i) => i.topic === 'reconnection' && i.transports.includes('websocket'));
  return item ? ` Checklist: ${item.title.replace(/\.$/, '')}.` : '';
}

const rule: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a close handler that reconnects on every WebSocket',
      recommended: true,
      url: docsUrl('websocket-needs-reconnect'),
    },
    messages: {
      noCloseHandler:
        "This WebSocket has no close handler. WebSockets need application-level reconnect logic: nothing reopens a dropped connection. Handle 'close' (onclose or addEventListener('close', …)) and reconnect with backoff, or use a reconnecting client.{{advice}}",
    },
    schema: [
      {
        type: 'object',
        properties: {
          includeNodeClients: {
            type: 'boolean',
            description:
              "Also check clients built with the 'ws' or 'isomorphic-ws' package (their close handler is `.on('close', …)`).",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ includeNodeClients: true }],
  },

  create(context) {
    const [{ includeNodeClients }] = context.options as [Options];
    const sourceCode = context.sourceCode;
    let advice: string | undefined;

    return {
      NewExpression(node) {
        const expression = node as unknown as TSESTree.NewExpression;
        if (!mayBeWebSocket(expression)) return;
        const usage = analyzeWebSocket(expression, sourceCode);
        if (!usage || usage.handlesClose || usage.escapes) return;
        // Neither sends nor listens: a one-shot connectivity probe, nothing to keep alive. Closed
        // by the code once answered: a request over a socket, not a connection to keep.
        if ((!usage.sends && !usage.receives) || usage.oneShot) return;
        if (usage.kind === 'ws-package' && !includeNodeClients) return;
        advice ??= reconnectAdvice();
        context.report({ node, messageId: 'noCloseHandler', data: { advice } });
      },
    };
  },
};

export default rule;
