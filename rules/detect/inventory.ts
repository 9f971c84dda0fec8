import type { TSESTree } from '@typescript-eslint/types';
import type { Rule, Scope } from 'eslint';
import type { InventoryKind } from '../../cli/scan/report.js';
import { createFollower, functionName } from './follow.js';
import { calleeName, calleePath } from './http.js';
import { createLongPollDetector, type LongPollFinding } from './long-polling.js';
import { pollingVisitors, type PollingSite } from './polling.js';
import { argument, findVariable, isFunction, objectProperty, unwrap, type FunctionNode } from './values.js';
import { analyzeWebSocket, mayBeWebSocket, type WebSocketUsage } from './websocket.js';

// The transport inventory: every realtime transport a file uses, client and server side. It
// only lists what is there; judging it is the rules' job. The polling, long-polling and
// WebSocket-client detectors are reused as they are; the rest (SSE, Socket.IO, WebSocket
// servers, WebRTC, WebTransport) lives here.
//
// Cost model: each visitor rejects a node on its name or literal value before any scope work;
// imports are resolved only for the few names that survive. Duplicates (one SSE handler that
// both sets a header and calls a helper) are merged per handler.

type Node = TSESTree.Node;
type Construction = TSESTree.CallExpression | TSESTree.NewExpression;

export interface InventorySite {
  kind: InventoryKind;
  /** Where the scanner locates the item. */
  node: Node;
  /** One short line: "setInterval every 5 s", "new EventSource('/events')". */
  label: string;
}

const GLOBAL_HOSTS = new Set(['window', 'globalThis', 'self', 'global']);
const EVENT_SOURCES = new Set(['EventSource', 'EventSourcePolyfill', 'NativeEventSource', 'ReconnectingEventSource']);
const PEER_CONNECTIONS = new Set(['RTCPeerConnection', 'webkitRTCPeerConnection', 'mozRTCPeerConnection']);
// Constructors worth resolving to their import: WSServer, WebSocketServer, SocketIOServer,
// Server, Manager, ReconnectingWebSocket, PartySocket, SSE (express-sse), Peer (simple-peer).
const IMPORTED_CONSTRUCTOR = /server|socket|^wss?$|^io|^sse|sse$|^manager$|peer/i;
// Called names worth resolving: io, socketIO, SocketIo, sio.
const IMPORTED_CALL = /^io|socket|^sio$/i;
const WS_PACKAGES = new Set(['ws', 'isomorphic-ws']);
const RECONNECTING_WS = new Set(['reconnecting-websocket', 'partysocket', 'robust-websocket', 'sockette', '@gamestdio/websocket']);
const PEER_PACKAGES = new Set(['simple-peer', 'peerjs']);
const EVENT_STREAM = 'text/event-stream';
const HEADER_SETTER = /header|^set$|^append$/i;
const TYPE_SETTERS = new Set(['type', 'contentType']);
// A request's own headers: an Accept there is a client, a Content-Type there is not a response.
const CLIENT_CALLS = new Set([
  'fetch', '$fetch', 'ofetch', 'ky', 'axios', 'got', 'request', 'get', 'post', 'put', 'patch',
  'Request', 'fetchEventSource', 'setRequestHeader', ...EVENT_SOURCES,
]);
const RESPONSE_OBJECT = /^(?:reply|rep|res|response)$/i;
const TS_WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'ChainExpression']);
const MAX_LABEL = 60;
const MAX_CONSTANT_USES = 20;


