import type { TSESTree } from '@typescript-eslint/types';
import type { AST, Rule, Scope, SourceCode } from 'eslint';
import { calleeName, calleePath } from './http.js';
import { createFollower, functionName, type Follower, type NetworkSummary } from './follow.js';
import { awaitedDelay } from './delays.js';
import { parameterOf, selfHandingCallers } from './handed.js';
import { argument, findVariable, isFunction, objectProperty, parameterDefault, staticNumber, unwrap, urlHost, type FunctionNode } from './values.js';
import { walk } from './websocket.js';
import { isWordChar, mayCall, mayName, wordEnd, wordStart } from './words.js';

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

const SET_INTERVAL = 'setInterval';
const SET_TIMEOUT = 'setTimeout';
const SET_INTERVAL_ASYNC = 'setIntervalAsync';
const START_POLLING = 'startPolling';
const TIMER_HOSTS = new Set(['window', 'globalThis', 'self', 'global']);
const LIBRARY_OPTIONS = new Set(['refetchInterval', 'refreshInterval', 'pollInterval', 'pollingInterval']);
const RX_INTERVAL = 'interval';
const RX_TIMER = 'timer';
/** Import sources starting with this are RxJS: 'rxjs', 'rxjs/operators'. */
const RX_MODULE = 'rxjs';
/** Owners of RxJS creation functions: `Observable.interval`, `Rx.Observable.timer`, `rxjs.interval`. */
const RX_OWNER_SUFFIX = 'Observable';
const RX_NAMESPACES = new Set(['Rx', 'rx', RX_MODULE]);
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
// Hook names always contain one of these words (the prefilter below relies on it).
const POLL_WORD = 'Poll';
const INTERVAL_WORD = 'Interval';
const POLL_HOOK = new RegExp(`^use(?:[A-Z]\\w*)?${POLL_WORD}(?:ing\\w*|er)?$`);
const INTERVAL_HOOK = new RegExp(`^use(?:[A-Z]\\w*)?${INTERVAL_WORD}(?:Fn|Effect|When|Callback)?$`);
// useAutoRefetch(load, 5000), useRefresh(load, { interval }): a refresh on a timer only when an
// interval is given and statically known (plenty of useRefresh() hooks just return a function).
const REFETCH_WORD = 'Refetch';
const REFRESH_WORD = 'Refresh';
const REFRESH_HOOK = new RegExp(`^use(?:[A-Z]\\w*)?(?:${REFETCH_WORD}|${REFRESH_WORD})(?:er)?$`);
const HOOK_CALLBACK_KEYS = ['callback', 'fn', 'fetcher', 'queryFn', 'task', 'poll', 'request', 'handler', 'onPoll', 'action'];
const HOOK_INTERVAL_KEYS = ['interval', 'intervalMs', 'delay', 'ms', 'every', 'pollInterval', 'pollingInterval', 'refreshInterval', 'period'];
// Timers named for keeping a session or connection alive repeat a write, not a read of news.
const KEEPALIVE_NAME = /keep-?alive|(?:refresh|renew|rotate)\w*(?:token|session|auth|jwt)|(?:token|session|auth|jwt)\w*(?:refresh|renew)/i;
// A heartbeat keeps a session alive (`sendHeartbeat`); heartbeats in the plural, or their list,
// data or history, are what a monitoring page reads (`updateHeartbeatList`): that is polling.
const HEARTBEAT_NAME = /[Hh]eart_?[Bb]eat(?!s(?![a-z])|_?(?:[Ll]ist|[Dd]ata|[Hh]istory|[Ll]og|[Bb]ar|[Cc]hart|[Ss]tat))|HEART_?BEAT(?!S)/;
const TEST_DOUBLE = /^(?:vi|jest)\.fn$|^sinon\.(?:stub|spy|fake)$/;
// Functions and timer handles named for retrying a connection or a request.
const RETRY_NAME = /reconnect|retry|retries|backoff/i;
const EVENT_SOURCE_NAME = /event_?source|^es$|^sse$|sse(?:source|connection|client|stream)$|^source$/i;
const SCAN_CAP = 400;

// ---------------------------------------------------------------------------------------------
// Prefilters. Most files have nothing to do with polling: they should cost a few substring
// searches, not a visitor call per node (ESLint times each call) nor a walk over their scopes.
//
// - Names any binding or member may carry (setIntervalAsync, startPolling, hooks, RxJS operators,
//   library options) are looked for as words of the text. The needles come from those names
//   (needlesFor), so the two cannot drift apart. Only these visitors need a CallExpression,
//   Property or JSXAttribute visitor.
// - Global timers (`setInterval`, `window.setTimeout`) are found through scope analysis, which
//   also tells a global from a local of the same name.
// - Loops are found from the AwaitExpressions in their bodies: a loop that awaits nothing cannot
//   await a delay.
// - EventSource error handlers (polling there is a fallback) are looked for only in files with
//   a site and the words that register one.
// Names written with escape sequences (`start\u0050olling`) are not recognized as words; global
// timers are, through scope analysis.

// V8 finds a needle of up to 6 characters that starts with a rare character fastest (longer
// needles take a slower path), so a name is looked for by the first of these it contains.
const FAST_NEEDLES = ['Interv', 'Timeou', 'Poll', 'Observ', 'Map', 'wait', 'Refet', 'Refre'];

