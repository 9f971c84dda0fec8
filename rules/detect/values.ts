import type { TSESTree } from '@typescript-eslint/types';
import type { Scope } from 'eslint';

// Static evaluation of the few values the detectors need: interval lengths and URL hosts.
// Everything here is best-effort and bounded; "don't know" is always a valid answer.

type Node = TSESTree.Node;

const MAX_DEPTH = 6;

export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return node?.type === 'FunctionDeclaration' || node?.type === 'FunctionExpression' || node?.type === 'ArrowFunctionExpression';
}

/** The argument at `index`, unless it is a spread (whose elements have no known position). */
export function argument(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): Node | undefined {
  const arg = call.arguments[index];
  return arg && arg.type !== 'SpreadElement' ? arg : undefined;
}

/** Strips wrappers that do not change a value: `x as T`, `x!`, `<T>x`, `x satisfies T`. */
export function unwrap(node: Node): Node {
  let current: Node = node;
  for (let i = 0; i < 8; i++) {
    switch (current.type) {
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'TSInstantiationExpression':
        current = current.expression;
        continue;
      case 'ChainExpression':
        current = current.expression;
        continue;
      default:
        return current;
    }
  }
  return current;
}

/** The variable a name refers to from `scope`, searching enclosing scopes. */
export function findVariable(scope: Scope.Scope | null, name: string): Scope.Variable | undefined {
  for (let s = scope; s; s = s.upper) {
    const found = s.set.get(name);
    if (found) return found;
  }
  return undefined;
}

/**
 * The initializer of a variable that holds one value for its whole life: a `const`, or a
 * `let`/`var` that is written only by its declaration. Imports and parameters give undefined.
 */
export function constantInit(variable: Scope.Variable | undefined): Node | undefined {
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  if (def.type !== 'Variable') return undefined;
  const declarator = def.node as unknown as TSESTree.VariableDeclarator;
  if (declarator.id?.type !== 'Identifier' || !declarator.init) return undefined;
  const declaration = declarator.parent as TSESTree.VariableDeclaration | undefined;
  if (declaration?.kind !== 'const') {
    const writes = variable.references.filter((r) => r.isWrite());
    if (writes.length !== 1) return undefined;
  }
  return declarator.init;
}

function identifierInit(node: TSESTree.Identifier, scope: Scope.Scope | null): { init: Node; scope: Scope.Scope } | undefined {
  const variable = findVariable(scope, node.name);
  const init = constantInit(variable);
  return init && variable ? { init, scope: variable.scope } : undefined;
}

function propertyName(key: Node, computed: boolean): string | undefined {
  if (!computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  return undefined;
}

/**
 * The default of a parameter that the function never reassigns: `({ interval = 60000 })`. What
 * the code does unless a caller says otherwise, the best static guess there is.
 */
export function parameterDefault(node: TSESTree.Identifier, scope: Scope.Scope | null): { value: Node; scope: Scope.Scope } | undefined {
  const variable = findVariable(scope, node.name);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.type !== 'Parameter') return undefined;
  const name = def.name as unknown as Node;
  const pattern = name.parent;
  if (pattern?.type !== 'AssignmentPattern' || pattern.left !== name) return undefined;
  if (variable.references.some((r) => r.isWrite() && (r.identifier as unknown as Node) !== name)) return undefined;
  return { value: pattern.right, scope: variable.scope };
}

/** The value node of `key` in an object literal, when it is written out literally. */
export function objectProperty(object: TSESTree.ObjectExpression, key: string): Node | undefined {
  // Later properties win, as at runtime.
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const prop = object.properties[i]!;
    if (prop.type !== 'Property') continue;
    if (propertyName(prop.key, prop.computed) === key) return prop.value;
  }
  return undefined;
}

