import type { TSESTree } from '@typescript-eslint/types';
import type { SourceCode } from 'eslint';
import { calleeName } from './http.js';
import { argument, isFunction, staticNumber, unwrap } from './values.js';
import { walk } from './websocket.js';

// "Does this await pause?", answered once for both loop detectors: a loop that awaits a request
// and a short pause polls; one that awaits requests with no pause at all long-polls.

const DELAY_CALL = /^(?:sleep|delay|wait|pause|timeout|snooze|backoff|waitFor|waitForTimeout|setTimeout|setTimeoutPromise|setTimeoutAsync|sleepMs|waitMs|delayMs)$/i;
/** Nodes read in a promise executor while looking for its timer. */
const EXECUTOR_NODES = 60;

type Node = TSESTree.Node;

export interface Delay {
  /** The pause, when it is statically known. */
  ms: number | undefined;
}

/**
 * The pause an awaited expression makes: `sleep(ms)`, `delay(ms)`,
 * `new Promise((r) => setTimeout(r, ms))`, or one of those inside `Promise.all([...])` beside a
 * request. Not `waitFor(() => ready)`, which waits on a condition, nor `timeout(fetch(url), ms)`,
 * which races a request against a timer.
 */
export function awaitedDelay(expression: Node, sourceCode: SourceCode): Delay | undefined {
  const n = unwrap(expression);
  const numberOf = (node: Node | undefined, absent: number | undefined): number | undefined =>
    node ? staticNumber(node, sourceCode.getScope(node as never)) : absent;
  if (n.type === 'CallExpression') {
    const name = calleeName(n.callee);
    if (name && DELAY_CALL.test(name)) {
      const first = argument(n, 0);
      const value = first && unwrap(first);
      if (value && isFunction(value)) return undefined;
      const racesPromise = value?.type === 'CallExpression' || value?.type === 'AwaitExpression' || value?.type === 'NewExpression';
      if (racesPromise && n.arguments.length > 1) return undefined;
      return { ms: numberOf(first, undefined) };
    }
    if (name === 'all' || name === 'allSettled') {
      const list = argument(n, 0);
      if (list?.type !== 'ArrayExpression') return undefined;
      for (const element of list.elements) {
        const inner = element && element.type !== 'SpreadElement' ? awaitedDelay(element, sourceCode) : undefined;
        if (inner) return inner;
      }
    }
    return undefined;
  }
  if (n.type === 'NewExpression' && n.callee.type === 'Identifier' && n.callee.name === 'Promise') {
    const executor = argument(n, 0);
    if (!executor || !isFunction(executor)) return undefined;
    let result: Delay | undefined;
    let budget = EXECUTOR_NODES;
    walk(executor.body, sourceCode, (node) => {
      if (result || budget-- <= 0) return false;
      if (node.type === 'CallExpression' && calleeName(node.callee) === 'setTimeout') {
        result = { ms: numberOf(argument(node, 1), 0) };
        return false;
      }
      return undefined;
    });
    return result;
  }
  return undefined;
}