/** A name for keeping a session alive rather than fetching news. */
function isKeepaliveName(name: string): boolean {
  return KEEPALIVE_NAME.test(name) || HEARTBEAT_NAME.test(name);
}

/** Substrings that every one of `names` contains one of; none is a substring of another. */
function needlesFor(names: Iterable<string>): readonly string[] {
  const chosen = new Set<string>();
  for (const name of names) chosen.add(FAST_NEEDLES.find((needle) => name.includes(needle)) ?? name);
  const sorted = [...chosen].sort((a, b) => a.length - b.length);
  return sorted.filter((needle, i) => !sorted.slice(0, i).some((shorter) => needle.includes(shorter)));
}

function containsAny(text: string, needles: readonly string[]): boolean {
  for (let i = 0; i < needles.length; i++) if (text.includes(needles[i]!)) return true;
  return false;
}

/**
 * Whether a word ending at `end` can be (the name of) a callee: what follows it, past spaces and
 * a closing quote (`x['startPolling']()`), can continue a callee: `(`, `?.`, `<T>`, `!`, `)`,
 * `]`, `as`, `satisfies`, a comment. Not `:`, `,`, `=`, `.`, ... (keys, values, objects).
 */
function mayBeCallee(text: string, end: number): boolean {
  let i = end;
  let c = text.charCodeAt(i);
  while (c === 32 || c === 9 || c === 10 || c === 13 || c === 39 /* ' */ || c === 34 /* " */) c = text.charCodeAt(++i);
  switch (c) {
    case 40: // (
    case 60: // <
    case 41: // )
    case 93: // ]
    case 47: // / (a comment)
    case 97: // as
    case 115: // satisfies
      return true;
    case 63: // ?.
      return text.charCodeAt(i + 1) === 46;
    case 33: // !, not !=
      return text.charCodeAt(i + 1) !== 61;
    default:
      return c > 127; // other whitespace
  }
}

/** Calls that need the CallExpression visitor: callees of any binding, or member callees. */
function needsCallVisitor(name: string): boolean {
  return name === SET_INTERVAL_ASYNC || name === START_POLLING || isHookName(name);
}

/** useInterval, usePolling, ...: what onHook() looks at. */
function isHookName(name: string): boolean {
  return (
    name.charCodeAt(0) === 117 /* u */ &&
    name.startsWith('use') &&
    (POLL_HOOK.test(name) || INTERVAL_HOOK.test(name) || REFRESH_HOOK.test(name))
  );
}

const WORD_NEEDLES = needlesFor([SET_INTERVAL_ASYNC, START_POLLING, POLL_WORD, INTERVAL_WORD, REFETCH_WORD, REFRESH_WORD, ...LIBRARY_OPTIONS]);
/** An RxJS site needs a mapping operator ... */
const RX_OPERATOR_WORDS = needlesFor(MAP_OPERATORS).map((needle) => wordParts(needle, MAP_OPERATORS));
/** ... and an RxJS owner or import. */
const RX_OWNER_NEEDLES = needlesFor([RX_OWNER_SUFFIX, RX_MODULE, ...RX_NAMESPACES]);
/** Global timers are found through scope analysis, by their names and their hosts' ... */
const GLOBAL_TIMER_ROOTS = [SET_INTERVAL, SET_TIMEOUT, ...TIMER_HOSTS];
const GLOBAL_TIMER_ROOT_SET = new Set(GLOBAL_TIMER_ROOTS);
/** ... in files that name a timer, or may spell an identifier with escapes (`set\u0054imeout`),
 * which scope analysis decodes. (Computed keys with other escapes, `window['set\x54imeout']`, are
 * not looked for.) */
const TIMER_NEEDLES = needlesFor([SET_INTERVAL, SET_TIMEOUT, '\\u']);
/** Those that WORD_NEEDLES does not look for already. */
const TIMER_NEEDLES_LEFT = TIMER_NEEDLES.filter((needle) => !WORD_NEEDLES.includes(needle));
/** What registers an EventSource error handler (looked for only in files with sites). */
const ADD_EVENT_LISTENER = 'addEventListener';
const FETCH_EVENT_SOURCE = 'fetchEventSource';
const ON_ERROR = 'onerror';
const FALLBACK_NEEDLES = needlesFor([ADD_EVENT_LISTENER, FETCH_EVENT_SOURCE, ON_ERROR]);

const SCREEN_CALLS = 1;
const SCREEN_OPTIONS = 2;
const SCREEN_TIMERS = 4;

interface WordPart {
  name: string;
  /** Where the needle starts in the name. */
  offset: number;
}

interface WordParts {
  needle: string;
  parts: readonly WordPart[];
  /** Characters that come right before the needle in some name; undefined when a name starts with it. */
  before: Uint8Array | undefined;
}

/** The names that contain `needle`, for hasWord(). */
function wordParts(needle: string, names: Iterable<string>): WordParts {
  const parts: WordPart[] = [];
  let before: Uint8Array | undefined = new Uint8Array(128);
  for (const name of names) {
    const offset = name.indexOf(needle);
    if (offset < 0) continue;
    parts.push({ name, offset });
    if (offset === 0) before = undefined;
    else if (before) before[name.charCodeAt(offset - 1)] = 1; // names are ASCII
  }
  return { needle, parts, before };
}

