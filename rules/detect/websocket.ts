import type { TSESTree } from '@typescript-eslint/types';
import type { Scope, SourceCode } from 'eslint';
import { findVariable, isFunction, urlHost, type UrlHost } from './values.js';

// WebSocket usage analysis, independent of reporting so a codebase scanner can reuse it.
//
// Which constructions count:
// - `new WebSocket(url)`, `new window.WebSocket(url)`, `new globalThis.WebSocket(url)` (also `self`,
//   `global`) where the name is the platform global, not a local binding;
// - `new WebSocket(url)` whose `WebSocket` is imported (or required) from 'ws' or 'isomorphic-ws': a
//   Node or universal client, reported as `kind: 'ws-package'` so each rule decides. "Use
//   EventSource instead" is a browser argument; "handle close and reconnect" applies to both.
// - Anything else named WebSocket (a local class, `reconnecting-websocket` or `partysocket`
//   imported under that name) is not a raw socket and is ignored.
//
// How the socket is held decides what can be seen of it:
// - a variable (local, or module-level in an ES module or CommonJS file) is tracked through every
//   reference and through `const alias = ws` aliases. A script's top-level variable is shared with
//   other scripts and an exported one leaves the file: both escape;
// - `this.x = new WebSocket()` is tracked inside its class when nothing outside can reach the
//   member: a `#private` or TypeScript private/protected member, or a React class component (React
//   owns the instances). Other `this.x` storage escapes, as does Vue's options API (templates read
//   `this`);
// - `ref.current = new WebSocket()` is tracked when `ref` is a `useRef()` that is only ever used as
//   `ref.current`;
// - any other storage escapes: `window.ws =`, `state.socket =`, `setSocket(ws)`, `return ws`, an
//   argument to a call other than the socket's own methods, object/array literals, JSX, export.
//   Code out of sight may send on it or handle its close, so rules must stay quiet.

type Node = TSESTree.Node;

export type WebSocketKind = 'global' | 'ws-package';
export type WebSocketHolder = 'variable' | 'class-member' | 'ref' | 'none';

export interface WebSocketUsage {
  node: TSESTree.NewExpression;
  kind: WebSocketKind;
  /** The URL argument, when there is one. */
  url: TSESTree.Expression | null;
  /**
   * Where the URL points (values.ts): 'relative' and 'same-origin' (location-based, localhost) are
   * the app's own server; 'unknown' covers parameters, configuration and environment values.
   */
  host: UrlHost;
  holder: WebSocketHolder;
  /** `.send` is used on the socket anywhere, including inside its own `onopen`. */
  sends: boolean;
  /** A message handler is set: `onmessage =`, `addEventListener('message')`, `.on('message')`. */
  receives: boolean;
  /** `binaryType` is assigned. */
  setsBinaryType: boolean;
  /**
   * A close handler exists: `onclose =`, `addEventListener('close')`, `.on('close')`/`.once('close')`,
   * or a `setInterval` that checks `readyState` against CLOSED (a reconnect watchdog).
   */
  handlesClose: boolean;
  /** The socket reaches code this analysis cannot see (see the file header). */
  escapes: boolean;
  /**
   * The code closes the socket itself once it is done with it: `.close()` from the socket's own
   * open or message handler, or anywhere when the socket lives inside a `new Promise` executor
   * (one request, one answer). A close in a cleanup (`return () => ws.close()`) is not one-shot.
   */
  oneShot: boolean;
}

const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self', 'global']);
const WS_PACKAGES = new Set(['ws', 'isomorphic-ws']);
const TS_WRAPPERS = new Set<string>([
  'TSNonNullExpression',
  'TSAsExpression',
  'TSTypeAssertion',
  'TSSatisfiesExpression',
]);
const REACT_BASES = new Set(['Component', 'PureComponent']);
const LISTEN_METHODS = new Set(['addEventListener', 'on', 'once', 'addListener']);
const HANDLER_PROPS = new Set(['onopen', 'onmessage', 'onerror', 'onclose']);
const MAX_DEPTH = 4;

/** Cheap name test to run before any scope work: could this `new` build a WebSocket at all? */
export function mayBeWebSocket(node: TSESTree.NewExpression): boolean {
  const callee = node.callee;
  if (callee.type === 'Identifier') return callee.name === 'WebSocket';
  return (
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.property.type === 'Identifier' &&
    callee.property.name === 'WebSocket'
  );
}

