import type { TSESTree } from '@typescript-eslint/types';
import type { Rule, Scope, SourceCode } from 'eslint';
import { createFollower, functionName, type Follower, type NetworkSummary } from './follow.js';
import { calleeName, CLIENT_PART, classifyRequest, COUNTING_RECEIVER_ENDS, receiverCounts, requestApi, requestOf } from './http.js';
import { awaitedDelay } from './delays.js';
import { argumentAt, parameterAt } from './handed.js';
import { isFailurePath } from './polling.js';
import { constantInit, findVariable, isFunction, staticNumber, unwrap, type FunctionNode } from './values.js';
import { memberName, walk } from './websocket.js';
import { isWordChar, mayEscape, mayName, WORD_CHARS, wordStart } from './words.js';

// Finds long polling, client and server side. It only finds; the rule words the report.
//
// Client: code that asks again as soon as each answer arrives.
// - recursion: a function that awaits an HTTP read and then calls itself on the success path,
//   or calls itself from the response callback of a request (`.then(() => poll())`, jQuery
//   `complete: poll` / `success`, `$.get(url, cb)`, `xhr.onload`);
// - loops: `while`/`do`/`for(;;)` that await an HTTP read with no pause in the loop.
// Not long polling:
// - re-requests only on failure (isFailurePath: catch, `!res.ok`, retry counters), calls that
//   pass a counter (`retry(n - 1)`), functions named retry/backoff;
// - any timer or awaited pause on the way, even 0 ms: a timed repeat is no-short-polling's, so
//   each shape belongs to exactly one rule;
// - stream readers (`reader.read()` is not an HTTP request);
// - pagination and "until done": re-requesting under a condition on the data just fetched
//   (`if (page.next) load(page.next)`, `if (!page.next) break`, `while (cursor) {...; cursor = x}`),
//   bounded loops (`i < 3`), loops that run once or return/break once a request succeeds.
//   Stop flags set elsewhere (`cancelled`, `this.running`, `signal.aborted`) and status checks
//   (`res.status === 410`) do not count as data.
//
// Server: an HTTP handler (Express/router `get/post/all/...`, Fastify `get`/`route`, Koa
// `router.get`/`app.use` with ctx, `createServer`, `server.on('request')`) that stores its
// response object (res, reply, ctx) or a held promise's `resolve` in a collection outside the
// handler, to answer later. Not long polling: an SSE hub (sets `text/event-stream`, writes SSE
// frames or calls an *sse* helper) or another streaming hub (writes to or flushes the response it
// keeps), middleware that calls `next()`, and a handler that answers right after storing.

type Node = TSESTree.Node;

export type LongPollShape = 'recursive-request' | 'request-loop' | 'held-response';

export interface LongPollFinding {
  shape: LongPollShape;
  /** Where to report: the self-call, the awaited request in the loop, or the store. */
  node: Node;
  /** The function that re-requests, the loop, or the handler. */
  owner: Node;
  /** Every request involved goes to an absolute URL on another host (a third-party API). */
  thirdParty: boolean;
}

export interface LongPollDetector {
  /** Call for every function; cheap unless the function refers to itself by name. */
  onFunction(fn: FunctionNode): LongPollFinding | null;
  /** Call for every call: `this.poll()` self-calls and server route registrations. */
  onCall(call: TSESTree.CallExpression): readonly LongPollFinding[];
  /** Call for every `await`: loops that await requests. */
  onAwait(node: TSESTree.AwaitExpression): LongPollFinding | null;
}

const TS_WRAPPERS = new Set<string>(['TSNonNullExpression', 'TSAsExpression', 'TSTypeAssertion', 'TSSatisfiesExpression']);
const RETRY_NAME = /retr(?:y|ies)|backoff|attempt/i;
// Re-running from these is still "at once". Any timer (setTimeout, sleep, even 0 ms) makes it a
// timed repeat, which no-short-polling reports: each shape belongs to exactly one rule.
const IMMEDIATE_SCHEDULERS = new Set(['queueMicrotask', 'setImmediate', 'nextTick']);
// Promise, jQuery and RxJS (`http.get(url).subscribe(next)`) ways to run code after a response.
const RESPONSE_CHAIN = new Set(['then', 'finally', 'done', 'always', 'success', 'complete', 'subscribe']);
const PASS_THROUGH_CHAIN = new Set(['then', 'catch', 'finally', 'done', 'fail', 'always', 'json', 'text', 'blob', 'arrayBuffer', 'formData', 'pipe']);
const RESPONSE_KEYS = new Set(['success', 'complete', 'done', 'onSuccess', 'onload', 'onloadend', 'onreadystatechange']);
const HANDLER_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'head', 'options', 'route', 'createServer', 'on', 'addListener']);
const HANDLER_NAME_MAX = Math.max(...[...HANDLER_METHODS].map((name) => name.length));
/** Registrations that name an event first, which must be 'request' (`server.on('request', h)`). */
const EVENT_REGISTRATIONS: ReadonlySet<string> = new Set(['on', 'addListener']);
/** Registrations that take any first argument, not only a literal path (`app.use(h)`, `createServer(h)`). */
const ANY_FIRST_ARGUMENT: ReadonlySet<string> = new Set(['use', 'route', 'createServer']);
const NONE: readonly LongPollFinding[] = Object.freeze([]);
const NO_NODES: readonly Node[] = Object.freeze([]);
const STORE_METHODS = new Set(['push', 'unshift', 'add', 'set', 'append', 'enqueue', 'put', 'splice']);
const ANSWER_METHODS = new Set(['send', 'json', 'end', 'sendStatus', 'render', 'redirect', 'sendFile', 'jsonp', 'download']);
const SSE_HELPER = /sse|event-?stream/i;
const STATUS_NAME = /^(?:ok|status|statusCode|statusText|err|error|errors|success|succeeded|failed)$/;
const SSE_FRAME = /^(?:data|event|id|retry):|^:/;

type Role =
  | { kind: 'response'; thirdParty: boolean }
  | { kind: 'immediate' }
  | { kind: 'stop' };

const IMMEDIATE: Role = { kind: 'immediate' };
const STOP: Role = { kind: 'stop' };


