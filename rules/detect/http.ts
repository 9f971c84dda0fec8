import type { TSESTree } from '@typescript-eslint/types';
import type { Scope, SourceCode } from 'eslint';
import { findVariable, unwrap } from './values.js';

// "Is this call an HTTP request, and does it read or write?" — answered once, on a neutral
// description of the call, so the ESLint rules (ESTree) and a scanner over the TypeScript
// compiler AST agree. Each AST only has to say what the callee is called and read its literal
// arguments through a NodeReader.

export type RequestKind = 'read' | 'write' | 'beacon';

/** Stands for a computed piece of a URL (`base + '/poll'`, `${base}/poll`) in RequestShape.url. */
export const URL_GAP = '\u0000';

/** What the source says about one call, independent of the AST it came from. */
export interface RequestShape {
  /** The callee as names: ['fetch'], ['axios', 'get'], ['$', 'ajax'], ['this', 'http', 'get']. */
  calleePath: readonly string[];
  /** `new X(...)` rather than `X(...)`. */
  isNew: boolean;
  /** HTTP method written as a literal (options `method`/`type`, `xhr.open('POST')`). */
  method?: string;
  /** A method is given but computed at runtime, so the API's default does not apply. */
  dynamicMethod?: boolean;
  /** `keepalive: true` in the options: fire-and-forget, like a beacon. */
  hasKeepalive?: boolean;
  /** A non-empty request body is passed. */
  hasBody?: boolean;
  /** The body is a GraphQL document: a query reads, a mutation writes. */
  graphql?: 'query' | 'mutation';
  /** The URL's written pieces, URL_GAP for each computed one; absent when no piece is written. */
  url?: string;
}

export type Library =
  | 'fetch'
  | 'axios'
  | 'ky'
  | 'got'
  | 'superagent'
  | 'jquery'
  | 'xhr'
  | 'http-client'
  | 'node-http'
  | 'beacon'
  | 'graphql'
  | 'query-cache';

/** How a recognised request API takes its arguments. */
export interface RequestApi {
  library: Library;
  /** Method implied by the callee name (`axios.post`), else read from the options. */
  method?: string;
  /** Method when the options do not name one. */
  defaultMethod?: string;
  /** Argument that may hold the method as a string (`http.request('GET', url)`). */
  methodArg?: number;
  /** Argument holding the URL. */
  urlArg?: number;
  /** Arguments that may be an options object, in order of preference. */
  optionArgs: readonly number[];
  /** Argument holding a positional body (`axios.post(url, data)`). */
  bodyArg?: number;
  methodKeys: readonly string[];
  bodyKeys: readonly string[];
}

const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self', 'global']);
const VERBS = new Set(['get', 'head', 'options', 'delete', 'post', 'put', 'patch', 'request']);
const BODY_VERBS = new Set(['post', 'put', 'patch']);
const FETCH_LIKE = new Set(['fetch', '$fetch', 'ofetch']);
const CACHE_REFETCH = new Set(['refetch', 'invalidateQueries', 'refetchQueries', 'resetQueries']);
// Receivers whose .get/.post is almost always an HTTP client: axios instances, Angular's
// HttpClient (`this.http`), `api`/`client` wrappers. Key-value stores are excluded by name.
// All three lists match in any case.
/** Receivers that are a client by their whole name. */
const CLIENT_NAMES = ['api', 'http', 'https', 'client', 'apiclient', 'httpclient', '$http', 'instance', 'apiinstance', 'request', 'requests', 'fetcher', 'rest', 'restclient', 'backend', 'ajax', 'superagent', 'needle', 'ky', 'got'];
/** Receivers that are a client by how their name ends (`userApi`, `authHttpClient`). */
const CLIENT_ENDINGS = ['api', 'httpclient', 'apiclient', 'restclient'];
/** A receiver whose name holds this anywhere is a client (`axiosInstance`). */
export const CLIENT_PART = 'axios';
const CLIENT_NAME = new RegExp(
  `${CLIENT_PART}|^(?:${CLIENT_NAMES.map((name) => name.replace('$', '\\$')).join('|')})$|(?:${CLIENT_ENDINGS.join('|')})$`,
  'i',
);
const NOT_CLIENT = /redis|cache|storage|^store$|Store$|db$|database|map$|memcache|^kv|cookie|params|headers|^config|settings/i;
// Receivers requestApi() names one by one. Any other receiver that isClientName() turns down
// gets the answer any plain name gets (a test holds requestApi() to this).
const NAMED_OWNERS: ReadonlySet<string> = new Set([...GLOBAL_OBJECTS, ...FETCH_LIKE, 'navigator', '$', 'jQuery', 'router', 'http', 'https']);