/** The name of a non-computed (or string-literal computed) member; `#x` for private names. */
export function memberName(node: TSESTree.MemberExpression): string | null {
  return keyName(node.property, node.computed);
}

function keyName(key: Node, computed: boolean): string | null {
  if (!computed) {
    if (key.type === 'Identifier') return key.name;
    if (key.type === 'PrivateIdentifier') return `#${key.name}`;
    return null;
  }
  return staticString(key);
}

function staticString(node: Node | undefined): string | null {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

function isClass(node: Node | undefined): node is TSESTree.ClassDeclaration | TSESTree.ClassExpression {
  return node?.type === 'ClassDeclaration' || node?.type === 'ClassExpression';
}

/** Classifies the constructor of a `new` expression; null when it is not a raw WebSocket. */
export function webSocketKind(node: TSESTree.NewExpression, sourceCode: SourceCode): WebSocketKind | null {
  if (!mayBeWebSocket(node)) return null;
  const callee = node.callee;
  if (callee.type === 'Identifier') {
    const variable = findVariable(sourceCode.getScope(node as never), 'WebSocket');
    // Unresolved (an implicit global), a configured global, or a TypeScript lib declaration.
    if (!variable || variable.defs.length === 0) return 'global';
    const def = variable.defs[0]!;
    const defNode = def.node as unknown as Node;
    if (def.type === 'ImportBinding') {
      const declaration = defNode.parent;
      if (declaration?.type === 'ImportDeclaration' && declaration.importKind !== 'type') {
        return WS_PACKAGES.has(declaration.source.value) ? 'ws-package' : null;
      }
      return null;
    }
    // const WebSocket = require('ws')
    if (def.type === 'Variable' && defNode.type === 'VariableDeclarator') {
      const init = defNode.init;
      if (
        init?.type === 'CallExpression' &&
        init.callee.type === 'Identifier' &&
        init.callee.name === 'require' &&
        WS_PACKAGES.has(staticString(init.arguments[0]) ?? '')
      ) {
        return 'ws-package';
      }
    }
    return null;
  }
  if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && GLOBAL_OBJECTS.has(callee.object.name)) {
    const owner = findVariable(sourceCode.getScope(node as never), callee.object.name);
    if (!owner || owner.defs.length === 0) return 'global';
  }
  return null;
}

/** Visits `node` and its descendants depth-first; `enter` returns false to skip a node's children. */
export function walk(node: Node, sourceCode: SourceCode, enter: (node: Node) => boolean | void): void {
  const keysOf = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (enter(current) === false) continue;
    const keys =
      keysOf[current.type] ??
      Object.keys(current).filter((k) => k !== 'parent' && k !== 'loc' && k !== 'range');
    for (let i = keys.length - 1; i >= 0; i--) {
      const child = (current as unknown as Record<string, unknown>)[keys[i]!];
      if (Array.isArray(child)) {
        for (let j = child.length - 1; j >= 0; j--) {
          const item: unknown = child[j];
          if (item && typeof (item as Node).type === 'string') stack.push(item as Node);
        }
      } else if (child && typeof (child as Node).type === 'string') {
        stack.push(child as Node);
      }
    }
  }
}

interface Facts {
  sends: boolean;
  receives: boolean;
  setsBinaryType: boolean;
  handlesClose: boolean;
  escapes: boolean;
}

interface Analysis extends Facts {
  sourceCode: SourceCode;
  seen: Set<Scope.Variable>;
  /** `.close()` calls on the socket. */
  closes: Node[] | undefined;
}

/** In a non-arrow handler registered on the socket, `this` is the socket. */
function scanHandlerThis(fn: Node | undefined, a: Analysis): void {
  if (fn?.type !== 'FunctionExpression') return;
  walk(fn.body, a.sourceCode, (node) => {
    if (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || isClass(node)) return false;
    if (node.type === 'MemberExpression' && node.object.type === 'ThisExpression' && memberName(node) === 'send') {
      a.sends = true;
    }
    return undefined;
  });
}

function isClosedConstant(node: Node): boolean {
  if (node.type === 'Literal') return node.value === 3;
  if (node.type === 'Identifier') return node.name === 'CLOSED';
  return node.type === 'MemberExpression' && memberName(node) === 'CLOSED';
}

