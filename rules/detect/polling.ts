import type { TSESTree } from '@typescript-eslint/types';
import type { AST, Rule, Scope } from 'eslint';
import { calleeName, calleePath } from './http.js';
import { createFollower, functionName, type Follower, type FunctionNode, type NetworkSummary } from './follow.js';
import { findVariable, objectProperty, staticNumber, unwrap, urlHost } from './values.js';

// Finds short-polling sites: code that repeats an HTTP read on a timer. It only *finds*; the
// rule decides how to word a report, and a scanner can reuse the same visitors.
//
// Cost model: every visitor starts with a name or shape check that rejects almost all nodes;
// function bodies are walked only for a candidate site, with bounded walks (follow.ts).

type Node = TSESTree.Node;

export type PollingKind =
  /** setInterval(cb, ms) and friends */
  | 'interval'
  /** a function that re-schedules itself with setTimeout */
  | 'timeout-loop'
  /** while (true) { await request(); await sleep(ms) } */
  | 'await-loop'
  /** interval(ms).pipe(switchMap(() => http.get(...))) */
  | 'rxjs'
  /** refetchInterval / refreshInterval / pollInterval / pollingInterval */
  | 'library-option'
  /** Apollo startPolling(ms) */
  | 'start-polling'
  /** useInterval(cb, ms) / usePolling(fn, ms) call sites */
  | 'hook';

export interface PollingSite {
  node: Node;
  /** Narrower location to report than the whole node (loop headers). */
  loc?: AST.SourceLocation;
  kind: PollingKind;
  /** The repeat interval, when it is statically known. */
  intervalMs: number | undefined;
  /** What the source calls it: 'setInterval', 'refetchInterval', 'usePolling', ... */
  label: string;
}

export interface PollingOptions {
  /** Sites repeating at least this often (or at an unknown rate) are short polling. */
  thresholdMs: number;
  /** Also count reads from absolute URLs on other hosts. */
  includeThirdParty: boolean;
}

const TIMER_HOSTS = new Set(['window', 'globalThis', 'self', 'global']);
const LIBRARY_OPTIONS = new Set(['refetchInterval', 'refreshInterval', 'pollInterval', 'pollingInterval']);
const MAP_OPERATORS = new Set([
  'switchMap',
  'mergeMap',
  'concatMap',
  'exhaustMap',
  'flatMap',
  'switchMapTo',
  'mergeMapTo',
  'concatMapTo',
]);
// Calls whose options carry library polling: useQuery, useSWR, watchQuery, useGetRatesQuery,
// queryOptions, new QueryClient, graphql(QUERY, { options }), ...
const QUERY_CALLEE = /query|queries|swr|^graphql$|^(?:QueryClient|ApolloClient)$/i;
const QUERY_COMPONENT = /query|swr|apollo/i;
const QUERY_SIBLINGS = new Set(['queryKey', 'queryFn', 'query', 'variables', 'fetchPolicy', 'notifyOnNetworkStatusChange', 'skipPollingIfUnfocused', 'refetchOnWindowFocus', 'revalidateOnFocus', 'refreshWhenHidden', 'dedupingInterval']);
const NESTED_QUERY_KEYS = new Set(['queries', 'watchQuery', 'query']);
const WATCHER_SIBLINGS = new Set(['usePolling', 'ignored', 'awaitWriteFinish', 'binaryInterval', 'persistent', 'followSymlinks']);
const POLL_HOOK = /^use(?:[A-Z]\w*)?Poll(?:ing\w*|er)?$/;
const INTERVAL_HOOK = /^use(?:[A-Z]\w*)?Interval(?:Fn|Effect|When|Callback)?$/;
const HOOK_CALLBACK_KEYS = ['callback', 'fn', 'fetcher', 'queryFn', 'task', 'poll', 'request', 'handler', 'onPoll', 'action'];
const HOOK_INTERVAL_KEYS = ['interval', 'intervalMs', 'delay', 'ms', 'every', 'pollInterval', 'pollingInterval', 'refreshInterval', 'period'];
const DELAY_CALL = /^(?:sleep|delay|wait|pause|timeout|setTimeout|snooze|waitFor|waitForTimeout|sleepMs|waitMs|delayMs|setTimeoutPromise|setTimeoutAsync)$/i;
// Timers named for keeping a session or connection alive repeat a write, not a read of news.
const KEEPALIVE_NAME = /heartbeat|keep-?alive|(?:refresh|renew|rotate)\w*(?:token|session|auth|jwt)|(?:token|session|auth|jwt)\w*(?:refresh|renew)/i;
const EVENT_SOURCE_NAME = /event_?source|^es$|^sse$|sse(?:source|connection|client|stream)$|^source$/i;
const SCAN_CAP = 400;

function isFunction(node: Node | null | undefined): node is FunctionNode {
  return (
    node?.type === 'FunctionDeclaration' ||
    node?.type === 'FunctionExpression' ||
    node?.type === 'ArrowFunctionExpression'
  );
}