function keyName(key: Node, computed: boolean): string | undefined {
  if (!computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}

function staticText(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function isEventStream(text: string | undefined): boolean {
  return text !== undefined && text.length >= EVENT_STREAM.length && text.trimStart().toLowerCase().startsWith(EVENT_STREAM);
}

/** Collapses whitespace and cuts to `max` characters, so a label stays on one short line. */
export function oneLine(text: string, max = MAX_LABEL): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** "500 ms", "5 s", "2 min": the wording no-short-polling uses. */
function formatInterval(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000 || ms % 60_000 !== 0) return `${Number((ms / 1000).toFixed(1))} s`;
  return `${ms / 60_000} min`;
}

/** Where an imported value comes from: `require('ws').Server` is { module: 'ws', path: ['Server'] }. */
interface Origin {
  module: string;
  path: readonly string[];
}

const same = (path: readonly string[], ...names: string[]): boolean => path.length === names.length && names.every((n, i) => path[i] === n);

/**
 * ESLint visitors that find every realtime transport in a file and hand each to `onItem`.
 * Listeners of the reused detectors and of this module are merged per node type.
 */
export function inventoryVisitors(context: Rule.RuleContext, onItem: (item: InventorySite) => void): Rule.RuleListener {
  const sourceCode = context.sourceCode;
  const scopeOf = (node: Node): Scope.Scope => sourceCode.getScope(node as never);
  const text = (node: Node): string => sourceCode.getText(node as never);
  const seen = new Set<string>();
  const peerConnections: TSESTree.NewExpression[] = [];
  let dataChannel = false;

  /** Reports once per kind and key; the key is the handler for SSE endpoints. */
  function emit(kind: InventoryKind, node: Node, label: string, key: Node = node): void {
    const id = `${kind}:${key.range[0]}:${key.range[1]}`;
    if (seen.has(id)) return;
    seen.add(id);
    onItem({ kind, node, label });
  }

  /** `new EventSource('/api/events')`, `io('http://x', …)`: the callee and the first argument. */
  function head(node: Construction, max = MAX_LABEL): string {
    const callee = oneLine(text(node.callee), 40);
    const first = node.arguments[0];
    const args = first ? `${oneLine(text(first), 36)}${node.arguments.length > 1 ? ', …' : ''}` : '';
    return oneLine(`${node.type === 'NewExpression' ? 'new ' : ''}${callee}(${args})`, max);
  }

  function calleeText(node: Construction): string {
    return `${node.type === 'NewExpression' ? 'new ' : ''}${oneLine(text(node.callee), 40)}`;
  }

  // --- scope -------------------------------------------------------------------------------

  /** A platform global: unresolved, or declared only by configuration or a lib file. */
  function isGlobal(id: TSESTree.Identifier): boolean {
    const variable = findVariable(scopeOf(id), id.name);
    return !variable || variable.defs.length === 0;
  }

  /**
   * Whether a specific-named constructor (EventSource, RTCPeerConnection, ...) is the real thing:
   * a global, an import, a require or a parameter; not a class or function the file defines (a
   * polyfill's own source, a test double).
   */
  function isProvided(callee: Node): boolean {
    if (callee.type !== 'Identifier') return true;
    const def = findVariable(scopeOf(callee), callee.name)?.defs[0];
    return def === undefined || (def.type !== 'ClassName' && def.type !== 'FunctionName');
  }

  function requiredModule(node: Node): string | undefined {
    const n = unwrap(node);
    if (n.type === 'AwaitExpression') return requiredModule(n.argument);
    if (n.type === 'ImportExpression') return staticText(n.source);
    if (n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments.length === 1) {
      return staticText(argument(n, 0));
    }
    return undefined;
  }

  function withMember(base: Origin | undefined, name: string | undefined): Origin | undefined {
    if (!base || name === undefined) return undefined;
    // `require('ws').default` and a default import are the same value.
    if (name === 'default' && base.path.length === 0) return base;
    return { module: base.module, path: [...base.path, name] };
  }

  function originOf(node: Node, depth = 0): Origin | undefined {
    if (depth > 4) return undefined;
    const n = unwrap(node);
    if (n.type === 'MemberExpression') return withMember(originOf(n.object, depth + 1), keyName(n.property, n.computed));
    if (n.type !== 'Identifier') {
      const module = requiredModule(n);
      return module === undefined ? undefined : { module, path: [] };
    }
    const def = findVariable(scopeOf(n), n.name)?.defs[0];
    if (!def) return undefined;
    const defNode = def.node as unknown as Node;
    if (def.type === 'ImportBinding') {
      if (defNode.type === 'TSImportEqualsDeclaration') {
        // import WebSocket = require('ws')
        const ref = defNode.moduleReference;
        return ref.type === 'TSExternalModuleReference' ? { module: String(ref.expression.value), path: [] } : undefined;
      }
      const declaration = defNode.parent;
      if (declaration?.type !== 'ImportDeclaration' || declaration.importKind === 'type') return undefined;
      const base: Origin = { module: declaration.source.value, path: [] };
      if (defNode.type === 'ImportSpecifier') {
        if (defNode.importKind === 'type') return undefined;
        const imported = defNode.imported;
        return withMember(base, imported.type === 'Identifier' ? imported.name : String(imported.value));
      }
      return base;
    }
    if (def.type !== 'Variable' || defNode.type !== 'VariableDeclarator' || !defNode.init) return undefined;
    const init = defNode.init;
    const fromInit = (): Origin | undefined => {
      const module = requiredModule(init);
      if (module !== undefined) return { module, path: [] };
      const value = unwrap(init);
      return value.type === 'Identifier' || value.type === 'MemberExpression' ? originOf(value, depth + 1) : undefined;
    };
    if (defNode.id.type === 'Identifier') return fromInit();
    if (defNode.id.type === 'ObjectPattern') {
      // const { Server } = require('socket.io')
      for (const prop of defNode.id.properties) {
        if (prop.type !== 'Property') continue;
        const value = prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value;
        if (value.type === 'Identifier' && value.name === n.name) return withMember(fromInit(), keyName(prop.key, prop.computed));
      }
    }
    return undefined;
  }

  /**
   * The handler an SSE response belongs to, so one endpoint is one item: the function whose
   * parameter the response object is (`res`, `reply`, `c`), else the nearest function.
   */
  function handlerOf(node: Node, object?: Node): Node {
    let root = object && unwrap(object);
    while (root?.type === 'MemberExpression') root = unwrap(root.object);
    if (root?.type === 'Identifier') {
      const def = findVariable(scopeOf(root), root.name)?.defs[0];
      if (def?.type === 'Parameter' && isFunction(def.node as unknown as Node)) return def.node as unknown as Node;
    }
    for (let p = node.parent; p; p = p.parent) if (isFunction(p)) return p;
    return node;
  }

  const calleeObject = (call: Construction): Node | undefined => {
    const callee = unwrap(call.callee);
    return callee.type === 'MemberExpression' ? callee.object : undefined;
  };

  // --- SSE by the text/event-stream literal ---------------------------------------------------

  /** The call whose arguments hold `node` (through nested objects and `new Headers({...})`). */
  function enclosingCall(node: Node): Construction | undefined {
    let child: Node = node;
    for (let i = 0; i < 8; i++) {
      const parent: Node | undefined = child.parent;
      if (!parent) return undefined;
      if (parent.type === 'CallExpression' || parent.type === 'NewExpression') {
        if (parent.callee === child) return undefined;
        if (parent.type === 'NewExpression' && calleeName(parent.callee) === 'Headers') {
          child = parent;
          continue;
        }
        return parent;
      }
      if (parent.type !== 'ObjectExpression' && parent.type !== 'Property' && parent.type !== 'ArrayExpression' && !TS_WRAPPERS.has(parent.type)) {
        return undefined;
      }
      child = parent;
    }
    return undefined;
  }

  function isClientCall(call: Construction | undefined): boolean {
    const name = call && calleeName(call.callee);
    return name !== undefined && CLIENT_CALLS.has(name);
  }

  function endpointAt(node: Node, call: Construction | undefined, object?: Node): void {
    const label = call ? `text/event-stream response via ${calleeText(call)}` : 'text/event-stream response headers';
    emit('sse-endpoint', call ?? node, oneLine(label), handlerOf(call ?? node, object ?? (call && calleeObject(call))));
  }

  function clientAt(node: Node, call: Construction | undefined): void {
    const label = call ? `${head(call, 40)} with Accept: text/event-stream` : 'Accept: text/event-stream request headers';
    emit('sse-client', call ?? node, label);
  }

  /** Reads what an occurrence of the event-stream MIME type says: a response, a request, neither. */
  function onEventStream(expression: Node, followConstant: boolean): void {
    let child = expression;
    let parent = child.parent;
    while (parent && TS_WRAPPERS.has(parent.type)) {
      child = parent;
      parent = parent.parent;
    }
    if (!parent) return;
    switch (parent.type) {
      case 'Property': {
        if (parent.value !== child) return;
        const key = keyName(parent.key, parent.computed)?.toLowerCase();
        if (key === 'accept') {
          clientAt(parent, enclosingCall(parent));
        } else if (key === 'content-type' || key === 'contenttype') {
          const call = enclosingCall(parent);
          if (!isClientCall(call)) endpointAt(parent, call);
        }
        return;
      }
      case 'CallExpression': {
        const index = parent.arguments.indexOf(child as TSESTree.CallExpressionArgument);
        if (index < 0) return;
        const name = calleeName(parent.callee);
        if (name === undefined) return;
        const previous = index > 0 ? staticText(argument(parent, index - 1))?.toLowerCase() : undefined;
        if (previous === 'accept' && (HEADER_SETTER.test(name) || name === 'setRequestHeader')) clientAt(parent, parent);
        else if (previous === 'content-type' && HEADER_SETTER.test(name) && name !== 'setRequestHeader') endpointAt(parent, parent);
        else if (index === 0 && TYPE_SETTERS.has(name) && parent.callee.type === 'MemberExpression') endpointAt(parent, parent);
        return;
      }
      case 'AssignmentExpression': {
        // ctx.type = 'text/event-stream'; res.headers['content-type'] = ...
        const left = parent.left;
        if (parent.right !== child || left.type !== 'MemberExpression') return;
        const key = keyName(left.property, left.computed)?.toLowerCase();
        if (key === 'type' || key === 'contenttype' || key === 'content-type') {
          emit('sse-endpoint', parent, oneLine(`text/event-stream response via ${text(left)} =`), handlerOf(parent, left.object));
        }
        return;
      }
      case 'VariableDeclarator': {
        // const SSE_TYPE = 'text/event-stream': read where it is used.
        if (!followConstant || parent.init !== child || parent.id.type !== 'Identifier') return;
        const variable = sourceCode.getDeclaredVariables(parent as never)[0];
        let uses = 0;
        for (const reference of variable?.references ?? []) {
          if (!reference.isRead() || uses++ >= MAX_CONSTANT_USES) continue;
          onEventStream(reference.identifier as unknown as Node, false);
        }
        return;
      }
      default:
        return;
    }
  }

  // --- constructors --------------------------------------------------------------------------

  function webSocketLabel(node: TSESTree.NewExpression, usage: WebSocketUsage): string {
    const facts: string[] = [];
    if (usage.kind === 'ws-package') facts.push('ws package');
    if (usage.host === 'third-party') facts.push('third-party');
    if (!usage.escapes) {
      if (usage.receives && !usage.sends) facts.push('receive-only');
      if (!usage.handlesClose && (usage.sends || usage.receives)) facts.push('no close handler');
    }
    return facts.length > 0 ? `${head(node, 50)} (${facts.join(', ')})` : head(node);
  }

  function onImportedConstructor(node: TSESTree.NewExpression, callee: Node, name: string): void {
    const origin = originOf(callee);
    if (!origin) {
      // Without an import in sight, only names nothing else uses.
      if (callee.type === 'Identifier' && isGlobal(callee)) {
        if (name === 'WebSocketServer') emit('websocket-server', node, head(node));
        else if (name === 'SocketIOServer') emit('socketio-server', node, head(node));
      }
      return;
    }
    const { module, path } = origin;
    if (WS_PACKAGES.has(module)) {
      if (same(path, 'Server') || same(path, 'WebSocketServer')) emit('websocket-server', node, head(node));
      // import WS from 'ws'; new WS(url): a client under another name (analyzeWebSocket wants "WebSocket").
      else if (path.length === 0 || same(path, 'WebSocket')) emit('websocket-client', node, `${head(node, 50)} (ws package)`);
    } else if ((module === 'websocket' && same(path, 'server')) || (module === 'rpc-websockets' && same(path, 'Server'))) {
      emit('websocket-server', node, head(node));
    } else if (module === 'socket.io') {
      if (path.length === 0 || same(path, 'Server')) emit('socketio-server', node, head(node));
    } else if (module.startsWith('socket.io-client')) {
      if (same(path, 'Manager')) emit('socketio-client', node, head(node));
    } else if (RECONNECTING_WS.has(module)) {
      emit('websocket-client', node, `${head(node, 50)} (reconnecting)`);
    } else if (PEER_PACKAGES.has(module)) {
      if (path.length === 0 || same(path, 'Peer') || same(path, 'default')) peerConnections.push(node);
    } else if (module === 'express-sse' || module === 'sse-express') {
      emit('sse-endpoint', node, head(node));
    }
  }

  function onNew(node: TSESTree.NewExpression): void {
    const callee = unwrap(node.callee);
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? keyName(callee.property, callee.computed) : undefined;
    if (name === undefined) return;
    if (mayBeWebSocket(node)) {
      const usage = analyzeWebSocket(node, sourceCode);
      if (usage) emit('websocket-client', node, webSocketLabel(node, usage));
      else if (callee.type === 'Identifier') onImportedConstructor(node, callee, name); // reconnecting-websocket as WebSocket
      return;
    }
    if (EVENT_SOURCES.has(name)) {
      if (isProvided(callee)) emit('sse-client', node, head(node));
    } else if (PEER_CONNECTIONS.has(name)) {
      if (isProvided(callee)) peerConnections.push(node);
    } else if (name === 'WebTransport') {
      if (isProvided(callee)) emit('webtransport', node, head(node));
    } else if (name === 'WebSocketPair') {
      // Cloudflare Workers accept a socket by making a pair and returning one end.
      if (isProvided(callee)) emit('websocket-server', node, head(node));
    } else if (IMPORTED_CONSTRUCTOR.test(name)) {
      onImportedConstructor(node, callee, name);
    }
  }

  // --- calls -----------------------------------------------------------------------------------

  function socketIoCall(call: TSESTree.CallExpression, origin: Origin | undefined): void {
    if (!origin) return;
    if (origin.module === 'socket.io') {
      // require('socket.io')(server), socketio.listen(server)
      if (origin.path.length === 0 || same(origin.path, 'listen') || same(origin.path, 'Server')) emit('socketio-server', call, head(call));
    } else if (origin.module.startsWith('socket.io-client')) {
      const p = origin.path;
      if (p.length === 0 || same(p, 'io') || same(p, 'connect') || same(p, 'io', 'connect') || same(p, 'default', 'connect')) {
        emit('socketio-client', call, head(call));
      }
    }
  }

  /** A global `io()` from the Socket.IO script tag: with a URL or options, or held as a socket. */
  function globalIoCall(call: TSESTree.CallExpression): boolean {
    const first = argument(call, 0);
    if (first) return !isFunction(unwrap(first));
    let expr: Node = call;
    while (expr.parent && TS_WRAPPERS.has(expr.parent.type)) expr = expr.parent;
    const parent = expr.parent;
    return (
      (parent?.type === 'VariableDeclarator' && parent.init === expr) ||
      (parent?.type === 'AssignmentExpression' && parent.right === expr) ||
      (parent?.type === 'MemberExpression' && parent.object === expr)
    );
  }

  function onSocketIoName(call: TSESTree.CallExpression, callee: Node, name: string): void {
    if (name === 'io' && callee.type === 'Identifier') {
      const origin = originOf(callee);
      if (origin) socketIoCall(call, origin);
      else if (isGlobal(callee) && globalIoCall(call)) emit('socketio-client', call, head(call));
      return;
    }
    if (name === 'connect' && callee.type === 'MemberExpression') {
      const object = unwrap(callee.object);
      if (object.type === 'Identifier' && object.name === 'io' && isGlobal(object)) {
        emit('socketio-client', call, head(call));
        return;
      }
    }
    socketIoCall(call, originOf(callee));
  }

  function onCall(call: TSESTree.CallExpression): void {
    const callee = unwrap(call.callee);
    if (callee.type === 'CallExpression') {
      // require('socket.io')(server), require('socket.io-client')(url)
      const module = requiredModule(callee);
      if (module !== undefined) socketIoCall(call, { module, path: [] });
      return;
    }
    const name = calleeName(callee);
    if (name === undefined) return;
    switch (name) {
      case 'fetchEventSource':
        emit('sse-client', call, head(call));
        return;
      case 'io':
      case 'connect':
      case 'listen':
        onSocketIoName(call, callee, name);
        return;
      case 'streamSSE': {
        // Hono: streamSSE(c, async (stream) => { ... })
        const context = argument(call, 0);
        emit('sse-endpoint', call, head(call), handlerOf(call, context));
        return;
      }
      case 'createSession':
      case 'createChannel': {
        if (originOf(callee)?.module === 'better-sse') emit('sse-endpoint', call, head(call), handlerOf(call, argument(call, 1)));
        return;
      }
      case 'createEventStream': {
        // h3 / Nuxt, where server utilities are auto-imported globals.
        const origin = originOf(callee);
        const global = callee.type === 'Identifier' && isGlobal(callee);
        if (global || origin?.module === 'h3') emit('sse-endpoint', call, head(call), handlerOf(call, argument(call, 0)));
        return;
      }
      case 'sse': {
        // fastify-sse-v2 / @fastify/sse: reply.sse(...)
        const object = callee.type === 'MemberExpression' ? unwrap(callee.object) : undefined;
        if (object?.type === 'Identifier' && RESPONSE_OBJECT.test(object.name)) emit('sse-endpoint', call, head(call), handlerOf(call, object));
        return;
      }
      case 'ws': {
        // express-ws app.ws('/path', handler), uWebSockets.js App().ws('/*', {...}), Elysia .ws()
        if (callee.type !== 'MemberExpression' || call.arguments.length < 2) return;
        const route = argument(call, 0);
        const handler = argument(call, call.arguments.length - 1);
        const r = route && unwrap(route);
        const h = handler && unwrap(handler);
        if ((r?.type === 'Literal' && typeof r.value === 'string') || r?.type === 'TemplateLiteral') {
          if (h && (isFunction(h) || h.type === 'ObjectExpression')) emit('websocket-server', call, head(call));
        }
        return;
      }
      case 'serve': {
        const path = calleePath(callee);
        const options = argument(call, 0);
        const o = options && unwrap(options);
        if (path?.length === 2 && path[0] === 'Bun' && o?.type === 'ObjectExpression' && objectProperty(o, 'websocket')) {
          emit('websocket-server', call, 'Bun.serve({ websocket })');
        }
        return;
      }
      case 'upgradeWebSocket':
        // Deno.upgradeWebSocket(req), Hono's upgradeWebSocket(...)
        emit('websocket-server', call, head(call));
        return;
      case 'createDataChannel':
        dataChannel = true;
        return;
      default:
        if (callee.type === 'Identifier' && IMPORTED_CALL.test(name)) socketIoCall(call, originOf(callee));
    }
  }

  // --- other node types ------------------------------------------------------------------------

  function onProperty(prop: TSESTree.Property): void {
    // Fastify route options: { websocket: true } (and wsHandler of older @fastify/websocket).
    const name = keyName(prop.key, prop.computed);
    if (name !== 'websocket' && name !== 'wsHandler') return;
    const value = unwrap(prop.value);
    if (name === 'websocket' && !(value.type === 'Literal' && value.value === true)) return;
    if (name === 'wsHandler' && !isFunction(value) && value.type !== 'Identifier') return;
    const holder = prop.parent;
    const call = holder?.parent;
    if (call?.type !== 'CallExpression' || !call.arguments.includes(holder as TSESTree.ObjectExpression)) return;
    emit('websocket-server', call, head(call));
  }

  function onDecorator(decorator: TSESTree.Decorator): void {
    const expression = unwrap(decorator.expression);
    const callee = expression.type === 'CallExpression' ? unwrap(expression.callee) : expression;
    if (callee.type !== 'Identifier' || (callee.name !== 'Sse' && callee.name !== 'WebSocketGateway')) return;
    const target = decorator.parent;
    if (!target) return;
    const member = target.type === 'MethodDefinition' || target.type === 'PropertyDefinition' || target.type === 'ClassDeclaration' || target.type === 'ClassExpression' ? target : undefined;
    if (!member) return;
    const ownName =
      member.type === 'ClassDeclaration' || member.type === 'ClassExpression' ? member.id?.name : keyName(member.key, member.computed);
    const label = oneLine(`${text(decorator)} ${ownName ?? ''}${callee.name === 'Sse' ? '()' : ''}`);
    if (callee.name === 'Sse') {
      const fn = member.type === 'MethodDefinition' ? member.value : member;
      emit('sse-endpoint', member, label, fn);
    } else {
      emit('websocket-server', member, label);
    }
  }

  function onLiteral(node: Node): void {
    if (node.type === 'Literal') {
      // Most literals are rejected on type and first character alone.
      const value = node.value;
      if (typeof value !== 'string' || value.length < EVENT_STREAM.length) return;
      const first = value.charCodeAt(0);
      if (first !== 116 /* t */ && first !== 84 /* T */ && first !== 32 /* space */) return;
      if (!isEventStream(value)) return;
    } else if (node.type === 'TemplateLiteral') {
      if (node.expressions.length > 0 || !isEventStream(node.quasis[0]?.value.cooked ?? undefined)) return;
    } else {
      return;
    }
    onEventStream(node, true);
  }

  function onAssignment(node: TSESTree.AssignmentExpression): void {
    const left = node.left;
    if (left.type === 'MemberExpression' && keyName(left.property, left.computed) === 'ondatachannel') dataChannel = true;
  }

  // --- reused detectors --------------------------------------------------------------------------

  const follower = createFollower(context);

  const polling = pollingVisitors(context, { thresholdMs: Number.POSITIVE_INFINITY, includeThirdParty: true }, (site: PollingSite) => {
    const what =
      site.kind === 'timeout-loop' ? 'setTimeout loop'
      : site.kind === 'await-loop' ? `${site.label} loop`
      : site.kind === 'rxjs' ? `RxJS ${site.label}()`
      : site.label;
    const every = site.intervalMs === undefined || !Number.isFinite(site.intervalMs) ? ', interval unknown' : ` every ${formatInterval(site.intervalMs)}`;
    emit('polling', site.node, oneLine(`${what}${every}`));
  }, follower);

  const longPoll = createLongPollDetector(context, follower);

  function onLongPoll(finding: LongPollFinding | null): void {
    if (!finding) return;
    let label: string;
    if (finding.shape === 'recursive-request') {
      const name = isFunction(finding.owner) ? functionName(finding.owner) : undefined;
      label = `${name ?? 'function'}() asks again on each response`;
    } else if (finding.shape === 'request-loop') {
      label = `loop asking again at once: ${oneLine(text(finding.node), 40)}`;
    } else {
      label = `handler holds the response: ${oneLine(text(finding.node), 36)}`;
    }
    if (finding.thirdParty) label += ' (third-party)';
    emit(finding.shape === 'held-response' ? 'long-poll-handler' : 'long-poll-client', finding.node, label);
  }

  const onFunction = (node: Rule.Node): void => onLongPoll(longPoll.onFunction(node as unknown as FunctionNode));

  const own: Rule.RuleListener = {
    FunctionDeclaration: onFunction,
    FunctionExpression: onFunction,
    ArrowFunctionExpression: onFunction,
    AwaitExpression(node) {
      onLongPoll(longPoll.onAwait(node as unknown as TSESTree.AwaitExpression));
    },
    CallExpression(node) {
      const call = node as unknown as TSESTree.CallExpression;
      for (const finding of longPoll.onCall(call)) onLongPoll(finding);
      onCall(call);
    },
    NewExpression(node) {
      onNew(node as unknown as TSESTree.NewExpression);
    },
    Literal(node) {
      onLiteral(node as unknown as Node);
    },
    TemplateLiteral(node) {
      onLiteral(node as unknown as Node);
    },
    Property(node) {
      onProperty(node as unknown as TSESTree.Property);
    },
    AssignmentExpression(node) {
      onAssignment(node as unknown as TSESTree.AssignmentExpression);
    },
    'Program:exit'() {
      // Known only once the whole file is read: whether any connection opens a data channel.
      for (const node of peerConnections) emit('webrtc', node, dataChannel ? `${head(node, 44)} with data channel` : head(node));
      peerConnections.length = 0;
    },
  };
  (own as Record<string, unknown>).Decorator = (node: Rule.Node) => onDecorator(node as unknown as TSESTree.Decorator);

  return mergeListeners([polling, own]);
}

/** One listener per node type, calling each source's in turn. */
function mergeListeners(sources: readonly Rule.RuleListener[]): Rule.RuleListener {
  const byType = new Map<string, ((...args: unknown[]) => void)[]>();
  for (const source of sources) {
    for (const [type, listener] of Object.entries(source)) {
      if (typeof listener !== 'function') continue;
      const list = byType.get(type);
      if (list) list.push(listener as (...args: unknown[]) => void);
      else byType.set(type, [listener as (...args: unknown[]) => void]);
    }
  }
  const merged: Record<string, (...args: unknown[]) => void> = {};
  for (const [type, listeners] of byType) {
    const [only] = listeners;
    merged[type] =
      listeners.length === 1 && only
        ? only
        : (...args: unknown[]) => {
            for (const listener of listeners) listener(...args);
          };
  }
  return merged as Rule.RuleListener;
}