/** Whether the innermost function around `node` is a `setInterval` callback. */
function insideSetInterval(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'FunctionExpression' || p.type === 'ArrowFunctionExpression') {
      const call = p.parent;
      if (call?.type !== 'CallExpression' || call.arguments[0] !== p) return false;
      const callee = call.callee;
      return (
        (callee.type === 'Identifier' && callee.name === 'setInterval') ||
        (callee.type === 'MemberExpression' && memberName(callee) === 'setInterval')
      );
    }
    if (p.type === 'FunctionDeclaration') return false;
  }
  return false;
}

/** What one member access on the socket (`ws.x`) tells. */
function memberUse(member: TSESTree.MemberExpression, a: Analysis): void {
  const name = memberName(member);
  if (name === null) {
    a.escapes = true; // ws[key]: cannot tell what is used
    return;
  }
  const parent = member.parent;
  const assigned = parent?.type === 'AssignmentExpression' && parent.left === member ? parent.right : undefined;
  if (name === 'send') {
    a.sends = true;
  } else if (name === 'close') {
    if (parent?.type === 'CallExpression' && parent.callee === member) (a.closes ??= []).push(parent);
  } else if (name === 'binaryType') {
    if (assigned) a.setsBinaryType = true;
  } else if (HANDLER_PROPS.has(name)) {
    if (assigned && !(assigned.type === 'Literal' && assigned.value === null)) {
      if (name === 'onclose') a.handlesClose = true;
      if (name === 'onmessage') a.receives = true;
      scanHandlerThis(assigned, a);
    }
  } else if (LISTEN_METHODS.has(name)) {
    if (parent?.type === 'CallExpression' && parent.callee === member) {
      const event = staticString(parent.arguments[0]);
      if (event === 'close') a.handlesClose = true;
      if (event === 'message') a.receives = true;
      scanHandlerThis(parent.arguments[1], a);
    }
  } else if (name === 'readyState') {
    if (
      parent?.type === 'BinaryExpression' &&
      isClosedConstant(parent.left === member ? parent.right : parent.left) &&
      insideSetInterval(member)
    ) {
      a.handlesClose = true;
    }
  }
}

/** Follows one expression that evaluates to the socket to where its value goes. */
function valueUse(start: Node, a: Analysis, depth: number): void {
  let expr: Node = start;
  for (let guard = 0; guard < 16; guard++) {
    const parent: Node | undefined = expr.parent;
    if (!parent) {
      a.escapes = true;
      return;
    }
    if (TS_WRAPPERS.has(parent.type) || parent.type === 'ChainExpression' || parent.type === 'AwaitExpression') {
      expr = parent;
      continue;
    }
    switch (parent.type) {
      case 'MemberExpression':
        if (parent.object === expr) memberUse(parent, a);
        else a.escapes = true;
        return;
      case 'CallExpression':
      case 'NewExpression':
        if (parent.callee !== expr) a.escapes = true;
        return;
      case 'VariableDeclarator':
        if (parent.init !== expr) return;
        if (parent.id.type === 'Identifier') trackDeclarator(parent, a, depth + 1);
        else a.escapes = true; // destructuring: not followed
        return;
      case 'AssignmentExpression':
        if (parent.right === expr) storeInto(parent, a, depth + 1);
        return;
      case 'LogicalExpression':
        // `ws && ws.close()` yields the socket only when it is falsy: a test, not a hand-off.
        if (parent.operator === '&&' && parent.left === expr) return;
        expr = parent;
        continue;
      case 'ConditionalExpression':
        if (parent.test === expr) return;
        expr = parent;
        continue;
      case 'SequenceExpression':
        if (parent.expressions[parent.expressions.length - 1] !== expr) return;
        expr = parent;
        continue;
      case 'ExpressionStatement':
      case 'UnaryExpression':
      case 'BinaryExpression':
      case 'IfStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'ForStatement':
      case 'SwitchStatement':
      case 'SwitchCase':
      case 'TemplateLiteral':
      case 'ThrowStatement':
        return;
      default:
        // return, yield, export, object/array literals, spread, JSX, default values, ...
        a.escapes = true;
        return;
    }
  }
  a.escapes = true;
}

function isExported(declarator: Node): boolean {
  const declaration = declarator.parent;
  return declaration?.type === 'VariableDeclaration' && declaration.parent?.type === 'ExportNamedDeclaration';
}