/** Whether some occurrence of the needle in the text is one of the names (a whole word). */
function hasWord(text: string, { needle, parts, before }: WordParts): boolean {
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) {
    // Most occurrences are in other words: one look at the character before tells.
    if (before && before[text.charCodeAt(i - 1)] !== 1) continue;
    for (let p = 0; p < parts.length; p++) {
      const { name, offset } = parts[p]!;
      const start = i - offset;
      if (
        start >= 0 &&
        text.startsWith(name, start) &&
        !isWordChar(text.charCodeAt(start - 1)) &&
        !isWordChar(text.charCodeAt(start + name.length))
      ) {
        return true;
      }
    }
  }
  return false;
}

/** Which visitors and scans the text needs (SCREEN_* flags). */
function screen(text: string): number {
  let flags = 0;
  for (let n = 0; n < WORD_NEEDLES.length; n++) {
    const needle = WORD_NEEDLES[n]!;
    let i = text.indexOf(needle);
    if (i >= 0 && TIMER_NEEDLES.includes(needle)) flags |= SCREEN_TIMERS;
    for (; i >= 0; i = text.indexOf(needle, i + needle.length)) {
      const end = wordEnd(text, i + needle.length);
      const word = text.slice(wordStart(text, i), end);
      if (needsCallVisitor(word)) {
        if (mayBeCallee(text, end)) flags |= SCREEN_CALLS;
      } else if (LIBRARY_OPTIONS.has(word)) {
        flags |= SCREEN_OPTIONS;
      }
    }
  }
  if (!(flags & SCREEN_CALLS)) {
    for (let n = 0; n < RX_OPERATOR_WORDS.length; n++) {
      if (hasWord(text, RX_OPERATOR_WORDS[n]!)) {
        if (containsAny(text, RX_OWNER_NEEDLES)) flags |= SCREEN_CALLS;
        break;
      }
    }
  }
  if (!(flags & SCREEN_TIMERS) && containsAny(text, TIMER_NEEDLES_LEFT)) flags |= SCREEN_TIMERS;
  return flags;
}

function keyName(key: Node, computed: boolean): string | undefined {
  if (!computed && key.type === 'Identifier') return key.name;
  if (key.type === 'PrivateIdentifier') return `#${key.name}`;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
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

/**
 * Whether `node` sits on one of two alternative paths up to `stop`: a catch, either branch of an
 * if/else or a conditional, an if that returns, the right of `||`. A bare `if (!stopped)` or
 * `running && ...` guard is not an alternative: polling loops stop that way.
 */
function onAlternativePath(node: Node, stop: Node): boolean {
  let child: Node = node;
  for (let parent = node.parent; parent && child !== stop; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case 'IfStatement':
        if (child === parent.alternate || (child === parent.consequent && (parent.alternate || endsInExit(parent.consequent)))) return true;
        break;
      case 'ConditionalExpression':
        if (child !== parent.test) return true;
        break;
      case 'LogicalExpression':
        if (child === parent.right && parent.operator === '||') return true;
        break;
      case 'CatchClause':
        return true;
      default:
        break;
    }
  }
  return false;
}

/** The name the timer's handle is stored under: `reconnectTimer = setTimeout(...)`. */
function handleName(call: Node): string | undefined {
  const parent = call.parent;
  if (parent?.type === 'AssignmentExpression' && parent.right === call) {
    const left = parent.left;
    if (left.type === 'Identifier') return left.name;
    if (left.type === 'MemberExpression') return keyName(left.property, left.computed);
  }
  if (parent?.type === 'VariableDeclarator' && parent.init === call && parent.id.type === 'Identifier') return parent.id.name;
  return undefined;
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

/** With types, the number an expression is known to hold (Follower.typedNumber). */
type TypedNumber = ((node: Node) => number | undefined) | undefined;

function intervalValue(value: Node, scope: Scope.Scope, allowFunction: boolean, typedNumber: TypedNumber, depth = 0): IntervalValue {
  if (depth > 4) return UNKNOWN;
  const n = unwrap(value);
  switch (n.type) {
    case 'Literal':
      if (n.value === false || n.value === null || n.value === 0) return OFF;
      break;
    case 'Identifier': {
      if (n.name === 'undefined') return OFF;
      const fallback = parameterDefault(n, scope);
      if (fallback) return intervalValue(fallback.value, fallback.scope, allowFunction, typedNumber, depth + 1);
      break;
    }
    case 'ConditionalExpression':
      return mergeIntervals(intervalValue(n.consequent, scope, allowFunction, typedNumber, depth + 1), intervalValue(n.alternate, scope, allowFunction, typedNumber, depth + 1));
    case 'LogicalExpression':
      if (n.operator === '&&') return intervalValue(n.right, scope, allowFunction, typedNumber, depth + 1);
      return mergeIntervals(intervalValue(n.left, scope, allowFunction, typedNumber, depth + 1), intervalValue(n.right, scope, allowFunction, typedNumber, depth + 1));
    case 'ArrowFunctionExpression':
    case 'FunctionExpression': {
      if (!allowFunction) return UNKNOWN;
      let result = OFF;
      for (const returned of returnedValues(n)) result = mergeIntervals(result, intervalValue(returned, scope, false, typedNumber, depth + 1));
      return result;
    }
    default:
      break;
  }
  const ms = staticNumber(n, scope, 0, typedNumber);
  if (ms === undefined) return UNKNOWN;
  return ms <= 0 ? OFF : { min: ms, unknown: false };
}

// ---------------------------------------------------------------------------------------------

/** Type wrappers that unwrap() sees through, each holding its operand in `expression`. */
const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'TSInstantiationExpression', 'ChainExpression']);

