import type { ESLint, Linter, Rule } from 'eslint';
import { PACKAGE_NAME, PACKAGE_VERSION } from '../knowledge/package-info.js';
import type { TransportId } from '../knowledge/schema.js';
import noLongPolling from './no-long-polling.js';
import noReceiveOnlyWebsocket from './no-receive-only-websocket.js';
import noShortPolling from './no-short-polling.js';
import websocketNeedsReconnect from './websocket-needs-reconnect.js';

// `pick-transport/eslint-plugin`: one line in eslint.config.js turns the rules on.

export const NAMESPACE = 'pick-transport';

export const rules = {
  'no-short-polling': noShortPolling,
  'no-long-polling': noLongPolling,
  'no-receive-only-websocket': noReceiveOnlyWebsocket,
  'websocket-needs-reconnect': websocketNeedsReconnect,
} satisfies Record<string, Rule.RuleModule>;

export type RuleName = keyof typeof rules;

/** Design advice warns; a socket that never reconnects is a bug, so that one errors. */
const severities: Record<RuleName, Linter.RuleSeverity> = {
  'no-short-polling': 'warn',
  'no-long-polling': 'warn',
  'no-receive-only-websocket': 'warn',
  'websocket-needs-reconnect': 'error',
};

/**
 * The transport each rule finds in code. A finding goes against the recommendation when it
 * detects another transport; operational rules detect none.
 */
export const detects: Record<RuleName, TransportId | undefined> = {
  'no-short-polling': 'short-polling',
  'no-long-polling': 'long-polling',
  'no-receive-only-websocket': 'websocket',
  'websocket-needs-reconnect': undefined,
};

export interface PickTransportPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: { recommended: Linter.Config };
}

const plugin: PickTransportPlugin = {
  meta: { name: PACKAGE_NAME, version: PACKAGE_VERSION, namespace: NAMESPACE },
  rules,
  configs: {} as PickTransportPlugin['configs'],
};

// Assigned after the object exists, so the config can carry the plugin itself.
plugin.configs.recommended = {
  name: `${NAMESPACE}/recommended`,
  plugins: { [NAMESPACE]: plugin },
  rules: Object.fromEntries(
    Object.entries(severities).map(([rule, severity]) => [`${NAMESPACE}/${rule}`, severity]),
  ),
};

export default plugin;