function isClientName(owner: string): boolean {
  return CLIENT_NAME.test(owner) && !NOT_CLIENT.test(owner);
}

/**
 * Whether requestApi() may answer for `[..., owner, name]` otherwise than for a plain receiver
 * such as `x`: lets a caller that asks often (the long-polling text screen) reuse one answer.
 */
export function receiverCounts(owner: string): boolean {
  return NAMED_OWNERS.has(owner) || isClientName(owner);
}

/**
 * Every receiver receiverCounts() accepts either ends like one of these names, in any case, or
 * holds CLIENT_PART: what lets the text screen turn most receivers down without reading them whole.
 */
export const COUNTING_RECEIVER_ENDS: readonly string[] = [...NAMED_OWNERS, ...CLIENT_NAMES, ...CLIENT_ENDINGS];

const FETCH_API: Readonly<RequestApi> = Object.freeze({
  library: 'fetch',
  defaultMethod: 'GET',
  urlArg: 0,
  optionArgs: [1],
  methodKeys: ['method'],
  bodyKeys: ['body'],
});

const AJAX_API: Readonly<RequestApi> = Object.freeze({
  library: 'jquery',
  defaultMethod: 'GET',
  urlArg: 0,
  optionArgs: [0, 1],
  methodKeys: ['type', 'method'],
  bodyKeys: ['data'],
});

function withoutGlobalPrefix(path: readonly string[]): readonly string[] {
  let start = 0;
  while (start < path.length - 1 && GLOBAL_OBJECTS.has(path[start]!)) start++;
  return start ? path.slice(start) : path;
}

/** The request API a callee names, or null when it is not a recognised HTTP call. */
export function requestApi(calleePath: readonly string[], isNew: boolean): RequestApi | null {
  const path = withoutGlobalPrefix(calleePath);
  const last = path[path.length - 1];
  if (last === undefined) return null;
  if (isNew) {
    if (last === 'XMLHttpRequest' || (last === 'ActiveXObject' && path.length === 1)) {
      return { library: 'xhr', defaultMethod: 'GET', optionArgs: [], methodKeys: [], bodyKeys: [] };
    }
    return null;
  }
  if (path.length === 1) {
    if (FETCH_LIKE.has(last)) return FETCH_API;
    if (last === 'axios') {
      return { library: 'axios', defaultMethod: 'GET', urlArg: 0, optionArgs: [0, 1], methodKeys: ['method'], bodyKeys: ['data'] };
    }
    if (last === 'ky' || last === 'got') {
      return { library: last, defaultMethod: 'GET', urlArg: 0, optionArgs: [1, 0], methodKeys: ['method'], bodyKeys: ['body', 'json', 'form'] };
    }
    if (last === 'superagent' || last === 'needle') {
      return { library: 'superagent', defaultMethod: 'GET', methodArg: 0, urlArg: 1, optionArgs: [], methodKeys: [], bodyKeys: [] };
    }
    if (CACHE_REFETCH.has(last)) return { library: 'query-cache', optionArgs: [], methodKeys: [], bodyKeys: [] };
    return null;
  }
  const owner = path[path.length - 2]!;
  if (FETCH_LIKE.has(owner) && last === 'raw') return FETCH_API;
  if (owner === 'navigator' && last === 'sendBeacon') {
    return { library: 'beacon', urlArg: 0, optionArgs: [], methodKeys: [], bodyKeys: [] };
  }
  // `ajax` on any receiver is jQuery's (`Backbone.ajax`, `me.ajax = jQuery.ajax`), options and all.
  if (last === 'ajax') return AJAX_API;
  if (owner === '$' || owner === 'jQuery') {
    switch (last) {
      case 'get':
      case 'getJSON':
      case 'getScript':
        return { library: 'jquery', method: 'GET', urlArg: 0, optionArgs: [0], methodKeys: [], bodyKeys: [] };
      case 'post':
        return { library: 'jquery', method: 'POST', urlArg: 0, bodyArg: 1, optionArgs: [0], methodKeys: [], bodyKeys: ['data'] };
      default:
        return null;
    }
  }
  if (CACHE_REFETCH.has(last) || (owner === 'router' && last === 'refresh')) {
    return { library: 'query-cache', optionArgs: [], methodKeys: [], bodyKeys: [] };
  }
  if (last === 'query' || last === 'mutate') {
    // Apollo `client.query({ query })` / `client.mutate({ mutation })`; a database's
    // `client.query(sql)` has no such options object and is left out by classifyRequest.
    return { library: 'graphql', optionArgs: [0], methodKeys: [], bodyKeys: [] };
  }
  if ((owner === 'http' || owner === 'https') && path.length === 2 && (last === 'get' || last === 'request')) {
    return last === 'get'
      ? { library: 'node-http', method: 'GET', urlArg: 0, optionArgs: [1, 0], methodKeys: [], bodyKeys: [] }
      : { library: 'node-http', defaultMethod: 'GET', urlArg: 0, optionArgs: [1, 0], methodKeys: ['method'], bodyKeys: [] };
  }
  if (!VERBS.has(last) || !isClientName(owner)) return null;
  const bodyInOptions = owner === 'ky' || owner === 'got';
  const library: Library = /axios/i.test(owner)
    ? 'axios'
    : owner === 'ky' || owner === 'got'
      ? owner
      : owner === 'superagent' || owner === 'needle'
        ? 'superagent'
        : 'http-client';
  if (last === 'request') {
    // axios.request(config) or Angular's http.request('GET', url, options).
    return { library, defaultMethod: 'GET', methodArg: 0, urlArg: 1, optionArgs: [0, 2], methodKeys: ['method'], bodyKeys: ['data', 'body'] };
  }
  const method = last.toUpperCase();
  if (BODY_VERBS.has(last) && !bodyInOptions) {
    return { library, method, urlArg: 0, bodyArg: 1, optionArgs: [2], methodKeys: [], bodyKeys: ['data', 'body'] };
  }
  return { library, method, urlArg: 0, optionArgs: [1], methodKeys: [], bodyKeys: ['body', 'json', 'form', 'data'] };
}