/** The outermost node that unwrap() would reduce to `node` (at most 8 wrappers, as unwrap). */
function wrapped(node: Node): Node {
  let current = node;
  for (let i = 0; i < 8; i++) {
    const parent = current.parent as (Node & { expression?: Node }) | undefined;
    if (!parent || parent.expression !== current || !WRAPPERS.has(parent.type)) return current;
    current = parent;
  }
  return current;
}

/** The call whose callee is `node`, give or take wrappers. */
function callOf(node: Node): TSESTree.CallExpression | undefined {
  const callee = wrapped(node);
  const parent = callee.parent;
  return parent?.type === 'CallExpression' && parent.callee === callee ? parent : undefined;
}

/**
 * Calls that may be global timers: `setInterval(...)`, `window.setTimeout(...)`, found from the
 * references to those names that are unresolved or resolve to an undeclared global (configured
 * globals, TypeScript lib). Any other reference resolves to a declaration, which isGlobal()
 * rejects, so this finds every call the visitor would accept. In source order.
 */
function globalTimerCalls(globalScope: Scope.Scope): TSESTree.CallExpression[] | undefined {
  let calls: TSESTree.CallExpression[] | undefined;
  const through = globalScope.through;
  for (let i = 0; i < through.length; i++) {
    const id = through[i]!.identifier;
    if (GLOBAL_TIMER_ROOT_SET.has(id.name)) calls = timerCallAt(id as unknown as Node, calls);
  }
  for (let n = 0; n < GLOBAL_TIMER_ROOTS.length; n++) {
    const variable = globalScope.set.get(GLOBAL_TIMER_ROOTS[n]!);
    if (!variable || variable.defs.length > 0) continue;
    for (const reference of variable.references) calls = timerCallAt(reference.identifier as unknown as Node, calls);
  }
  if (calls && calls.length > 1) {
    calls.sort(bySourceOrder);
    calls = calls.filter((call, i) => i === 0 || call !== calls![i - 1]);
  }
  return calls;
}

function timerCallAt(id: Node, calls: TSESTree.CallExpression[] | undefined): TSESTree.CallExpression[] | undefined {
  if (id.type !== 'Identifier') return calls;
  let call: TSESTree.CallExpression | undefined;
  if (TIMER_HOSTS.has(id.name)) {
    const object = wrapped(id);
    const member = object.parent;
    if (member?.type !== 'MemberExpression' || member.object !== object) return calls;
    const name = keyName(member.property, member.computed);
    if (name !== SET_INTERVAL && name !== SET_TIMEOUT) return calls;
    call = callOf(member);
  } else {
    call = callOf(id);
  }
  if (!call) return calls;
  (calls ??= []).push(call);
  return calls;
}

/** Pre-order: by start, an enclosing node before the nodes it starts with. */
function bySourceOrder(a: Node, b: Node): number {
  return a.range[0] - b.range[0] || b.range[1] - a.range[1];
}

type LoopNode = TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement;
type Candidate = TSESTree.CallExpression | TSESTree.Property | TSESTree.JSXAttribute | LoopNode;

/** Whether a call is worth a closer look at Program:exit: the names the detector switches on. */
function isCandidateCall(call: TSESTree.CallExpression): boolean {
  const name = calleeName(call.callee);
  if (name === undefined) return false;
  switch (name) {
    case SET_INTERVAL:
    case SET_INTERVAL_ASYNC:
    case SET_TIMEOUT:
    case RX_INTERVAL:
    case RX_TIMER:
    case START_POLLING:
      return true;
    default:
      return isHookName(name);
  }
}

function isCandidateOption(node: Rule.Node): boolean {
  const prop = node as unknown as TSESTree.Property;
  const name = keyName(prop.key, prop.computed);
  return name !== undefined && LIBRARY_OPTIONS.has(name) && prop.parent?.type === 'ObjectExpression';
}

function isCandidateAttribute(node: Rule.Node): boolean {
  const attribute = node as unknown as TSESTree.JSXAttribute;
  return attribute.name.type === 'JSXIdentifier' && LIBRARY_OPTIONS.has(attribute.name.name);
}

/**
 * ESLint visitors that find short-polling sites and hand each to `onSite` (at Program:exit,
 * once fallbacks have been ruled out). Use inside a rule's create(); combine with other
 * visitors if needed.
 *
 * Cost model: a file is first screened by substring searches (and, when it names a timer, its
 * unresolved globals); only what can hold a site gets a visitor, and visitors only collect
 * candidates by name. The candidates are examined at Program:exit, in source order.
 */
