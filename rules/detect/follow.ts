import { createRequire } from 'node:module';
import type { TSESTree } from '@typescript-eslint/types';
import type { Rule, Scope, SourceCode } from 'eslint';
import type * as TS from 'typescript';
import {
  calleePath,
  classifyRequest,
  describeRequest,
  requestApi,
  requestOf,
  URL_GAP,
  type Library,
  type NodeReader,
  type RequestKind,
  type ValueKind,
} from './http.js';
import { classifyUrlText, constantInit, findVariable, isFunction, unwrap, urlHost, type FunctionNode, type UrlHost } from './values.js';

// Follows a callback to the code it runs and counts the HTTP requests there: same-file
// functions, object and class methods by ESTree scope analysis; with typed linting, imported
// functions and methods of other files through the TypeScript checker. Everything is bounded
// (hops, nodes per function) and memoized per follower, i.e. per linted file.

type Node = TSESTree.Node;

/** HTTP requests issued by running some code, including functions it calls (bounded). */
export interface NetworkSummary {
  reads: number;
  /** Reads whose URL is not known to be on a third-party host. */
  firstPartyReads: number;
  writes: number;
  beacons: number;
}

export interface FollowLimits {
  /** Function boundaries crossed from a callback's body: 2 = callback → f → g → fetch. */
  hops: number;
  /** Nodes visited per function body before giving up on the rest. */
  nodesPerFunction: number;
}

export interface Follower {
  /** True when the TypeScript checker is available (typed linting). */
  readonly typed: boolean;
  /** The same-file function an expression refers to: `load`, `this.load`, `obj.load`, `load.bind(this)`, `useCallback(fn)`. */
  resolveFunction(expression: Node): FunctionNode | undefined;
  /** Requests made by a function (or any subtree) and what it calls, up to `hops`. */
  summarize(node: Node, hops?: number): NetworkSummary;
  /** Requests made by calling a callback expression; undefined when it cannot be followed. */
  summarizeCallable(expression: Node): NetworkSummary | undefined;
  /**
   * With types, the number an expression is known to hold: its literal type, as for an imported
   * `export const POLL_MS = 10_000` (the smallest member of a union of literals). Else undefined.
   */
  typedNumber(expression: Node): number | undefined;
}

export const EMPTY_SUMMARY: Readonly<NetworkSummary> = Object.freeze({ reads: 0, firstPartyReads: 0, writes: 0, beacons: 0 });

const DEFAULT_LIMITS: FollowLimits = { hops: 2, nodesPerFunction: 3000 };

// Wrappers that return (a stable version of) their first argument.
const FUNCTION_WRAPPERS = new Set([
  'useCallback',
  'useEvent',
  'useEffectEvent',
  'useMemoizedFn',
  'useLatestCallback',
  'useStableCallback',
  'debounce',
  'throttle',
]);

// Keys that only hold types or decorators: never runtime code worth walking.
const SKIP_KEYS = new Set(['typeAnnotation', 'typeParameters', 'typeArguments', 'returnType', 'decorators', 'superTypeArguments', 'implements']);

function add(into: NetworkSummary, from: Readonly<NetworkSummary>): void {
  into.reads += from.reads;
  into.firstPartyReads += from.firstPartyReads;
  into.writes += from.writes;
  into.beacons += from.beacons;
}

function count(into: NetworkSummary, kind: RequestKind, host: UrlHost): void {
  if (kind === 'read') {
    into.reads++;
    if (host !== 'third-party') into.firstPartyReads++;
  } else if (kind === 'write') into.writes++;
  else into.beacons++;
}

function keyName(key: Node, computed: boolean): string | undefined {
  if (!computed && key.type === 'Identifier') return key.name;
  if (key.type === 'PrivateIdentifier') return `#${key.name}`;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}

/** The name a function is known by: its id, variable, property, method or assignment target. */
export function functionName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (!parent) return undefined;
  switch (parent.type) {
    case 'VariableDeclarator':
      return parent.id.type === 'Identifier' ? parent.id.name : undefined;
    case 'Property':
    case 'MethodDefinition':
    case 'PropertyDefinition':
      return keyName(parent.key, parent.computed);
    case 'AssignmentExpression': {
      const left = parent.left;
      if (left.type === 'Identifier') return left.name;
      if (left.type === 'MemberExpression') return keyName(left.property, left.computed);
      return undefined;
    }
    case 'CallExpression': {
      // const load = useCallback(async () => {...}, [])
      const holder = parent.parent;
      return holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier' ? holder.id.name : undefined;
    }
    default:
      return undefined;
  }
}