/** Every read of a variable holding the socket. */
function trackVariable(variable: Scope.Variable, a: Analysis, depth: number): void {
  if (a.seen.has(variable)) return;
  a.seen.add(variable);
  if (depth > MAX_DEPTH || variable.scope.type === 'global') {
    // Too many hops, or a script's top-level variable that other scripts share.
    a.escapes = true;
    return;
  }
  for (const def of variable.defs) {
    if (def.type === 'Variable' && isExported(def.node as unknown as Node)) {
      a.escapes = true;
      return;
    }
  }
  for (const reference of variable.references) {
    if (reference.isRead()) valueUse(reference.identifier as unknown as Node, a, depth);
  }
}

function trackDeclarator(declarator: TSESTree.VariableDeclarator, a: Analysis, depth: number): void {
  const variable = a.sourceCode.getDeclaredVariables(declarator as never)[0];
  if (variable) trackVariable(variable, a, depth);
  else a.escapes = true;
}

/** `target = <socket>`: where it is stored decides whether it can be followed. */
function storeInto(assignment: TSESTree.AssignmentExpression, a: Analysis, depth: number): WebSocketHolder {
  const left = assignment.left;
  if (left.type === 'Identifier') {
    const variable = findVariable(a.sourceCode.getScope(assignment as never), left.name);
    if (!variable || variable.defs.length === 0) {
      a.escapes = true; // an implicit or configured global
      return 'none';
    }
    trackVariable(variable, a, depth);
    return 'variable';
  }
  if (left.type === 'MemberExpression') {
    if (left.object.type === 'ThisExpression' && trackClassMember(left, a)) return 'class-member';
    if (left.object.type === 'Identifier' && memberName(left) === 'current' && trackRef(left.object, a)) return 'ref';
  }
  a.escapes = true;
  return 'none';
}

function isReactComponent(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  const base = node.superClass;
  if (!base) return false;
  if (base.type === 'Identifier') return REACT_BASES.has(base.name);
  return base.type === 'MemberExpression' && REACT_BASES.has(memberName(base) ?? '');
}

/** The class whose instance `this` is at `node`; null in plain functions, object literals, top level. */
function thisClass(node: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  let child: Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (p.type === 'FunctionExpression' || p.type === 'FunctionDeclaration') {
      const owner = p.parent;
      if (owner?.type === 'MethodDefinition' && owner.value === p) {
        const classNode = owner.parent?.parent;
        return isClass(classNode) ? classNode : null;
      }
      return null;
    }
    // Field initialisers (arrow-function fields included) see the instance.
    if (p.type === 'PropertyDefinition' && p.value === child) {
      const classNode = p.parent?.parent;
      return isClass(classNode) && !p.static ? classNode : null;
    }
    if (p.type === 'StaticBlock') return null;
  }
  return null;
}

function trackClassMember(target: TSESTree.MemberExpression, a: Analysis): boolean {
  const name = memberName(target);
  const classNode = thisClass(target);
  if (!name || !classNode) return false;
  const hidden =
    name.startsWith('#') ||
    classNode.body.body.some(
      (m) =>
        m.type === 'PropertyDefinition' &&
        keyName(m.key, m.computed) === name &&
        (m.accessibility === 'private' || m.accessibility === 'protected'),
    );
  if (!hidden && !isReactComponent(classNode)) return false;

  const uses: TSESTree.MemberExpression[] = [];
  let leaks = false;
  walk(classNode.body, a.sourceCode, (node) => {
    if (isClass(node)) return false;
    if (node.type !== 'ThisExpression') return undefined;
    const parent = node.parent;
    if (
      (parent?.type === 'VariableDeclarator' && parent.init === node) ||
      (parent?.type === 'AssignmentExpression' && parent.right === node)
    ) {
      leaks = true; // `const self = this` or `const { ws } = this`: later uses are out of sight
    } else if (parent?.type === 'MemberExpression' && parent.object === node && memberName(parent) === name) {
      if (thisClass(node) === classNode) uses.push(parent);
    }
    return undefined;
  });
  if (leaks) {
    a.escapes = true;
    return true;
  }
  for (const use of uses) {
    const parent = use.parent;
    if (parent?.type === 'AssignmentExpression' && parent.left === use) continue;
    valueUse(use, a, MAX_DEPTH - 1);
  }
  return true;
}

function isUseRefCall(node: Node | null | undefined): boolean {
  if (node?.type !== 'CallExpression') return false;
  const callee = node.callee;
  if (callee.type === 'Identifier') return callee.name === 'useRef';
  return callee.type === 'MemberExpression' && memberName(callee) === 'useRef';
}