export function pollingVisitors(
  context: Rule.RuleContext,
  options: PollingOptions,
  onSite: (site: PollingSite) => void,
  follower?: Follower,
): Rule.RuleListener {
  return lazyPollingVisitors(context, () => ({ options, onSite, follower }));
}

/** What the detector needs once a file turns out to have candidates. */
export interface PollingSetup {
  options: PollingOptions;
  onSite: (site: PollingSite) => void;
  follower?: Follower | undefined;
}

/**
 * pollingVisitors() for rules that would rather not build their options and site handler for
 * files that cannot poll (most files): `setup` is called only for files with candidates, at
 * Program:exit. Pass a module-level function to allocate nothing per screened-out file.
 */
export function lazyPollingVisitors<C extends Rule.RuleContext>(context: C, setup: (context: C) => PollingSetup): Rule.RuleListener {
  const sourceCode = context.sourceCode;
  const text = sourceCode.text;
  const flags = screen(text);
  // The CallExpression visitor, when there is one, sees the global timers too.
  let calls = (flags & SCREEN_CALLS) !== 0;
  let timers: TSESTree.CallExpression[] | undefined;
  if (!calls && (flags & SCREEN_TIMERS) !== 0) {
    const globalScope = (sourceCode.scopeManager as Scope.ScopeManager | null | undefined)?.globalScope;
    if (globalScope) timers = globalTimerCalls(globalScope);
    else calls = true;
  }
  const libraryOptions = (flags & SCREEN_OPTIONS) !== 0;
  // Loops are found from their awaits (a loop that awaits nothing cannot await a delay). With
  // no other candidates they are examined at once, else with the rest at Program:exit.
  const deferred = calls || timers !== undefined || libraryOptions;
  let detector: Detector | undefined;
  let seenLoops: Set<LoopNode> | undefined;
  const candidates: Candidate[] = [];
  const listeners: Rule.RuleListener = {
    AwaitExpression(node) {
      let found: LoopNode[] | undefined;
      let child = node as unknown as Node;
      for (let parent = child.parent; parent && !isFunction(parent); child = parent, parent = parent.parent) {
        if ((parent.type === 'WhileStatement' || parent.type === 'DoWhileStatement' || parent.type === 'ForStatement') && parent.body === child) {
          if (seenLoops?.has(parent)) break; // and so are the loops around it
          (seenLoops ??= new Set()).add(parent);
          (found ??= []).push(parent);
        }
      }
      if (!found) return;
      // Innermost first: examined outermost first, as a visitor would meet them.
      if (deferred) {
        for (let i = found.length - 1; i >= 0; i--) candidates.push(found[i]!);
        return;
      }
      detector ??= createDetector(context, setup(context));
      for (let i = found.length - 1; i >= 0; i--) detector.examine(found[i]!);
      detector.flush();
    },
  };
  if (!deferred) return listeners;

  if (calls) {
    listeners.CallExpression = (node) => {
      if (isCandidateCall(node as unknown as TSESTree.CallExpression)) candidates.push(node as unknown as Candidate);
    };
  }
  if (libraryOptions) {
    listeners.Property = (node) => {
      if (isCandidateOption(node)) candidates.push(node as unknown as Candidate);
    };
    listeners.JSXAttribute = ((node: Rule.Node) => {
      if (isCandidateAttribute(node)) candidates.push(node as unknown as Candidate);
    }) as never;
  }
  listeners['Program:exit'] = () => {
    // Visitors collect in source order, and the detector must examine in it too: what it
    // memoizes (and which of two re-scheduling calls it reports) depends on the order.
    const found: Candidate[] = timers ? [...timers, ...candidates] : candidates;
    if (found.length === 0) return;
    if (timers || seenLoops) found.sort(bySourceOrder);
    const detector = createDetector(context, setup(context));
    for (const node of found) detector.examine(node);
    detector.flush();
  };
  return listeners;
}

interface Detector {
  /** Examines one candidate; candidates must come in source order. */
  examine(node: Candidate): void;
  /** Hands the sites found so far that are not EventSource fallbacks to onSite. */
  flush(): void;
}