const WRITE_METHODS = new Set(['PUT', 'PATCH', 'DELETE']);
const NO_BODY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// POSTs to these endpoints keep a session alive; they do not fetch news.
const AUTH_URL = /token|auth|login|logout|signin|signout|session|\/refresh\b/i;
// A POST to a polling endpoint asks for news whatever it sends along (the channels it follows,
// the last id it saw): the endpoint is the URL's last segment, or ends where the URL is computed.
const POLL_URL = new RegExp(`(?:^|[/${URL_GAP}])(?:long-?)?poll(?:ing)?(?=$|[?#${URL_GAP}])`, 'i');

/**
 * Read, write or beacon for a described call; null when it is not an HTTP request.
 * A POST without a body, or carrying a GraphQL query, counts as a read: many apps fetch
 * notifications with `type: 'POST'`.
 */
export function classifyRequest(shape: RequestShape): RequestKind | null {
  const api = requestApi(shape.calleePath, shape.isNew);
  if (!api) return null;
  if (api.library === 'beacon' || shape.hasKeepalive) return 'beacon';
  if (api.library === 'query-cache') return 'read';
  if (api.library === 'graphql') {
    if (!shape.graphql) return null;
    return shape.graphql === 'query' ? 'read' : 'write';
  }
  const method = (api.method ?? shape.method ?? (shape.dynamicMethod ? undefined : api.defaultMethod))?.toUpperCase();
  if (method && NO_BODY_METHODS.has(method)) return 'read';
  if (method && WRITE_METHODS.has(method)) return 'write';
  if (shape.graphql) return shape.graphql === 'query' ? 'read' : 'write';
  if (method === 'POST' && shape.url !== undefined && POLL_URL.test(shape.url)) return 'read';
  if (shape.hasBody) return 'write';
  if (method === 'POST' && shape.url !== undefined && AUTH_URL.test(shape.url)) return 'write';
  return 'read';
}

// ---------------------------------------------------------------------------------------------
// Reading arguments, for any AST.

export type ValueKind = 'spread' | 'function' | 'object' | 'string' | 'true' | 'false' | 'nullish' | 'call' | 'identifier' | 'other';