function within(inner: Node, outer: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * Whether a literal may be a route: '/poll', '*', '' or `${base}/poll` (whose head is ''). Other
 * strings are something else's verbs, as an inspector session's `post('Profiler.enable', cb)`.
 */
function isRoute(text: string | undefined): boolean {
  return text !== undefined && (text === '' || text.startsWith('/') || text.startsWith('*'));
}

function staticText(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n.type === 'TemplateLiteral') return n.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * The name of a call that may register an HTTP handler (`app.get`, `router.use`, `createServer`,
 * `server.on`), or undefined: the name checks onCall() starts with, before any scope work.
 */
function registrationName(call: TSESTree.CallExpression): string | undefined {
  const callee = call.callee;
  if (callee.type === 'MemberExpression') {
    if (callee.computed || callee.property.type !== 'Identifier') return undefined;
    const name = callee.property.name;
    // Longer names leave before being hashed.
    return name.length <= HANDLER_NAME_MAX && HANDLER_METHODS.has(name) ? name : undefined;
  }
  return callee.type === 'Identifier' && callee.name === 'createServer' ? callee.name : undefined;
}

/** The arguments (or `handler` options) of a registration that may be its handlers, by syntax alone. */
function handlerCandidates(call: TSESTree.CallExpression, name: string): readonly (TSESTree.CallExpressionArgument | Node)[] {
  const args = call.arguments;
  if (name === 'createServer') return args;
  if (unwrap(call.callee).type !== 'MemberExpression') return NO_NODES;
  if (EVENT_REGISTRATIONS.has(name)) {
    return staticText(args[0]) === 'request' && args[1] ? [args[1]] : NO_NODES;
  }
  if (name === 'route') {
    // fastify.route({ method, url, handler })
    const options = args[0] && unwrap(args[0]);
    if (options?.type !== 'ObjectExpression') return NO_NODES;
    const handlers: Node[] = [];
    for (const prop of options.properties) {
      if (prop.type === 'Property' && !prop.computed && prop.key.type === 'Identifier' && prop.key.name === 'handler') handlers.push(prop.value);
    }
    return handlers;
  }
  // app.get('/path', ...handlers), app.use(handler)
  const first = args[0];
  const hasPath = first !== undefined && isRoute(staticText(first));
  if (!hasPath) return name === 'use' ? args : NO_NODES;
  return args.length > 1 ? args.slice(1) : NO_NODES;
}

export function createLongPollDetector(context: Rule.RuleContext, given?: Follower): LongPollDetector {
  const sourceCode = context.sourceCode;
  // Created on first use: most files never get that far.
  let cached = given;
  const follower = {
    summarize: (node: Node, hops?: number) => (cached ??= createFollower(context)).summarize(node, hops),
    resolveFunction: (node: Node) => (cached ??= createFollower(context)).resolveFunction(node),
  };
  const reported = new WeakSet<Node>();
  let escapes: boolean | undefined;
  const seenLoops = new WeakSet<Node>();
  // Set while calledBack() looks into the function a callback is handed to.
  let handing = false;

  const scopeOf = (node: Node): Scope.Scope => sourceCode.getScope(node as never);
  const thirdPartyOnly = (s: NetworkSummary): boolean => s.reads > 0 && s.firstPartyReads === 0;

  /** Awaited delays in `root` outside nested functions and failure paths. */
  function hasDelay(root: Node): boolean {
    let found = false;
    walk(root, sourceCode, (node) => {
      if (found || (isFunction(node) && node !== root)) return false;
      if (node.type === 'AwaitExpression' && awaitedDelay(node.argument, sourceCode) !== undefined && !isFailurePath(node, root)) found = true;
      return undefined;
    });
    return found;
  }

  /** HTTP reads awaited in `roots` (outside nested functions and failure paths). */
  function awaitedReads(roots: readonly Node[]): NetworkSummary {
    const total: NetworkSummary = { reads: 0, firstPartyReads: 0, writes: 0, beacons: 0 };
    for (const root of roots) {
      walk(root, sourceCode, (node) => {
        if (isFunction(node)) return false;
        if (node.type === 'AwaitExpression' && !isFailurePath(node, root)) {
          const s = follower.summarize(node.argument, 2);
          total.reads += s.reads;
          total.firstPartyReads += s.firstPartyReads;
          return false;
        }
        return undefined;
      });
    }
    return total;
  }

  /** The request at the root of `x.then(...).json().then(...)`: what a chain callback responds to. */
  function chainRoot(start: Node): Node {
    let current: Node = start;
    for (let i = 0; i < 12; i++) {
      const n = unwrap(current);
      if (n.type === 'AwaitExpression') {
        current = n.argument;
        continue;
      }
      if (n.type !== 'CallExpression') return n;
      const callee = unwrap(n.callee);
      if (callee.type !== 'MemberExpression' || !PASS_THROUGH_CHAIN.has(memberName(callee) ?? '')) return n;
      current = callee.object;
    }
    return current;
  }

  function responseTo(request: Node): Role {
    let target = unwrap(request);
    // const res = await fetch(url); res.json().then(...)
    if (target.type === 'Identifier') {
      const init = constantInit(findVariable(scopeOf(target), target.name));
      if (!init) return STOP;
      target = unwrap(init);
      if (target.type === 'AwaitExpression') target = unwrap(target.argument);
    }
    if (target.type !== 'CallExpression' && target.type !== 'NewExpression') return STOP;
    const summary = follower.summarize(target, 1);
    return summary.reads > 0 ? { kind: 'response', thirdParty: thirdPartyOnly(summary) } : STOP;
  }

  /** What running `callback` (a function, or a reference to one) means, given where it is passed. */
  function callbackRole(callback: Node): Role {
    let value: Node = callback;
    let parent = value.parent;
    while (parent && TS_WRAPPERS.has(parent.type)) {
      value = parent;
      parent = parent.parent;
    }
    if (!parent) return STOP;
    if (parent.type === 'CallExpression' && parent.callee !== value) {
      const index = parent.arguments.indexOf(value as TSESTree.CallExpressionArgument);
      const callee = unwrap(parent.callee);
      const name = calleeName(callee);
      if (!name) return STOP;
      if (callee.type === 'MemberExpression' && RESPONSE_CHAIN.has(name)) {
        if ((name === 'then' || name === 'subscribe') && index !== 0) return STOP; // error handler
        return responseTo(chainRoot(callee.object));
      }
      if (IMMEDIATE_SCHEDULERS.has(name)) return IMMEDIATE;
      // $.get(url, callback), $.getJSON(url, callback), http.get(url, callback)
      if (REQUEST_NAME_SET.has(name) && requestOf(parent, sourceCode)?.kind === 'read') return responseTo(parent);
      return calledBack(parent, callee, index);
    }
    if (parent.type === 'Property' && parent.value === value && parent.parent.type === 'ObjectExpression') {
      const key = parent.key.type === 'Identifier' && !parent.computed ? parent.key.name : staticText(parent.key);
      const call = parent.parent.parent;
      if (key && RESPONSE_KEYS.has(key) && call?.type === 'CallExpression' && mayBeRequest(call) && requestOf(call, sourceCode)?.kind === 'read') {
        return responseTo(call);
      }
      return STOP;
    }
    if (parent.type === 'AssignmentExpression' && parent.right === value && parent.left.type === 'MemberExpression') {
      // xhr.onload = () => poll()
      const key = memberName(parent.left as never);
      const target = unwrap(parent.left.object);
      if (key && RESPONSE_KEYS.has(key) && target.type === 'Identifier') return responseTo(target);
    }
    return STOP;
  }

  /**
   * Handed to a same-file function that calls it back right after a response
   * (`longPoll(start)`, where `longPoll(done)` runs `done()` once its request answers). One
   * function deep: what that function is handed in turn is not followed.
   */
  function calledBack(call: TSESTree.CallExpression, callee: Node, index: number): Role {
    // Past a spread, which parameter an argument fills is unknown.
    if (handing || index < 0 || argumentAt(call, index) === undefined) return STOP;
    // `longPoll(start)`, `this.longPoll(start)`: a same-file function by name. Members of other
    // objects (`items.forEach(fn)`, `emitter.on('x', fn)`) are the commoner, and seldom ours.
    const named = callee.type === 'Identifier' || (callee.type === 'MemberExpression' && callee.object.type === 'ThisExpression');
    if (!named) return STOP;
    const target = follower.resolveFunction(callee);
    const param = target && parameterAt(sourceCode, target, index);
    if (!param) return STOP;
    handing = true;
    try {
      for (const reference of param.variable.references) {
        const result = reference.isRead() ? reRequests(param.fn, reference.identifier as unknown as Node) : null;
        if (result) return { kind: 'response', thirdParty: result.thirdParty };
      }
      return STOP;
    } finally {
      handing = false;
    }
  }

  /** A call that passes a counter on (`load(url, retries - 1)`) is a bounded retry. */
  function passesCounter(call: TSESTree.CallExpression): boolean {
    return call.arguments.some((arg) => {
      const a = unwrap(arg);
      if (a.type === 'UpdateExpression') return true;
      return (
        a.type === 'BinaryExpression' &&
        (a.operator === '+' || a.operator === '-') &&
        [a.left, a.right].some((side) => {
          const s = unwrap(side as Node);
          return s.type === 'Literal' && typeof s.value === 'number';
        })
      );
    });
  }

  /**
   * A condition on the data just fetched (`if (page.next)`, `if (!items.length) break`), as
   * opposed to a status check (`res.ok`, `status === 204`) or a stop flag set elsewhere
   * (`cancelled`, `this.running`, `signal.aborted`). Re-requesting under such a condition is
   * pagination or "until done", not long polling. `isLocal` says which variables hold that data.
   */
  function isDataTest(test: Node, isLocal: (variable: Scope.Variable) => boolean): boolean {
    let status = false;
    let data = false;
    walk(test, sourceCode, (node) => {
      if (status || isFunction(node)) return false;
      if (node.type !== 'Identifier') return undefined;
      if (STATUS_NAME.test(node.name)) status = true;
      const parent = node.parent;
      const isName =
        (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) ||
        (parent?.type === 'Property' && parent.key === node && !parent.computed && !parent.shorthand);
      if (!isName) {
        const variable = findVariable(scopeOf(node), node.name);
        if (variable && isLocal(variable)) data = true;
      }
      return undefined;
    });
    return data && !status;
  }

  /** The tests of the conditionals `node` sits in (consequent or alternate), up to `root`. */
  function guards(node: Node, root: Node): Node[] {
    const tests: Node[] = [];
    let child: Node = node;
    for (let p: Node | undefined = node.parent; p && child !== root; child = p, p = p.parent) {
      if ((p.type === 'IfStatement' || p.type === 'ConditionalExpression') && p.test !== child) tests.push(p.test);
      else if (p.type === 'LogicalExpression' && p.right === child) tests.push(p.left);
      if (p === root) break;
    }
    return tests;
  }

  /** `if (!page.next) return;` among the statements before: the chain stops on its own data. */
  function exitsOnData(statements: readonly Node[], isLocal: (variable: Scope.Variable) => boolean): boolean {
    return statements.some(
      (statement) =>
        statement.type === 'IfStatement' &&
        exits(statement.consequent) &&
        isDataTest(statement.test, isLocal),
    );
  }

  function exits(statement: Node): boolean {
    if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement' || statement.type === 'BreakStatement') return true;
    if (statement.type === 'BlockStatement') {
      const last = statement.body[statement.body.length - 1];
      return last !== undefined && exits(last);
    }
    return false;
  }

  /**
   * Does the self-reference `ref` inside `fn` ask again right after a response? Returns whether
   * the requests involved are all third-party, or null when this is not long polling.
   */
  function reRequests(fn: FunctionNode, ref: Node): { thirdParty: boolean } | null {
    let point: Node = ref;
    while (point.parent && TS_WRAPPERS.has(point.parent.type)) point = point.parent;
    let sawResponse = false;
    let thirdParty = false;
    const parent = point.parent;
    if (parent?.type === 'CallExpression' && parent.callee === point) {
      if (passesCounter(parent)) return null;
      point = parent.parent?.type === 'ChainExpression' ? parent.parent : parent;
    } else {
      // Passed by reference: `complete: poll`, `.then(poll)`, `queueMicrotask(poll)`.
      const role = callbackRole(point);
      if (role.kind === 'stop') return null;
      if (role.kind === 'response') {
        sawResponse = true;
        thirdParty = role.thirdParty;
      }
    }

    // Climb to fn: each nested function must be a response callback or an immediate scheduler;
    // the statements that run before the call on the way must not wait.
    const before: Node[] = [];
    let child: Node = point;
    for (let p = point.parent; p && child !== fn; child = p, p = p.parent) {
      if (p === fn) break;
      if (isFunction(p)) {
        if (p.body !== child) return null;
        const role = callbackRole(p);
        if (role.kind === 'stop') return null;
        if (role.kind === 'response') {
          sawResponse = true;
          thirdParty ||= role.thirdParty;
        }
      } else if (p.type === 'BlockStatement' || p.type === 'Program' || p.type === 'StaticBlock') {
        for (const statement of p.body as readonly Node[]) {
          if (statement === child) break;
          before.push(statement);
        }
      } else if (p.type === 'SwitchCase') {
        for (const statement of p.consequent) {
          if (statement === child) break;
          before.push(statement);
        }
      } else if (p.type === 'TryStatement' && p.finalizer === child) {
        before.push(p.block);
      } else if (p.type === 'WhileStatement' || p.type === 'DoWhileStatement' || p.type === 'ForStatement' || p.type === 'ForOfStatement' || p.type === 'ForInStatement') {
        return null; // self-calls from a loop are not a re-request chain
      }
    }
    // Without a response callback on the way, only an awaited request can come before the call.
    if (!sawResponse && !fn.async) return null;
    if (isFailurePath(point, fn)) return null;
    // What the function learns while it runs: its locals and the parameters of its callbacks
    // (the response), not its own parameters (a flag or a counter a caller passes in).
    const declaredInside = (variable: Scope.Variable): boolean => {
      const def = variable.defs[0];
      return def !== undefined && !(def.type === 'Parameter' && (def.node as unknown) === fn) && within(def.name as unknown as Node, fn);
    };
    if (guards(point, fn).some((test) => isDataTest(test, declaredInside))) return null;
    if (exitsOnData(before, declaredInside)) return null;
    if (before.some((statement) => hasDelay(statement))) return null;
    if (!sawResponse) {
      const reads = awaitedReads(before);
      if (reads.reads === 0) return null;
      thirdParty = thirdPartyOnly(reads);
    }
    return { thirdParty };
  }

  /**
   * Whether the body of `fn` may refer to `name`. Most functions' bodies do not, and reading text
   * is cheaper than scopes.
   */
  function bodyNames(fn: FunctionNode, name: string): boolean {
    return mayName(bodyText(fn), name, fileEscapes());
  }

  /**
   * A function body's text: a view of the file's, not a copy. Searching the whole rest of the
   * text instead made name searches quadratic in files with many functions.
   */
  function bodyText(fn: FunctionNode): string {
    return sourceCode.text.slice(fn.body.range[0], fn.body.range[1]);
  }

  /** Whether the file holds an escape that may spell a name: most do not, and then no body does. */
  function fileEscapes(): boolean {
    return (escapes ??= mayEscape(sourceCode.text));
  }

  function selfReferences(fn: FunctionNode): readonly Node[] {
    let variable: Scope.Variable | undefined;
    if (fn.type !== 'ArrowFunctionExpression' && fn.id) {
      const name = fn.id.name;
      if (!bodyNames(fn, name)) return NO_NODES;
      for (const v of sourceCode.getDeclaredVariables(fn as never)) {
        if (v.name === name && v.defs.some((d) => d.type === 'FunctionName')) {
          variable = v;
          break;
        }
      }
    } else if (fn.parent?.type === 'VariableDeclarator' && fn.parent.init === fn && fn.parent.id.type === 'Identifier') {
      if (!bodyNames(fn, fn.parent.id.name)) return NO_NODES;
      variable = sourceCode.getDeclaredVariables(fn.parent as never)[0];
    } else if (
      // const poll = useCallback(async () => { ...; poll() }, [])
      fn.parent?.type === 'CallExpression' &&
      fn.parent.arguments[0] === fn &&
      calleeName(fn.parent.callee) === 'useCallback' &&
      fn.parent.parent?.type === 'VariableDeclarator' &&
      fn.parent.parent.id.type === 'Identifier'
    ) {
      if (!bodyNames(fn, fn.parent.parent.id.name)) return NO_NODES;
      variable = sourceCode.getDeclaredVariables(fn.parent.parent as never)[0];
    }
    if (!variable) return NO_NODES;
    let refs: Node[] | undefined;
    const [start, end] = fn.body.range;
    for (const reference of variable.references) {
      const id = reference.identifier as unknown as Node;
      if (id.range[0] >= start && id.range[1] <= end && reference.isRead()) (refs ??= []).push(id);
    }
    return refs ?? NO_NODES;
  }

  function recursion(fn: FunctionNode, refs: readonly Node[]): LongPollFinding | null {
    if (reported.has(fn)) return null;
    const name = functionName(fn);
    if (name && RETRY_NAME.test(name)) return null;
    for (const ref of refs) {
      const result = reRequests(fn, ref);
      if (!result) continue;
      reported.add(fn);
      const call = ref.parent?.type === 'CallExpression' && ref.parent.callee === ref ? ref.parent : ref;
      return { shape: 'recursive-request', node: call, owner: fn, thirdParty: result.thirdParty };
    }
    return null;
  }

  function onFunction(fn: FunctionNode): LongPollFinding | null {
    // Cheap exits: anonymous functions cannot call themselves by name.
    if (fn.type === 'ArrowFunctionExpression' || (fn.type === 'FunctionExpression' && !fn.id)) {
      const parent = fn.parent;
      if (parent?.type !== 'VariableDeclarator' && !(parent?.type === 'CallExpression' && parent.parent?.type === 'VariableDeclarator')) return null;
    }
    const refs = selfReferences(fn);
    return refs.length > 0 ? recursion(fn, refs) : null;
  }

  /** The method `this` belongs to at `node`, following arrow functions out. */
  function enclosingMethod(node: Node): FunctionNode | null {
    for (let p = node.parent; p; p = p.parent) {
      if (p.type === 'FunctionExpression' || p.type === 'FunctionDeclaration') return p;
      if (p.type === 'ArrowFunctionExpression' && p.parent?.type === 'PropertyDefinition' && p.parent.value === p) return p;
    }
    return null;
  }

  function methodRecursion(call: TSESTree.CallExpression): LongPollFinding | null {
    const callee = unwrap(call.callee);
    if (callee.type !== 'MemberExpression' || callee.object.type !== 'ThisExpression') return null;
    const name = memberName(callee as never);
    if (!name) return null;
    const method = enclosingMethod(call);
    if (!method || functionName(method) !== name) return null;
    const owner = method.parent;
    if (owner?.type !== 'MethodDefinition' && owner?.type !== 'Property' && owner?.type !== 'PropertyDefinition') return null;
    return recursion(method, [callee]);
  }

  // --- loops --------------------------------------------------------------------------------

  function testNames(test: Node | null): Set<string> {
    const names = new Set<string>();
    if (!test) return names;
    walk(test, sourceCode, (node) => {
      if (node.type === 'Identifier') names.add(node.name);
      if (node.type === 'MemberExpression') {
        if (node.object.type === 'ThisExpression') names.add(`this.${memberName(node as never) ?? ''}`);
        walk(node.object, sourceCode, (inner) => {
          if (inner.type === 'Identifier') names.add(inner.name);
          return undefined;
        });
        return false;
      }
      return undefined;
    });
    return names;
  }

  function targetName(target: Node): string | undefined {
    const t = unwrap(target);
    if (t.type === 'Identifier') return t.name;
    if (t.type === 'MemberExpression' && t.object.type === 'ThisExpression') return `this.${memberName(t as never) ?? ''}`;
    return undefined;
  }

  /** Not inside an if/switch/conditional/catch between `node` and `root`. */
  function unconditional(node: Node, root: Node): boolean {
    for (let p = node.parent; p && p !== root; p = p.parent) {
      if (
        p.type === 'IfStatement' ||
        p.type === 'ConditionalExpression' ||
        p.type === 'LogicalExpression' ||
        p.type === 'SwitchCase' ||
        p.type === 'CatchClause'
      ) {
        return false;
      }
    }
    return true;
  }

  function isBounded(test: Node | null): boolean {
    if (!test) return false;
    const t = unwrap(test);
    if (t.type === 'BinaryExpression') return ['<', '<=', '>', '>='].includes(t.operator);
    if (t.type === 'UpdateExpression') return true;
    if (t.type === 'LogicalExpression') return isBounded(t.left) || isBounded(t.right);
    return false;
  }

  /** Whether a break leaves `loop` itself (not an inner loop or switch). */
  function breaksLoop(statement: TSESTree.BreakStatement, loop: Node): boolean {
    if (statement.label) return true;
    for (let p: Node | undefined = statement.parent; p && p !== loop; p = p.parent) {
      if (p.type === 'SwitchStatement' || p.type === 'WhileStatement' || p.type === 'DoWhileStatement' || p.type === 'ForStatement' || p.type === 'ForOfStatement' || p.type === 'ForInStatement') {
        return false;
      }
    }
    return true;
  }

  type Loop = TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement;

  /** Whether the loop keeps re-requesting without pause until something outside stops it. */
  function isRequestLoop(loop: Loop): boolean {
    if (isBounded(loop.test)) return false;
    const names = testNames(loop.test);
    // Variables that hold what the loop fetched: declared or written inside its body.
    const fedByLoop = (variable: Scope.Variable): boolean =>
      variable.defs.some((d) => d.type !== 'Parameter' && within(d.name as unknown as Node, loop.body)) ||
      variable.references.some((r) => r.isWrite() && within(r.identifier as unknown as Node, loop.body));
    let ok = true;
    walk(loop.body, sourceCode, (node) => {
      if (!ok || isFunction(node)) return false;
      switch (node.type) {
        case 'AssignmentExpression':
        case 'UpdateExpression': {
          // while (cursor) { ...; cursor = page.next }: the loop ends on its own data.
          const name = targetName(node.type === 'AssignmentExpression' ? node.left : node.argument);
          if (name && names.has(name) && unconditional(node, loop.body)) ok = false;
          break;
        }
        case 'ReturnStatement':
        case 'BreakStatement': {
          if (node.type === 'BreakStatement' && !breaksLoop(node, loop)) break;
          if (isFailurePath(node, loop.body)) break; // stop on error
          const value = node.type === 'ReturnStatement' && node.argument ? unwrap(node.argument) : undefined;
          const returnsValue =
            value !== undefined && !(value.type === 'Identifier' && value.name === 'undefined') && !(value.type === 'Literal' && value.value === null);
          const tests = guards(node, loop.body);
          if (
            // Fetch until it works, then hand back the result: a retry.
            returnsValue ||
            // Runs once.
            tests.length === 0 ||
            // `if (res.ok) break`: retry until success.
            tests.some((test) => successTest(test)) ||
            // `if (!page.next) break`: pagination.
            tests.some((test) => isDataTest(test, fedByLoop))
          ) {
            ok = false;
          }
          // Other conditional exits (`if (stopped) break`, `if (res.status === 410) return`) are stop signals.
          break;
        }
        case 'AwaitExpression':
          if (awaitedDelay(node.argument, sourceCode) !== undefined && !isFailurePath(node, loop.body)) ok = false;
          break;
        default:
          break;
      }
      return ok ? undefined : false;
    });
    return ok;
  }

  function successTest(test: Node): boolean {
    const t = unwrap(test);
    if (t.type === 'MemberExpression') return /^(?:ok|success|succeeded)$/.test(memberName(t as never) ?? '');
    if (t.type === 'Identifier') return /^(?:ok|success|succeeded)$/.test(t.name);
    if (t.type === 'BinaryExpression' && (t.operator === '===' || t.operator === '==')) {
      const code = staticNumber(t.right, scopeOf(t));
      return code !== undefined && code >= 200 && code < 300;
    }
    if (t.type === 'LogicalExpression' && t.operator === '&&') return successTest(t.left) || successTest(t.right);
    return false;
  }

  function onAwait(node: TSESTree.AwaitExpression): LongPollFinding | null {
    let loop: Loop | null = null;
    let child: Node = node;
    for (let p: Node | undefined = node.parent; p; child = p, p = p.parent) {
      if (isFunction(p)) return null;
      if (p.type === 'WhileStatement' || p.type === 'DoWhileStatement') {
        if (p.body === child) loop = p;
        break;
      }
      if (p.type === 'ForStatement') {
        if (p.body === child && !p.update) loop = p;
        break;
      }
      if (p.type === 'ForOfStatement' || p.type === 'ForInStatement') return null;
    }
    if (!loop || seenLoops.has(loop)) return null;
    if (isFailurePath(node, loop.body)) return null;
    const summary = follower.summarize(node.argument, 2);
    if (summary.reads === 0) return null;
    seenLoops.add(loop);
    if (!isRequestLoop(loop)) return null;
    const all = awaitedReads([loop.body]);
    return { shape: 'request-loop', node, owner: loop, thirdParty: thirdPartyOnly(all.reads > 0 ? all : summary) };
  }

  // --- server -------------------------------------------------------------------------------

  function handlersOf(call: TSESTree.CallExpression, name: string): FunctionNode[] {
    const handlers: FunctionNode[] = [];
    for (const candidate of handlerCandidates(call, name)) {
      if (candidate.type === 'SpreadElement') continue;
      const c = unwrap(candidate);
      if (isFunction(c)) handlers.push(c);
      else if (c.type === 'Identifier') {
        const fn = follower.resolveFunction(c);
        if (fn) handlers.push(fn);
      }
    }
    return handlers;
  }

  /** The parameter holding what answers the request: res/reply (2nd) or Koa's ctx (1st). */
  function responseParam(fn: FunctionNode): TSESTree.Identifier | null {
    const [first, second] = fn.params;
    if (first?.type === 'Identifier' && /^(?:ctx|context)$/.test(first.name)) return first;
    return second?.type === 'Identifier' ? second : null;
  }

  /** An SSE hub or other streaming response keeps its responses on purpose, to write to them. */
  function isStreamHandler(fn: FunctionNode, responseName: string | undefined): boolean {
    if (sourceCode.getText(fn as never).includes('text/event-stream')) return true;
    let sse = false;
    walk(fn.body, sourceCode, (node) => {
      if (sse) return false;
      if (node.type !== 'CallExpression') return undefined;
      const name = calleeName(node.callee);
      if (!name) return undefined;
      const callee = unwrap(node.callee);
      const receiver = callee.type === 'MemberExpression' ? unwrap(callee.object) : undefined;
      if (SSE_HELPER.test(name)) sse = true;
      else if (name === 'write' && SSE_FRAME.test(staticText(node.arguments[0]) ?? '')) sse = true;
      else if ((name === 'write' || name === 'flushHeaders') && receiver?.type === 'Identifier' && receiver.name === responseName) sse = true;
      else if (/^(?:setHeader|writeHead|set|header|headers|type)$/.test(name)) {
        // res.writeHead(200, SSE_HEADERS) with the headers in a constant
        for (const arg of node.arguments) {
          const a = unwrap(arg);
          if (a.type !== 'Identifier') continue;
          const init = constantInit(findVariable(scopeOf(a), a.name));
          if (init && sourceCode.getText(init as never).includes('text/event-stream')) sse = true;
        }
      }
      return undefined;
    });
    return sse;
  }

  /** Whether `expression` (the collection) lives outside `fn`: an outer variable, `this`, a global. */
  function isOuter(expression: Node, fn: FunctionNode): boolean {
    let root = unwrap(expression);
    for (let i = 0; i < 8 && root.type === 'MemberExpression'; i++) root = unwrap(root.object);
    if (root.type === 'ThisExpression') return true;
    if (root.type !== 'Identifier') return false;
    const variable = findVariable(scopeOf(root), root.name);
    if (!variable || variable.defs.length === 0) return true;
    const def = variable.defs[0]!.node as unknown as Node;
    return !within(def, fn);
  }

  /** Where a reference to the response ends up stored outside the handler, if it does. */
  function storeOf(ref: Node, fn: FunctionNode): Node | null {
    let value: Node = ref;
    for (let i = 0; i < 6; i++) {
      const p: Node | undefined = value.parent;
      if (!p) return null;
      if (TS_WRAPPERS.has(p.type)) value = p;
      else if (p.type === 'Property' && p.value === value && p.parent.type === 'ObjectExpression') value = p.parent;
      else if (p.type === 'ArrayExpression') value = p;
      else break;
    }
    const p = value.parent;
    if (p?.type === 'CallExpression' && p.callee !== value) {
      const callee = unwrap(p.callee);
      if (callee.type === 'MemberExpression' && STORE_METHODS.has(memberName(callee as never) ?? '') && isOuter(callee.object, fn)) return p;
    }
    if (p?.type === 'AssignmentExpression' && p.right === value) {
      const left = unwrap(p.left);
      if (left.type === 'Identifier' || left.type === 'MemberExpression') {
        if (left.type === 'MemberExpression' ? isOuter(left.object, fn) : isOuter(left, fn)) return p;
      }
    }
    return null;
  }

  /** `clients.push(res); res.json(x)`: answered at once after all, so nothing is held. */
  function answeredRightAway(store: Node, responseName: string): boolean {
    let statement: Node = store;
    while (statement.parent && statement.parent.type !== 'BlockStatement' && !isFunction(statement.parent)) statement = statement.parent;
    const block = statement.parent;
    if (block?.type !== 'BlockStatement') return false;
    const index = block.body.indexOf(statement as TSESTree.Statement);
    for (const next of block.body.slice(index + 1)) {
      const expression = next.type === 'ExpressionStatement' ? next.expression : next.type === 'ReturnStatement' ? next.argument : null;
      if (!expression) continue;
      const e = unwrap(expression);
      if (e.type === 'AssignmentExpression' && e.left.type === 'MemberExpression' && memberName(e.left as never) === 'body') {
        const object = unwrap(e.left.object);
        if (object.type === 'Identifier' && object.name === responseName) return true;
      }
      if (e.type === 'CallExpression') {
        const callee = unwrap(e.callee);
        if (callee.type !== 'MemberExpression' || !ANSWER_METHODS.has(memberName(callee as never) ?? '')) continue;
        let root = unwrap(callee.object);
        for (let i = 0; i < 4 && (root.type === 'CallExpression' || root.type === 'MemberExpression'); i++) {
          root = unwrap(root.type === 'CallExpression' ? root.callee : root.object);
        }
        if (root.type === 'Identifier' && root.name === responseName) return true;
      }
    }
    return false;
  }

  /** `await new Promise((resolve) => waiting.push(resolve))` in the handler: a held request. */
  function heldPromise(fn: FunctionNode): Node | null {
    // Most handlers make no promise: their text says so before a walk of their body would.
    if (!mayName(bodyText(fn), 'Promise', fileEscapes())) return null;
    let found: Node | null = null;
    walk(fn.body, sourceCode, (node) => {
      if (found) return false;
      if (node.type !== 'NewExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'Promise') return undefined;
      const executor = node.arguments[0];
      const resolve = isFunction(executor) ? executor.params[0] : undefined;
      if (!executor || !isFunction(executor) || resolve?.type !== 'Identifier') return undefined;
      const outer = node.parent;
      if (outer?.type !== 'AwaitExpression' && outer?.type !== 'ReturnStatement' && outer !== fn) return undefined;
      const variable = sourceCode.getDeclaredVariables(executor as never).find((v) => v.name === resolve.name);
      for (const reference of variable?.references ?? []) {
        const store = storeOf(reference.identifier as unknown as Node, fn);
        if (store) {
          found = store;
          break;
        }
      }
      return undefined;
    });
    return found;
  }

  /** Middleware that hands on with `next()` keeps the response for bookkeeping, not to answer it. */
  function callsNext(fn: FunctionNode): boolean {
    const [first, second, third] = fn.params;
    const next = first?.type === 'Identifier' && /^(?:ctx|context)$/.test(first.name) ? second : third;
    if (next?.type !== 'Identifier') return false;
    const variable = sourceCode.getDeclaredVariables(fn as never).find((v) => v.name === next.name);
    return (variable?.references ?? []).some((r) => {
      const id = r.identifier as unknown as Node;
      return id.parent?.type === 'CallExpression' && id.parent.callee === id;
    });
  }

  function heldResponse(fn: FunctionNode): LongPollFinding | null {
    if (reported.has(fn) || callsNext(fn)) return null;
    const param = responseParam(fn);
    let store: Node | null = null;
    if (param) {
      const variable = sourceCode.getDeclaredVariables(fn as never).find((v) => v.name === param.name);
      for (const reference of variable?.references ?? []) {
        if (!reference.isRead()) continue;
        const found = storeOf(reference.identifier as unknown as Node, fn);
        if (found && !answeredRightAway(found, param.name)) {
          store = found;
          break;
        }
      }
    }
    store ??= heldPromise(fn);
    if (!store || isStreamHandler(fn, param?.name)) return null;
    reported.add(fn);
    return { shape: 'held-response', node: store, owner: fn, thirdParty: false };
  }

  function onCall(call: TSESTree.CallExpression): readonly LongPollFinding[] {
    // Name checks first: nearly every call leaves here.
    const callee = call.callee;
    if (callee.type === 'MemberExpression' && callee.object.type === 'ThisExpression' && !callee.computed && callee.property.type === 'Identifier') {
      const found = methodRecursion(call);
      if (found) return [found];
    }
    const name = registrationName(call);
    if (name === undefined || call.arguments.length === 0) return NONE;
    const findings: LongPollFinding[] = [];
    for (const handler of handlersOf(call, name)) {
      const found = heldResponse(handler);
      if (found) findings.push(found);
    }
    return findings;
  }

  return { onFunction, onCall, onAwait };
}


// --- screening --------------------------------------------------------------------------------
//
// Without type information, every client finding rests on an HTTP read made in this file (a call
// or `new` that requestOf() reads as one), and every server finding on a handler registration
// (registrationName with a handler among its arguments). Most files have neither, and the source
// text shows it: one pass over the `(` of the file looks at what each one follows. A callee is
// read back from its `(`: its last name, then past `.` or `?.` its owner's last name, across
// spaces, block comments, `!`, `?.(`, `['name']`, parentheses and, in files that may hold type
// syntax, `<T>` type arguments. requestApi() and classifyRequest() (http.ts) decide on
// [owner, name] whether the call can be a read; a registration needs a first argument that can
// give it a handler. Anything unusual around a candidate (a cast in parentheses, an escape in a
// literal) counts as possible. What the screen cannot see: names written with escape sequences
// (`f\u0065tch`) and a line comment between a callee and its `(`.
//
// The text cannot tell a call from the same characters in a comment, a string or a declaration
// (`function fetch(url)`), and there are many such in real code. So the rare `(` that would let
// the file through is checked against the parsed file: it must open a call or `new`.
// Reading the tree only there keeps to the text's cost: ESLint's tree of a file is far larger than
// its text, and rule listeners on every call cost more than this whole screen (measured).
//
// The detector then runs in files the screen lets through, with the same visitors as always, so
// it finds there exactly what it finds without the screen. With type information the follower
// also finds requests in other files, so nothing is screened.

const CLIENT = 1;
const SERVER = 2;
const BOTH = CLIENT | SERVER;

// The last name of every callee requestApi() recognises (new XMLHttpRequest, fetch and friends,
// clients called directly, jQuery, query caches, GraphQL clients, HTTP verbs on client-like
// owners), as written in http.ts, which exports no list of them: keep the two in step.
// requestApi() decides whether a name on a given owner is a request.
const REQUEST_CALLEE_NAMES = [
  'XMLHttpRequest', 'ActiveXObject',
  'fetch', '$fetch', 'ofetch', 'raw', 'axios', 'ky', 'got', 'superagent', 'needle', 'sendBeacon',
  'refetch', 'invalidateQueries', 'refetchQueries', 'resetQueries', 'refresh',
  'ajax', 'getJSON', 'getScript', 'query', 'mutate',
  'get', 'head', 'options', 'delete', 'post', 'put', 'patch', 'request',
];

/** requestOf() finds a request only at a call whose callee ends with one of these names. */
const REQUEST_NAME_SET: ReadonlySet<string> = new Set(REQUEST_CALLEE_NAMES);

function mayBeRequest(call: TSESTree.CallExpression): boolean {
  const name = calleeName(call.callee);
  return name !== undefined && REQUEST_NAME_SET.has(name);
}

/**
 * The screen's view of the syntax: the parsed file, or for text alone whether type syntax is on.
 * The parsed file is asked only at the rare places that would let the file through (opensCall(),
 * constructsAt()), so that most files cost their text alone, not even an allocation.
 */
type Syntax = SourceCode | boolean;

/** Whether the parser accepts type syntax (casts, type arguments); asked once per file. */
function typeSyntaxOf(syntax: Syntax): boolean {
  if (typeof syntax === 'boolean') return syntax;
  const keys = syntax.visitorKeys as Record<string, unknown>;
  return 'TSAsExpression' in keys || 'TypeCastExpression' in keys || 'AsExpression' in keys;
}

interface CalleeName {
  name: string;
  /** CLIENT when a request API may end with this name, SERVER when it may register handlers. */
  roles: number;
  /** Called on its own (`fetch(url)`, `new XMLHttpRequest()`), it can be an HTTP read. */
  readsAlone: boolean;
  /** `new` may make it a request (`new window.XMLHttpRequest()`). */
  constructs: boolean;
  /** What mayRead() learns from readsVia() for `x.name(...)`, which holds for any receiver that does not count. */
  viaPlain: 'yes' | 'no' | 'options';
  /** Whether `new x.name()` reads, for such a receiver. */
  newViaPlain: boolean;
  /** A member call reads only on a receiver receiverCounts() accepts (`api.get`, not `map.get`). */
  readsOnClientOnly: boolean;
  /** A registration by this name may take any arguments, not only a literal path first (mayRegister()). */
  registersAnyArguments: boolean;
  /** A registration by this name takes an event name first, which must be 'request' (`server.on`). */
  registersEvent: boolean;
}

const DOUBLE_QUOTE = 34;
const HASH = 35;
const SINGLE_QUOTE = 39;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const STAR = 42;
const COMMA = 44;
const DOT = 46;
const SLASH = 47;
const SEMICOLON = 59;
const LESS = 60;
const EQUALS = 61;
const GREATER = 62;
const QUESTION = 63;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const BACKTICK = 96;
const DOLLAR = 36;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const BANG = 33;

/** Whether a call to [..., owner, name] (or [name]) can be a read: yes, no, or by its GraphQL options. */
function readsVia(path: readonly string[], isNew: boolean): 'yes' | 'no' | 'options' {
  const api = requestApi(path, isNew);
  if (api === null) return 'no';
  // A GraphQL client reads or writes by the options object it is given first; anything else
  // reads unless its method writes.
  if (api.library === 'graphql') return 'options';
  return classifyRequest({ calleePath: path, isNew }) === 'read' ? 'yes' : 'no';
}

/** Callee names by the code of their last character, then by their length. */
const NAMES_BY_END: readonly (readonly (readonly CalleeName[] | undefined)[] | undefined)[] = (() => {
  const byEnd: CalleeName[][][] = [];
  const add = (name: string, role: number): void => {
    const list = ((byEnd[name.charCodeAt(name.length - 1)] ??= [])[name.length] ??= []);
    const entry = list.find((e) => e.name === name);
    if (entry) {
      entry.roles |= role;
    } else {
      const alone = [name];
      const viaPlain = readsVia(['x', name], false);
      const newViaPlain = readsVia(['x', name], true) === 'yes';
      const constructs = requestApi(alone, true) !== null || requestApi(['owner', name], true) !== null;
      list.push({
        name,
        roles: role,
        readsAlone: readsVia(alone, false) !== 'no' || readsVia(alone, true) !== 'no',
        // requestApi() reads `new` by the last name only, whatever the owner.
        constructs,
        viaPlain,
        newViaPlain,
        readsOnClientOnly: viaPlain === 'no' && !(constructs && newViaPlain),
        registersAnyArguments: ANY_FIRST_ARGUMENT.has(name),
        registersEvent: EVENT_REGISTRATIONS.has(name),
      });
    }
  };
  for (const name of REQUEST_CALLEE_NAMES) add(name, CLIENT);
  for (const name of HANDLER_METHODS) add(name, SERVER);
  return byEnd;
})();

/** A word's hash, read from its last character back as nameEndingAt() reads it; never 0. */
function wordHash(name: string): number {
  let h = 0;
  for (let i = name.length - 1; i >= 0; i--) h = (Math.imul(h, 31) + name.charCodeAt(i)) | 0;
  return h | 1;
}

// The screen runs once per file, between the parser's and the other rules' work, which push its
// tables out of the CPU caches: the tables are typed arrays of a few KB at most, and no lookup
// follows pointers until a word has the hash of a name.

/**
 * The last three characters of every name, each folded to 5 bits (0 for no word character before
 * a two-letter name), as a 32,768-bit set (4 KB). Two characters let through a quarter of the
 * words before a `(` (`function`, `push`, `set` end like `on`, `refresh`, `get`); three, a
 * thirteenth: measured on 1,930 files of real code.
 */
const LAST_THREE = new Uint32Array(1024);

/** A word's key in LAST_THREE from its last three character codes (`third` 0 when it has two). */
function endKey(third: number, second: number, last: number): number {
  return ((third & 31) << 10) | ((second & 31) << 5) | (last & 31);
}
/** The names' wordHash() values, open addressing with linear probing (512 bytes). */
const HASH_SLOTS = 128;
const NAME_HASHES = new Int32Array(HASH_SLOTS);
/** The longest name we look for (NAMES_BY_END lists names by length): a longer word is none. */
const MAX_NAME = Math.max(...NAMES_BY_END.map((byLength) => (byLength ? byLength.length - 1 : 0)));
for (const byLength of NAMES_BY_END) {
  for (const list of byLength ?? []) {
    for (const { name } of list ?? []) {
      const key = endKey(name.length > 2 ? name.charCodeAt(name.length - 3) : 0, name.charCodeAt(name.length - 2), name.charCodeAt(name.length - 1));
      LAST_THREE[key >> 5]! |= 1 << (key & 31);
      const h = wordHash(name);
      let k = h & (HASH_SLOTS - 1);
      while (NAME_HASHES[k] !== 0 && NAME_HASHES[k] !== h) k = (k + 1) & (HASH_SLOTS - 1);
      NAME_HASHES[k] = h;
    }
  }
}

/**
 * The last three characters of every receiver name receiverCounts() may accept, folded like
 * LAST_THREE's (which also folds case): most receivers before a name we look for (`map.get`,
 * `Promise.all`) end otherwise, and ownerMayCount() turns them down without copying them.
 */
const OWNER_ENDS = new Uint32Array(1024);
for (const name of COUNTING_RECEIVER_ENDS) {
  const n = name.length;
  const key = endKey(n > 2 ? name.charCodeAt(n - 3) : 0, n > 1 ? name.charCodeAt(n - 2) : 0, name.charCodeAt(n - 1));
  OWNER_ENDS[key >> 5]! |= 1 << (key & 31);
}

/** Whether the receiver spelled by text[start, end) may be one receiverCounts() accepts. */
function ownerMayCount(text: string, start: number, end: number): boolean {
  // `this` ends like globalThis, but is no receiver receiverCounts() accepts (a test holds it).
  if (end - start === 4 && text.startsWith('this', start)) return false;
  const key = endKey(end - start > 2 ? text.charCodeAt(end - 3) : 0, end - start > 1 ? text.charCodeAt(end - 2) : 0, text.charCodeAt(end - 1));
  if ((OWNER_ENDS[key >> 5]! & (1 << (key & 31))) !== 0) return true;
  // CLIENT_PART anywhere, in any case: `| 32` lowers ASCII letters and maps nothing else onto one.
  for (let i = start; i + CLIENT_PART.length <= end; i++) {
    let j = 0;
    while (j < CLIENT_PART.length && (text.charCodeAt(i + j) | 32) === CLIENT_PART.charCodeAt(j)) j++;
    if (j === CLIENT_PART.length) return true;
  }
  return false;
}

/**
 * The name we look for that the word ending at `end` (exclusive) spells exactly, if any; `last`
 * is the word character at `end - 1`.
 */
function nameEndingAt(text: string, end: number, last: number): CalleeName | undefined {
  // No reads before the text: V8 would drop the optimized code the first time one happens.
  const third = end > 2 ? text.charCodeAt(end - 3) : 0;
  const key = endKey(third < 128 && WORD_CHARS[third] === 1 ? third : 0, end > 1 ? text.charCodeAt(end - 2) : 0, last);
  if ((LAST_THREE[key >> 5]! & (1 << (key & 31))) === 0) return undefined;
  let start = end - 1;
  let h = last;
  while (start > 0) {
    const c = text.charCodeAt(start - 1);
    if (!(c < 128 && WORD_CHARS[c] === 1)) break;
    if (end - start === MAX_NAME) return undefined;
    start--;
    h = (Math.imul(h, 31) + c) | 0;
  }
  h |= 1;
  for (let k = h & (HASH_SLOTS - 1); NAME_HASHES[k] !== h; k = (k + 1) & (HASH_SLOTS - 1)) {
    if (NAME_HASHES[k] === 0) return undefined;
  }
  return calleeNameAt(text, start, end);
}

const GROUP_KEYWORDS = new Set(['return', 'await', 'typeof', 'void', 'in', 'of', 'case', 'new', 'yield', 'delete', 'throw', 'else', 'do', 'instanceof']);
const CAST = /\bas\b|\bsatisfies\b|^\s*<|:/;

/** The character code at `i`, 0 outside the text (never NaN, which would slow the scan down). */
function at(text: string, i: number): number {
  return text.charCodeAt(i) | 0;
}

function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The last index at or before `i` that is not space or in a block comment; -1 at the start. */
function back(text: string, i: number): number {
  for (;;) {
    while (i >= 0 && isSpace(at(text, i))) i--;
    if (i > 0 && at(text, i) === SLASH && at(text, i - 1) === STAR) {
      const open = text.lastIndexOf('/*', i - 2);
      if (open < 0) return i;
      i = open - 1;
      continue;
    }
    return i;
  }
}

/** The first index at or after `i` that is not space or in a comment; text.length at the end. */
function forward(text: string, i: number): number {
  for (;;) {
    while (i < text.length && isSpace(at(text, i))) i++;
    if (at(text, i) === SLASH) {
      const next = at(text, i + 1);
      if (next === STAR) {
        const close = text.indexOf('*/', i + 2);
        if (close < 0) return text.length;
        i = close + 2;
        continue;
      }
      if (next === SLASH) {
        const end = text.indexOf('\n', i + 2);
        if (end < 0) return text.length;
        i = end + 1;
        continue;
      }
    }
    return i;
  }
}

/** The callee name spelled exactly by text[start, end), if it is one we look for. */
function calleeNameAt(text: string, start: number, end: number): CalleeName | undefined {
  const list = NAMES_BY_END[at(text, end - 1)]?.[end - start];
  if (list === undefined) return undefined;
  for (const entry of list) if (text.startsWith(entry.name, start)) return entry;
  return undefined;
}

/** A quoted string that ends at `close` (its closing quote): where it opens, or -1 (escapes too). */
function quotedStart(text: string, close: number): number {
  const quote = at(text, close);
  const open = text.lastIndexOf(quote === SINGLE_QUOTE ? "'" : '"', close - 1);
  if (open < 0 || text.lastIndexOf('\\', close) > open) return -1;
  return open;
}

/**
 * The `<` that opens type arguments closing at `close` (a `>`), or -1 when they cannot be told
 * apart from other code within a short distance.
 */
function typeArgumentsStart(text: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0 && close - i < 400; i--) {
    const c = at(text, i);
    if (c === GREATER && at(text, i - 1) !== EQUALS) depth++;
    else if (c === LESS && --depth === 0) return i;
    else if (c === SEMICOLON || c === OPEN_BRACE || c === CLOSE_BRACE) return -1;
  }
  return -1;
}

/**
 * Index just after the string or template literal at `i`, or -1 when that is unclear: unfinished,
 * or a substitution holding more than names, plain strings and braces (a nested template, a
 * regular expression or a comment could hold an unmatched brace).
 */
function literalEnd(text: string, i: number): number {
  const quote = at(text, i);
  for (let j = i + 1; j < text.length; j++) {
    const c = at(text, j);
    if (c === BACKSLASH) j++;
    else if (c === quote) return j + 1;
    else if (quote === BACKTICK && c === DOLLAR && at(text, j + 1) === OPEN_BRACE) {
      j = substitutionEnd(text, j + 2);
      if (j < 0) return -1;
    }
  }
  return -1;
}

/** The index of the `}` that closes a template substitution whose code starts at `i`, or -1. */
function substitutionEnd(text: string, i: number): number {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = at(text, j);
    if (c === OPEN_BRACE) depth++;
    else if (c === CLOSE_BRACE && depth-- === 0) return j;
    else if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
      const end = literalEnd(text, j);
      if (end < 0) return -1;
      j = end - 1;
    } else if (c === BACKTICK || c === SLASH) return -1;
  }
  return -1;
}

