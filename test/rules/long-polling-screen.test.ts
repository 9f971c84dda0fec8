import { Linter, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { classifyRequest, COUNTING_RECEIVER_ENDS, receiverCounts, requestApi } from '../../rules/detect/http.js';
import { screenLongPolling } from '../../rules/detect/long-polling.js';

// The text screen decides which files the long-polling detector looks at. It may let through
// files with nothing to find, never hide one that has: every callee shape below must pass.

const CLIENT = 1;
const SERVER = 2;
const BOTH = CLIENT | SERVER;

const reads: [string, boolean][] = [
  // [code, needs a parser with type syntax]
  [`fetch('/api/feed')`, false],
  [`await window.fetch ('/api/feed')`, false],
  [`globalThis.fetch\n  ('/api/feed')`, false],
  [`axios.get('/api/feed')`, false],
  [`axios . get ('/api/feed')`, false],
  [`axios/* why */.get('/api/feed')`, false],
  [`this.http.get('/api/feed')`, false],
  [`this.#api.get('/api/feed')`, false],
  [`api?.get('/api/feed')`, false],
  [`api['get']('/api/feed')`, false],
  [`api[ 'get' ]('/api/feed')`, false],
  [`(0, axios.get)('/api/feed')`, false],
  [`(axios.get)('/api/feed')`, false],
  [`/** @type {any} */ (fetch)('/api/feed')`, false],
  [`fetch /* spaced */ ('/api/feed')`, false],
  [`axios.get /* one */ /** two */ ('/api/feed')`, false],
  [`fetch?.('/api/feed')`, false],
  [`window.fetch ?.('/api/feed')`, false],
  [`api.get?.('/api/feed')`, false],
  [`return /** @type {any} */ (fetch)('/api/feed')`, false],
  [`$.getJSON('/api/feed', render)`, false],
  [`$.ajax({ url: '/api/feed' })`, false],
  [`new XMLHttpRequest`, false],
  [`const xhr = new window.XMLHttpRequest;`, false],
  [`const xhr = new window['XMLHttpRequest'];`, false],
  [`const xhr = new ActiveXObject('Microsoft.XMLHTTP')`, false],
  [`ky('/api/feed')`, false],
  [`this.http.get<Feed>('/api/feed')`, true],
  [`api.get!('/api/feed')`, true],
  [`(fetch as typeof fetch)('/api/feed')`, true],
];

const registrations: string[] = [
  `app.get('/poll', (req, res) => { waiting.push(res); });`,
  `router.post('/poll', handler)`,
  `http.createServer((req, res) => {})`,
  `createServer(onRequest)`,
  `fastify.route({ method: 'GET', url: '/poll', handler })`,
  `server.on('request', onRequest)`,
  `app.get(('/poll'), handler)`,
];

describe('screenLongPolling', () => {
  it.each(reads)('lets a read through: %s', (code, typeSyntax) => {
    expect(screenLongPolling(code, false, typeSyntax) & CLIENT).toBe(CLIENT);
    expect(screenLongPolling(`const x = 1;\n${code};\n`, true, typeSyntax) & CLIENT).toBe(CLIENT);
  });

  it('tells names from words that end like them', () => {
    // Same last two or three characters as a name, but other words.
    for (const word of ['Json', 'function', 'refreshed', 'unset', 'call', 'catch', 'switch', 'test', 'create', 'every', 'sky', 'icon']) {
      expect(screenLongPolling(`${word}('/api/feed', (req, res) => {});`, true, false), word).toBe(0);
    }
    expect(screenLongPolling(`ky('/api/feed')`, false, false)).toBe(CLIENT);
    expect(screenLongPolling(`on('request', handler)`, true, false)).toBe(0);
    expect(screenLongPolling(`x.on('request', handler)`, true, false)).toBe(SERVER);
    // Other events are no registration; a template or an escape may still spell 'request'.
    expect(screenLongPolling(`stream.on('data', onData); emitter.addListener("close", done)`, true, false)).toBe(0);
    for (const event of ['"request"', '`request`', '`request${suffix}`', `'\\x72equest'`, `'re\\u0071uest'`]) {
      expect(screenLongPolling(`server.on(${event}, onRequest)`, true, false), event).toBe(SERVER);
    }
    expect(screenLongPolling(`$fetch('/api/feed')`, false, false)).toBe(CLIENT);
    expect(screenLongPolling(`router.refresh()`, false, false)).toBe(CLIENT);
  });

  it('lets two-letter names through after any whitespace, and skips function(', () => {
    const spaces = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
    for (let c = 0x2000; c <= 0x200a; c++) spaces.push(String.fromCharCode(c));
    for (const space of spaces) {
      expect(screenLongPolling(`const feed =${space}ky('/api/feed');`, false, false), JSON.stringify(space)).toBe(CLIENT);
      expect(screenLongPolling(`emitter.on${space}('request', onRequest);`, true, false) & SERVER, JSON.stringify(space)).toBe(SERVER);
    }
    expect(screenLongPolling(`const run = function(done) { return done(); };`, true, false)).toBe(0);
  });

  it.each(registrations)('lets a handler registration through: %s', (code) => {
    expect(screenLongPolling(code, true, false) & SERVER).toBe(SERVER);
  });

  it('screens out files with neither', () => {
    const code = `import { readFile } from 'node:fs/promises';
      const cache = new Map();
      export async function load(name) {
        if (cache.has(name)) return cache.get(name);
        const text = /* not a request */ (await readFile(name, 'utf8')).trim();
        cache.set(name, text);
        return JSON.parse(text);
      }`;
    expect(screenLongPolling(code, true, false)).toBe(0);
    expect(screenLongPolling(code, true, true)).toBe(0);
  });

  it('takes a string first argument for a route only when it reads as a path', () => {
    for (const code of [`session.post('Profiler.enable', () => {});`, `bus.get("user.name", (err, value) => {});`]) {
      expect(screenLongPolling(code, true, false), code).toBe(0);
    }
    for (const code of [`app.get('*', h);`, "app.get(`${base}/poll`, h);", `app.get('', h);`, `app.get('\\/poll', h);`, `app.post("/poll", h);`]) {
      expect(screenLongPolling(code, true, false), code).toBe(SERVER);
    }
  });

  it('screens out a lookup whose call ends after its string', () => {
    // customElements.get('x') is no registration: the call closes before any handler argument.
    const code = `if (!customElements.get('x-overlay')) customElements.define('x-overlay', Overlay);`;
    expect(screenLongPolling(code, true, false)).toBe(0);
    expect(screenLongPolling(code, true, true)).toBe(0);
  });

  it('does not look for registrations unless asked', () => {
    expect(screenLongPolling(`app.get('/poll', (req, res) => { waiting.push(res); });`, false, false) & SERVER).toBe(0);
  });
});

describe('screenLongPolling with template paths and createServer', () => {
  it('reads a template path to its end', () => {
    expect(screenLongPolling('app.get(`/poll/${room.id}`, (req, res) => { waiting.push(res); });', true, false) & SERVER).toBe(SERVER);
    // A lookup by a template key closes the call: no handler follows.
    expect(screenLongPolling('const hit = index.get(`${line}:${column}`);', true, false)).toBe(0);
    // A substitution the screen cannot read to its end counts as possible.
    expect(screenLongPolling('app.get(`/a/${`b`}`);', true, false) & SERVER).toBe(SERVER);
  });

  it('takes createServer with an argument only', () => {
    expect(screenLongPolling('const server = net.createServer();', true, false)).toBe(0);
    expect(screenLongPolling('const server = createServer( /* none */ );', true, false)).toBe(0);
    expect(screenLongPolling('const server = http.createServer(app);', true, false) & SERVER).toBe(SERVER);
  });
});

/** The screen's answer for `code` as the rule computes it, with what the parsed file tells it. */
function screenParsed(code: string, typescript = false): number {
  let result = -1;
  const linter = new Linter();
  const rule: Rule.RuleModule = {
    create(context) {
      result = screenLongPolling(context.sourceCode.text, true, context.sourceCode);
      return {};
    },
  };
  const messages = linter.verify(code, [
    {
      files: [typescript ? '**/*.ts' : '**/*.js'],
      languageOptions: typescript ? { parser: tseslint.parser as Linter.Parser } : {},
      plugins: { screen: { rules: { screen: rule } } },
      rules: { 'screen/screen': 'error' },
    },
  ], typescript ? 'file.ts' : 'file.js');
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return result;
}

describe('screenLongPolling with the parsed file', () => {
  it.each([
    `// Call fetch('/api/feed') to refresh.\nconst x = 1;`,
    `/* app.get('/poll', handler) */ const x = 1;`,
    `const help = "fetch('/api/feed')";`,
    'const help = `axios.get("/api/feed")`;',
    `const pattern = /app.get('*', y)/;`,
    `function fetch(url) { return url; }`,
    `class Store { async fetch(key) { return key; } }`,
    `const globals = { XMLHttpRequest: true, ActiveXObject: false };`,
    `if (typeof XMLHttpRequest !== 'undefined') ready();`,
  ])('leaves out what only looks like a call: %s', (code) => {
    expect(screenLongPolling(code, true, false) & BOTH).not.toBe(0);
    expect(screenParsed(code)).toBe(0);
  });

  it.each([
    `fetch('/api/feed');`,
    `new XMLHttpRequest;`,
    `const xhr = new window.XMLHttpRequest;`,
    `const xhr = new window['XMLHttpRequest'];`,
    `const xhr = new ActiveXObject('Microsoft.XMLHTTP');`,
    `const xhr = new ActiveXObject;`,
    `const Xs = [1]; const xhr = new XMLHttpRequest;`,
    // opened out of sight of any \`open(\`: the detector still counts the request
    `const xhr = new XMLHttpRequest; xhr.onload = () => poll(); xhr.open.call(xhr, 'GET', '/api/feed');`,
    `const xhr = new XMLHttpRequest; openAndSend(xhr, '/api/feed');`,
    `const parts = [first, , fetch('/api/feed')];`,
    `export const table = { ${Array.from({ length: 3000 }, (_, i) => `k${i}: ${i}`).join(', ')}, load: () => fetch('/api/feed') };`,
  ])('keeps a read: %.60s', (code) => {
    expect(screenParsed(code) & CLIENT).toBe(CLIENT);
  });

  it('goes on past what only looks like a call to the calls after it', () => {
    const lookalikes = `// fetch('/api/old')\nfunction fetch(url) { return url; }\nconst help = "app.get('/x', h)";\n`;
    expect(screenParsed(lookalikes)).toBe(0);
    expect(screenParsed(`${lookalikes}fetch('/api/feed');`)).toBe(CLIENT);
    expect(screenParsed(`${lookalikes}app.get('/poll', handler);`)).toBe(SERVER);
    expect(screenParsed(`${lookalikes}app.get('/poll', handler);\n/* fetch('/x') */\naxios.get('/api/feed');`)).toBe(BOTH);
  });

  it('lets a capital X through only where it spells a request constructed by new', () => {
    for (const code of [`const x = new PassiveXObject;`, `const X = 1; const xhr = XMLHttpRequest;`]) {
      expect(screenParsed(code), code).toBe(0);
    }
    expect(screenLongPolling(`const x = new PassiveXObject;`, true, false)).toBe(0);
    expect(screenLongPolling(`const xhr = new ActiveXObject;`, true, false)).toBe(CLIENT);
  });

  it('keeps reads and registrations in TypeScript', () => {
    expect(screenParsed(`const feed = await this.http.get<Feed>('/api/feed');`, true) & CLIENT).toBe(CLIENT);
    expect(screenParsed(`const feed = await (fetch as typeof fetch)('/api/feed');`, true) & CLIENT).toBe(CLIENT);
    expect(screenParsed(`app.get('/poll' as const, (req: Request, res: Response) => { waiting.push(res); });`, true) & SERVER).toBe(SERVER);
  });
});

// The screen answers `map.get(...)`, `cache.delete(...)` and the like from one value per name,
// which is right only if requestApi() reads every receiver that receiverCounts() turns down
// the way it reads a plain `x`.
describe('receiverCounts', () => {
  const names = ['fetch', '$fetch', 'ofetch', 'raw', 'axios', 'ky', 'got', 'sendBeacon', 'refetch', 'invalidateQueries', 'refresh', 'ajax', 'getJSON', 'getScript', 'query', 'mutate', 'get', 'head', 'options', 'delete', 'post', 'put', 'patch', 'request', 'XMLHttpRequest', 'ActiveXObject'];
  const plain = ['map', 'cache', 'store', 'this', '_hooks', 'emitter', 'Reflect', 'params', 'redisApi', 'headers', 'x', '#cache', 'self_', 'windows', 'requester'];
  const counted = ['window', 'globalThis', 'self', 'global', 'fetch', '$fetch', 'ofetch', 'navigator', '$', 'jQuery', 'router', 'http', 'https', 'api', 'axiosInstance', 'httpClient', 'userApi', 'client', 'ky', 'got'];

  it.each(plain)('answers for the receiver %s as for x', (owner) => {
    expect(receiverCounts(owner)).toBe(false);
    for (const name of names) {
      for (const isNew of [false, true]) expect(requestApi([owner, name], isNew), `${owner}.${name}`).toEqual(requestApi(['x', name], isNew));
    }
  });

  it('lets every read on a counted receiver through the screen, whatever the case or prefix', () => {
    // The screen turns receivers down by their last characters and CLIENT_PART before asking
    // receiverCounts(): it must never turn down one that makes a read.
    const owners = COUNTING_RECEIVER_ENDS.flatMap((name) => [name, name.toUpperCase(), `my${name[0]!.toUpperCase()}${name.slice(1)}`, `#${name}`]);
    owners.push('legacyAXIOSWrapper', 'axios2', 'AuthHttpClient', 'userAPI', 'apiInstance', 'RestClient', 'myAxios');
    let reads = 0;
    for (const owner of owners) {
      for (const name of names) {
        if (!/^[\w$#]+$/.test(owner) || classifyRequest({ calleePath: [owner, name], isNew: false }) !== 'read') continue;
        reads++;
        const code = `const data = await this.${owner}.${name}('/api/feed');`;
        expect(screenLongPolling(code, false, false) & CLIENT, code).toBe(CLIENT);
      }
    }
    expect(reads).toBeGreaterThan(100);
    // and it does turn the others down
    expect(screenLongPolling(`const hit = this.#hooks.get(name) ?? Promise.all([a, b]);`, true, false)).toBe(0);
    expect(screenLongPolling(`class Cache { get(key) { return this.get(key) ?? this.delete(key); } }`, true, false)).toBe(0);
    expect(screenLongPolling(`done?.(error); handlers[name](event); table[f()](row); // to use (see below)`, true, false)).toBe(0);
  });

  it('counts the receivers requestApi() reads by name', () => {
    for (const owner of counted) expect(receiverCounts(owner), owner).toBe(true);
    // each of them changes some answer, or it would not need counting
    for (const owner of counted) {
      const differs = names.some((name) => JSON.stringify(requestApi([owner, name], false)) !== JSON.stringify(requestApi(['x', name], false)));
      expect(differs, owner).toBe(true);
    }
  });
});