/** Just enough of an AST to read literal request options. */
export interface NodeReader<N> {
  kind(node: N): ValueKind;
  /** The value of `key` in an object literal (shorthand gives its identifier). */
  property(object: N, key: string): N | undefined;
  /** True when an object literal has no properties at all. */
  isEmptyObject(node: N): boolean;
  /** Literal text, or the literal head of a template / tagged template. */
  text(node: N): string | undefined;
  /** A URL's written pieces (strings, template parts, operands of `+`), URL_GAP for the others. */
  urlText(node: N): string | undefined;
  /** Name of an identifier. */
  name(node: N): string | undefined;
  /** Callee path and arguments of a call. */
  call(node: N): { path: readonly string[]; args: readonly N[] } | undefined;
}

/** Which GraphQL operation a body (object, `JSON.stringify(object)`) carries, if any. */
export function graphqlOperation<N>(body: N | undefined, reader: NodeReader<N>, depth = 0): 'query' | 'mutation' | undefined {
  if (body === undefined || depth > 2) return undefined;
  const kind = reader.kind(body);
  if (kind === 'call') {
    const call = reader.call(body);
    if (call && call.path.join('.') === 'JSON.stringify') return graphqlOperation(call.args[0], reader, depth + 1);
    return undefined;
  }
  if (kind !== 'object') return undefined;
  if (reader.property(body, 'mutation') !== undefined) return 'mutation';
  const query = reader.property(body, 'query');
  if (query === undefined) return undefined;
  const text = reader.text(query);
  if (text !== undefined) return /^\s*mutation\b/.test(text) ? 'mutation' : 'query';
  const name = reader.name(query);
  return name !== undefined && /mutation/i.test(name) ? 'mutation' : 'query';
}

function hasValue<N>(node: N | undefined, reader: NodeReader<N>): boolean {
  if (node === undefined) return false;
  const kind = reader.kind(node);
  if (kind === 'nullish' || kind === 'function') return false;
  if (kind === 'object' && reader.isEmptyObject(node)) return false;
  return true;
}

/**
 * Builds the neutral description of a call from its arguments. Returns the API too (null when
 * the callee is not a request) and the URL argument, so callers can classify its host.
 */
export function describeRequest<N>(
  calleePath: readonly string[],
  isNew: boolean,
  args: readonly N[],
  reader: NodeReader<N>,
): { api: RequestApi; shape: RequestShape; urlNode: N | undefined } | null {
  const api = requestApi(calleePath, isNew);
  if (!api) return null;
  if (args.some((a) => reader.kind(a) === 'spread')) {
    // Positions are unknowable after a spread; say only what the callee says.
    return { api, shape: { calleePath, isNew }, urlNode: undefined };
  }
  let options: N | undefined;
  for (const index of api.optionArgs) {
    const arg = args[index];
    if (arg !== undefined && reader.kind(arg) === 'object') {
      options = arg;
      break;
    }
  }
  let method: string | undefined;
  let dynamicMethod = false;
  const methodArg = api.methodArg === undefined ? undefined : args[api.methodArg];
  if (methodArg !== undefined) {
    const kind = reader.kind(methodArg);
    if (kind === 'string') method = reader.text(methodArg);
    else if (kind === 'identifier' || kind === 'call' || kind === 'other') dynamicMethod = true;
  }
  if (method === undefined && options !== undefined) {
    for (const key of api.methodKeys) {
      const value = reader.property(options, key);
      if (value === undefined) continue;
      const text = reader.kind(value) === 'string' ? reader.text(value) : undefined;
      if (text !== undefined) method = text;
      else dynamicMethod = true;
      break;
    }
  }
  let body: N | undefined;
  const positional = api.bodyArg === undefined ? undefined : args[api.bodyArg];
  if (hasValue(positional, reader)) body = positional;
  if (body === undefined && options !== undefined) {
    for (const key of api.bodyKeys) {
      const value = reader.property(options, key);
      if (hasValue(value, reader)) {
        body = value;
        break;
      }
    }
  }
  let urlNode: N | undefined;
  const urlArg = api.urlArg === undefined ? undefined : args[api.urlArg];
  if (urlArg !== undefined && reader.kind(urlArg) !== 'object' && reader.kind(urlArg) !== 'function') urlNode = urlArg;
  else if (options !== undefined) urlNode = reader.property(options, 'url');
  const keepalive = options === undefined ? undefined : reader.property(options, 'keepalive');
  const graphql =
    api.library === 'graphql' && options !== undefined
      ? graphqlOperation(options, reader)
      : graphqlOperation(body, reader);
  const url = urlNode === undefined ? undefined : reader.urlText(urlNode);
  const shape: RequestShape = { calleePath, isNew };
  if (method !== undefined) shape.method = method;
  else if (dynamicMethod) shape.dynamicMethod = true;
  if (keepalive !== undefined && reader.kind(keepalive) === 'true') shape.hasKeepalive = true;
  if (body !== undefined) shape.hasBody = true;
  if (graphql !== undefined) shape.graphql = graphql;
  if (url !== undefined) shape.url = url;
  return { api, shape, urlNode };
}

