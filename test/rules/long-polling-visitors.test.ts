import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import inventory from '../../rules/inventory.js';
import noLongPolling from '../../rules/no-long-polling.js';

// no-long-polling hands the detector only the nodes its selectors match (named functions,
// `this.x()` calls, handler registrations, awaits); the inventory hands the same detector every
// function, call and await. Both report at the finding's node, so where the selectors left out a
// node the detector finds something at, the two lists differ.

const linter = new Linter();
const plugin = { rules: { 'no-long-polling': noLongPolling, inventory } };

function positions(code: string, ts: boolean, rule: 'no-long-polling' | 'inventory'): string[] {
  const messages = linter.verify(
    code,
    {
      files: ['**/*.{js,ts}'],
      plugins: { pt: plugin },
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module', ...(ts ? { parser: tseslint.parser as Linter.Parser } : {}) },
      rules: { [`pt/${rule}`]: rule === 'no-long-polling' ? ['error', { includeThirdParty: true, server: true }] : 'error' },
    },
    { filename: ts ? 'file.ts' : 'file.js' },
  );
  const fatal = messages.find((m) => m.fatal || m.ruleId === null);
  if (fatal) throw new Error(`${fatal.message} (line ${fatal.line})`);
  const kept = rule === 'inventory' ? messages.filter((m) => /"kind":"long-poll-/.test(m.message)) : messages;
  return kept.map((m) => `${m.line}:${m.column}`);
}

const SAMPLES: Record<string, string> = {
  'function declaration': `async function poll() {
    const res = await fetch('/api/updates');
    render(await res.json());
    poll();
  }`,
  'named function expression passed on': `start(function poll() {
    $.get('/api/updates', (data) => { render(data); poll(); });
  });`,
  'arrow function in a variable': `const poll = async () => {
    const res = await fetch('/api/updates');
    render(await res.json());
    poll();
  };`,
  'useCallback': `const poll = useCallback(async () => {
    const res = await fetch('/api/updates');
    setItems(await res.json());
    poll();
  }, []);`,
  'method calling itself': `class Feed {
    async poll() {
      const res = await fetch('/api/feed');
      this.render(await res.json());
      this.poll();
    }
  }`,
  'class field arrow calling itself': `class Feed {
    poll = async () => {
      const res = await fetch('/api/feed');
      this.render(await res.json());
      this.poll();
    };
  }`,
  'object method with a callback': `const feed = {
    poll() {
      $.ajax({ url: '/api/feed', success: (data) => { render(data); this.poll(); } });
    },
  };`,
  'loop': `async function listen() {
    while (true) {
      const res = await fetch('/api/wait');
      handle(await res.json());
    }
  }`,
  'express handler keeping its response': `const waiting = [];
  app.get('/poll', (req, res) => { waiting.push(res); });`,
  'handler holding a promise': `const waiting = [];
  router.post('/poll', async (req, res) => {
    const message = await new Promise((resolve) => waiting.push(resolve));
    res.json(message);
  });`,
  'node:http server': `const clients = new Set();
  const server = createServer((req, res) => { clients.add(res); });`,
  'request event': `const parked = [];
  server.on('request', (req, res) => { parked.push(res); });`,
  'fastify route options': `const held = [];
  fastify.route({ method: 'GET', url: '/poll', handler: (request, reply) => { held.push(reply); } });`,
  'client and server in one file': `const waiting = [];
  app.get('/poll', (req, res) => { waiting.push(res); });
  class Feed {
    async poll() {
      const res = await fetch('/api/feed');
      this.render(await res.json());
      this.poll();
    }
  }`,
};

// Neither the rule's text screen nor the detector fed every node may take these for a route.
const NOT_ROUTES: Record<string, string> = {
  'inspector session': `const results = [];
  session.post('Profiler.takePreciseCoverage', (err, res) => { results.push(res); });`,
  'settings bus': `const seen = [];
  bus.get('user.name', (req, res) => { seen.push(res); });`,
};

describe('no-long-polling visitors', () => {
  for (const [name, code] of Object.entries(NOT_ROUTES)) {
    it(`finds nothing in either: ${name}`, () => {
      expect(positions(code, false, 'inventory')).toEqual([]);
      expect(positions(code, false, 'no-long-polling')).toEqual([]);
      // the same handler under a route is held
      expect(positions(code.replace(/\('[^']*'/, "('/poll'"), false, 'inventory')).toHaveLength(1);
    });
  }

  for (const [name, code] of Object.entries(SAMPLES)) {
    it(`finds what the detector finds when fed every node: ${name}`, () => {
      for (const ts of [false, true]) {
        const all = positions(code, ts, 'inventory');
        expect(all.length, 'the sample holds long polling').toBeGreaterThan(0);
        expect(positions(code, ts, 'no-long-polling')).toEqual(all);
      }
    });
  }
});