function trackRef(refId: TSESTree.Identifier, a: Analysis): boolean {
  const variable = findVariable(a.sourceCode.getScope(refId as never), refId.name);
  if (!variable || variable.defs.length !== 1) return false;
  const defNode = variable.defs[0]!.node as unknown as Node;
  if (defNode.type !== 'VariableDeclarator' || !isUseRefCall(defNode.init)) return false;
  for (const reference of variable.references) {
    if (!reference.isRead()) continue;
    const id = reference.identifier as unknown as Node;
    const use = id.parent;
    if (use?.type !== 'MemberExpression' || use.object !== id || memberName(use) !== 'current') {
      a.escapes = true; // the ref itself is handed out
      continue;
    }
    const parent = use.parent;
    if (parent?.type === 'AssignmentExpression' && parent.left === use) continue;
    valueUse(use, a, MAX_DEPTH - 1);
  }
  return true;
}

const ONE_SHOT_EVENTS = new Set(['open', 'message']);

/** Whether `fn` is registered as an open or message handler (on any target: a heuristic). */
function isOpenOrMessageHandler(fn: Node): boolean {
  const parent = fn.parent;
  if (parent?.type === 'AssignmentExpression' && parent.right === fn && parent.left.type === 'MemberExpression') {
    const name = memberName(parent.left);
    return name === 'onopen' || name === 'onmessage';
  }
  if (parent?.type === 'CallExpression' && parent.arguments[1] === fn && parent.callee.type === 'MemberExpression') {
    return LISTEN_METHODS.has(memberName(parent.callee) ?? '') && ONE_SHOT_EVENTS.has(staticString(parent.arguments[0]) ?? '');
  }
  return false;
}

/** Whether some function around `node` is a `new Promise(executor)` executor. */
function insidePromiseExecutor(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (!isFunction(p)) continue;
    const owner = p.parent;
    if (owner?.type === 'NewExpression' && owner.arguments[0] === p && owner.callee.type === 'Identifier' && owner.callee.name === 'Promise') {
      return true;
    }
  }
  return false;
}

function closesWhenDone(socket: Node, closes: readonly Node[]): boolean {
  if (insidePromiseExecutor(socket)) return true;
  return closes.some((close) => {
    for (let p = close.parent; p; p = p.parent) {
      if (isFunction(p) && isOpenOrMessageHandler(p)) return true;
    }
    return false;
  });
}

/** Analyses one `new WebSocket(...)`; null when the expression is not a raw WebSocket. */
export function analyzeWebSocket(node: TSESTree.NewExpression, sourceCode: SourceCode): WebSocketUsage | null {
  const kind = webSocketKind(node, sourceCode);
  if (!kind) return null;
  const first = node.arguments[0];
  const url = first && first.type !== 'SpreadElement' ? first : null;
  const host: UrlHost = url ? urlHost(url, sourceCode.getScope(url as never)) : 'unknown';

  const a: Analysis = {
    sourceCode,
    seen: new Set(),
    sends: false,
    receives: false,
    setsBinaryType: false,
    handlesClose: false,
    escapes: false,
    closes: undefined,
  };

  // Climb past wrappers and choices: `this.ws = this.ws || new WebSocket(u)`, `c ? new WebSocket(a) : b`.
  let expr: Node = node;
  for (let p: Node | undefined = expr.parent; p; p = expr.parent) {
    if (
      TS_WRAPPERS.has(p.type) ||
      p.type === 'LogicalExpression' ||
      (p.type === 'ConditionalExpression' && p.test !== expr)
    ) {
      expr = p;
    } else {
      break;
    }
  }
  const parent = expr.parent;
  let holder: WebSocketHolder = 'none';
  if (parent?.type === 'VariableDeclarator' && parent.init === expr && parent.id.type === 'Identifier') {
    holder = 'variable';
    trackDeclarator(parent, a, 0);
  } else if (parent?.type === 'AssignmentExpression' && parent.right === expr) {
    holder = storeInto(parent, a, 0);
  } else {
    valueUse(expr, a, 0);
  }
  const { sends, receives, setsBinaryType, handlesClose, escapes, closes } = a;
  const oneShot = closes !== undefined && closesWhenDone(node, closes);
  return { node, kind, url, host, holder, sends, receives, setsBinaryType, handlesClose, escapes, oneShot };
}