function keyName(key: Node, computed: boolean): string | undefined {
  if (!computed && key.type === 'Identifier') return key.name;
  if (key.type === 'PrivateIdentifier') return `#${key.name}`;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}

function argument(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): Node | undefined {
  const arg = call.arguments[index];
  return arg && arg.type !== 'SpreadElement' ? arg : undefined;
}

/** Bounded pre-order walk; `visit` returns false to skip a node's children. */
function scan(root: Node, visit: (node: Node) => boolean | void, cap = SCAN_CAP): void {
  const stack: Node[] = [root];
  let budget = cap;
  while (stack.length > 0 && budget-- > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    const record = node as unknown as Record<string, unknown>;
    for (const key in record) {
      if (key === 'parent' || key === 'loc' || key === 'range' || key === 'typeAnnotation' || key === 'returnType') continue;
      const value = record[key];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const child = value[i] as Node | null;
          if (child && typeof child.type === 'string') stack.push(child);
        }
      } else if (value && typeof value === 'object' && typeof (value as Node).type === 'string') {
        stack.push(value as Node);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Success / failure paths: retry-with-backoff re-runs only when something failed.

function isOkMember(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === 'Identifier') return /^(?:ok|success|succeeded|isOk|isSuccess)$/.test(n.name);
  return n.type === 'MemberExpression' && /^(?:ok|success|succeeded|isOk|isSuccess)$/.test(keyName(n.property, n.computed) ?? '');
}

function isErrorName(node: Node): boolean {
  const n = unwrap(node);
  const name = n.type === 'Identifier' ? n.name : n.type === 'MemberExpression' ? keyName(n.property, n.computed) : undefined;
  return name !== undefined && /^(?:err|error|errors|e|failed|failure|hasError|isError)$/.test(name);
}

function isStatusMember(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === 'Identifier') return n.name === 'status' || n.name === 'statusCode';
  return n.type === 'MemberExpression' && /^(?:status|statusCode)$/.test(keyName(n.property, n.computed) ?? '');
}

function numberLiteral(node: Node): number | undefined {
  const n = unwrap(node);
  return n.type === 'Literal' && typeof n.value === 'number' ? n.value : undefined;
}

function isRetryCounter(node: Node): boolean {
  const n = unwrap(node);
  const name = n.type === 'Identifier' ? n.name : n.type === 'MemberExpression' ? keyName(n.property, n.computed) : undefined;
  return name !== undefined && /retr|attempt|tries/i.test(name);
}

function isFailureTest(test: Node, depth = 0): boolean {
  if (depth > 4) return false;
  const t = unwrap(test);
  switch (t.type) {
    case 'UnaryExpression':
      return t.operator === '!' && isSuccessTest(t.argument, depth + 1);
    case 'LogicalExpression':
      return isFailureTest(t.left, depth + 1) || isFailureTest(t.right, depth + 1);
    case 'BinaryExpression': {
      if (t.left.type === 'PrivateIdentifier') return false;
      const { left, right, operator } = t;
      if (isOkMember(left)) {
        const literal = unwrap(right);
        const isFalse = literal.type === 'Literal' && literal.value === false;
        const isTrue = literal.type === 'Literal' && literal.value === true;
        return ((operator === '===' || operator === '==') && isFalse) || ((operator === '!==' || operator === '!=') && isTrue);
      }
      if (isStatusMember(left)) {
        const code = numberLiteral(right);
        if (code === undefined) return false;
        if (operator === '>=' || operator === '>') return code >= 300;
        if (operator === '!==' || operator === '!=') return code >= 200 && code < 300;
        if (operator === '===' || operator === '==') return code >= 400;
        return false;
      }
      return (operator === '<' || operator === '<=' || operator === '>' || operator === '>=') && (isRetryCounter(left) || isRetryCounter(right));
    }
    default:
      return isErrorName(t);
  }
}

function isSuccessTest(test: Node, depth = 0): boolean {
  if (depth > 4) return false;
  const t = unwrap(test);
  switch (t.type) {
    case 'UnaryExpression':
      return t.operator === '!' && isFailureTest(t.argument, depth + 1);
    case 'LogicalExpression':
      return t.operator === '&&' && isSuccessTest(t.left, depth + 1) && isSuccessTest(t.right, depth + 1);
    case 'BinaryExpression': {
      if (t.left.type === 'PrivateIdentifier' || !isStatusMember(t.left)) return false;
      const code = numberLiteral(t.right);
      if (code === undefined) return false;
      if (t.operator === '===' || t.operator === '==') return code >= 200 && code < 300;
      if (t.operator === '<' || t.operator === '<=') return code <= 300;
      return false;
    }
    default:
      return isOkMember(t);
  }
}

function endsInExit(statement: Node): boolean {
  const s = statement;
  if (s.type === 'ReturnStatement' || s.type === 'ThrowStatement' || s.type === 'BreakStatement') return true;
  if (s.type === 'BlockStatement') {
    const last = s.body[s.body.length - 1];
    return last !== undefined && endsInExit(last);
  }
  return false;
}

