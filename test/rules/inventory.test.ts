import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { realFiles } from '../../bench/corpus.js';
import { INVENTORY_KINDS } from '../../cli/scan/report.js';
import rule from '../../rules/inventory.js';
import { jsTester, tsTester } from './rule-tester.js';

// The inventory rule lists transports; it never judges them. Cases are read as lists of kinds
// (and labels where the wording matters), found by ESLint's Linter with the rule alone.

type Lang = 'js' | 'cjs' | 'jsx' | 'ts' | 'tsx';
interface Item {
  kind: string;
  label: string;
}

const linter = new Linter();
const plugin = { rules: { inventory: rule } };

function config(lang: Lang): Linter.Config {
  const ts = lang === 'ts' || lang === 'tsx';
  return {
    files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
    plugins: { inv: plugin },
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: lang === 'cjs' ? 'commonjs' : 'module',
      ...(ts ? { parser: tseslint.parser as Linter.Parser } : {}),
      parserOptions: { ecmaFeatures: { jsx: lang === 'jsx' || lang === 'tsx' } },
    },
    rules: { 'inv/inventory': 'error' },
  };
}

function items(code: string, lang: Lang = 'js'): Item[] {
  const messages = linter.verify(code, config(lang), { filename: `file.${lang}` });
  const fatal = messages.find((m) => m.fatal || m.ruleId === null);
  if (fatal) throw new Error(`${fatal.message} (line ${fatal.line})`);
  return messages.map((m) => JSON.parse(m.message) as Item);
}

const kinds = (code: string, lang: Lang = 'js'): string[] => items(code, lang).map((i) => i.kind);
const labels = (code: string, lang: Lang = 'js'): string[] => items(code, lang).map((i) => i.label);

describe('inventory: polling and long polling (reused detectors)', () => {
  it('lists setInterval polling with its interval, whatever the threshold of no-short-polling', () => {
    expect(items(`setInterval(() => fetch('/api/stats').then(render), 5000);`)).toEqual([
      { kind: 'polling', label: 'setInterval every 5 s' },
    ]);
    expect(items(`setInterval(async () => { const r = await fetch('/api/x'); }, 10 * 60_000);`, 'ts')).toEqual([
      { kind: 'polling', label: 'setInterval every 10 min' },
    ]);
  });

  it('lists library options and third-party polling', () => {
    expect(labels(`const q = useQuery({ queryKey: ['x'], queryFn: load, refetchInterval: 2000 });`, 'tsx')).toEqual([
      'refetchInterval every 2 s',
    ]);
    expect(kinds(`setInterval(() => fetch('https://api.github.com/rate_limit'), 1000);`)).toEqual(['polling']);
  });

  it('lists long-poll clients and handlers', () => {
    expect(
      items(`async function poll() {
        const res = await fetch('/api/updates');
        render(await res.json());
        poll();
      }`),
    ).toEqual([{ kind: 'long-poll-client', label: 'poll() asks again on each response' }]);
    expect(
      kinds(
        `async function listen(): Promise<void> {
          while (true) {
            const res = await fetch('/api/wait');
            handle(await res.json());
          }
        }`,
        'ts',
      ),
    ).toEqual(['long-poll-client']);
    expect(
      kinds(`const waiting = [];
        app.get('/poll', (req, res) => { waiting.push(res); });
        app.post('/send', (req, res) => { waiting.forEach((r) => r.json(req.body)); waiting.length = 0; res.end(); });`),
    ).toEqual(['long-poll-handler']);
    expect(
      kinds(
        `const waiting: Response[] = [];
         router.get('/poll', (req: Request, res: Response) => { waiting.push(res); });`,
        'ts',
      ),
    ).toEqual(['long-poll-handler']);
  });

  it('lists nothing for a clock', () => {
    expect(kinds(`setInterval(() => { clock.textContent = new Date().toLocaleTimeString(); }, 1000);`)).toEqual([]);
    expect(kinds(`useEffect(() => { const id = setInterval(() => setNow(Date.now()), 1000); return () => clearInterval(id); }, []);`, 'tsx')).toEqual([]);
  });
});