/**
 * In typed syntax, what the `)` at `close` ends: 'call' for the arguments of a call (a call
 * result, which is no callee path), 'group' for parentheses around an expression without a cast
 * (their last name is what they hold), undefined for a cast or anything unclear.
 */
function typedParenthesis(text: string, close: number): 'call' | 'group' | undefined {
  let depth = 0;
  let open = -1;
  for (let i = close; i >= 0 && close - i < 400; i--) {
    const c = at(text, i);
    if (c === CLOSE_PAREN) depth++;
    else if (c === OPEN_PAREN && --depth === 0) {
      open = i;
      break;
    } else if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
      // Skip a string argument; one with an escape is too unclear.
      const quote = quotedStart(text, i);
      if (quote < 0) return undefined;
      i = quote;
    } else if (c === BACKTICK || c === OPEN_BRACE || c === CLOSE_BRACE || c === SEMICOLON) {
      return undefined;
    }
  }
  if (open < 0) return undefined;
  const before = back(text, open - 1);
  const c = at(text, before);
  if (c === CLOSE_PAREN || c === CLOSE_BRACKET || (c === GREATER && at(text, before - 1) !== EQUALS)) return 'call';
  if (isWordChar(c) && !GROUP_KEYWORDS.has(text.slice(wordStart(text, before), before + 1))) return 'call';
  return CAST.test(text.slice(open + 1, close)) ? undefined : 'group';
}