/** `if (res.ok) return ...`, possibly inside a try block or a plain block. */
function exitsOnSuccess(statement: Node, depth = 0): boolean {
  if (depth > 3) return false;
  switch (statement.type) {
    case 'IfStatement':
      return !statement.alternate && isSuccessTest(statement.test) && endsInExit(statement.consequent);
    case 'BlockStatement':
      return statement.body.some((s) => exitsOnSuccess(s, depth + 1));
    case 'TryStatement':
      return statement.block.body.some((s) => exitsOnSuccess(s, depth + 1));
    default:
      return false;
  }
}

const FAILURE_CALLBACKS = /^(?:catch|fail|onError|onFailure)$/;
const FAILURE_KEYS = /^(?:error|onError|onerror|fail|failure|onFailure|ontimeout|onTimeout)$/;

/**
 * True when `node` only runs after something failed, up to `stop`: a catch block, a
 * `.catch()`/`error:` callback, an `if (!res.ok)` branch, or code after `if (res.ok) return`.
 */
export function isFailurePath(node: Node, stop: Node): boolean {
  let child: Node = node;
  for (let parent = node.parent; parent && child !== stop; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case 'CatchClause':
        if (child === parent.body) return true;
        break;
      case 'IfStatement':
      case 'ConditionalExpression':
        if (child === parent.consequent && isFailureTest(parent.test)) return true;
        if (child === parent.alternate && isSuccessTest(parent.test)) return true;
        break;
      case 'LogicalExpression':
        if (child === parent.right && parent.operator === '&&' && isFailureTest(parent.left)) return true;
        if (child === parent.right && parent.operator === '||' && isSuccessTest(parent.left)) return true;
        break;
      case 'CallExpression': {
        if (child === parent.callee) break;
        const name = calleeName(parent.callee);
        if (name && FAILURE_CALLBACKS.test(name)) return true;
        if (name === 'then' && parent.arguments[1] === child) return true;
        if (name === 'addEventListener') {
          const type = argument(parent, 0);
          if (type?.type === 'Literal' && (type.value === 'error' || type.value === 'timeout')) return true;
        }
        break;
      }
      case 'Property':
        if (child === parent.value && FAILURE_KEYS.test(keyName(parent.key, parent.computed) ?? '')) return true;
        break;
      case 'AssignmentExpression':
        if (child === parent.right && parent.left.type === 'MemberExpression' && FAILURE_KEYS.test(keyName(parent.left.property, parent.left.computed) ?? '')) {
          return true;
        }
        break;
      case 'BlockStatement':
      case 'Program':
      case 'SwitchCase': {
        // if (res.ok) { render(); return } setTimeout(retry, 1000)
        const body = parent.type === 'SwitchCase' ? parent.consequent : parent.body;
        for (const statement of body as readonly Node[]) {
          if (statement === child) break;
          if (exitsOnSuccess(statement)) return true;
        }
        break;
      }
      default:
        break;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Interval values of declarative options: numbers, false/0 (off), conditionals, functions.

interface IntervalValue {
  /** Smallest known interval among the branches. */
  min: number | undefined;
  /** Some branch has a value we cannot compute. */
  unknown: boolean;
}

function mergeIntervals(a: IntervalValue, b: IntervalValue): IntervalValue {
  const min = a.min === undefined ? b.min : b.min === undefined ? a.min : Math.min(a.min, b.min);
  return { min, unknown: a.unknown || b.unknown };
}

const OFF: IntervalValue = { min: undefined, unknown: false };
const UNKNOWN: IntervalValue = { min: undefined, unknown: true };

function returnedValues(fn: FunctionNode): Node[] {
  if (fn.body.type !== 'BlockStatement') return [fn.body];
  const values: Node[] = [];
  scan(fn.body, (node) => {
    if (isFunction(node)) return false;
    if (node.type === 'ReturnStatement' && node.argument) values.push(node.argument);
    return true;
  });
  return values;
}

function intervalValue(value: Node, scope: Scope.Scope, allowFunction: boolean, depth = 0): IntervalValue {
  if (depth > 4) return UNKNOWN;
  const n = unwrap(value);
  switch (n.type) {
    case 'Literal':
      if (n.value === false || n.value === null || n.value === 0) return OFF;
      break;
    case 'Identifier':
      if (n.name === 'undefined') return OFF;
      break;
    case 'ConditionalExpression':
      return mergeIntervals(intervalValue(n.consequent, scope, allowFunction, depth + 1), intervalValue(n.alternate, scope, allowFunction, depth + 1));
    case 'LogicalExpression':
      if (n.operator === '&&') return intervalValue(n.right, scope, allowFunction, depth + 1);
      return mergeIntervals(intervalValue(n.left, scope, allowFunction, depth + 1), intervalValue(n.right, scope, allowFunction, depth + 1));
    case 'ArrowFunctionExpression':
    case 'FunctionExpression': {
      if (!allowFunction) return UNKNOWN;
      let result = OFF;
      for (const returned of returnedValues(n)) result = mergeIntervals(result, intervalValue(returned, scope, false, depth + 1));
      return result;
    }
    default:
      break;
  }
  const ms = staticNumber(n, scope);
  if (ms === undefined) return UNKNOWN;
  return ms <= 0 ? OFF : { min: ms, unknown: false };
}

// ---------------------------------------------------------------------------------------------

/**
 * ESLint visitors that find short-polling sites and hand each to `onSite` (at Program:exit,
 * once fallbacks have been ruled out). Use inside a rule's create(); combine with other
 * visitors if needed.
 */
export function pollingVisitors(
  context: Rule.RuleContext,
  options: PollingOptions,
  onSite: (site: PollingSite) => void,
  follower: Follower = createFollower(context),
): Rule.RuleListener {
  const sourceCode = context.sourceCode;
  const pending: PollingSite[] = [];
  const rescheduled = new WeakSet<FunctionNode>();
  const fallbackHandlers = new Set<FunctionNode>();

  const scopeOf = (node: Node): Scope.Scope => sourceCode.getScope(node as never);
  const isShort = (ms: number | undefined): boolean => ms === undefined || ms < options.thresholdMs;
  const pollsNetwork = (summary: NetworkSummary | undefined): boolean =>
    summary !== undefined && (options.includeThirdParty ? summary.reads > 0 : summary.firstPartyReads > 0);

  function isGlobal(id: TSESTree.Identifier): boolean {
    if (sourceCode.isGlobalReference(id as never)) return true;
    // Without configured globals the timer functions are unresolved references: still global,
    // unless something in scope declares the name (`const [interval, setInterval] = useState()`).
    const variable = findVariable(scopeOf(id), id.name);
    return !variable || variable.defs.length === 0;
  }

  function isTimer(callee: Node, name: string): boolean {
    const c = unwrap(callee);
    if (c.type === 'Identifier') return c.name === name && isGlobal(c);
    if (c.type !== 'MemberExpression' || keyName(c.property, c.computed) !== name) return false;
    const object = unwrap(c.object);
    return object.type === 'Identifier' && TIMER_HOSTS.has(object.name) && isGlobal(object);
  }

  function delayOf(call: TSESTree.CallExpression, index: number): number | undefined {
    if (call.arguments.some((a, i) => i <= index && a.type === 'SpreadElement')) return undefined;
    const delay = argument(call, index);
    // A missing delay means "as soon as possible".
    return delay ? staticNumber(delay, scopeOf(delay)) : 0;
  }

  function referenceNames(callback: Node): string[] {
    const n = unwrap(callback);
    const names: string[] = [];
    const path = calleePath(n.type === 'CallExpression' ? n.callee : n);
    if (path) names.push(...path);
    const fn = follower.resolveFunction(n);
    if (fn) {
      const name = functionName(fn);
      if (name) names.push(name);
      // () => refreshToken()
      const body = fn.body.type === 'BlockStatement' && fn.body.body.length === 1 ? fn.body.body[0] : fn.body;
      const expression = body?.type === 'ExpressionStatement' ? body.expression : body;
      const inner = expression && unwrap(expression.type === 'AwaitExpression' ? expression.argument : expression);
      if (inner?.type === 'CallExpression') {
        const innerPath = calleePath(inner.callee);
        if (innerPath) names.push(...innerPath);
      }
    }
    return names;
  }

  function isKeepalive(callback: Node): boolean {
    return referenceNames(callback).some((name) => KEEPALIVE_NAME.test(name));
  }

  /** Requests made by a timer callback, including `setInterval("getData()", 500)`. */
  function callbackSummary(callback: Node, site: Node): NetworkSummary | undefined {
    const n = unwrap(callback);
    if ((n.type === 'Literal' && typeof n.value === 'string') || (n.type === 'TemplateLiteral' && n.expressions.length === 0)) {
      const code = n.type === 'Literal' ? String(n.value) : (n.quasis[0]?.value.cooked ?? '');
      const match = /^\s*([A-Za-z_$][\w$]*)\s*\([^()]*\)\s*;?\s*$/.exec(code);
      if (!match) return undefined;
      const variable = findVariable(scopeOf(site), match[1]!);
      const def = variable?.defs[0];
      const fn =
        def?.type === 'FunctionName'
          ? (def.node as unknown as Node)
          : def?.type === 'Variable'
            ? (def.node as unknown as TSESTree.VariableDeclarator).init
            : undefined;
      return fn && isFunction(unwrap(fn)) ? follower.summarize(unwrap(fn)) : undefined;
    }
    return follower.summarizeCallable(n);
  }

  function report(site: PollingSite): void {
    pending.push(site);
  }

  // --- setInterval ------------------------------------------------------------------------

  function onInterval(call: TSESTree.CallExpression, label: string): void {
    const callback = argument(call, 0);
    if (!callback) return;
    const ms = delayOf(call, 1);
    if (!isShort(ms)) return;
    if (isKeepalive(callback)) return;
    if (!pollsNetwork(callbackSummary(callback, call))) return;
    report({ node: call, kind: 'interval', intervalMs: ms, label });
  }

  // --- self-rescheduling setTimeout ---------------------------------------------------------

  function reenters(callback: Node, fn: FunctionNode): boolean {
    const n = unwrap(callback);
    if (follower.resolveFunction(n) === fn) return true;
    if (!isFunction(n)) return false;
    const name = functionName(fn);
    if (!name) return false;
    let found = false;
    scan(n.body, (node) => {
      if (found) return false;
      if (node.type === 'Identifier' && node.name === name) {
        const parent = node.parent;
        const isPropertyKey =
          (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) ||
          (parent?.type === 'Property' && parent.key === node && !parent.shorthand);
        if (!isPropertyKey && follower.resolveFunction(node) === fn) found = true;
      } else if (node.type === 'MemberExpression' && node.object.type === 'ThisExpression' && keyName(node.property, node.computed) === name) {
        if (follower.resolveFunction(node) === fn) found = true;
        return false;
      }
      return !found;
    });
    return found;
  }

  function onTimeout(call: TSESTree.CallExpression): void {
    const callback = argument(call, 0);
    if (!callback) return;
    const ms = delayOf(call, 1);
    if (!isShort(ms)) return;
    let functions = 0;
    for (let parent: Node | undefined = call.parent; parent && functions < 6; parent = parent.parent) {
      if (!isFunction(parent)) continue;
      functions++;
      if (!reenters(callback, parent)) continue;
      if (rescheduled.has(parent)) return;
      if (isFailurePath(call, parent)) return;
      const name = functionName(parent);
      if ((name && KEEPALIVE_NAME.test(name)) || isKeepalive(callback)) return;
      if (!pollsNetwork(follower.summarize(parent))) return;
      rescheduled.add(parent);
      report({ node: call, kind: 'timeout-loop', intervalMs: ms, label: 'setTimeout' });
      return;
    }
  }

  // --- loops that await a request and a delay ----------------------------------------------

  function delayAwaited(expression: Node): { ms: number | undefined } | undefined {
    const n = unwrap(expression);
    if (n.type === 'CallExpression') {
      const name = calleeName(n.callee);
      if (name && DELAY_CALL.test(name)) {
        const first = argument(n, 0);
        if (first && isFunction(unwrap(first))) return undefined;
        return { ms: first ? staticNumber(first, scopeOf(first)) : undefined };
      }
      if (name === 'all' || name === 'allSettled') {
        const list = argument(n, 0);
        if (list?.type === 'ArrayExpression') {
          for (const element of list.elements) {
            if (element && element.type !== 'SpreadElement') {
              const inner = delayAwaited(element);
              if (inner) return inner;
            }
          }
        }
      }
      return undefined;
    }
    if (n.type === 'NewExpression' && n.callee.type === 'Identifier' && n.callee.name === 'Promise') {
      // new Promise((resolve) => setTimeout(resolve, ms))
      const executor = argument(n, 0);
      if (!executor || !isFunction(executor)) return undefined;
      let result: { ms: number | undefined } | undefined;
      scan(executor.body, (node) => {
        if (result) return false;
        if (node.type === 'CallExpression' && calleeName(node.callee) === 'setTimeout') {
          const delay = argument(node, 1);
          result = { ms: delay ? staticNumber(delay, scopeOf(delay)) : 0 };
          return false;
        }
        return true;
      }, 60);
      return result;
    }
    return undefined;
  }

  function isBoundedTest(test: Node, depth = 0): boolean {
    if (depth > 4) return false;
    const t = unwrap(test);
    if (t.type === 'BinaryExpression') return t.operator === '<' || t.operator === '<=' || t.operator === '>' || t.operator === '>=';
    if (t.type === 'LogicalExpression') return isBoundedTest(t.left, depth + 1) || isBoundedTest(t.right, depth + 1);
    return false;
  }

  function inAsyncCode(node: Node): boolean {
    for (let parent = node.parent; parent; parent = parent.parent) {
      if (isFunction(parent)) return parent.async;
    }
    return true; // top-level await in a module
  }

  function onLoop(loop: TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement): void {
    if (loop.test && isBoundedTest(loop.test)) return;
    if (!inAsyncCode(loop)) return;
    let delay: { ms: number | undefined } | undefined;
    scan(loop.body, (node) => {
      if (delay) return false;
      if (isFunction(node)) return false;
      if (node.type === 'AwaitExpression') {
        const found = delayAwaited(node.argument);
        if (found && !isFailurePath(node, loop)) delay = found;
        return !found;
      }
      return true;
    }, 2000);
    if (!delay || !isShort(delay.ms)) return;
    if (!pollsNetwork(follower.summarize(loop.body))) return;
    const header = sourceCode.getTokenBefore(loop.body as never);
    const start = loop.loc.start;
    const loc = loop.type !== 'DoWhileStatement' && header ? { start, end: header.loc.end } : { start, end: { line: start.line, column: start.column + 2 } };
    const label = loop.type === 'ForStatement' ? 'for' : loop.type === 'WhileStatement' ? 'while' : 'do-while';
    report({ node: loop, loc, kind: 'await-loop', intervalMs: delay.ms, label });
  }

  // --- RxJS -------------------------------------------------------------------------------

  function isRxCreation(call: TSESTree.CallExpression, name: string): boolean {
    const callee = unwrap(call.callee);
    if (callee.type === 'Identifier') {
      const def = findVariable(scopeOf(callee), name)?.defs[0];
      if (def?.type !== 'ImportBinding') return false;
      const declaration = def.parent as unknown as TSESTree.ImportDeclaration | null;
      return typeof declaration?.source?.value === 'string' && declaration.source.value.startsWith('rxjs');
    }
    if (callee.type !== 'MemberExpression') return false;
    const owner = calleePath(callee.object);
    const last = owner?.[owner.length - 1];
    return last !== undefined && (/Observable$/.test(last) || /^(?:Rx|rx|rxjs)$/.test(last));
  }

  function mapperOf(call: TSESTree.CallExpression): { operator: string; argument: Node } | undefined {
    let current: Node = call;
    for (let i = 0; i < 6; i++) {
      const member: Node | undefined = current.parent;
      if (member?.type !== 'MemberExpression' || member.object !== current) return undefined;
      const outer: Node | undefined = member.parent;
      if (outer?.type !== 'CallExpression' || outer.callee !== member) return undefined;
      const method = keyName(member.property, member.computed);
      if (method === 'pipe') {
        for (const arg of outer.arguments) {
          if (arg.type !== 'CallExpression') continue;
          const operator = calleeName(arg.callee);
          const mapper = argument(arg, 0);
          if (operator && MAP_OPERATORS.has(operator) && mapper) return { operator, argument: mapper };
        }
      } else if (method && MAP_OPERATORS.has(method)) {
        // RxJS 5 patch style: Observable.timer(0, 5000).switchMap(...)
        const mapper = argument(outer, 0);
        return mapper ? { operator: method, argument: mapper } : undefined;
      }
      current = outer;
    }
    return undefined;
  }

  function onRx(call: TSESTree.CallExpression, name: string): void {
    if (name === 'timer' && call.arguments.length < 2) return; // a single emission
    if (!isRxCreation(call, name)) return;
    const ms = delayOf(call, name === 'timer' ? 1 : 0);
    if (!isShort(ms)) return;
    const mapper = mapperOf(call);
    if (!mapper) return;
    const summary = mapper.operator.endsWith('To')
      ? follower.summarize(mapper.argument)
      : follower.summarizeCallable(mapper.argument);
    if (!pollsNetwork(summary)) return;
    report({ node: call, kind: 'rxjs', intervalMs: ms, label: name });
  }

  // --- declarative library options ----------------------------------------------------------

  function thirdPartyOnly(holder: Node | undefined): boolean {
    if (options.includeThirdParty || holder?.type !== 'ObjectExpression') return false;
    const call = holder.parent;
    if (call?.type === 'CallExpression' || call?.type === 'NewExpression') {
      const key = argument(call, 0);
      if (key && key !== holder) {
        const k = unwrap(key);
        if (k.type === 'Literal' || k.type === 'TemplateLiteral') return urlHost(k, scopeOf(k)) === 'third-party';
      }
    }
    const fetcher = objectProperty(holder, 'queryFn') ?? objectProperty(holder, 'fetcher');
    if (fetcher) {
      const summary = follower.summarizeCallable(fetcher);
      return summary !== undefined && summary.reads > 0 && summary.firstPartyReads === 0;
    }
    return false;
  }

  function isQueryCall(node: Node | undefined): boolean {
    if (node?.type !== 'CallExpression' && node?.type !== 'NewExpression') return false;
    const name = calleeName(node.callee);
    return name !== undefined && QUERY_CALLEE.test(name);
  }

  /**
   * Whether an options object belongs to a data library (TanStack, SWR, Apollo, RTK Query):
   * the same names also configure file watchers and RPC providers.
   */
  function isLibraryOptions(holder: TSESTree.ObjectExpression): boolean {
    const keys = holder.properties.map((p) => (p.type === 'Property' ? keyName(p.key, p.computed) : undefined));
    if (keys.some((k) => k !== undefined && WATCHER_SIBLINGS.has(k))) return false;
    if (keys.some((k) => k !== undefined && QUERY_SIBLINGS.has(k))) return true;
    let object: Node = holder;
    for (let level = 0; level < 4; level++) {
      const parent: Node | undefined = object.parent;
      if (!parent) return false;
      if (isQueryCall(parent)) return true;
      if (parent.type === 'JSXExpressionContainer') {
        const element = parent.parent?.type === 'JSXAttribute' ? parent.parent.parent : undefined;
        const name = element?.type === 'JSXOpeningElement' && element.name.type === 'JSXIdentifier' ? element.name.name : '';
        return QUERY_COMPONENT.test(name);
      }
      if (parent.type === 'VariableDeclarator' && parent.init === object && parent.id.type === 'Identifier') {
        // const swrOptions = { refreshInterval: 3000 }; useSWR(key, fetcher, swrOptions)
        const variable = sourceCode.getDeclaredVariables(parent as never)[0];
        return (variable?.references ?? []).some((ref) => isQueryCall((ref.identifier as unknown as Node).parent));
      }
      if (parent.type !== 'Property' || parent.parent?.type !== 'ObjectExpression') return false;
      if (NESTED_QUERY_KEYS.has(keyName(parent.key, parent.computed) ?? '')) return true;
      object = parent.parent;
    }
    return false;
  }

  function onOption(node: Node, value: Node, label: string, holder: Node | undefined): void {
    const interval = intervalValue(value, scopeOf(value), label === 'refetchInterval');
    let ms: number | undefined;
    if (interval.min !== undefined && interval.min < options.thresholdMs) ms = interval.min;
    else if (interval.unknown) ms = undefined;
    else return; // off, or every branch at or above the threshold
    if (thirdPartyOnly(holder)) return;
    report({ node, kind: 'library-option', intervalMs: ms, label });
  }

  function onStartPolling(call: TSESTree.CallExpression): void {
    const callee = unwrap(call.callee);
    if (callee.type === 'Identifier') {
      // Apollo's, destructured from a query result; not a same-named function of the app.
      const def = findVariable(scopeOf(callee), callee.name)?.defs[0];
      if (!def) return;
      const ok =
        def.type === 'Parameter' ||
        (def.type === 'Variable' && (def.node as unknown as TSESTree.VariableDeclarator).id.type === 'ObjectPattern');
      if (!ok) return;
    } else if (callee.type !== 'MemberExpression') {
      return;
    }
    const first = argument(call, 0);
    const interval = first ? intervalValue(first, scopeOf(first), false) : UNKNOWN;
    let ms: number | undefined;
    if (interval.min !== undefined && interval.min < options.thresholdMs) ms = interval.min;
    else if (!interval.unknown) return;
    report({ node: call, kind: 'start-polling', intervalMs: ms, label: 'startPolling' });
  }

  // --- useInterval / usePolling call sites ---------------------------------------------------

  function isHookParameter(node: Node): boolean {
    const n = unwrap(node);
    if (n.type !== 'Identifier') return false;
    const def = findVariable(scopeOf(n), n.name)?.defs[0];
    if (def?.type !== 'Parameter') return false;
    const fn = def.node as unknown as FunctionNode;
    const name = isFunction(fn) ? functionName(fn) : undefined;
    return name !== undefined && /^use[A-Z0-9]/.test(name);
  }

  function onHook(call: TSESTree.CallExpression, name: string): void {
    const pollHook = POLL_HOOK.test(name);
    if (!pollHook && !INTERVAL_HOOK.test(name)) return;
    const first = argument(call, 0);
    if (!first) return;
    let callback: Node | undefined;
    let intervalNode: Node | undefined;
    const f = unwrap(first);
    if (f.type === 'ObjectExpression') {
      for (const key of HOOK_CALLBACK_KEYS) callback ??= objectProperty(f, key);
      for (const key of HOOK_INTERVAL_KEYS) intervalNode ??= objectProperty(f, key);
    } else {
      callback = first;
      const second = argument(call, 1);
      const s = second && unwrap(second);
      if (s?.type === 'ObjectExpression') {
        for (const key of HOOK_INTERVAL_KEYS) intervalNode ??= objectProperty(s, key);
      } else {
        intervalNode = second;
      }
    }
    if (!callback) return;
    let ms: number | undefined;
    if (intervalNode) {
      // useInterval(cb, null) is paused; useInterval(cb, running ? 1000 : null) polls at 1 s.
      const interval = intervalValue(intervalNode, scopeOf(intervalNode), false);
      if (interval.min !== undefined && interval.min < options.thresholdMs) ms = interval.min;
      else if (!interval.unknown) return;
    }
    // Inside a hook that forwards its own callback parameter: a definition, not a call site.
    if (isHookParameter(callback)) return;
    if (isKeepalive(callback)) return;
    const summary = follower.summarizeCallable(callback);
    if (pollHook) {
      // The name says poll; stay silent only when the callback is seen to do something else.
      const network = summary ? summary.reads + summary.writes + summary.beacons : 0;
      if (network > 0 && !pollsNetwork(summary)) return;
    } else if (!pollsNetwork(summary)) {
      return;
    }
    report({ node: call, kind: 'hook', intervalMs: ms, label: name });
  }

  // --- EventSource fallbacks -----------------------------------------------------------------

  function isEventSource(object: Node): boolean {
    const n = unwrap(object);
    const name = n.type === 'Identifier' ? n.name : n.type === 'MemberExpression' ? keyName(n.property, n.computed) : undefined;
    if (name && EVENT_SOURCE_NAME.test(name)) return true;
    if (n.type !== 'Identifier') return false;
    const variable = findVariable(scopeOf(n), n.name);
    if (!variable) return false;
    for (const reference of variable.references) {
      const written = reference.writeExpr as unknown as Node | null | undefined;
      const value = written && unwrap(written);
      if (value?.type === 'NewExpression' && calleeName(value.callee) === 'EventSource') return true;
    }
    return false;
  }

  function noteErrorHandler(handler: Node | undefined): void {
    const fn = handler && unwrap(handler);
    if (fn && isFunction(fn)) fallbackHandlers.add(fn);
  }

  function inFallback(node: Node, called: ReadonlySet<FunctionNode>): boolean {
    for (let parent = node.parent; parent; parent = parent.parent) {
      if (isFunction(parent) && (fallbackHandlers.has(parent) || called.has(parent))) return true;
    }
    return false;
  }

  /** Functions that EventSource error handlers call: polling started there is a fallback. */
  function calledFromFallbacks(): Set<FunctionNode> {
    const called = new Set<FunctionNode>();
    for (const handler of fallbackHandlers) {
      scan(handler.body, (node) => {
        if (node.type === 'CallExpression') {
          const target = follower.resolveFunction(node.callee);
          if (target) called.add(target);
        }
        return true;
      });
    }
    return called;
  }

  // --- visitors -----------------------------------------------------------------------------

  const listeners = {
    CallExpression(node: Rule.Node) {
      const call = node as unknown as TSESTree.CallExpression;
      const name = calleeName(call.callee);
      if (name === undefined) return;
      switch (name) {
        case 'setInterval':
          if (isTimer(call.callee, name)) onInterval(call, 'setInterval');
          return;
        case 'setIntervalAsync':
          onInterval(call, name);
          return;
        case 'setTimeout':
          if (isTimer(call.callee, name)) onTimeout(call);
          return;
        case 'interval':
        case 'timer':
          onRx(call, name);
          return;
        case 'startPolling':
          onStartPolling(call);
          return;
        case 'addEventListener': {
          const type = argument(call, 0);
          const callee = unwrap(call.callee);
          if (type?.type === 'Literal' && type.value === 'error' && callee.type === 'MemberExpression' && isEventSource(callee.object)) {
            noteErrorHandler(argument(call, 1));
          }
          return;
        }
        case 'fetchEventSource': {
          const init = argument(call, 1);
          if (init?.type === 'ObjectExpression') noteErrorHandler(objectProperty(init, 'onerror') ?? objectProperty(init, 'onclose'));
          return;
        }
        default:
          if (name.length > 3 && name.charCodeAt(0) === 117 /* u */ && name.startsWith('use')) onHook(call, name);
      }
    },
    AssignmentExpression(node: Rule.Node) {
      const assignment = node as unknown as TSESTree.AssignmentExpression;
      const left = assignment.left;
      if (left.type !== 'MemberExpression' || keyName(left.property, left.computed) !== 'onerror') return;
      if (isEventSource(left.object)) noteErrorHandler(assignment.right);
    },
    Property(node: Rule.Node) {
      const prop = node as unknown as TSESTree.Property;
      const name = keyName(prop.key, prop.computed);
      if (name === undefined || !LIBRARY_OPTIONS.has(name) || prop.parent?.type !== 'ObjectExpression') return;
      if (!isLibraryOptions(prop.parent)) return;
      onOption(prop, prop.value, name, prop.parent);
    },
    JSXAttribute(node: Rule.Node) {
      const attribute = node as unknown as TSESTree.JSXAttribute;
      if (attribute.name.type !== 'JSXIdentifier' || !LIBRARY_OPTIONS.has(attribute.name.name)) return;
      const element = attribute.parent?.type === 'JSXOpeningElement' ? attribute.parent.name : undefined;
      // <Query pollInterval={500}>: a component, never a DOM element.
      if (element?.type === 'JSXIdentifier' && !/^[A-Z]/.test(element.name)) return;
      let value: Node | null = attribute.value;
      if (value?.type === 'JSXExpressionContainer') value = value.expression.type === 'JSXEmptyExpression' ? null : value.expression;
      if (value) onOption(attribute, value, attribute.name.name, undefined);
    },
    WhileStatement(node: Rule.Node) {
      onLoop(node as unknown as TSESTree.WhileStatement);
    },
    DoWhileStatement(node: Rule.Node) {
      onLoop(node as unknown as TSESTree.DoWhileStatement);
    },
    ForStatement(node: Rule.Node) {
      onLoop(node as unknown as TSESTree.ForStatement);
    },
    'Program:exit'() {
      if (pending.length === 0) return;
      const called = fallbackHandlers.size > 0 ? calledFromFallbacks() : new Set<FunctionNode>();
      for (const site of pending) {
        if (!inFallback(site.node, called)) onSite(site);
      }
      pending.length = 0;
    },
  };
  return listeners as unknown as Rule.RuleListener;
}