function classMember(body: TSESTree.ClassBody, name: string): Node | undefined {
  for (const member of body.body) {
    if (member.type !== 'MethodDefinition' && member.type !== 'PropertyDefinition') continue;
    if (member.type === 'MethodDefinition' && member.kind !== 'method') continue;
    if (keyName(member.key, member.computed) === name && member.value) return member.value;
  }
  return undefined;
}

function objectMember(object: TSESTree.ObjectExpression, name: string): Node | undefined {
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const prop = object.properties[i]!;
    if (prop.type === 'Property' && keyName(prop.key, prop.computed) === name) return prop.value;
  }
  return undefined;
}

/** The class body or object literal that `this` means at `node`, if the source shows it. */
function thisOwner(node: Node): TSESTree.ClassBody | TSESTree.ObjectExpression | undefined {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.type === 'ClassBody') return parent;
    if (parent.type === 'FunctionDeclaration') return undefined;
    if (parent.type === 'FunctionExpression') {
      const holder = parent.parent;
      if (holder?.type === 'MethodDefinition' || holder?.type === 'PropertyDefinition') {
        return holder.parent?.type === 'ClassBody' ? holder.parent : undefined;
      }
      if (holder?.type === 'Property' && holder.value === parent && holder.parent?.type === 'ObjectExpression') {
        return holder.parent;
      }
      return undefined;
    }
  }
  return undefined;
}

interface TypedState {
  ts: typeof TS;
  program: TS.Program;
  checker: TS.TypeChecker;
  map: { get(node: unknown): TS.Node | undefined };
  reader: NodeReader<TS.Node>;
}

interface ParserServicesLike {
  program?: TS.Program | null;
  esTreeNodeToTSNodeMap?: { get(node: unknown): TS.Node | undefined };
}