/**
 * The index of the last character of the name a `)` at `close` leaves as a callee or owner: past
 * `)` and `!`, the last name inside. -1 when there is none (in typed syntax, a call result) and
 * -2 when it cannot be told.
 */
function insideParentheses(text: string, close: number, typeSyntax: boolean): number {
  let i = close;
  for (;;) {
    const c = at(text, i);
    if (c === CLOSE_PAREN) {
      if (typeSyntax) {
        const kind = typedParenthesis(text, i);
        if (kind === undefined) return -2;
        if (kind === 'call') return -1;
      }
    } else if (c !== BANG) {
      return i >= 0 && isWordChar(c) ? i : -1;
    }
    i = back(text, i - 1);
  }
}

/**
 * Whether the call opening at `open` to [..., owner, name] can be an HTTP read, by requestApi().
 * A GraphQL client reads by the options object it is given first.
 */
function mayRead(text: string, open: number, owner: string, entry: CalleeName): boolean {
  // Most receivers (`map.get`, `cache.delete`) do not count: their answer is the entry's.
  const path = receiverCounts(owner) ? [owner, entry.name] : undefined;
  const via = path ? readsVia(path, false) : entry.viaPlain;
  if (via === 'yes' || (entry.constructs && (path ? readsVia(path, true) === 'yes' : entry.newViaPlain))) return true;
  if (via !== 'options') return false;
  let i = forward(text, open + 1);
  while (at(text, i) === OPEN_PAREN) i = forward(text, i + 1);
  return at(text, i) === OPEN_BRACE;
}