describe('inventory: WebSocket clients (reused analysis)', () => {
  it('labels a socket with its URL and facts', () => {
    expect(
      items(`const ws = new WebSocket('/feed');
        ws.onmessage = (e) => render(e.data);`),
    ).toEqual([{ kind: 'websocket-client', label: "new WebSocket('/feed') (receive-only, no close handler)" }]);
    expect(
      items(
        `const ws = new WebSocket(\`wss://\${location.host}/chat\`);
         ws.onmessage = (e: MessageEvent) => show(e.data);
         ws.onclose = () => setTimeout(connect, 1000);
         form.onsubmit = () => ws.send(input.value);`,
        'ts',
      ),
    ).toEqual([{ kind: 'websocket-client', label: 'new WebSocket(`wss://${location.host}/chat`)' }]);
  });

  it("counts a 'ws' WebSocket used as a client as a client, not a server", () => {
    expect(
      items(`import WebSocket from 'ws';
        const ws = new WebSocket('wss://stream.example.com/feed');
        ws.on('message', (m) => console.log(m));
        ws.on('close', reconnect);`),
    ).toEqual([{ kind: 'websocket-client', label: "new WebSocket('wss://stream.example.com/feed') (ws package, third-party, receive-only)" }]);
    expect(kinds(`const WS = require('ws'); const client = new WS('ws://localhost:8080');`, 'cjs')).toEqual(['websocket-client']);
  });

  it('counts reconnecting wrappers as clients', () => {
    expect(kinds(`import ReconnectingWebSocket from 'reconnecting-websocket'; const rws = new ReconnectingWebSocket('/ws');`)).toEqual([
      'websocket-client',
    ]);
    expect(kinds(`import WebSocket from 'reconnecting-websocket'; const rws = new WebSocket('/ws');`, 'ts')).toEqual(['websocket-client']);
  });
});

describe('inventory: SSE clients', () => {
  it('lists EventSource, on globals and polyfills', () => {
    expect(items(`const es = new EventSource('/api/events'); es.onmessage = (e) => show(e.data);`)).toEqual([
      { kind: 'sse-client', label: "new EventSource('/api/events')" },
    ]);
    expect(kinds(`const es = new window.EventSource(url, { withCredentials: true });`, 'ts')).toEqual(['sse-client']);
    expect(kinds(`const es = new globalThis.EventSource('/e');`)).toEqual(['sse-client']);
    expect(
      kinds(
        `import { EventSourcePolyfill, NativeEventSource } from 'event-source-polyfill';
         const Impl = NativeEventSource || EventSourcePolyfill;
         const a = new EventSourcePolyfill('/sse', { headers: { Authorization: token } });
         const b = new NativeEventSource('/sse');`,
        'ts',
      ),
    ).toEqual(['sse-client', 'sse-client']);
  });

  it('does not count a class the file defines', () => {
    expect(kinds(`class EventSource { constructor(url) { this.url = url; } } const es = new EventSource('/x');`)).toEqual([]);
  });

  it('lists fetch-based SSE clients', () => {
    expect(
      items(`import { fetchEventSource } from '@microsoft/fetch-event-source';
        await fetchEventSource('/api/chat', { method: 'POST', body, onmessage(ev) { append(ev.data); } });`),
    ).toEqual([{ kind: 'sse-client', label: "fetchEventSource('/api/chat', …)" }]);
    expect(
      kinds(
        `await fetchEventSource(url, { headers: { Accept: 'text/event-stream' }, onmessage: (e: EventSourceMessage) => add(e) });`,
        'ts',
      ),
    ).toEqual(['sse-client']);
  });

  it('counts a fetch asking for text/event-stream as a client, not an endpoint', () => {
    expect(
      items(`const res = await fetch('/api/stream', { headers: { Accept: 'text/event-stream' } });
        const reader = res.body.getReader();`),
    ).toEqual([{ kind: 'sse-client', label: "fetch('/api/stream', …) with Accept: text/event-stream" }]);
    expect(
      kinds(
        `const headers = new Headers();
         headers.set('Accept', 'text/event-stream');
         const res = await fetch(url, { headers, signal: controller.signal });`,
        'ts',
      ),
    ).toEqual(['sse-client']);
    expect(kinds(`const r = await fetch(url, { headers: { 'Content-Type': 'text/event-stream' } });`)).toEqual([]);
  });
});