/** Resolves `CONFIG.POLL_MS` when CONFIG is a constant object literal in scope. */
function memberValue(node: TSESTree.MemberExpression, scope: Scope.Scope | null, depth: number): { value: Node; scope: Scope.Scope | null } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const name = propertyName(node.property, node.computed);
  if (name === undefined) return undefined;
  const object = unwrap(node.object);
  let objectNode: Node | undefined;
  let objectScope = scope;
  if (object.type === 'Identifier') {
    const found = identifierInit(object, scope);
    if (!found) return undefined;
    objectNode = unwrap(found.init);
    objectScope = found.scope;
  } else if (object.type === 'MemberExpression') {
    const inner = memberValue(object, scope, depth + 1);
    if (!inner) return undefined;
    objectNode = unwrap(inner.value);
    objectScope = inner.scope;
  }
  if (objectNode?.type !== 'ObjectExpression') return undefined;
  const value = objectProperty(objectNode, name);
  return value ? { value, scope: objectScope } : undefined;
}

/**
 * The number an expression always evaluates to: literals (`60_000`), arithmetic (`5 * 1000`),
 * constants in scope (`const POLL_MS = 3000`), members of constant object literals and
 * `Math.min`/`Math.max` of those. Undefined when it depends on anything else.
 */
export function staticNumber(
  node: Node | null | undefined,
  scope: Scope.Scope | null,
  depth = 0,
  /** Names and members the file cannot resolve (imports), e.g. from their TypeScript types. */
  leaf?: (node: Node) => number | undefined,
): number | undefined {
  if (!node || depth > MAX_DEPTH) return undefined;
  const n = unwrap(node);
  switch (n.type) {
    case 'Literal':
      if (typeof n.value === 'number') return n.value;
      if (typeof n.value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(n.value)) return Number(n.value);
      return undefined;
    case 'UnaryExpression': {
      const value = staticNumber(n.argument, scope, depth + 1, leaf);
      if (value === undefined) return undefined;
      if (n.operator === '-') return -value;
      if (n.operator === '+') return value;
      return undefined;
    }
    case 'BinaryExpression': {
      if (n.left.type === 'PrivateIdentifier') return undefined;
      const left = staticNumber(n.left, scope, depth + 1, leaf);
      if (left === undefined) return undefined;
      const right = staticNumber(n.right, scope, depth + 1, leaf);
      if (right === undefined) return undefined;
      switch (n.operator) {
        case '+': return left + right;
        case '-': return left - right;
        case '*': return left * right;
        case '/': return right === 0 ? undefined : left / right;
        case '%': return right === 0 ? undefined : left % right;
        case '**': return left ** right;
        default: return undefined;
      }
    }
    case 'Identifier': {
      if (n.name === 'Infinity') return findVariable(scope, n.name)?.defs.length ? undefined : Infinity;
      const found = identifierInit(n, scope);
      return found ? staticNumber(found.init, found.scope, depth + 1, leaf) : leaf?.(n);
    }
    case 'MemberExpression': {
      const found = memberValue(n, scope, depth);
      return found ? staticNumber(found.value, found.scope, depth + 1, leaf) : leaf?.(n);
    }
    case 'CallExpression': {
      const callee = unwrap(n.callee);
      if (
        callee.type === 'MemberExpression' &&
        !callee.computed &&
        callee.object.type === 'Identifier' &&
        callee.object.name === 'Math' &&
        callee.property.type === 'Identifier' &&
        (callee.property.name === 'min' || callee.property.name === 'max') &&
        n.arguments.length > 0
      ) {
        const values: number[] = [];
        for (const arg of n.arguments) {
          if (arg.type === 'SpreadElement') return undefined;
          const v = staticNumber(arg, scope, depth + 1, leaf);
          if (v === undefined) return undefined;
          values.push(v);
        }
        return callee.property.name === 'min' ? Math.min(...values) : Math.max(...values);
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Where a URL points, as far as the source shows. */
export type UrlHost = 'relative' | 'same-origin' | 'third-party' | 'unknown';

const LOCAL_HOST = /^(?:[a-z][a-z0-9+.-]*:)?\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?:[:/?#]|$)/i;
const ABSOLUTE = /^(?:https?|wss?):\/\/|^\/\//i;

/**
 * Classifies URL text. `complete` is false when the text is only the literal prefix of a
 * template or concatenation: an absolute prefix still names its host.
 */
export function classifyUrlText(text: string, complete = true): UrlHost {
  const trimmed = text.trim();
  if (LOCAL_HOST.test(trimmed)) return 'same-origin';
  if (ABSOLUTE.test(trimmed)) {
    // `https://` + variable: the host itself is dynamic.
    if (!complete && /^(?:[a-z]+:)?\/\/[^/?#]*$/i.test(trimmed) && !/\.[a-z]{2,}(?::\d+)?$/i.test(trimmed)) return 'unknown';
    return 'third-party';
  }
  if (trimmed === '') return complete ? 'relative' : 'unknown';
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return 'unknown';
  return 'relative';
}

function isLocationExpression(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === 'Identifier') return n.name === 'location';
  if (n.type !== 'MemberExpression') return false;
  const object = unwrap(n.object);
  if (n.property.type === 'Identifier' && !n.computed) {
    if (n.property.name === 'location') {
      return object.type === 'Identifier' && ['window', 'globalThis', 'self', 'document'].includes(object.name);
    }
    if (['origin', 'host', 'hostname', 'href', 'protocol'].includes(n.property.name)) return isLocationExpression(object);
  }
  return false;
}

/**
 * Classifies a URL argument: 'relative' (`/api/x`), 'same-origin' (built from `location`),
 * 'third-party' (an absolute http(s)/ws(s) URL written in the source, or a template whose
 * literal prefix is one) or 'unknown' (identifiers, configuration, function results).
 */
export function urlHost(node: Node | null | undefined, scope: Scope.Scope | null, depth = 0): UrlHost {
  if (!node || depth > MAX_DEPTH) return 'unknown';
  const n = unwrap(node);
  switch (n.type) {
    case 'Literal':
      return typeof n.value === 'string' ? classifyUrlText(n.value) : 'unknown';
    case 'TemplateLiteral': {
      const head = n.quasis[0]?.value.cooked ?? '';
      if (head === '' && n.expressions.length > 0) {
        const first = n.expressions[0]!;
        if (isLocationExpression(first)) return 'same-origin';
        return urlHost(first, scope, depth + 1) === 'third-party' ? 'third-party' : 'unknown';
      }
      return classifyUrlText(head, n.expressions.length === 0);
    }
    case 'BinaryExpression': {
      if (n.operator !== '+') return 'unknown';
      if (isLocationExpression(n.left)) return 'same-origin';
      const left = unwrap(n.left);
      if (left.type === 'Literal' && typeof left.value === 'string') return classifyUrlText(left.value, false);
      return urlHost(left, scope, depth + 1);
    }
    case 'Identifier': {
      const found = identifierInit(n, scope);
      return found ? urlHost(found.init, found.scope, depth + 1) : 'unknown';
    }
    case 'MemberExpression': {
      if (isLocationExpression(n)) return 'same-origin';
      const found = memberValue(n, scope, depth);
      return found ? urlHost(found.value, found.scope, depth + 1) : 'unknown';
    }
    case 'NewExpression': {
      // new URL(path, base)
      if (n.callee.type === 'Identifier' && n.callee.name === 'URL') {
        const [path, base] = n.arguments;
        if (!path || path.type === 'SpreadElement') return 'unknown';
        const own = urlHost(path, scope, depth + 1);
        if (own === 'third-party' || !base || base.type === 'SpreadElement') return own;
        if (isLocationExpression(base)) return 'same-origin';
        return urlHost(base, scope, depth + 1);
      }
      return 'unknown';
    }
    case 'CallExpression': {
      // `${base}/x`.concat(...), url.toString(): no help. new Request(url) is handled by callers.
      return 'unknown';
    }
    default:
      return 'unknown';
  }
}
