import type { TSESTree } from '@typescript-eslint/types';
import type { Scope, SourceCode } from 'eslint';
import { findVariable, isFunction, type FunctionNode } from './values.js';

// A function handed to another as an argument and called back there: `longPoller(poll, data)`
// inside `poll`, where `longPoller` calls its `poll` parameter once the response is in. The
// repeat loop then spans two functions, and neither calls itself by name.

type Node = TSESTree.Node;

/** A simple parameter (`cb`, `cb = noop`) of a function, by the argument position that fills it. */
export interface Parameter {
  fn: FunctionNode;
  index: number;
  variable: Scope.Variable;
}

/** typescript-eslint lists a `this: T` annotation among the parameters, which no argument fills. */
function thisOffset(fn: FunctionNode): number {
  const first = fn.params[0];
  return first?.type === 'Identifier' && first.name === 'this' ? 1 : 0;
}

/** The argument at `index` of a call, unless a spread before it (or it) hides which one it is. */
export function argumentAt(call: TSESTree.CallExpression, index: number): Node | undefined {
  for (let i = 0; i <= index && i < call.arguments.length; i++) {
    if (call.arguments[i]!.type === 'SpreadElement') return undefined;
  }
  return call.arguments[index];
}

/** The parameter `id` refers to, when it is a plain one (not destructured, not rest). */
export function parameterOf(sourceCode: SourceCode, id: TSESTree.Identifier): Parameter | undefined {
  const variable = findVariable(sourceCode.getScope(id as never), id.name);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.type !== 'Parameter') return undefined;
  const fn = def.node as unknown as Node;
  if (!isFunction(fn)) return undefined;
  const name = def.name as unknown as Node;
  const position = fn.params.findIndex((p) => p === name || (p.type === 'AssignmentPattern' && p.left === name));
  const index = position - thisOffset(fn);
  return position < 0 || index < 0 ? undefined : { fn, index, variable };
}

/** The plain parameter that the argument at `index` fills, if `fn` has one there. */
export function parameterAt(sourceCode: SourceCode, fn: FunctionNode, index: number): Parameter | undefined {
  const param = fn.params[index + thisOffset(fn)];
  const id = param?.type === 'AssignmentPattern' ? param.left : param;
  if (id?.type !== 'Identifier') return undefined;
  for (const variable of sourceCode.getDeclaredVariables(fn as never)) {
    if (variable.defs.some((d) => (d.name as unknown as Node) === id)) return { fn, index, variable };
  }
  return undefined;
}

/** The variable a function is declared as: `function f() {}` or `const f = () => {}`. */
function bindingOf(sourceCode: SourceCode, fn: FunctionNode): Scope.Variable | undefined {
  if (fn.type === 'FunctionDeclaration' && fn.id) {
    return sourceCode.getDeclaredVariables(fn as never).find((v) => v.defs.some((d) => d.type === 'FunctionName'));
  }
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier') {
    return sourceCode.getDeclaredVariables(parent as never)[0];
  }
  return undefined;
}

/**
 * The functions that hand themselves to `param.fn` at that parameter: a call `fn(..., F, ...)`
 * written inside F's own body. `resolve` tells which function an argument stands for.
 */
export function selfHandingCallers(
  sourceCode: SourceCode,
  param: Parameter,
  resolve: (expression: Node) => FunctionNode | undefined,
): FunctionNode[] {
  const callers: FunctionNode[] = [];
  for (const reference of bindingOf(sourceCode, param.fn)?.references ?? []) {
    const id = reference.identifier as unknown as Node;
    const call = id.parent;
    if (call?.type !== 'CallExpression' || call.callee !== id) continue;
    const argument = argumentAt(call, param.index);
    const caller = argument && resolve(argument);
    if (caller && caller.range[0] <= call.range[0] && call.range[1] <= caller.range[1] && !callers.includes(caller)) callers.push(caller);
  }
  return callers;
}