describe('inventory: SSE endpoints', () => {
  it('lists responses that set text/event-stream, once per handler', () => {
    expect(
      items(`http.createServer((req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
        const t = setInterval(() => res.write('data: tick\\n\\n'), 1000);
        req.on('close', () => clearInterval(t));
      });`),
    ).toEqual([{ kind: 'sse-endpoint', label: 'text/event-stream response via res.writeHead' }]);
    expect(
      kinds(
        `app.get('/events', (req: Request, res: Response) => {
           res.setHeader('Content-Type', 'text/event-stream');
           res.setHeader('Cache-Control', 'no-cache');
           res.flushHeaders();
           res.type('text/event-stream');
         });`,
        'ts',
      ),
    ).toEqual(['sse-endpoint']);
  });

  it('reads every common way of setting the type', () => {
    expect(kinds(`app.get('/a', (req, res) => { res.set({ 'Content-Type': 'text/event-stream; charset=utf-8' }); });`)).toEqual(['sse-endpoint']);
    expect(kinds(`app.get('/b', (req, res) => { res.type('text/event-stream'); });`)).toEqual(['sse-endpoint']);
    expect(kinds(`fastify.get('/c', (request, reply) => { reply.header('Content-Type', 'text/event-stream'); });`, 'ts')).toEqual(['sse-endpoint']);
    expect(kinds(`fastify.get('/d', (request, reply) => { reply.type('text/event-stream'); });`)).toEqual(['sse-endpoint']);
    expect(kinds(`router.get('/e', async (ctx) => { ctx.set('Content-Type', 'text/event-stream'); ctx.body = stream; });`)).toEqual(['sse-endpoint']);
    expect(kinds(`router.get('/f', async (ctx: Context) => { ctx.type = 'text/event-stream'; });`, 'ts')).toEqual(['sse-endpoint']);
    expect(kinds(`const SSE = 'text/event-stream'; app.get('/g', (req, res) => res.setHeader('Content-Type', SSE));`)).toEqual(['sse-endpoint']);
    expect(
      kinds(`export default defineEventHandler((event) => { setResponseHeader(event, 'content-type', 'text/event-stream'); });`, 'ts'),
    ).toEqual(['sse-endpoint']);
  });

  it('lists web-standard Responses with an event-stream body', () => {
    expect(
      items(
        `export async function GET(): Promise<Response> {
           const stream = new ReadableStream({ start(c) { c.enqueue(encoder.encode('data: hi\\n\\n')); } });
           return new Response(stream, { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' } });
         }`,
        'ts',
      ),
    ).toEqual([{ kind: 'sse-endpoint', label: 'text/event-stream response via new Response' }]);
    expect(
      kinds(`export function GET() {
        const headers = new Headers();
        headers.set('Content-Type', 'text/event-stream');
        return new Response(body, { headers });
      }`),
    ).toEqual(['sse-endpoint']);
  });

  it('does not count a JSON Response', () => {
    expect(kinds(`export function GET() { return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } }); }`)).toEqual(
      [],
    );
    expect(kinds(`export const GET = (): Response => Response.json({ ok: true });`, 'ts')).toEqual([]);
  });

  it('does not count a server that only checks Accept', () => {
    expect(kinds(`if (req.headers.accept === 'text/event-stream') route = 'sse';`)).toEqual([]);
  });

  it('lists Hono streamSSE, and its while(true)+sleep loop is not polling', () => {
    expect(
      items(
        `import { streamSSE } from 'hono/streaming';
         app.get('/sse', async (c) => {
           return streamSSE(c, async (stream) => {
             while (true) {
               await stream.writeSSE({ data: String(Date.now()), event: 'time', id: String(id++) });
               await stream.sleep(1000);
             }
           });
         });`,
        'ts',
      ),
    ).toEqual([{ kind: 'sse-endpoint', label: 'streamSSE(c, …)' }]);
    expect(kinds(`app.get('/sse', (c) => streamSSE(c, async (s) => { await s.writeSSE({ data: 'x' }); }));`)).toEqual(['sse-endpoint']);
  });

  it('lists NestJS @Sse, and its interval(1000).pipe(map()) is not polling', () => {
    expect(
      items(
        `import { Controller, Sse, MessageEvent } from '@nestjs/common';
         import { interval, map, Observable } from 'rxjs';
         @Controller()
         export class EventsController {
           @Sse('sse')
           sse(): Observable<MessageEvent> {
             return interval(1000).pipe(map(() => ({ data: { hello: 'world' } }) as MessageEvent));
           }
         }`,
        'ts',
      ),
    ).toEqual([{ kind: 'sse-endpoint', label: "@Sse('sse') sse()" }]);
    expect(
      kinds(
        `@Controller('feed') export class Feed { @Sse() stream() { return timer(0, 100).pipe(map(() => ({ data: 1 }))); } }`,
        'tsx',
      ),
    ).toEqual(['sse-endpoint']);
  });

  it('lists better-sse, fastify reply.sse, express-sse and h3 streams', () => {
    expect(
      kinds(`import { createSession, createChannel } from 'better-sse';
        const channel = createChannel();
        app.get('/sse', async (req, res) => { const session = await createSession(req, res); channel.register(session); });`),
    ).toEqual(['sse-endpoint', 'sse-endpoint']);
    expect(kinds(`const { createSession } = require('better-sse'); app.get('/s', async (req, res) => { await createSession(req, res); });`, 'cjs')).toEqual([
      'sse-endpoint',
    ]);
    expect(
      kinds(
        `fastify.get('/sse', (request: FastifyRequest, reply: FastifyReply) => {
           reply.sse({ data: 'first' });
           setInterval(() => reply.sse({ data: 'tick' }), 1000);
         });`,
        'ts',
      ),
    ).toEqual(['sse-endpoint']);
    expect(kinds(`import SSE from 'express-sse'; const sse = new SSE(); app.get('/stream', sse.init);`)).toEqual(['sse-endpoint']);
    expect(kinds(`export default defineEventHandler((event) => { const stream = createEventStream(event); return stream.send(); });`, 'ts')).toEqual([
      'sse-endpoint',
    ]);
  });

  it('does not count an SSE hub as long polling, nor its heartbeat timer as polling', () => {
    expect(
      kinds(`const clients = new Set();
        app.get('/events', (req, res) => {
          res.writeHead(200, { 'Content-Type': 'text/event-stream' });
          clients.add(res);
          const ping = setInterval(() => res.write(': ping\\n\\n'), 15000);
          req.on('close', () => { clearInterval(ping); clients.delete(res); });
        });`),
    ).toEqual(['sse-endpoint']);
  });

  it("does not count an app's own createSession", () => {
    expect(kinds(`import { createSession } from './auth'; const s = await createSession(user);`)).toEqual([]);
  });
});