/**
 * Whether the arguments opening at `open` can give a registration named `name` a handler
 * (handlerCandidates): the 'request' event for on/addListener, a static path and more for route
 * verbs, any argument for use, anything for route and createServer.
 */
function mayRegister(text: string, open: number, name: string): boolean {
  // Called with nothing, they get no handler.
  if (name === 'createServer' || name === 'route') return at(text, forward(text, open + 1)) !== CLOSE_PAREN;
  let i = open + 1;
  let c = at(text, i);
  if (!ANY_FIRST_ARGUMENT.has(name) && (isWordChar(c) || c === OPEN_BRACE || c === OPEN_BRACKET || c === CLOSE_PAREN)) return false; // no literal first
  i = forward(text, i);
  let groups = 0;
  while (at(text, i) === OPEN_PAREN) {
    i = forward(text, i + 1);
    groups++;
  }
  c = at(text, i);
  if (name === 'use') return c !== CLOSE_PAREN;
  if (c === LESS) return true; // <T>'/path'
  if (c !== SINGLE_QUOTE && c !== DOUBLE_QUOTE && c !== BACKTICK) return false;
  if (EVENT_REGISTRATIONS.has(name)) return mayNameRequestEvent(text, i);
  // As isRoute() reads the literal; an escape may spell its first character.
  const first = at(text, i + 1);
  if (!(first === SLASH || first === STAR || first === BACKSLASH || first === at(text, i) || (first === DOLLAR && at(text, i) === BACKTICK))) return false;
  const end = literalEnd(text, i);
  if (end < 0) return true;
  i = forward(text, end);
  // Out of the parentheses around the path (`(('/path'))`), not out of the call.
  for (; groups > 0 && at(text, i) === CLOSE_PAREN; groups--) i = forward(text, i + 1);
  c = at(text, i);
  // `'/path' as const, handler` and the like: let it through.
  return c === COMMA || isWordChar(c);
}

