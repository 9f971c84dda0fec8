import { describe, expect, it } from 'vitest';
import { screenLongPolling } from '../../rules/detect/long-polling.js';

// The text screen decides which files the long-polling detector looks at. It may let through
// files with nothing to find, never hide one that has: every callee shape below must pass.

const CLIENT = 1;
const SERVER = 2;

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
  [`(0, axios.get)('/api/feed')`, false],
  [`(axios.get)('/api/feed')`, false],
  [`/** @type {any} */ (fetch)('/api/feed')`, false],
  [`fetch /* spaced */ ('/api/feed')`, false],
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