describe('inventory: Socket.IO', () => {
  it('lists clients imported or required from socket.io-client', () => {
    expect(items(`import { io } from 'socket.io-client'; const socket = io('https://api.example.com', { transports: ['websocket'] });`)).toEqual([
      { kind: 'socketio-client', label: "io('https://api.example.com', …)" },
    ]);
    expect(kinds(`import io from 'socket.io-client'; const socket = io.connect('/chat');`, 'ts')).toEqual(['socketio-client']);
    expect(kinds(`const io = require('socket.io-client'); const s = io('http://localhost:3000');`, 'cjs')).toEqual(['socketio-client']);
    expect(kinds(`const s = require('socket.io-client')('http://localhost:3000');`, 'cjs')).toEqual(['socketio-client']);
    expect(kinds(`import { Manager } from 'socket.io-client'; const manager = new Manager('ws://example.com', { reconnectionDelayMax: 10000 });`, 'ts')).toEqual([
      'socketio-client',
    ]);
  });

  it('lists the global io() of the script tag', () => {
    expect(kinds(`const socket = io(); socket.on('notification', show);`)).toEqual(['socketio-client']);
    expect(kinds(`var socket = io.connect('http://localhost:3000');`, 'cjs')).toEqual(['socketio-client']);
  });

  it('ignores a function named io from another module', () => {
    expect(kinds(`import { io } from './terminal'; io('hello');`)).toEqual([]);
    expect(kinds(`import { io } from 'fp-ts/IO'; const program = io(() => 1);`, 'ts')).toEqual([]);
    expect(kinds(`function io(x) { return x; } io(1);`)).toEqual([]);
  });

  it('lists servers', () => {
    expect(items(`import { Server } from 'socket.io'; const io = new Server(httpServer, { cors: { origin: '*' } });`)).toEqual([
      { kind: 'socketio-server', label: 'new Server(httpServer, …)' },
    ]);
    expect(kinds(`const io = require('socket.io')(server); io.on('connection', (s) => s.emit('hi'));`, 'cjs')).toEqual(['socketio-server']);
    expect(kinds(`import { Server as SocketIOServer } from 'socket.io'; const io = new SocketIOServer(server);`, 'ts')).toEqual(['socketio-server']);
    expect(kinds(`const socketio = require('socket.io'); const io = socketio(server);`, 'cjs')).toEqual(['socketio-server']);
  });

  it("does not count a Server class from 'http'", () => {
    expect(kinds(`import { Server } from 'http'; const server = new Server(app); server.listen(3000);`)).toEqual([]);
    expect(kinds(`import { Server } from 'node:https'; const s: Server = new Server(options, app);`, 'ts')).toEqual([]);
  });
});

