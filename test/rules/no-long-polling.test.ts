import type { Rule } from 'eslint';
import rule from '../../rules/no-long-polling.js';
import { verdictFor } from '../../rules/verdict.js';
import { jsTester, tsTester } from './rule-tester.js';

const requirements = (r: Record<string, string | boolean>) => ({ 'pick-transport': { requirements: r } });

/** The message data the rule should produce for a set of requirements. */
function named(transport: string, r: Record<string, string | boolean> = {}) {
  const verdict = verdictFor({ settings: requirements(r) } as unknown as Rule.RuleContext);
  if (verdict.name !== transport) throw new Error(`engine recommends ${verdict.name}, not ${transport}`);
  return { transport, because: verdict.because };
}

const SSE = named('Server-Sent Events');
const recursion = { messageId: 'recursiveRequest', data: SSE } as const;
const loop = { messageId: 'requestLoop', data: SSE } as const;
const held = { messageId: 'heldResponse', data: SSE } as const;

jsTester.run('no-long-polling', rule, {
  valid: [
    // `this` inside a nested function or an object-literal arrow is not the method's
    `class Feed { poll() { fetch('/api/wait').then(function () { this.poll(); }); } }`,
    `const feed = { poll: () => fetch('/api/wait').then(() => this.poll()) };`,
    `class Feed { poll() { fetch('/api/wait'); class Inner { poll = () => { this.poll(); }; } } }`,
    // a method that calls another method of the same name on something else
    `class Feed { poll() { return fetch('/api/wait').then(() => other.poll()); } }`,
    // --- retries: re-request only on failure, or with a counter
    `async function fetchWithRetry(url, retries = 3) {
       try { return await fetch(url); }
       catch (error) { if (retries > 0) return fetchWithRetry(url, retries - 1); throw error; }
     }`,
    `function load() { return fetch('/data').then((r) => r.json()).catch(() => load()); }`,
    `async function get(url, attempt = 0) {
       const res = await fetch(url);
       if (!res.ok) return get(url, attempt + 1);
       return res.json();
     }`,
    `async function load() {
       const res = await fetch('/data');
       if (res.status >= 500) { return load(); }
       render(await res.json());
     }`,
    `async function download() {
       while (true) {
         const res = await fetch('/file');
         if (res.ok) return res.blob();
       }
     }`,
    `async function connect() {
       for (let attempt = 0; attempt < 3; attempt++) {
         try { return await fetch('/api'); } catch {}
       }
     }`,
    // --- a delay on the way: short polling, another rule's job
    `async function poll() {
       const res = await fetch('/status');
       render(await res.json());
       setTimeout(poll, 5000);
     }`,
    `async function watch() {
       while (running) {
         const res = await fetch('/updates');
         render(await res.json());
         await new Promise((resolve) => setTimeout(resolve, 3000));
       }
     }`,
    `async function watch() {
       for (;;) { await axios.get('/jobs'); await sleep(2000); }
     }`,
    // Any timer makes it a timed repeat, even 0 ms: no-short-polling reports those.
    `async function poll() { const r = await fetch('/next'); render(await r.json()); setTimeout(poll, 0); }`,
    `async function watch() { while (true) { const r = await fetch('/next'); render(await r.json()); await sleep(0); } }`,
    `(function poll() {
       $.ajax({ url: '/status', success: render, complete: function () { setTimeout(poll, 10000); } });
     })();`,
    // --- stream readers: one request, then reading its body
    `async function read() {
       const res = await fetch('/stream');
       const reader = res.body.getReader();
       while (true) {
         const { done, value } = await reader.read();
         if (done) break;
         append(value);
       }
     }`,
    `function consume(reader) {
       return reader.read().then(function pump({ done, value }) {
         if (done) return;
         append(value);
         return reader.read().then(pump);
       });
     }`,
    // --- loops that end on their own data: pagination, sequential fetches
    `async function all(url) {
       const items = [];
       while (url) { const res = await fetch(url); const page = await res.json(); items.push(...page.items); url = page.next; }
       return items;
     }`,
    `async function loadAll(ids) { for (const id of ids) await fetch('/items/' + id); }`,
    // --- third-party long-poll APIs
    `async function runBot(token) {
       let offset = 0;
       while (true) {
         const res = await fetch(\`https://api.telegram.org/bot\${token}/getUpdates?offset=\${offset}&timeout=30\`);
         const { result } = await res.json();
         for (const u of result) { offset = u.update_id + 1; handle(u); }
       }
     }`,
    `function getUpdates() {
       fetch('https://api.telegram.org/bot123/getUpdates?timeout=30').then((r) => r.json()).then((d) => { handle(d); getUpdates(); });
     }`,
    // --- pagination: the next request depends on the data just fetched
    `async function fetchAll(url, acc = []) {
       const res = await fetch(url);
       const data = await res.json();
       acc.push(...data.items);
       if (data.next) return fetchAll(data.next, acc);
       return acc;
     }`,
    `async function loadPages(url) {
       const res = await fetch(url);
       const page = await res.json();
       render(page.items);
       if (!page.next) return;
       await loadPages(page.next);
     }`,
    // the data arrives as a callback's parameter
    `function pages(url) { fetch(url).then((r) => r.json()).then((p) => { show(p.items); if (!p.next) return; pages(p.next); }); }`,
    `function pages(url) { $.getJSON(url, function (p) { if (p.next) pages(p.next); }); }`,
    `async function all() {
       let url = '/api/items';
       const items = [];
       while (true) {
         const page = await (await fetch(url)).json();
         items.push(...page.items);
         if (!page.next) break;
         url = page.next;
       }
       return items;
     }`,
    `async function once() { while (true) { const r = await fetch('/x'); render(await r.json()); break; } }`,
    // --- self-reference that is not a re-request
    `async function load() {
       const res = await fetch('/items');
       render(await res.json());
       button.addEventListener('click', load);
     }`,
    `function walk(node) { visit(node); node.children.forEach((child) => walk(child)); }`,
    `async function tick() { await render(); requestAnimationFrame(tick); }`,
    // --- servers: SSE hubs hold responses on purpose
    `app.get('/events', (req, res) => {
       res.setHeader('Content-Type', 'text/event-stream');
       res.setHeader('Cache-Control', 'no-cache');
       res.flushHeaders();
       clients.push(res);
       req.on('close', () => clients.splice(clients.indexOf(res), 1));
     });`,
    `const SSE_HEADERS = { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' };
     http.createServer((req, res) => { res.writeHead(200, SSE_HEADERS); subscribers.add(res); });`,
    `router.get('/stream', (req, res) => { initSse(res); hub.add(res); });`,
    `router.get('/stream', (req, res) => { res.write('retry: 3000\\n\\n'); hub.set(req.id, res); });`,
    `router.get('/events', async (ctx) => { ctx.type = 'text/event-stream'; ctx.body = stream; streams.add(ctx); });`,
    // --- middleware that keeps responses for bookkeeping and hands on
    `const active = new Set();
     app.use((req, res, next) => { active.add(res); res.on('finish', () => active.delete(res)); next(); });`,
    `app.use(async (ctx, next) => { inflight.add(ctx); await next(); inflight.delete(ctx); });`,
    // --- a chunked streaming hub writes to the responses it keeps
    `app.get('/feed.ndjson', (req, res) => {
       res.status(200).type('application/x-ndjson');
       res.flushHeaders();
       feeds.push(res);
     });`,
    // --- servers that answer right away
    `app.get('/items', (req, res) => { res.json(items); });`,
    `app.post('/log', (req, res) => { log.push(req.body); res.sendStatus(204); });`,
    `app.get('/poll', (req, res) => { seen.push(res); res.json({ ok: true }); });`,
    `app.get('/x', (req, res) => { const local = []; local.push(res); res.end(); });`,
    `wss.on('connection', (ws) => { sockets.add(ws); });`,
    // an inspector session's post takes a method name, not a route
    `session.post('Profiler.takePreciseCoverage', (err, res) => { results.push(res); });`,
    { code: `app.get('/poll', (req, res) => { clients.push(res); });`, options: [{ server: false }] },
    `const value = cache.get('key'); map.set('k', value);`,
    // --- the engine recommends long polling: silent
    {
      code: `async function subscribe() { const r = await fetch('/subscribe'); show(await r.text()); await subscribe(); }`,
      settings: requirements({ streaming: 'blocked' }),
    },
    {
      code: `app.get('/poll', (req, res) => { clients.push(res); });`,
      settings: requirements({ streaming: 'blocked', direction: 'bidirectional' }),
    },
  ],
  invalid: [
    // a method calling itself through `this`: class method, class field arrow, object methods
    {
      code: `class Feed { poll() { return fetch('/api/wait').then((r) => r.json()).then(() => this.poll()); } }`,
      errors: [{ ...recursion, line: 1 }],
    },
    {
      code: `class Feed {
         poll = () => {
           fetch('/api/wait').then(() => this.poll());
         };
       }`,
      errors: [{ ...recursion, line: 3 }],
    },
    {
      code: `const feed = {
         poll() { return fetch('/api/wait').then(() => this.poll()); },
         tick: function () { return fetch('/api/tick').then(() => { this.tick(); }); },
       };`,
      errors: [
        { ...recursion, line: 2 },
        { ...recursion, line: 3 },
      ],
    },
    // javascript.info's subscribe(): retries at once on 502, waits on other errors, re-asks on success
    {
      code: `async function subscribe() {
         let response = await fetch('/subscribe');
         if (response.status == 502) {
           await subscribe();
         } else if (response.status != 200) {
           showMessage(response.statusText);
           await new Promise((resolve) => setTimeout(resolve, 1000));
           await subscribe();
         } else {
           let message = await response.text();
           showMessage(message);
           await subscribe();
         }
       }`,
      errors: [{ ...recursion, line: 12 }],
    },
    {
      code: `function longPoll() {
         fetch('/poll').then((r) => r.json()).then((data) => { render(data); longPoll(); }).catch(() => setTimeout(longPoll, 10000));
       }`,
      errors: [recursion],
    },
    {
      code: `(function poll() {
         $.ajax({ url: '/updates?since=' + last, success: render, dataType: 'json', complete: poll, timeout: 30000 });
       })();`,
      errors: [recursion],
    },
    {
      code: `function waitForMsg() {
         $.ajax({ type: 'GET', url: 'getMessages.php', success: function (data) { addMessage(data); waitForMsg(); } });
       }`,
      errors: [recursion],
    },
    {
      code: `function poll() { $.getJSON('/api/updates', function (data) { render(data); poll(); }); }`,
      errors: [recursion],
    },
    {
      code: `const poll = async () => {
         const { data } = await axios.get('/api/messages/wait');
         setMessages((m) => [...m, ...data]);
         poll();
       };`,
      errors: [recursion],
    },
    {
      code: `async function getUpdates() { const r = await fetch('/updates'); return r.json(); }
       async function listen() { const updates = await getUpdates(); render(updates); return listen(); }`,
      errors: [recursion],
    },
    {
      code: `async function poll() {
         try { const r = await fetch('/events'); handle(await r.json()); }
         catch (e) { await sleep(5000); }
         finally { poll(); }
       }`,
      errors: [recursion],
    },
    {
      code: `function poll() {
         const xhr = new XMLHttpRequest();
         xhr.open('GET', '/poll');
         xhr.onload = () => { render(xhr.responseText); poll(); };
         xhr.send();
       }`,
      errors: [recursion],
    },
    {
      code: `async function poll() { const r = await fetch('/next'); render(await r.json()); queueMicrotask(poll); }`,
      errors: [recursion],
    },
    {
      code: `async function watch() {
         let cursor = 0;
         while (running) {
           const res = await fetch('/updates?since=' + cursor);
           const body = await res.json();
           cursor = body.cursor;
           render(body.items);
         }
       }`,
      errors: [{ ...loop, line: 4 }],
    },
    {
      code: `async function listen(signal) {
         while (!signal.aborted) {
           try {
             const { data } = await axios.get('/api/feed/delta', { params: { cursor }, timeout: 59000, signal });
             cursor = data.cursor;
           } catch (e) {
             await sleep(5000);
           }
         }
       }`,
      errors: [loop],
    },
    {
      code: `async function run() { for (;;) { const r = await fetch('/wait'); if (r.status === 410) break; handle(await r.json()); } }`,
      errors: [loop],
    },
    {
      code: `async function run() { do { const r = await fetch('/wait'); handle(await r.json()); } while (this.connected); }`,
      errors: [loop],
    },
    {
      code: `useEffect(() => {
         let cancelled = false;
         async function poll() {
           const res = await fetch('/api/notifications/wait');
           if (cancelled) return;
           setItems(await res.json());
           poll();
         }
         poll();
         return () => { cancelled = true; };
       }, []);`,
      errors: [{ ...recursion, line: 7 }],
    },
    {
      code: `export function useWait() {
         const poll = useCallback(async () => {
           const { data } = await api.get('/wait');
           dispatch({ type: 'events', data });
           await poll();
         }, []);
         useEffect(() => { poll(); }, [poll]);
       }`,
      errors: [recursion],
    },
    {
      code: `async function listen() {
         while (true) {
           const res = await fetch('/events/wait?since=' + since);
           if (res.status === 410) return;
           if (stopped) break;
           since = handle(await res.json());
         }
       }`,
      errors: [loop],
    },
    // --- servers that hold the response
    {
      code: `const clients = [];
       app.get('/subscribe', (req, res) => { clients.push(res); });
       app.post('/publish', (req, res) => { clients.forEach((c) => c.json(req.body)); clients.length = 0; res.end(); });`,
      errors: [{ ...held, line: 2 }],
    },
    {
      code: `const sub = {};
       app.get('/longMessages-sub', (req, res) => { const id = Math.random(); sub[id] = res; });`,
      errors: [held],
    },
    {
      code: `const waiting = new Set();
       router.all('/poll', function (req, res) {
         if (queue.length) return res.json(queue.splice(0));
         waiting.add(res);
         setTimeout(() => { waiting.delete(res); res.status(204).end(); }, 30000);
       });`,
      errors: [held],
    },
    {
      code: `const pending = [];
       app.get('/messages', (req, res) => { pending.push({ res, since: Number(req.query.since) }); });`,
      errors: [held],
    },
    {
      code: `const waiters = new Map();
       fastify.get('/poll/:id', (request, reply) => { waiters.set(request.params.id, reply); });`,
      errors: [held],
    },
    {
      code: `fastify.route({ method: 'GET', url: '/poll', handler(request, reply) { pending.push(reply); } });`,
      errors: [held],
    },
    {
      code: `const subscribers = new Set();
       router.get('/poll', async (ctx) => { ctx.body = await new Promise((resolve) => subscribers.add(resolve)); });`,
      errors: [held],
    },
    {
      code: `import http from 'node:http';
       const clients = [];
       http.createServer((req, res) => {
         if (req.url === '/poll') { clients.push(res); return; }
         res.end('ok');
       }).listen(3000);`,
      errors: [held],
    },
    {
      code: `function subscribe(req, res) { responses[req.params.room].push(res); }
       app.get('/rooms/:room/poll', subscribe);`,
      errors: [held],
    },
    // --- settings: the message names the engine's transport
    {
      code: `async function subscribe() { const r = await fetch('/subscribe'); show(await r.text()); await subscribe(); }`,
      settings: requirements({ direction: 'bidirectional' }),
      errors: [{ messageId: 'recursiveRequest', data: named('WebSockets', { direction: 'bidirectional' }) }],
    },
    {
      code: `async function subscribe() { const r = await fetch('/subscribe'); show(await r.text()); await subscribe(); }`,
      settings: requirements({ direction: 'server-to-client' }),
      errors: [recursion],
    },
    {
      code: `async function runBot(token) {
         while (true) { const res = await fetch(\`https://api.telegram.org/bot\${token}/getUpdates?timeout=30\`); handle(await res.json()); }
       }`,
      options: [{ includeThirdParty: true }],
      errors: [loop],
    },
  ],
});