// ---------------------------------------------------------------------------------------------
// ESTree (ESLint) side.

type Node = TSESTree.Node;

/** The callee as a list of names, or null when any part is computed at runtime. */
export function calleePath(node: Node): string[] | null {
  const parts: string[] = [];
  let current: Node = unwrap(node);
  for (let i = 0; i < 10; i++) {
    switch (current.type) {
      case 'Identifier':
        parts.unshift(current.name);
        return parts;
      case 'ThisExpression':
        parts.unshift('this');
        return parts;
      case 'Super':
        parts.unshift('super');
        return parts;
      case 'MemberExpression': {
        const property = current.property;
        if (!current.computed && property.type === 'Identifier') parts.unshift(property.name);
        else if (property.type === 'PrivateIdentifier') parts.unshift(`#${property.name}`);
        else if (property.type === 'Literal' && typeof property.value === 'string') parts.unshift(property.value);
        else return null;
        current = unwrap(current.object);
        break;
      }
      default:
        return null;
    }
  }
  return null;
}

/** The last name of a callee (`setInterval` for `window.setInterval`), cheap, for early exits. */
export function calleeName(node: Node): string | undefined {
  const callee = unwrap(node);
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression') {
    if (!callee.computed && callee.property.type === 'Identifier') return callee.property.name;
    if (callee.property.type === 'Literal' && typeof callee.property.value === 'string') return callee.property.value;
  }
  return undefined;
}

function templateHead(node: TSESTree.TemplateLiteral): string | undefined {
  return node.quasis[0]?.value.cooked ?? undefined;
}

function urlPieces(node: Node, depth: number): string | undefined {
  const n = unwrap(node);
  if (n.type === 'Literal') return typeof n.value === 'string' ? n.value : undefined;
  if (n.type === 'TemplateLiteral') return n.quasis.map((q) => q.value.cooked ?? '').join(URL_GAP);
  if (n.type === 'TaggedTemplateExpression') return urlPieces(n.quasi, depth + 1);
  if (n.type !== 'BinaryExpression' || n.operator !== '+' || depth > 8) return undefined;
  const left = urlPieces(n.left, depth + 1);
  const right = urlPieces(n.right, depth + 1);
  return left === undefined && right === undefined ? undefined : (left ?? URL_GAP) + (right ?? URL_GAP);
}

export const estreeReader: NodeReader<Node> = {
  kind(node) {
    const n = unwrap(node);
    switch (n.type) {
      case 'SpreadElement':
        return 'spread';
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return 'function';
      case 'ObjectExpression':
        return 'object';
      case 'TemplateLiteral':
        return 'string';
      case 'Literal':
        if (typeof n.value === 'string') return 'string';
        if (n.value === true) return 'true';
        if (n.value === false) return 'false';
        if (n.value === null) return 'nullish';
        return 'other';
      case 'Identifier':
        return n.name === 'undefined' ? 'nullish' : 'identifier';
      case 'CallExpression':
        return 'call';
      default:
        return 'other';
    }
  },
  property(object, key) {
    const n = unwrap(object);
    if (n.type !== 'ObjectExpression') return undefined;
    for (let i = n.properties.length - 1; i >= 0; i--) {
      const prop = n.properties[i]!;
      if (prop.type !== 'Property') continue;
      const k = prop.key;
      const name =
        !prop.computed && k.type === 'Identifier' ? k.name : k.type === 'Literal' ? String(k.value) : undefined;
      if (name === key) return prop.value;
    }
    return undefined;
  },
  isEmptyObject(node) {
    const n = unwrap(node);
    return n.type === 'ObjectExpression' && n.properties.length === 0;
  },
  text(node) {
    const n = unwrap(node);
    if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
    if (n.type === 'TemplateLiteral') return templateHead(n);
    if (n.type === 'TaggedTemplateExpression') return templateHead(n.quasi);
    return undefined;
  },
  urlText(node) {
    return urlPieces(node, 0);
  },
  name(node) {
    const n = unwrap(node);
    if (n.type === 'Identifier') return n.name;
    if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier') return n.property.name;
    return undefined;
  },
  call(node) {
    const n = unwrap(node);
    if (n.type !== 'CallExpression') return undefined;
    const path = calleePath(n.callee);
    return path ? { path, args: n.arguments } : undefined;
  },
};