export function createFollower(context: Rule.RuleContext, limits: Partial<FollowLimits> = {}): Follower {
  const sourceCode: SourceCode = context.sourceCode;
  const { hops: maxHops, nodesPerFunction } = { ...DEFAULT_LIMITS, ...limits };
  const visitorKeys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  // Per-file caches: the rule creates one follower per create() call.
  // Plain maps: a follower lives for one file, and weak collections cost the GC more.
  const memo = new Map<object, NetworkSummary[]>();
  const active = new Set<object>();

  const services = sourceCode.parserServices as ParserServicesLike | undefined;
  let typedState: TypedState | null | undefined =
    services?.program && services.esTreeNodeToTSNodeMap ? undefined : null;

  function typed(): TypedState | null {
    if (typedState !== undefined) return typedState;
    try {
      // Loaded only on the typed path, so untyped linting never pays for (or needs) typescript.
      const ts = createRequire(import.meta.url)('typescript') as typeof TS;
      const program = services!.program!;
      typedState = {
        ts,
        program,
        checker: program.getTypeChecker(),
        map: services!.esTreeNodeToTSNodeMap!,
        reader: tsReader(ts),
      };
    } catch {
      typedState = null;
    }
    return typedState;
  }

  function scopeOf(node: Node): Scope.Scope {
    return sourceCode.getScope(node as never);
  }

  function resolveFunction(expression: Node, depth = 0): FunctionNode | undefined {
    if (depth > 4) return undefined;
    const n = unwrap(expression);
    if (isFunction(n)) return n;
    switch (n.type) {
      case 'CallExpression': {
        const callee = unwrap(n.callee);
        if (callee.type === 'MemberExpression' && keyName(callee.property, callee.computed) === 'bind') {
          return resolveFunction(callee.object, depth + 1);
        }
        const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? keyName(callee.property, callee.computed) : undefined;
        const first = n.arguments[0];
        if (name && FUNCTION_WRAPPERS.has(name) && first && first.type !== 'SpreadElement') return resolveFunction(first, depth + 1);
        return undefined;
      }
      case 'Identifier': {
        const variable = findVariable(scopeOf(n), n.name);
        if (!variable) return undefined;
        for (const def of variable.defs) {
          if (def.type === 'FunctionName') {
            const node = def.node as unknown as Node;
            if (isFunction(node)) return node;
          } else if (def.type === 'Variable') {
            const declarator = def.node as unknown as TSESTree.VariableDeclarator;
            if (declarator.id.type === 'Identifier' && declarator.init) {
              const init = unwrap(declarator.init);
              if (isFunction(init) || init.type === 'CallExpression' || init.type === 'Identifier') {
                return resolveFunction(init, depth + 1);
              }
            }
          }
        }
        return undefined;
      }
      case 'MemberExpression': {
        const name = keyName(n.property, n.computed);
        if (name === undefined) return undefined;
        const object = unwrap(n.object);
        if (object.type === 'ThisExpression') {
          const owner = thisOwner(n);
          if (!owner) return undefined;
          if (owner.type === 'ClassBody') {
            const member = classMember(owner, name);
            return member ? resolveFunction(member, depth + 1) : undefined;
          }
          let member = objectMember(owner, name);
          if (!member) {
            // Vue options API: `this.load()` in `mounted()` finds `methods: { load() {} }`.
            const methods = objectMember(owner, 'methods');
            if (methods?.type === 'ObjectExpression') member = objectMember(methods, name);
          }
          return member ? resolveFunction(member, depth + 1) : undefined;
        }
        if (object.type === 'Identifier') {
          const variable = findVariable(scopeOf(object), object.name);
          const classDef = variable?.defs.find((d) => d.type === 'ClassName');
          if (classDef) {
            const body = (classDef.node as unknown as TSESTree.ClassDeclaration).body;
            const member = body ? classMember(body, name) : undefined;
            return member ? resolveFunction(member, depth + 1) : undefined;
          }
          const init = constantInit(variable);
          if (!init) return undefined;
          const value = unwrap(init);
          if (value.type === 'ObjectExpression') {
            const member = objectMember(value, name);
            return member ? resolveFunction(member, depth + 1) : undefined;
          }
          if (value.type === 'NewExpression' && value.callee.type === 'Identifier') {
            // const api = new Api(); api.load()
            const classVariable = findVariable(scopeOf(value), value.callee.name);
            const def = classVariable?.defs.find((d) => d.type === 'ClassName');
            const body = def ? (def.node as unknown as TSESTree.ClassDeclaration).body : undefined;
            const member = body ? classMember(body, name) : undefined;
            return member ? resolveFunction(member, depth + 1) : undefined;
          }
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  function childrenOf(node: Node, push: (child: Node) => void): void {
    const keys = visitorKeys[node.type] ?? Object.keys(node);
    const record = node as unknown as Record<string, unknown>;
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k]!;
      if (key === 'parent' || SKIP_KEYS.has(key)) continue;
      const value = record[key];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const child = value[i] as Node | null;
          if (child && typeof child.type === 'string') push(child);
        }
      } else if (value && typeof (value as Node).type === 'string') {
        push(value as Node);
      }
    }
  }

  function onCall(node: TSESTree.CallExpression | TSESTree.NewExpression, hops: number, into: NetworkSummary): void {
    const request = requestOf(node, sourceCode);
    if (request) {
      const host = request.urlNode ? urlHost(request.urlNode, scopeOf(request.urlNode)) : 'unknown';
      count(into, request.kind, host);
      return;
    }
    if (hops <= 0 || node.type !== 'CallExpression') return;
    const callee = unwrap(node.callee);
    if (!isFunction(callee)) {
      const target = resolveFunction(callee);
      if (target) add(into, summarizeFunction(target, hops - 1));
      else if (callee.type === 'Identifier' || callee.type === 'MemberExpression') add(into, typedSummary(callee, hops - 1));
    }
    // Functions handed over by reference: ids.map(loadOne), Promise.all(...), .then(refresh).
    for (const arg of node.arguments) {
      if (arg.type !== 'Identifier' && !(arg.type === 'MemberExpression' && arg.object.type === 'ThisExpression')) continue;
      const target = resolveFunction(arg);
      if (target) add(into, summarizeFunction(target, hops - 1));
    }
  }

  function walk(root: Node, hops: number, into: NetworkSummary): void {
    const stack: Node[] = [root];
    let budget = nodesPerFunction;
    const push = (child: Node) => stack.push(child);
    while (stack.length > 0) {
      if (--budget < 0) return;
      const node = stack.pop()!;
      if (node.type === 'CallExpression' || node.type === 'NewExpression') onCall(node, hops, into);
      childrenOf(node, push);
    }
  }

  function summarizeFunction(fn: FunctionNode, hops: number): NetworkSummary {
    const cached = memo.get(fn)?.[hops];
    if (cached) return cached;
    if (active.has(fn)) return { ...EMPTY_SUMMARY };
    active.add(fn);
    const into = { ...EMPTY_SUMMARY };
    try {
      walk(fn.body, hops, into);
    } finally {
      active.delete(fn);
    }
    const entry = memo.get(fn) ?? [];
    entry[hops] = into;
    memo.set(fn, entry);
    return into;
  }

  function summarize(node: Node, hops = maxHops): NetworkSummary {
    if (isFunction(node)) return summarizeFunction(node, hops);
    const into = { ...EMPTY_SUMMARY };
    walk(node, hops, into);
    return into;
  }

  function summarizeCallable(expression: Node): NetworkSummary | undefined {
    const n = unwrap(expression);
    const fn = resolveFunction(n);
    if (fn) return summarizeFunction(fn, maxHops);
    let reference: Node = n;
    if (n.type === 'CallExpression') {
      const callee = unwrap(n.callee);
      if (callee.type !== 'MemberExpression' || keyName(callee.property, callee.computed) !== 'bind') return undefined;
      reference = unwrap(callee.object);
    }
    if (reference.type !== 'Identifier' && reference.type !== 'MemberExpression') return undefined;
    // A request API passed by reference: setInterval(refetch, 5000).
    const path = calleePath(reference);
    if (path && requestApi(path, false)) {
      const kind = classifyRequest({ calleePath: path, isNew: false });
      if (kind) {
        const into = { ...EMPTY_SUMMARY };
        count(into, kind, 'unknown');
        return into;
      }
    }
    const state = typed();
    if (!state) return undefined;
    const declarations = tsDeclarations(state, state.map.get(reference));
    if (declarations.length === 0) return undefined;
    const into = { ...EMPTY_SUMMARY };
    for (const declaration of declarations) add(into, tsSummarize(state, declaration, maxHops));
    return into;
  }

  // -------------------------------------------------------------------------------------------
  // Typed path: the TypeScript compiler AST of other files.

  function typedSummary(callee: Node, hops: number): NetworkSummary {
    const state = typed();
    if (!state) return EMPTY_SUMMARY;
    const declarations = tsDeclarations(state, state.map.get(callee));
    if (declarations.length === 0) return EMPTY_SUMMARY;
    const into = { ...EMPTY_SUMMARY };
    for (const declaration of declarations) add(into, tsSummarize(state, declaration, hops));
    return into;
  }

  // Made on the typed path only.
  let tsMemo: Map<object, NetworkSummary[]> | undefined;
  let tsActive: Set<object> | undefined;

  function tsSummarize(state: TypedState, fn: TS.SignatureDeclaration, hops: number): NetworkSummary {
    tsMemo ??= new Map();
    tsActive ??= new Set();
    const cached = tsMemo.get(fn)?.[hops];
    if (cached) return cached;
    if (tsActive.has(fn)) return { ...EMPTY_SUMMARY };
    tsActive.add(fn);
    const into = { ...EMPTY_SUMMARY };
    try {
      const { ts, reader } = state;
      const body = (fn as { body?: TS.Node }).body;
      const stack: TS.Node[] = body ? [body] : [];
      let budget = nodesPerFunction;
      const push = (child: TS.Node) => {
        stack.push(child);
      };
      while (stack.length > 0) {
        if (--budget < 0) break;
        const node = stack.pop()!;
        if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
          const request = tsRequestOf(ts, node, reader);
          if (request) {
            count(into, request.kind, request.host);
          } else if (hops > 0 && ts.isCallExpression(node)) {
            for (const declaration of tsDeclarations(state, node.expression)) {
              add(into, tsSummarize(state, declaration, hops - 1));
            }
          }
        }
        ts.forEachChild(node, push);
      }
    } finally {
      tsActive.delete(fn);
    }
    const entry = tsMemo.get(fn) ?? [];
    entry[hops] = into;
    tsMemo.set(fn, entry);
    return into;
  }

  return {
    get typed() {
      return typed() !== null;
    },
    resolveFunction: (expression) => resolveFunction(expression),
    summarize,
    summarizeCallable,
    typedNumber,
  };

  function typedNumber(expression: Node): number | undefined {
    const state = typed();
    const tsNode = state?.map.get(expression);
    if (!state || !tsNode) return undefined;
    const type = state.checker.getTypeAtLocation(tsNode);
    const members = type.isUnion() ? type.types : [type];
    let min: number | undefined;
    for (const member of members) {
      if (!member.isNumberLiteral()) return undefined;
      min = min === undefined ? member.value : Math.min(min, member.value);
    }
    return min;
  }
}