/**
 * Whether the string or template literal whose quote is at `quote` may name the 'request' event:
 * it does (a template head counts), or holds an escape that may spell it.
 */
function mayNameRequestEvent(text: string, quote: number): boolean {
  const c = at(text, quote);
  if (text.startsWith('request', quote + 1)) {
    const after = at(text, quote + 8);
    if (after === c || (c === BACKTICK && after === DOLLAR && at(text, quote + 9) === OPEN_BRACE)) return true;
  }
  for (let j = quote + 1; j < text.length; j++) {
    const d = at(text, j);
    if (d === BACKSLASH) return true;
    if (d === c || d === 10) return false;
  }
  return false;
}

/**
 * What a call opening at `open`, whose callee ends with the name `entry` starting at `start`,
 * leaves possible of `wanted`. `bracket` is the index of the `[` of `x['name']`, or -1.
 */
function namedCall(text: string, open: number, entry: CalleeName, start: number, bracket: number, wanted: number, typeSyntax: boolean): number {
  // A member (`.name`, `?.name`, `['name']`) or a plain name? #private names are no request APIs.
  let ownerEnd = -1;
  if (bracket >= 0) {
    ownerEnd = back(text, bracket - 1);
    if (at(text, ownerEnd) === DOT && at(text, ownerEnd - 1) === QUESTION) ownerEnd = back(text, ownerEnd - 2);
  } else {
    if (at(text, start - 1) === HASH) return 0;
    const dot = back(text, start - 1);
    // `...get(x)` spreads a plain call.
    if (at(text, dot) === DOT && at(text, dot - 1) !== DOT) {
      ownerEnd = back(text, dot - 1);
      if (at(text, ownerEnd) === QUESTION) ownerEnd = back(text, ownerEnd - 1);
    }
  }
  const member = ownerEnd >= 0;
  let found = 0;
  if (wanted & CLIENT && entry.roles & CLIENT) {
    if (!member) {
      if (entry.readsAlone) found = CLIENT;
    } else {
      let o = ownerEnd;
      const oc = at(text, o);
      if (oc === CLOSE_PAREN || oc === BANG) {
        o = insideParentheses(text, o, typeSyntax);
        if (o === -2) return BOTH;
      }
      let owner: string | undefined;
      if (o >= 0 && isWordChar(at(text, o))) {
        const os = wordStart(text, o);
        owner = at(text, os - 1) === HASH ? `#${text.slice(os, o + 1)}` : text.slice(os, o + 1);
      } else if (o >= 0 && at(text, o) === CLOSE_BRACKET) {
        // x['api'].get(...)
        const close = back(text, o - 1);
        const q = at(text, close);
        if (q === SINGLE_QUOTE || q === DOUBLE_QUOTE) {
          const quote = quotedStart(text, close);
          if (quote < 0) return BOTH;
          owner = text.slice(quote + 1, close);
        }
      }
      if (owner !== undefined && mayRead(text, open, owner, entry)) found = CLIENT;
    }
  }
  if (wanted & SERVER && entry.roles & SERVER && (entry.name === 'createServer' || (member && bracket < 0)) && mayRegister(text, open, entry.name)) {
    found |= SERVER;
  }
  return found;
}