describe('inventory: WebSocket servers', () => {
  it("lists 'ws' servers, imported or required", () => {
    expect(items(`import { WebSocketServer } from 'ws'; const wss = new WebSocketServer({ port: 8080 });`)).toEqual([
      { kind: 'websocket-server', label: 'new WebSocketServer({ port: 8080 })' },
    ]);
    expect(kinds(`const WebSocket = require('ws'); const wss = new WebSocket.Server({ server });`, 'cjs')).toEqual(['websocket-server']);
    expect(kinds(`const WSServer = require('ws').Server; const wss = new WSServer({ noServer: true });`, 'cjs')).toEqual(['websocket-server']);
    expect(kinds(`import WebSocket, { WebSocketServer } from 'ws'; const wss: WebSocketServer = new WebSocket.Server({ port: 1 });`, 'ts')).toEqual([
      'websocket-server',
    ]);
  });

  it('lists framework WebSocket routes', () => {
    expect(kinds(`const expressWs = require('express-ws')(app); app.ws('/echo', (ws, req) => { ws.on('message', (m) => ws.send(m)); });`, 'cjs')).toEqual([
      'websocket-server',
    ]);
    expect(
      kinds(
        `import uWS from 'uWebSockets.js';
         uWS.App().ws('/*', { open: (ws) => {}, message: (ws, msg) => ws.send(msg) }).listen(9001, () => {});`,
        'ts',
      ),
    ).toEqual(['websocket-server']);
    expect(kinds(`fastify.get('/ws', { websocket: true }, (socket, req) => { socket.on('message', echo); });`)).toEqual(['websocket-server']);
    expect(kinds(`fastify.route({ method: 'GET', url: '/ws', websocket: true, handler: (socket: WebSocket) => {} });`, 'ts')).toEqual(['websocket-server']);
  });

  it('lists NestJS gateways, Bun, Deno and Cloudflare', () => {
    expect(
      items(`@WebSocketGateway(81, { namespace: 'events' }) export class EventsGateway { @SubscribeMessage('events') handle() {} }`, 'ts'),
    ).toEqual([{ kind: 'websocket-server', label: "@WebSocketGateway(81, { namespace: 'events' }) EventsGateway" }]);
    expect(kinds(`Bun.serve({ fetch(req, server) { server.upgrade(req); }, websocket: { message(ws, m) { ws.send(m); } } });`, 'ts')).toEqual([
      'websocket-server',
    ]);
    expect(kinds(`Deno.serve((req) => { const { socket, response } = Deno.upgradeWebSocket(req); return response; });`, 'ts')).toEqual([
      'websocket-server',
    ]);
    expect(kinds(`export default { fetch() { const [client, server] = Object.values(new WebSocketPair()); server.accept(); } };`)).toEqual([
      'websocket-server',
    ]);
  });

  it("does not count a 'ws' import that is not a server, or an unrelated .ws()", () => {
    expect(kinds(`import { WebSocket as WS } from 'ws'; type T = WS; const n: number = WS.OPEN;`, 'ts')).toEqual([]);
    expect(kinds(`const client = binance(); client.ws.trades(['BTCUSDT'], show); api.ws(socketId);`)).toEqual([]);
  });

  it('does not count a Bun server without websocket, or a plain route', () => {
    expect(kinds(`Bun.serve({ fetch: () => new Response('ok') });`, 'ts')).toEqual([]);
    expect(kinds(`fastify.get('/x', { schema }, handler);`)).toEqual([]);
  });
});