/** Function-like declarations in project source files that a callee expression refers to. */
function tsDeclarations(state: TypedState, node: TS.Node | undefined): TS.SignatureDeclaration[] {
  if (!node) return [];
  const { ts, checker, program } = state;
  let target: TS.Node = node;
  while (ts.isParenthesizedExpression(target) || ts.isNonNullExpression(target) || ts.isAsExpression(target)) {
    target = target.expression;
  }
  if (ts.isPropertyAccessExpression(target)) target = target.name;
  let symbol: TS.Symbol | undefined;
  try {
    symbol = checker.getSymbolAtLocation(target);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  } catch {
    return [];
  }
  const found: TS.SignatureDeclaration[] = [];
  const visit = (declaration: TS.Declaration, depth: number): void => {
    const file = declaration.getSourceFile();
    if (file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file)) return;
    if (
      ts.isFunctionDeclaration(declaration) ||
      ts.isMethodDeclaration(declaration) ||
      ts.isFunctionExpression(declaration) ||
      ts.isArrowFunction(declaration)
    ) {
      if (declaration.body) found.push(declaration);
      return;
    }
    let initializer: TS.Expression | undefined;
    if (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)) {
      initializer = declaration.initializer;
    } else if (ts.isShorthandPropertyAssignment(declaration) && depth < 2) {
      const value = checker.getShorthandAssignmentValueSymbol(declaration);
      for (const inner of value?.declarations ?? []) visit(inner, depth + 1);
      return;
    }
    while (initializer && (ts.isParenthesizedExpression(initializer) || ts.isAsExpression(initializer))) {
      initializer = initializer.expression;
    }
    if (initializer && ts.isCallExpression(initializer) && initializer.arguments[0]) {
      // useCallback(fn, deps) and friends
      initializer = initializer.arguments[0];
    }
    if (initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer))) found.push(initializer);
  };
  for (const declaration of (symbol?.declarations ?? []).slice(0, 4)) visit(declaration, 0);
  return found;
}