/** The detector proper: everything here runs only for candidates. */
function createDetector(context: Rule.RuleContext, setup: PollingSetup): Detector {
  const { options, onSite, follower: given } = setup;
  const sourceCode = context.sourceCode;
  const pending: PollingSite[] = [];
  const rescheduled = new Set<FunctionNode>();
  const fallbackHandlers = new Set<FunctionNode>();
  let lazyFollower = given;
  const follow = (): Follower => (lazyFollower ??= createFollower(context));
  // Imported constants have literal types: only typed linting can read them.
  const typedNumber: TypedNumber = (sourceCode.parserServices as { program?: unknown } | undefined)?.program
    ? (node) => follow().typedNumber(node)
    : undefined;

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
    return delay ? staticNumber(delay, scopeOf(delay), 0, typedNumber) : 0;
  }

  function referenceNames(callback: Node): string[] {
    const n = unwrap(callback);
    const names: string[] = [];
    const path = calleePath(n.type === 'CallExpression' ? n.callee : n);
    if (path) names.push(...path);
    const fn = follow().resolveFunction(n);
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
    return referenceNames(callback).some(isKeepaliveName);
  }

  /**
   * A test double: `vi.fn()`, `jest.fn(...)`, `sinon.stub()` (with chained `.mockResolvedValue()`
   * and the like), inline or held in a variable. A hook's own tests drive it with these.
   */
  function isTestDouble(callback: Node): boolean {
    let n = unwrap(callback);
    if (n.type === 'Identifier') {
      const def = findVariable(scopeOf(n), n.name)?.defs[0];
      const init = def?.type === 'Variable' ? (def.node as unknown as TSESTree.VariableDeclarator).init : undefined;
      if (!init) return false;
      n = unwrap(init);
    }
    for (let depth = 0; depth < 6 && n.type === 'CallExpression'; depth++) {
      const callee = unwrap(n.callee);
      if (callee.type !== 'MemberExpression') return false;
      const owner = unwrap(callee.object);
      if (owner.type === 'Identifier') return TEST_DOUBLE.test(`${owner.name}.${keyName(callee.property, callee.computed) ?? ''}`);
      n = owner;
    }
    return false;
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
      return fn && isFunction(unwrap(fn)) ? follow().summarize(unwrap(fn)) : undefined;
    }
    return follow().summarizeCallable(n);
  }

  // --- setInterval ------------------------------------------------------------------------

  function onInterval(call: TSESTree.CallExpression, label: string): void {
    const callback = argument(call, 0);
    if (!callback) return;
    const ms = delayOf(call, 1);
    if (!isShort(ms)) return;
    if (isKeepalive(callback)) return;
    if (!pollsNetwork(callbackSummary(callback, call))) return;
    pending.push({ node: call, kind: 'interval', intervalMs: ms, label });
  }

  // --- self-rescheduling setTimeout ---------------------------------------------------------

  /**
   * Where a timer callback calls `fn` again: the callback itself when it resolves to `fn`
   * (`target`, given), or the references to `fn` in its body (`bodyText`, its source, given).
   */
  function reentries(n: Node, target: FunctionNode | undefined, bodyText: string | undefined, fn: FunctionNode): Node[] {
    if (target === fn) return [n];
    if (!isFunction(n)) return [];
    const name = functionName(fn);
    if (!name) return [];
    // Only an identifier or `this` member spelled `name` can re-enter: none in the text, none in
    // the tree (unless escapes spell it differently).
    // The callback's own text, not the file's, is searched for escapes: few callbacks per file
    // get here, and one search of a whole file costs more than theirs.
    if (!mayName(bodyText!, name)) return [];
    const found: Node[] = [];
    scan(n.body, (node) => {
      if (node.type === 'Identifier' && node.name === name) {
        const parent = node.parent;
        const isPropertyKey =
          (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) ||
          (parent?.type === 'Property' && parent.key === node && !parent.shorthand);
        if (!isPropertyKey && follow().resolveFunction(node) === fn) found.push(node);
      } else if (node.type === 'MemberExpression' && node.object.type === 'ThisExpression' && keyName(node.property, node.computed) === name) {
        if (follow().resolveFunction(node) === fn) found.push(node);
        return false;
      }
      return true;
    });
    return found;
  }

  /**
   * Retrying, not polling: every re-entry inside the callback runs only after a failure, or the
   * function (or the timer's handle) is named for reconnecting or retrying and re-enters only
   * on some paths (`if (await isUp()) configure(); else reconnect()`).
   */
  function retriesOnly(call: TSESTree.CallExpression, fn: FunctionNode, callback: Node, reentered: readonly Node[]): boolean {
    const retryNamed = RETRY_NAME.test(functionName(fn) ?? '') || RETRY_NAME.test(handleName(call) ?? '');
    if (retryNamed && onAlternativePath(call, fn)) return true;
    if (reentered.length === 0 || reentered[0] === callback) return false;
    return reentered.every((node) => isFailurePath(node, callback) || (retryNamed && onAlternativePath(node, callback)));
  }

  function onTimeout(call: TSESTree.CallExpression): void {
    const callback = argument(call, 0);
    if (!callback) return;
    const ms = delayOf(call, 1);
    if (!isShort(ms)) return;
    const n = unwrap(callback);
    // The same for every enclosing function: resolved once, on the first.
    let target: FunctionNode | undefined;
    let bodyText: string | undefined;
    let functions = 0;
    for (let parent: Node | undefined = call.parent; parent && functions < 6; parent = parent.parent) {
      if (!isFunction(parent)) continue;
      if (functions++ === 0) {
        target = follow().resolveFunction(n);
        if (isFunction(n)) bodyText = sourceCode.text.slice(n.body.range[0], n.body.range[1]);
      }
      const reentered = reentries(n, target, bodyText, parent);
      if (reentered.length === 0) continue;
      if (rescheduled.has(parent)) return;
      if (isFailurePath(call, parent) || retriesOnly(call, parent, n, reentered)) return;
      const name = functionName(parent);
      if ((name && isKeepaliveName(name)) || isKeepalive(callback)) return;
      if (!pollsNetwork(follow().summarize(parent))) return;
      rescheduled.add(parent);
      pending.push({ node: call, kind: 'timeout-loop', intervalMs: ms, label: 'setTimeout' });
      return;
    }
    handedBack(call, n, ms, bodyText);
  }

  /**
   * The callback calls back a parameter of an enclosing function, and some function hands itself
   * over at that parameter (`longPoller(poll)` inside `poll`, whose response handler runs
   * `setTimeout(() => poll(), ms)`): that function reschedules itself through the other.
   */
  function handedBack(call: TSESTree.CallExpression, n: Node, ms: number | undefined, bodyText: string | undefined): void {
    const called: TSESTree.Identifier[] = [];
    if (n.type === 'Identifier') {
      called.push(n);
    } else if (isFunction(n) && bodyText !== undefined) {
      // Most callbacks call no parameter of the functions around them: their text says so
      // before a walk of their body would.
      let names: string[] | undefined;
      let functions = 0;
      for (let p: Node | undefined = call.parent; p && functions < 6; p = p.parent) {
        if (!isFunction(p)) continue;
        functions++;
        for (const param of p.params) {
          const id = param.type === 'AssignmentPattern' ? param.left : param;
          if (id.type === 'Identifier' && mayCall(bodyText, id.name)) (names ??= []).push(id.name);
        }
      }
      if (!names) return;
      const wanted = names;
      scan(n.body, (node) => {
        if (node.type === 'CallExpression') {
          const callee = unwrap(node.callee);
          if (callee.type === 'Identifier' && wanted.includes(callee.name)) called.push(callee);
        }
        return true;
      });
    }
    const seen = new Set<Scope.Variable>();
    for (const id of called) {
      const param = parameterOf(sourceCode, id);
      if (!param || seen.has(param.variable) || !(param.fn.range[0] <= call.range[0] && call.range[1] <= param.fn.range[1])) continue;
      seen.add(param.variable);
      for (const caller of selfHandingCallers(sourceCode, param, (e) => follow().resolveFunction(e))) {
        if (rescheduled.has(caller)) return;
        if (isFailurePath(call, param.fn) || retriesOnly(call, param.fn, n, n === id ? [n] : [id])) return;
        if ([caller, param.fn].some((fn) => isKeepaliveName(functionName(fn) ?? '')) || isKeepalive(n)) return;
        if (!pollsNetwork(follow().summarize(caller))) continue;
        rescheduled.add(caller);
        pending.push({ node: call, kind: 'timeout-loop', intervalMs: ms, label: 'setTimeout' });
        return;
      }
    }
  }

  // --- loops that await a request and a delay ----------------------------------------------

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
        const found = awaitedDelay(node.argument, sourceCode);
        if (found && !isFailurePath(node, loop)) delay = found;
        return !found;
      }
      return true;
    }, 2000);
    if (!delay || !isShort(delay.ms)) return;
    if (!pollsNetwork(follow().summarize(loop.body))) return;
    const header = sourceCode.getTokenBefore(loop.body as never);
    const start = loop.loc.start;
    const loc = loop.type !== 'DoWhileStatement' && header ? { start, end: header.loc.end } : { start, end: { line: start.line, column: start.column + 2 } };
    const label = loop.type === 'ForStatement' ? 'for' : loop.type === 'WhileStatement' ? 'while' : 'do-while';
    pending.push({ node: loop, loc, kind: 'await-loop', intervalMs: delay.ms, label });
  }

  // --- RxJS -------------------------------------------------------------------------------

  function isRxCreation(call: TSESTree.CallExpression, name: string): boolean {
    const callee = unwrap(call.callee);
    if (callee.type === 'Identifier') {
      const def = findVariable(scopeOf(callee), name)?.defs[0];
      if (def?.type !== 'ImportBinding') return false;
      const declaration = def.parent as unknown as TSESTree.ImportDeclaration | null;
      return typeof declaration?.source?.value === 'string' && declaration.source.value.startsWith(RX_MODULE);
    }
    if (callee.type !== 'MemberExpression') return false;
    const owner = calleePath(callee.object);
    const last = owner?.[owner.length - 1];
    return last !== undefined && (last.endsWith(RX_OWNER_SUFFIX) || RX_NAMESPACES.has(last));
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
      ? follow().summarize(mapper.argument)
      : follow().summarizeCallable(mapper.argument);
    if (!pollsNetwork(summary)) return;
    pending.push({ node: call, kind: 'rxjs', intervalMs: ms, label: name });
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
      const summary = follow().summarizeCallable(fetcher);
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
    const interval = intervalValue(value, scopeOf(value), label === 'refetchInterval', typedNumber);
    let ms: number | undefined;
    if (interval.min !== undefined && interval.min < options.thresholdMs) ms = interval.min;
    else if (interval.unknown) ms = undefined;
    else return; // off, or every branch at or above the threshold
    if (thirdPartyOnly(holder)) return;
    pending.push({ node, kind: 'library-option', intervalMs: ms, label });
  }

  function onStartPolling(call: TSESTree.CallExpression): void {
    // Apollo's startPolling always takes its interval: `startPolling()` is the app's own function.
    const first = argument(call, 0);
    if (!first) return;
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
    const interval = intervalValue(first, scopeOf(first), false, typedNumber);
    let ms: number | undefined;
    if (interval.min !== undefined && interval.min < options.thresholdMs) ms = interval.min;
    else if (!interval.unknown) return;
    pending.push({ node: call, kind: 'start-polling', intervalMs: ms, label: 'startPolling' });
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
    const refreshHook = !pollHook && REFRESH_HOOK.test(name);
    if (!pollHook && !refreshHook && !INTERVAL_HOOK.test(name)) return;
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
      const interval = intervalValue(intervalNode, scopeOf(intervalNode), false, typedNumber);
      if (interval.min !== undefined && interval.min < options.thresholdMs) ms = interval.min;
      else if (!interval.unknown || refreshHook) return;
    } else if (refreshHook) {
      return;
    }
    // Inside a hook that forwards its own callback parameter: a definition, not a call site.
    if (isHookParameter(callback)) return;
    if (isKeepalive(callback) || isTestDouble(callback)) return;
    const summary = follow().summarizeCallable(callback);
    if (pollHook || refreshHook) {
      // The name says poll (or refresh on a timer); stay silent only when the callback is seen
      // to do something else.
      const network = summary ? summary.reads + summary.writes + summary.beacons : 0;
      if (network > 0 && !pollsNetwork(summary)) return;
    } else if (!pollsNetwork(summary)) {
      return;
    }
    pending.push({ node: call, kind: 'hook', intervalMs: ms, label: name });
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
          const target = follow().resolveFunction(node.callee);
          if (target) called.add(target);
        }
        return true;
      });
    }
    return called;
  }

  // --- dispatch ---------------------------------------------------------------------------

  function onCall(call: TSESTree.CallExpression): void {
    const name = calleeName(call.callee);
    if (name === undefined) return;
    switch (name) {
      case SET_INTERVAL:
        if (isTimer(call.callee, name)) onInterval(call, SET_INTERVAL);
        return;
      case SET_INTERVAL_ASYNC:
        onInterval(call, name);
        return;
      case SET_TIMEOUT:
        if (isTimer(call.callee, name)) onTimeout(call);
        return;
      case RX_INTERVAL:
      case RX_TIMER:
        onRx(call, name);
        return;
      case START_POLLING:
        onStartPolling(call);
        return;
      default:
        if (name.length > 3 && name.charCodeAt(0) === 117 /* u */ && name.startsWith('use')) onHook(call, name);
    }
  }

  function onProperty(prop: TSESTree.Property): void {
    const name = keyName(prop.key, prop.computed);
    if (name === undefined || !LIBRARY_OPTIONS.has(name) || prop.parent?.type !== 'ObjectExpression') return;
    if (!isLibraryOptions(prop.parent)) return;
    onOption(prop, prop.value, name, prop.parent);
  }

  function onAttribute(attribute: TSESTree.JSXAttribute): void {
    if (attribute.name.type !== 'JSXIdentifier' || !LIBRARY_OPTIONS.has(attribute.name.name)) return;
    const element = attribute.parent?.type === 'JSXOpeningElement' ? attribute.parent.name : undefined;
    // <Query pollInterval={500}>: a component, never a DOM element.
    if (element?.type === 'JSXIdentifier' && !/^[A-Z]/.test(element.name)) return;
    let value: Node | null = attribute.value;
    if (value?.type === 'JSXExpressionContainer') value = value.expression.type === 'JSXEmptyExpression' ? null : value.expression;
    if (value) onOption(attribute, value, attribute.name.name, undefined);
  }

  function examine(node: Candidate): void {
    switch (node.type) {
      case 'CallExpression':
        onCall(node);
        break;
      case 'Property':
        onProperty(node);
        break;
      case 'JSXAttribute':
        onAttribute(node);
        break;
      default:
        onLoop(node);
    }
  }

  let called: Set<FunctionNode> | undefined;

  /** Functions that EventSource error handlers are, or call (once per file, when needed). */
  function fallbacks(): Set<FunctionNode> {
    // Error handlers of EventSources: polling started there is a fallback, not the design.
    if (containsAny(sourceCode.text, FALLBACK_NEEDLES)) {
      walk(sourceCode.ast as unknown as Node, sourceCode, (node) => {
        if (node.type === 'CallExpression') {
          const name = calleeName(node.callee);
          if (name === ADD_EVENT_LISTENER) {
            const type = argument(node, 0);
            const callee = unwrap(node.callee);
            if (type?.type === 'Literal' && type.value === 'error' && callee.type === 'MemberExpression' && isEventSource(callee.object)) {
              noteErrorHandler(argument(node, 1));
            }
          } else if (name === FETCH_EVENT_SOURCE) {
            const init = argument(node, 1);
            if (init?.type === 'ObjectExpression') noteErrorHandler(objectProperty(init, ON_ERROR) ?? objectProperty(init, 'onclose'));
          }
        } else if (node.type === 'AssignmentExpression') {
          const left = node.left;
          if (left.type === 'MemberExpression' && keyName(left.property, left.computed) === ON_ERROR && isEventSource(left.object)) {
            noteErrorHandler(node.right);
          }
        }
      });
    }
    return fallbackHandlers.size > 0 ? calledFromFallbacks() : new Set<FunctionNode>();
  }

  function flush(): void {
    if (pending.length === 0) return;
    called ??= fallbacks();
    for (const site of pending) {
      if (!inFallback(site.node, called)) onSite(site);
    }
    pending.length = 0;
  }

  return { examine, flush };
}