/**
 * What a call opening at `open` leaves possible of `wanted` when its `(` does not follow a name
 * right away: spaces, comments, `?.(`, `!(`, type arguments, `['name']`, parentheses.
 */
function otherCall(text: string, open: number, wanted: number, typeSyntax: boolean): number {
  let i = back(text, open - 1);
  let c = at(text, i);
  if (c === DOT && at(text, i - 1) === QUESTION) {
    // fetch?.(url)
    i = back(text, i - 2);
    c = at(text, i);
  }
  if (c === BANG && typeSyntax) {
    // fetch!(url)
    i = back(text, i - 1);
    c = at(text, i);
  }
  if (c === GREATER) {
    // `=> (` and comparisons; in typed syntax also `get<T>(`.
    if (!typeSyntax || at(text, i - 1) === EQUALS) return 0;
    const lt = typeArgumentsStart(text, i);
    if (lt < 0) return BOTH;
    i = back(text, lt - 1);
    c = at(text, i);
  }
  if (c === CLOSE_BRACKET) {
    // x['get'](...)
    const close = back(text, i - 1);
    const q = at(text, close);
    if (q !== SINGLE_QUOTE && q !== DOUBLE_QUOTE) return 0;
    const quote = quotedStart(text, close);
    if (quote < 0) return BOTH;
    const entry = calleeNameAt(text, quote + 1, close);
    const bracket = back(text, quote - 1);
    if (!entry || at(text, bracket) !== OPEN_BRACKET) return 0;
    return namedCall(text, open, entry, quote + 1, bracket, wanted, typeSyntax);
  }
  if (c === CLOSE_PAREN) {
    // (callee)(...), f(x)(...)
    i = insideParentheses(text, i, typeSyntax);
    if (i === -2) return BOTH;
    if (i < 0) return 0;
  } else if (!isWordChar(c)) {
    return 0;
  }
  const start = wordStart(text, i);
  const entry = calleeNameAt(text, start, i + 1);
  return entry ? namedCall(text, open, entry, start, -1, wanted, typeSyntax) : 0;
}

/**
 * What the source text leaves possible: CLIENT (an HTTP read), SERVER (a handler registration),
 * both or neither. `wantServer` false skips looking for registrations. `syntax` is the parsed
 * file (its SourceCode), which rules out the few places that would let the file through but are no
 * call (a comment, a string, a declaration); or, for the text alone, whether the parser accepts
 * type syntax, whose casts and type arguments can sit between a callee and its `(`. A caller that
 * knows that already passes it as `typeSyntax`, which the functions below take instead.
 */
export function screenLongPolling(text: string, wantServer: boolean, syntax: Syntax, typeSyntax = typeSyntaxOf(syntax)): number {
  const want = wantServer ? BOTH : CLIENT;
  let found = 0;
  // The parsed file is asked here, not in the loop of nextCandidate(): V8 compiles that loop long
  // before any file reaches a question for the tree, and code it never ran would send the loop
  // back to its slow tiers at the first one (measured: twice per lint run).
  for (let from = 0; found !== want; ) {
    const candidate = nextCandidate(text, from, want & ~found, typeSyntax);
    if (candidate < 0) break;
    const open = (candidate - (candidate % 4)) / 4;
    if (typeof syntax === 'boolean' || opensCall(syntax, open)) found |= candidate % 4;
    from = open + 1;
  }
  // `new XMLHttpRequest` may go without parentheses. Searched last: the loop has brought the
  // text into the CPU caches, which a first pass would have to wait for.
  if (!(found & CLIENT) && constructsXhr(text, syntax)) found |= CLIENT;
  return found;
}

/**
 * The first `(` from `from` on that may open a call giving some of `wanted`, as its index times
 * four plus what it may give; -1 when there is none. Whether it opens a call is left to the tree.
 */
function nextCandidate(text: string, from: number, wanted: number, typeSyntax: boolean): number {
  // This loop runs for every `(` of every file, and V8 optimizes it within the first files. The
  // functions it calls run so seldom that they stay in V8's slower tiers and out of the CPU
  // caches: in a lint run each such call cost about 2 µs, measured, against tens of nanoseconds
  // for a `(` settled here. So the loop settles the common shapes itself (`map.get(key)`, `})(`,
  // a cast comment) and calls out only for a callee that may be one we look for, or an unusual
  // shape before the `(`.
  for (let open = text.indexOf('(', from); open >= 0; open = text.indexOf('(', open + 1)) {
    let end = open;
    let c = end > 0 ? text.charCodeAt(end - 1) : 0;
    while (c === 32 || (c >= 9 && c <= 13)) c = --end > 0 ? text.charCodeAt(end - 1) : 0;
    if (c === SLASH && end > 1 && text.charCodeAt(end - 2) === STAR) {
      // `/** @type {T} */ (x)`, common in checked JavaScript: read on before the comment, as
      // otherBeforeParen() does.
      end = beforeBlockComment(text, end);
      if (end < 0) continue;
      c = end > 0 ? text.charCodeAt(end - 1) : 0;
    }
    if (c === CLOSE_PAREN && !typeSyntax) {
      // Common in compiled code, so settled here rather than in otherBeforeParen().
      const inner = beforeClosingParens(text, end);
      const d = inner > 0 ? text.charCodeAt(inner - 1) : 0;
      if (d < 128 && WORD_CHARS[d] === 1) {
        end = inner;
        c = d;
      } else if (d < 128 && d !== DOT && d !== CLOSE_BRACKET) {
        // `})(`, `))(`: otherBeforeParen() would find no callee before these either.
        continue;
      }
    }
    let possible = 0;
    if (c < 128 && WORD_CHARS[c] === 1) {
      const entry = nameEndingAt(text, end, c);
      if (entry !== undefined && !surelyNothing(text, open, end - entry.name.length, entry, wanted)) {
        possible = nameBeforeParen(text, open, end - entry.name.length, entry, wanted, typeSyntax) & wanted;
      }
    } else if (
      c === CLOSE_PAREN ||
      // x['get'](...); `x[i](`, `x[f()](` have no path
      (c === CLOSE_BRACKET && (end < 2 || isQuoteOrSpace(text.charCodeAt(end - 2)))) ||
      c >= 128 ||
      // Only `*/ (` (of one more comment), `?.(` and, with type syntax, `!(` and `>(` can end a
      // callee this way.
      (c === SLASH ? end > 1 && text.charCodeAt(end - 2) === STAR : c === DOT ? end > 1 && text.charCodeAt(end - 2) === QUESTION : (c === BANG || c === GREATER) && typeSyntax)
    ) {
      possible = otherBeforeParen(text, open, end, wanted, typeSyntax) & wanted;
    }
    // Other operators and punctuation: no callee ends so.
    // Worked out at every `(`: V8 drops optimized code at the first operation it never saw run.
    const candidate = open * 4 + possible;
    if (possible !== 0) return candidate;
  }
  return -1;
}

/** Where the X of `ActiveXObject` sits in it. */
const ACTIVE_X = 'Active'.length;

/**
 * Whether the text spells XMLHttpRequest or ActiveXObject where the parsed file (when given) says
 * a `new` constructs it. Both hold a capital X, which few texts hold: one search for it skips
 * ahead faster than one search per name.
 */
function constructsXhr(text: string, syntax: Syntax): boolean {
  for (let i = text.indexOf('X'); i >= 0; i = text.indexOf('X', i + 1)) {
    let start = -1;
    if (text.startsWith('XMLHttpRequest', i)) start = i;
    else if (i >= ACTIVE_X && text.startsWith('ActiveXObject', i - ACTIVE_X)) start = i - ACTIVE_X;
    if (start >= 0 && (typeof syntax === 'boolean' || constructsAt(syntax, start))) return true;
  }
  return false;
}

/**
 * Whether the name `entry`, spelled from `start` before the `(` at `open`, surely gives nothing
 * of `wanted`: told in the loop of nextCandidate() rather than by nameBeforeParen(), which runs
 * too seldom to stay compiled. Most names we find are a class's own method, a read from a map or
 * a cache, or `Promise.all`. The two usual shapes, `name(` and `owner.name(`, are judged here by
 * the name, the receiver and the first character of the arguments; nameBeforeParen() takes any
 * other shape, and every shape this lets through.
 */
function surelyNothing(text: string, open: number, start: number, entry: CalleeName, wanted: number): boolean {
  let p = start - 1;
  let before = p >= 0 ? text.charCodeAt(p) : 0;
  if (before === HASH) return true; // #private
  while (before === 32 || (before >= 9 && before <= 13)) before = --p >= 0 ? text.charCodeAt(p) : 0;
  if (before !== DOT && before !== SLASH && before < 128) {
    // A plain call, as nameBeforeParen() reads it: a class's `get(key) {`, `use (` in a comment.
    return !(wanted & CLIENT && entry.readsAlone) && !(wanted & SERVER && entry.name === 'createServer');
  }
  const o = start - 2;
  const oc = o >= 0 ? text.charCodeAt(o) : 0;
  if (p !== start - 1 || before !== DOT || !(oc < 128 && WORD_CHARS[oc] === 1)) return false;
  if (wanted & SERVER && entry.roles & SERVER) {
    // As mayRegister(): a route verb or event name takes a literal first, and an event name
    // must be 'request' (`emitter.on('data', ...)` is the commoner).
    const first = text.charCodeAt(open + 1) | 0;
    if (entry.registersAnyArguments) return false;
    if (first === SINGLE_QUOTE || first === DOUBLE_QUOTE || first === BACKTICK) {
      if (!entry.registersEvent || mayNameRequestEvent(text, open + 1)) return false;
    } else if (!((first < 128 && WORD_CHARS[first] === 1) || first === OPEN_BRACE || first === OPEN_BRACKET || first === CLOSE_PAREN)) {
      return false;
    }
  }
  if (wanted & CLIENT && entry.roles & CLIENT) {
    if (!entry.readsOnClientOnly || ownerMayCount(text, wordStart(text, o + 1), o + 1)) return false;
  }
  return true;
}

/** Whether `c` is a quote of a plain string or may be space: what otherBeforeParen() reads before a `]`. */
function isQuoteOrSpace(c: number): boolean {
  return c === SINGLE_QUOTE || c === DOUBLE_QUOTE || c === 32 || (c >= 9 && c <= 13) || c >= 128;
}