function tsUnwrap(ts: typeof TS, node: TS.Node): TS.Node {
  let current = node;
  for (let i = 0; i < 8; i++) {
    if (
      ts.isParenthesizedExpression(current) ||
      ts.isNonNullExpression(current) ||
      ts.isAsExpression(current) ||
      ts.isTypeAssertionExpression(current) ||
      ts.isSatisfiesExpression(current)
    ) {
      current = current.expression;
    } else {
      return current;
    }
  }
  return current;
}

/** calleePath() for the TypeScript compiler AST. */
export function tsCalleePath(ts: typeof TS, expression: TS.Node): string[] | null {
  const parts: string[] = [];
  let current = tsUnwrap(ts, expression);
  for (let i = 0; i < 10; i++) {
    if (ts.isIdentifier(current)) {
      parts.unshift(current.text);
      return parts;
    }
    if (current.kind === ts.SyntaxKind.ThisKeyword) {
      parts.unshift('this');
      return parts;
    }
    if (ts.isPropertyAccessExpression(current)) {
      parts.unshift(current.name.text);
    } else if (ts.isElementAccessExpression(current) && ts.isStringLiteral(current.argumentExpression)) {
      parts.unshift(current.argumentExpression.text);
    } else {
      return null;
    }
    current = tsUnwrap(ts, current.expression);
  }
  return null;
}

/**
 * requestOf() for the TypeScript compiler AST: the HTTP request a call or `new` expression
 * makes, with its URL's host as far as the literal text shows. Pass `reader` to reuse one.
 */