/** One HTTP request found in the source. */
export interface RequestSite {
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  kind: RequestKind;
  library: Library;
  /** The URL argument, when there is one, for urlHost(). */
  urlNode: Node | undefined;
}

/** `xhr.open('POST', url)` and `xhr.send(body)` on the variable a `new XMLHttpRequest()` went into. */
function xhrUsage(
  node: TSESTree.NewExpression,
  sourceCode: SourceCode,
): { method?: string; dynamicMethod?: boolean; url?: Node; hasBody: boolean } {
  const parent = node.parent;
  let variable: Scope.Variable | undefined;
  if (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') {
    variable = sourceCode.getDeclaredVariables(parent as never)[0];
  } else if (parent?.type === 'AssignmentExpression' && parent.right === node && parent.left.type === 'Identifier') {
    variable = findVariable(sourceCode.getScope(parent as never), parent.left.name);
  }
  const result: { method?: string; dynamicMethod?: boolean; url?: Node; hasBody: boolean } = { hasBody: false };
  if (!variable) return result;
  for (const reference of variable.references.slice(0, 50)) {
    const id = reference.identifier as unknown as Node;
    const member = id.parent;
    if (member?.type !== 'MemberExpression' || member.object !== id || member.computed) continue;
    const call = member.parent;
    if (call?.type !== 'CallExpression' || call.callee !== member || member.property.type !== 'Identifier') continue;
    const [first, second] = call.arguments;
    if (member.property.name === 'open' && first) {
      const text = estreeReader.kind(first) === 'string' ? estreeReader.text(first) : undefined;
      if (text !== undefined) result.method = text;
      else result.dynamicMethod = true;
      if (second && second.type !== 'SpreadElement') result.url = second;
    } else if (member.property.name === 'send' && first && first.type !== 'SpreadElement') {
      const kind = estreeReader.kind(first);
      if (kind !== 'nullish' && !(kind === 'object' && estreeReader.isEmptyObject(first))) result.hasBody = true;
    }
  }
  return result;
}

/** Whether a superagent-style chain goes on to `.send(body)`. */
function chainedSend(node: Node): boolean {
  let current: Node = node;
  for (let i = 0; i < 6; i++) {
    const member = current.parent;
    if (member?.type !== 'MemberExpression' || member.object !== current) return false;
    const call = member.parent;
    if (call?.type !== 'CallExpression' || call.callee !== member) return false;
    if (!member.computed && member.property.type === 'Identifier' && member.property.name === 'send') {
      return call.arguments.length > 0;
    }
    current = call;
  }
  return false;
}

/**
 * The HTTP request a call or `new` expression makes, read from its literal arguments, or null.
 * Cheap when the callee is not a known request API.
 */
export function requestOf(node: Node, sourceCode: SourceCode): RequestSite | null {
  if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return null;
  const path = calleePath(node.callee);
  if (!path) return null;
  const isNew = node.type === 'NewExpression';
  let args: readonly Node[] = node.arguments;
  // fetch(new Request(url, init))
  if (!isNew && args.length === 1 && args[0]?.type === 'NewExpression') {
    const inner = args[0];
    if (inner.callee.type === 'Identifier' && inner.callee.name === 'Request') args = inner.arguments;
  }
  const described = describeRequest(path, isNew, args, estreeReader);
  if (!described) return null;
  const { api, shape } = described;
  let urlNode = described.urlNode;
  if (api.library === 'xhr' && node.type === 'NewExpression') {
    const usage = xhrUsage(node, sourceCode);
    if (usage.method !== undefined) shape.method = usage.method;
    else if (usage.dynamicMethod) shape.dynamicMethod = true;
    if (usage.hasBody) shape.hasBody = true;
    if (usage.url) {
      urlNode = usage.url;
      const text = estreeReader.urlText(usage.url);
      if (text !== undefined) shape.url = text;
    }
  } else if (api.library === 'superagent' && chainedSend(node)) {
    shape.hasBody = true;
  }
  const kind = classifyRequest(shape);
  return kind ? { node, kind, library: api.library, urlNode } : null;
}