/** A `(` after the callee name `entry`, spelled from `start`. */
function nameBeforeParen(text: string, open: number, start: number, entry: CalleeName, wanted: number, typeSyntax: boolean): number {
  let found = 0;
  // The usual shapes, `owner.name(` and `name(`, are read here; namedCall() takes the rest
  // (spaces or comments around the dot, `?.`, `!`, parentheses, brackets).
  let p = start - 1;
  let before = p >= 0 ? text.charCodeAt(p) : 0;
  if (before === HASH) return 0; // #private
  while (before === 32 || (before >= 9 && before <= 13)) before = --p >= 0 ? text.charCodeAt(p) : 0;
  if (before === DOT ? p > 0 && text.charCodeAt(p - 1) === DOT : before !== SLASH && before < 128) {
    // A plain call (or `...name(`): a read by itself, a registration only as createServer.
    if (wanted & CLIENT && entry.readsAlone) found |= CLIENT;
    if (wanted & SERVER && entry.name === 'createServer' && mayRegister(text, open, entry.name)) found |= SERVER;
    return found;
  }
  const o = start - 2;
  const oc = o >= 0 ? text.charCodeAt(o) : 0;
  if (before === DOT && p === start - 1 && isWordChar(oc)) {
    // owner.name(
    if (wanted & CLIENT && entry.roles & CLIENT) {
      const os = wordStart(text, o + 1);
      if (!entry.readsOnClientOnly || ownerMayCount(text, os, o + 1)) {
        const owner = os > 0 && text.charCodeAt(os - 1) === HASH ? `#${text.slice(os, o + 1)}` : text.slice(os, o + 1);
        if (mayRead(text, open, owner, entry)) found |= CLIENT;
      }
    }
    if (wanted & SERVER && entry.roles & SERVER && mayRegister(text, open, entry.name)) {
      found |= SERVER;
    }
    return found;
  }
  return namedCall(text, open, entry, start, -1, wanted, typeSyntax);
}

/**
 * Where the `)`, `!` and spaces that end the text before `end` begin: `(0, x.get)(...)` and
 * `f(x)(...)` are read by the last name inside, as otherCall() takes them without type syntax.
 */
function beforeClosingParens(text: string, end: number): number {
  let c: number;
  do c = --end > 0 ? text.charCodeAt(end - 1) : 0;
  while (c === CLOSE_PAREN || c === BANG || c === 32 || (c >= 9 && c <= 13));
  return end;
}

/**
 * Where the text before the block comment that closes just before `end` stops, past ASCII
 * spaces; -1 when no comment opens before it.
 */
function beforeBlockComment(text: string, end: number): number {
  let start = text.lastIndexOf('/*', end - 3);
  if (start < 0) return -1;
  let c = start > 0 ? text.charCodeAt(start - 1) : 0;
  while (c === 32 || (c >= 9 && c <= 13)) c = --start > 0 ? text.charCodeAt(start - 1) : 0;
  return start;
}

/** A `(` after a comment, `)`, `?.`, a cast or type arguments, `]`, or non-ASCII whitespace. */
function otherBeforeParen(text: string, open: number, end: number, wanted: number, typeSyntax: boolean): number {
  let c = text.charCodeAt(end - 1) | 0;
  // `/** @type {T} */ (x)`: past block comments
  while (c === SLASH && text.charCodeAt(end - 2) === STAR) {
    end = beforeBlockComment(text, end);
    if (end < 0) return 0;
    c = text.charCodeAt(end - 1) | 0;
  }
  if (c === CLOSE_PAREN && !typeSyntax) {
    end = beforeClosingParens(text, end);
    c = end > 0 ? text.charCodeAt(end - 1) : 0;
  }
  if (c < 128 && WORD_CHARS[c] === 1) {
    const entry = nameEndingAt(text, end, c);
    return entry ? nameBeforeParen(text, open, end - entry.name.length, entry, wanted, typeSyntax) : 0;
  }
  if (c === DOT) {
    if (text.charCodeAt(end - 2) !== QUESTION) return 0;
  } else if (c === GREATER || c === BANG) {
    if (!typeSyntax) return 0;
  } else if (c === CLOSE_BRACKET) {
    // x['get'](...) only: other computed callees have no path
    let q = end - 2;
    while (isSpace(at(text, q))) q--;
    if (at(text, q) !== SINGLE_QUOTE && at(text, q) !== DOUBLE_QUOTE) return 0;
  } else if (c < 128 && c !== CLOSE_PAREN) {
    // Operators, punctuation, `/` of a regular expression or a line comment: no callee ends so.
    return 0;
  }
  return otherCall(text, open, wanted, typeSyntax);
}

// --- visitors -------------------------------------------------------------------------------

/**
 * Whether espree, ESLint's default parser, read the file: it makes no TypeScript program and
 * takes no type syntax. Its name sits on an object all files share, while what else tells (the
 * parser services, the visitor keys) is read from each file's own objects: reading the services
 * alone cost 1.7 ms per 1,930 files, measured.
 */
function byEspree(context: Rule.RuleContext): boolean {
  return (context.languageOptions.parser as { name?: unknown } | undefined)?.name === 'espree';
}

/** Typed linting: the parser services the follower reads requests of other files through. */
function isTyped(sourceCode: SourceCode): boolean {
  const services = sourceCode.parserServices as { program?: unknown; esTreeNodeToTSNodeMap?: unknown } | undefined;
  return Boolean(services?.program && services.esTreeNodeToTSNodeMap);
}

/**
 * The innermost node whose range holds `index` (the Program when no other does). ESLint's
 * getNodeByRangeIndex() enters every earlier sibling on the way down; this searches child lists.
 */
function nodeAt(sourceCode: SourceCode, index: number): Node {
  const keysOf = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  let node = sourceCode.ast as unknown as Node;
  const holds = (child: unknown): child is Node => {
    const range = (child as Node | null)?.range;
    return range !== undefined && range[0] <= index && index < range[1];
  };
  descend: for (;;) {
    for (const key of keysOf[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        // In source order: a binary search, as a file may be one object literal of thousands of
        // properties. A hole (`[a, , b]`) sends it to a plain scan.
        let lo = 0;
        let hi = child.length - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const item = child[mid] as Node | null;
          if (!item) {
            const found = (child as unknown[]).find(holds);
            if (found) {
              node = found;
              continue descend;
            }
            break;
          }
          if (index < item.range[0]) hi = mid - 1;
          else if (index >= item.range[1]) lo = mid + 1;
          else {
            node = item;
            continue descend;
          }
        }
      } else if (holds(child)) {
        node = child;
        continue descend;
      }
    }
    return node;
  }
}

// What the parsed file says of a place the text screen would let the file through for. Asked a
// few times per file at most: a descent from the root, through the children that hold the place.

/** Whether the `(` at `open` opens the arguments of a call or `new`: it belongs to no child of it. */
function opensCall(sourceCode: SourceCode, open: number): boolean {
  const node = nodeAt(sourceCode, open);
  return node.type === 'CallExpression' || node.type === 'NewExpression';
}

/** Whether the name spelled from `index` ends the callee of a `new`. */
function constructsAt(sourceCode: SourceCode, index: number): boolean {
  let node = nodeAt(sourceCode, index);
  if (node.type !== 'Identifier' && node.type !== 'Literal') return false;
  // Up the callee path: `new window.XMLHttpRequest`, `new window['XMLHttpRequest']`, casts.
  for (let parent: Node | undefined = node.parent; parent; node = parent, parent = parent.parent) {
    if (parent.type === 'NewExpression') return parent.callee === node;
    // unwrap() takes off what calleePath() sees through: casts, `!`, `?.`.
    const onPath = parent.type === 'MemberExpression' ? parent.property === node : unwrap(parent) !== parent;
    if (!onPath) return false;
  }
  return false;
}

// ESLint calls a visitor only at the nodes its selector matches: on the 16 files of the bench
// corpus that pass the screen, 767 calls instead of 5,581 for every function and call. Each
// selector takes in every node the detector can find something at (the first checks of
// onFunction() and onCall()); the detector checks again.

/** Functions that can call themselves by name: declared or named, or a variable's value (also through useCallback). */
const NAMED_FUNCTION = 'FunctionDeclaration, FunctionExpression[id], VariableDeclarator > :function, VariableDeclarator > CallExpression > :function';
/** `this.poll()`: a method that may call itself. */
const SELF_CALL = 'CallExpression[callee.type="MemberExpression"][callee.object.type="ThisExpression"]';
/** `app.get(...)`, `createServer(...)`: calls registrationName() may name. */
const REGISTRATION = `CallExpression[callee.property.name=/^(?:${[...HANDLER_METHODS].join('|')})$/], CallExpression[callee.name="createServer"]`;

/**
 * ESLint visitors that pass each long-polling finding of the file to the handler `setup` makes:
 * the findings of feeding the functions, calls and awaits the detector can find something at to
 * createLongPollDetector(), for files the text screen lets through (all files with typed
 * linting). `setup` runs only for those, so screened-out files cost no options read and no
 * allocation. The caller filters findings by shape.
 */
export function longPollVisitors<C extends Rule.RuleContext>(
  context: C,
  setup: (context: C) => (finding: LongPollFinding) => void,
): Rule.RuleListener {
  const sourceCode = context.sourceCode;
  const espree = byEspree(context);
  const possible = !espree && isTyped(sourceCode) ? BOTH : screenLongPolling(sourceCode.text, true, sourceCode, !espree && typeSyntaxOf(sourceCode));
  if (possible === 0) return {};
  const onFinding = setup(context);
  const detector = createLongPollDetector(context);
  const onCall = (node: Rule.Node): void => {
    const found = detector.onCall(node as unknown as TSESTree.CallExpression);
    for (let i = 0; i < found.length; i++) onFinding(found[i]!);
  };
  // Registrations only: self-calls (`this.poll()`) need a request to count, so onCall() can
  // find nothing else here.
  if (!(possible & CLIENT)) return { [REGISTRATION]: onCall };
  const visitors: Rule.RuleListener = {
    [NAMED_FUNCTION]: (node: Rule.Node) => {
      const found = detector.onFunction(node as unknown as FunctionNode);
      if (found) onFinding(found);
    },
    [possible & SERVER ? `${SELF_CALL}, ${REGISTRATION}` : SELF_CALL]: onCall,
  };
  // `await` is a keyword, which cannot be written with escapes.
  if (sourceCode.text.includes('await')) {
    visitors.AwaitExpression = (node) => {
      const found = detector.onAwait(node as unknown as TSESTree.AwaitExpression);
      if (found) onFinding(found);
    };
  }
  return visitors;
}
