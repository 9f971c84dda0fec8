import type { Rule } from 'eslint';
import { inventoryVisitors } from './detect/inventory.js';

// Internal to `pick-transport scan`: one report per realtime transport site, carrying the item
// as JSON for the scanner to parse. Not part of the plugin's rules or configs.

const rule: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    docs: {
      description: 'List every realtime transport a file uses (internal to pick-transport scan)',
    },
    messages: {
      item: '{{payload}}',
    },
    schema: [],
  },
  create(context) {
    return inventoryVisitors(context, (item) =>
      context.report({
        node: item.node as never,
        messageId: 'item',
        data: { payload: JSON.stringify({ kind: item.kind, label: item.label }) },
      }),
    );
  },
};

export default rule;