tsTester.run('no-long-polling (TypeScript)', rule, {
  valid: [
    `export class Feed {
       private running = true;
       async start(): Promise<void> {
         while (this.running) {
           const res: Response = await fetch('/feed');
           this.emit(await res.json());
           await new Promise<void>((r) => setTimeout(r, 5000));
         }
       }
       emit(data: unknown): void {}
     }`,
    `import type { Request, Response } from 'express';
     const streams: Response[] = [];
     app.get('/events', (req: Request, res: Response) => {
       res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
       streams.push(res);
     });`,
    `export function useFeed(url: string): string[] {
       const [items, setItems] = useState<string[]>([]);
       useEffect(() => {
         const controller = new AbortController();
         fetch(url, { signal: controller.signal }).then(async (res) => {
           const reader = res.body!.getReader();
           for (;;) { const { done, value } = await reader.read(); if (done) break; setItems((x) => [...x, String(value)]); }
         });
         return () => controller.abort();
       }, [url]);
       return items;
     }`,
  ],
  invalid: [
    {
      code: `export class LongPollClient {
         constructor(private http: HttpClient) {}
         async poll(): Promise<void> {
           const events = await this.http.get<Event[]>('/api/events/wait').toPromise();
           this.dispatch(events!);
           this.poll();
         }
         private dispatch(events: Event[]): void {}
       }`,
      errors: [recursion],
    },
    {
      code: `@Injectable({ providedIn: 'root' })
       export class EventsService {
         constructor(private http: HttpClient) {}
         listen(): void {
           this.http.get<AppEvent[]>('/api/events/wait').pipe(map((e) => e.filter(Boolean))).subscribe(
             (events) => { this.events$.next(events); this.listen(); },
             () => setTimeout(() => this.listen(), 5000),
           );
         }
       }`,
      errors: [recursion],
    },
    {
      code: `export function useUpdates(): Update[] {
         const [updates, setUpdates] = useState<Update[]>([]);
         useEffect(() => {
           let active = true;
           const loop = async (): Promise<void> => {
             while (active) {
               const res = await fetch('/api/updates/wait');
               const next = (await res.json()) as Update[];
               setUpdates((u) => [...u, ...next]);
             }
           };
           void loop();
           return () => { active = false; };
         }, []);
         return updates;
       }`,
      errors: [loop],
    },
    {
      code: `export function Inbox(): JSX.Element {
         const [mail, setMail] = useState<Mail[]>([]);
         useEffect(() => {
           const controller = new AbortController();
           const listen = async (): Promise<void> => {
             const res = await fetch('/api/inbox/wait', { signal: controller.signal });
             setMail((m) => [...m, ...((await res.json()) as Mail[])]);
             await listen();
           };
           listen().catch(() => {});
           return () => controller.abort();
         }, []);
         return <ul>{mail.map((m) => <li key={m.id}>{m.subject}</li>)}</ul>;
       }`,
      errors: [{ ...recursion, line: 8 }],
    },
    {
      code: `import type { Request, Response } from 'express';
       const waiting: Response[] = [];
       router.get('/poll', (req: Request, res: Response): void => { waiting.push(res as Response); });`,
      errors: [held],
    },
  ],
});