export function tsRequestOf(
  ts: typeof TS,
  node: TS.CallExpression | TS.NewExpression,
  reader: NodeReader<TS.Node> = tsReader(ts),
): { kind: RequestKind; library: Library; host: UrlHost } | null {
  const path = tsCalleePath(ts, node.expression);
  if (!path) return null;
  const described = describeRequest(path, ts.isNewExpression(node), node.arguments ?? [], reader);
  const kind = described ? classifyRequest(described.shape) : null;
  if (!described || !kind) return null;
  return { kind, library: described.api.library, host: described.urlNode ? tsUrlHost(ts, described.urlNode) : 'unknown' };
}

/** urlHost() for the TypeScript compiler AST, from literal text only. */
export function tsUrlHost(ts: typeof TS, node: TS.Node): UrlHost {
  const n = tsUnwrap(ts, node);
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return classifyUrlText(n.text);
  if (ts.isTemplateExpression(n)) {
    if (n.head.text === '') {
      const first = n.templateSpans[0]?.expression;
      const path = first ? tsCalleePath(ts, first) : null;
      return path && path.includes('location') ? 'same-origin' : 'unknown';
    }
    return classifyUrlText(n.head.text, false);
  }
  if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = tsUnwrap(ts, n.left);
    if (ts.isStringLiteral(left)) return classifyUrlText(left.text, false);
  }
  return 'unknown';
}

/** NodeReader over the TypeScript compiler AST. */
export function tsReader(ts: typeof TS): NodeReader<TS.Node> {
  const propertyKey = (name: TS.PropertyName): string | undefined =>
    ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
  return {
    kind(node): ValueKind {
      if (ts.isSpreadElement(node)) return 'spread';
      const n = tsUnwrap(ts, node);
      if (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) return 'function';
      if (ts.isObjectLiteralExpression(n)) return 'object';
      if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n)) return 'string';
      if (n.kind === ts.SyntaxKind.TrueKeyword) return 'true';
      if (n.kind === ts.SyntaxKind.FalseKeyword) return 'false';
      if (n.kind === ts.SyntaxKind.NullKeyword) return 'nullish';
      if (ts.isIdentifier(n)) return n.text === 'undefined' ? 'nullish' : 'identifier';
      if (ts.isCallExpression(n)) return 'call';
      return 'other';
    },
    property(object, key) {
      const n = tsUnwrap(ts, object);
      if (!ts.isObjectLiteralExpression(n)) return undefined;
      for (let i = n.properties.length - 1; i >= 0; i--) {
        const prop = n.properties[i]!;
        if (ts.isPropertyAssignment(prop) && propertyKey(prop.name) === key) return prop.initializer;
        if (ts.isShorthandPropertyAssignment(prop) && prop.name.text === key) return prop.name;
      }
      return undefined;
    },
    isEmptyObject(node) {
      const n = tsUnwrap(ts, node);
      return ts.isObjectLiteralExpression(n) && n.properties.length === 0;
    },
    text(node) {
      const n = tsUnwrap(ts, node);
      if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
      if (ts.isTemplateExpression(n)) return n.head.text;
      if (ts.isTaggedTemplateExpression(n)) {
        const template = n.template;
        return ts.isNoSubstitutionTemplateLiteral(template) ? template.text : template.head.text;
      }
      return undefined;
    },
    urlText(node) {
      const pieces = (expression: TS.Node, depth: number): string | undefined => {
        const n = tsUnwrap(ts, expression);
        if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
        if (ts.isTemplateExpression(n)) return n.head.text + n.templateSpans.map((span) => URL_GAP + span.literal.text).join('');
        if (ts.isTaggedTemplateExpression(n)) return pieces(n.template, depth + 1);
        if (!ts.isBinaryExpression(n) || n.operatorToken.kind !== ts.SyntaxKind.PlusToken || depth > 8) return undefined;
        const left = pieces(n.left, depth + 1);
        const right = pieces(n.right, depth + 1);
        return left === undefined && right === undefined ? undefined : (left ?? URL_GAP) + (right ?? URL_GAP);
      };
      return pieces(node, 0);
    },
    name(node) {
      const n = tsUnwrap(ts, node);
      if (ts.isIdentifier(n)) return n.text;
      if (ts.isPropertyAccessExpression(n)) return n.name.text;
      return undefined;
    },
    call(node) {
      const n = tsUnwrap(ts, node);
      if (!ts.isCallExpression(n)) return undefined;
      const path = tsCalleePath(ts, n.expression);
      return path ? { path, args: n.arguments } : undefined;
    },
  };
}