describe('inventory: WebRTC and WebTransport', () => {
  it('lists peer connections, noting data channels', () => {
    expect(
      items(`const pc = new RTCPeerConnection({ iceServers });
        const channel = pc.createDataChannel('chat');`),
    ).toEqual([{ kind: 'webrtc', label: 'new RTCPeerConnection({ iceServers }) with data channel' }]);
    expect(items(`const pc: RTCPeerConnection = new webkitRTCPeerConnection(config);`, 'ts')).toEqual([
      { kind: 'webrtc', label: 'new webkitRTCPeerConnection(config)' },
    ]);
    expect(kinds(`import Peer from 'simple-peer'; const p = new Peer({ initiator: true });`)).toEqual(['webrtc']);
  });

  it('lists WebTransport sessions', () => {
    expect(items(`const wt = new WebTransport('https://example.com:4999/wt'); await wt.ready;`)).toEqual([
      { kind: 'webtransport', label: "new WebTransport('https://example.com:4999/wt')" },
    ]);
    expect(kinds(`const transport: WebTransport = new window.WebTransport(url);`, 'tsx')).toEqual(['webtransport']);
  });
});

describe('inventory: a mixed file', () => {
  it('lists each transport once, and every kind is covered by this suite', () => {
    const found = kinds(
      `import { io } from 'socket.io-client';
       const socket = io('/live');
       const es = new EventSource('/events');
       setInterval(() => fetch('/api/poll').then(update), 3000);
       const ws = new WebSocket('/ws'); ws.onmessage = show;`,
      'tsx',
    );
    expect(found.sort()).toEqual(['polling', 'socketio-client', 'sse-client', 'websocket-client']);
    expect(INVENTORY_KINDS.length).toBe(11);
  });
});

// The rule's own contract: one 'item' report whose data is the JSON payload the scanner reads.
const payload = (kind: string, label: string) => ({ messageId: 'item', data: { payload: JSON.stringify({ kind, label }) } }) as const;

jsTester.run('inventory', rule, {
  valid: [`setInterval(tick, 1000);`, `const s = new Set(); s.add(1);`],
  invalid: [
    { code: `const es = new EventSource('/api/events');`, errors: [payload('sse-client', "new EventSource('/api/events')")] },
    { code: `import { WebSocketServer } from 'ws'; new WebSocketServer({ port: 8080 });`, errors: [payload('websocket-server', 'new WebSocketServer({ port: 8080 })')] },
  ],
});

tsTester.run('inventory (TypeScript)', rule, {
  valid: [`const r: Response = new Response(JSON.stringify(x), { headers: { 'Content-Type': 'application/json' } });`],
  invalid: [
    {
      code: `app.get('/e', (req: Request, res: Response) => { res.setHeader('Content-Type', 'text/event-stream'); });`,
      errors: [payload('sse-endpoint', 'text/event-stream response via res.setHeader')],
    },
  ],
});

describe('inventory on real third-party code', () => {
  const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));
  const FILES = realFiles(NODE_MODULES, 1500);

  it(`never throws on ${FILES.length} files`, () => {
    const crashes: string[] = [];
    for (const file of FILES) {
      const code = readFileSync(file, 'utf8');
      const ts = /\.[cm]?tsx?$/.test(file);
      const lang: Lang = ts ? (file.endsWith('x') ? 'tsx' : 'ts') : 'js';
      const filename = `third-party/${relative(NODE_MODULES, file)}`;
      try {
        const messages = linter.verify(code, config(lang), { filename });
        if (messages.some((m) => m.fatal)) linter.verify(code, config(ts ? lang : 'cjs'), { filename });
      } catch (error) {
        crashes.push(`${file}: ${(error as Error).message.split('\n').slice(0, 2).join(' ')}`);
      }
    }
    expect(crashes).toEqual([]);
  }, 300_000);
});
