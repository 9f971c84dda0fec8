import { fileURLToPath } from 'node:url';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { decide } from '../../knowledge/engine.js';
import { classifyRequest } from '../../rules/detect/http.js';
import rule, { formatInterval } from '../../rules/no-short-polling.js';
import { jsTester, RuleTester, tsTester } from './rule-tester.js';

const because = (requirements: Record<string, string> = {}) => {
  const decision = decide(requirements);
  return { transport: decision.name, because: decision.reasons[decision.reasons.length - 1]!.text };
};
const SSE = because();
const poll = (every: string) => ({ messageId: 'poll', data: { every, ...SSE } });
const pollUnknown = { messageId: 'pollUnknown', data: { every: 'an unknown interval', ...SSE } };

describe('classifyRequest', () => {
  it('tells reads from writes on neutral descriptions', () => {
    expect(classifyRequest({ calleePath: ['fetch'], isNew: false })).toBe('read');
    expect(classifyRequest({ calleePath: ['window', 'fetch'], isNew: false, method: 'put' })).toBe('write');
    expect(classifyRequest({ calleePath: ['axios', 'post'], isNew: false })).toBe('read');
    expect(classifyRequest({ calleePath: ['axios', 'post'], isNew: false, hasBody: true })).toBe('write');
    expect(classifyRequest({ calleePath: ['axios', 'post'], isNew: false, url: '/api/token/refresh' })).toBe('write');
    expect(classifyRequest({ calleePath: ['$', 'ajax'], isNew: false, method: 'POST' })).toBe('read');
    expect(classifyRequest({ calleePath: ['$', 'ajax'], isNew: false, hasBody: true })).toBe('read'); // GET data = query
    expect(classifyRequest({ calleePath: ['fetch'], isNew: false, method: 'POST', hasBody: true, graphql: 'query' })).toBe('read');
    expect(classifyRequest({ calleePath: ['fetch'], isNew: false, method: 'POST', hasBody: true, graphql: 'mutation' })).toBe('write');
    expect(classifyRequest({ calleePath: ['this', 'http', 'get'], isNew: false })).toBe('read');
    expect(classifyRequest({ calleePath: ['XMLHttpRequest'], isNew: true })).toBe('read');
    expect(classifyRequest({ calleePath: ['navigator', 'sendBeacon'], isNew: false })).toBe('beacon');
    expect(classifyRequest({ calleePath: ['fetch'], isNew: false, method: 'POST', hasKeepalive: true })).toBe('beacon');
    expect(classifyRequest({ calleePath: ['redisCache', 'get'], isNew: false })).toBeNull();
    expect(classifyRequest({ calleePath: ['map', 'get'], isNew: false })).toBeNull();
    expect(classifyRequest({ calleePath: ['db', 'query'], isNew: false })).toBeNull();
  });

  it('formats intervals for messages', () => {
    expect(formatInterval(500)).toBe('500 ms');
    expect(formatInterval(5000)).toBe('5 s');
    expect(formatInterval(2500)).toBe('2.5 s');
    expect(formatInterval(120_000)).toBe('2 min');
    expect(formatInterval(undefined)).toBe('an unknown interval');
  });
});

jsTester.run('no-short-polling', rule, {
  valid: [
    // --- no network in the repeated work
    `useEffect(() => { const id = setInterval(() => setNow(new Date()), 1000); return () => clearInterval(id); }, []);`,
    `let remaining = 10;
     const id = setInterval(() => { remaining--; el.textContent = remaining; if (!remaining) clearInterval(id); }, 1000);`,
    `function draw() { ctx.clearRect(0, 0, w, h); ctx.fillRect(x++, 10, 5, 5); }
     setInterval(draw, 16);`,
    `setInterval(() => console.log('tick'), 1000);`,
    `setInterval(() => { if (ws.readyState === WebSocket.CLOSED) connect(); }, 2500);
     function connect() { ws = new WebSocket('wss://example.com/live'); }`,
    `setInterval(() => ws.send(JSON.stringify({ type: 'ping' })), 30000);`,
    `setInterval(async () => { const { rows } = await pool.query('SELECT count(*) FROM jobs'); gauge.set(rows[0].count); }, 5000);`,
    `setInterval(() => { cache.get('stats'); map.get(key); }, 1000);`,
    // --- client-to-server writes
    `setInterval(() => fetch('/api/doc', { method: 'PUT', body: JSON.stringify(doc) }), 5000);`,
    `function autosave() { if (dirty) axios.patch('/api/draft', draft); }
     setInterval(autosave, 10000);`,
    `setInterval(function () { $.post('/save', $('#form').serialize()); }, 10000);`,
    `setInterval(() => fetch('/graphql', { method: 'POST', body: JSON.stringify({ query: 'mutation Save($d: String) { save(d: $d) }', variables }) }), 5000);`,
    `class HeartBeat {
       start() { this.id = setInterval(this.beat.bind(this), 5000); }
       beat() { navigator.sendBeacon('/api/presence', JSON.stringify({ at: Date.now() })); }
     }`,
    `setInterval(() => fetch('/analytics', { method: 'POST', keepalive: true, body: JSON.stringify(events.splice(0)) }), 10000);`,
    `const refreshToken = () => axios.post('/api/token/refresh');
     setInterval(refreshToken, 25 * 1000);`,
    `function fetchToken() { return axios.post('api/token-refresh'); }
     setInterval(fetchToken, 10000);`,
    `function sendHeartbeat() { const xhr = new XMLHttpRequest(); xhr.open('GET', '/heartbeat?cb=' + Date.now()); xhr.send(); }
     setInterval(sendHeartbeat, 15000);`,
    `const HEARTBEAT_MS = 15000;
     setInterval(function heartbeatService() { fetch('/api/alive'); }, HEARTBEAT_MS);`,
    // --- retry with backoff: re-runs only on failure
    `function fetchRetry(url, retries) {
       return fetch(url).catch(() => new Promise((r) => setTimeout(() => r(fetchRetry(url, retries - 1)), 1000)));
     }`,
    `async function load(attempt = 0) {
       const res = await fetch('/api/items');
       if (!res.ok) { setTimeout(() => load(attempt + 1), 1000 * 2 ** attempt); return; }
       render(await res.json());
     }`,
    `async function get(url) {
       while (true) {
         try { const res = await fetch(url); if (res.ok) return res.json(); } catch (e) { log(e); }
         await sleep(1000);
       }
     }`,
    `async function get(url) {
       for (;;) {
         try { return await fetch(url); } catch { await new Promise((r) => setTimeout(r, backoff *= 2)); }
       }
     }`,
    `function longPoll() {
       fetch('/api/updates').then((r) => r.json()).then((d) => { show(d); longPoll(); }).catch(() => setTimeout(longPoll, 10000));
     }`,
    // --- long polling and stream reading are not short polling
    `async function subscribe() {
       const response = await fetch('/subscribe');
       if (response.status == 502) { await subscribe(); }
       else if (response.status != 200) { await new Promise((resolve) => setTimeout(resolve, 1000)); await subscribe(); }
       else { showMessage(await response.text()); await subscribe(); }
     }`,
    `async function read(res) {
       const reader = res.body.getReader();
       while (true) { const { done, value } = await reader.read(); if (done) break; append(value); }
     }`,
    `function pump() { return reader.read().then(({ done, value }) => { if (done) return; push(value); return pump(); }); }`,
    `app.get('/sse', (c) => streamSSE(c, async (stream) => {
       while (true) { await stream.writeSSE({ data: new Date().toISOString() }); await stream.sleep(1000); }
     }));`,
    // --- shadowed timers
    `function useChartData() {
       const [interval, setInterval] = useState(5000);
       const load = () => fetch('/api/chart');
       return { onPick: (ms) => setInterval(ms), load };
     }`,
    `function schedule(setInterval) { setInterval(() => fetch('/api/x'), 1000); }`,
    // --- third-party hosts (their server cannot push to you)
    `setInterval(() => fetch('https://api.coingecko.com/api/v3/simple/price?ids=bitcoin'), 10000);`,
    'const load = () => axios.get(`https://api.github.com/repos/${repo}/releases`);\nsetInterval(load, 30000);',
    `const { data } = useSWR('https://api.coinbase.com/v2/prices/spot', fetcher, { refreshInterval: 5000 });`,
    // --- polling as the fallback when the EventSource fails
    `const es = new EventSource('/api/stream');
     es.onerror = () => { es.close(); setInterval(() => fetch('/api/messages').then(render), 5000); };`,
    `const source = new EventSource('/events');
     source.addEventListener('error', () => { timer = setInterval(load, 5000); });
     function load() { return fetch('/api/messages'); }`,
    `function startPolling() { setInterval(() => $.getJSON('/api/feed', render), 5000); }
     const stream = new EventSource('/feed');
     stream.onerror = () => startPolling();`,
    // --- declarative options that are off or slow
    `useQuery({ queryKey: ['todos'], queryFn: fetchTodos, refetchInterval: false });`,
    `useQuery({ queryKey: ['stats'], queryFn: fetchStats, refetchInterval: 5 * 60 * 1000 });`,
    `useSWR('/api/user', fetcher, { refreshInterval: 60000 });`,
    `useQuery(GET_DOGS, { pollInterval: 0 });`,
    `useQuery({ queryKey: ['job', id], queryFn, refetchInterval: () => false });`,
    `export default { watch: { usePolling: true, pollInterval: 100 }, build: { outDir: 'dist' } };`,
    `const provider = new JsonRpcProvider(RPC_URL, { pollingInterval: 4000 });`,
    `const widget = { title: 'CPU', refreshInterval: 5000 };`,
    // --- timers that do not repeat, or hooks without network
    `setTimeout(load, 1000); function load() { fetch('/api/x'); }`,
    `setInterval(load, 5 * 60 * 1000); function load() { fetch('/api/x'); }`,
    `function useInterval(callback, delay) {
       const savedCallback = useRef();
       useEffect(() => { savedCallback.current = callback; }, [callback]);
       useEffect(() => {
         function tick() { savedCallback.current(); }
         if (delay !== null) { const id = setInterval(tick, delay); return () => clearInterval(id); }
       }, [delay]);
     }`,
    `useInterval(() => setCount((c) => c + 1), 1000);`,
    `useInterval(() => { fetch('/api/status').then(setStatus); }, null);`,
    `const [saveDraft] = useMutation(SAVE_DRAFT);
     useInterval(() => saveDraft({ variables: { body } }), 10000);`,
    `function usePolling(fn, ms) { useInterval(fn, ms); }`,
    `import { interval, map } from 'rxjs';
     const ticks = interval(1000).pipe(map((n) => ({ data: n })));`,
    `import { interval, switchMap } from 'rxjs';
     interval(5000).pipe(switchMap(async () => this.router.navigate(['home']))).subscribe();`,
    `import { timer, switchMap } from 'rxjs';
     timer(5000).pipe(switchMap(() => http.get('/api/once'))).subscribe();`,
    `function interval(ms) { return ms * 2; }
     interval(1000).pipe(switchMap(() => fetch('/api/x')));`,
    `interval(1000).subscribe(console.log);`,
    // --- a local startPolling() is not Apollo's (which always takes an interval)
    `export const afterListen = ({ startPolling, initSync }) => { ready().then(() => { startPolling(); initSync(); }); };`,
    // --- refresh hooks: no interval, a paused or slow one, or a hook's own definition
    `const refresh = useRefresh(); setTimeout(refresh, 100);`,
    `const { data } = useAutoRefetch(() => fetch('/api/backups').then((r) => r.json()), 120000);`,
    `useAutoRefetch(() => fetch('/api/x'), intervalFromProps);`,
    `useAutoRefresh(() => fetch('/api/x'), [user]);`,
    // --- an interval parameter counts by its default
    `export function ActiveUsers({ siteId, refetchInterval = 60000 }) {
       const { data } = useQuery({ queryKey: ['active', siteId], queryFn: () => fetch('/api/active/' + siteId), refetchInterval });
       return data;
     }`,
    // --- a hook's own tests drive it with test doubles
    `const fetchFn = vi.fn().mockResolvedValue({ ok: true }); renderHook(() => useAutoRefetch(fetchFn, 30));`,
    `renderHook(() => usePolling(jest.fn(), 1000));`,
    `export function useAutoRefetch(fetchFn, intervalMs) { useEffect(() => { const id = setInterval(() => fetchFn(), intervalMs); return () => clearInterval(id); }, [intervalMs]); }`,
    // --- reconnect until a service answers: retrying, not polling
    `function scheduleReconnect() {
       if (timer) return;
       timer = setTimeout(async () => {
         timer = null;
         try {
           if (await fetch('/json/version').then((r) => r.ok)) await configure();
           else scheduleReconnect();
         } catch (err) {
           scheduleReconnect();
         }
       }, 2000);
     }`,
    `function connect() {
       fetch('/api/session').then((res) => {
         if (res.status === 503) { reconnectTimer = setTimeout(connect, 1000); return; }
         start(res);
       });
     }`,
    // --- requirements where short polling is the engine's answer
    {
      code: `setInterval(() => fetch('/api/news'), 5000);`,
      settings: { 'pick-transport': { requirements: { updates: 'rare', latency: 'relaxed' } } },
    },
    // --- threshold option
    {
      code: `setInterval(() => fetch('/api/news'), 5000);`,
      options: [{ thresholdMs: 5000 }],
    },
  ],
  invalid: [
    // --- heartbeats as data: a status page refreshing the list it shows (Vue options API)
    {
      code: `export default {
        mounted() {
          this.timer = setInterval(() => { this.updateHeartbeatList(); }, 30000);
        },
        methods: {
          updateHeartbeatList() { axios.get('/api/status-page/heartbeat/' + this.slug).then((res) => { this.list = res.data; }); },
        },
      };`,
      errors: [{ ...poll('30 s'), line: 3 }],
    },
    {
      code: `async function loadHeartbeats() { render(await (await fetch('/api/heartbeats')).json()); }
     setInterval(loadHeartbeats, 10000);`,
      errors: [poll('10 s')],
    },
    // --- setInterval with a same-file request
    {
      code: `function Items() {
        const [items, setItems] = useState([]);
        function load() { return axios.get('/api/items').then((r) => setItems(r.data)); }
        useEffect(() => { load(); const id = setInterval(load, 5000); return () => clearInterval(id); }, []);
        return <List items={items} />;
      }`,
      errors: [poll('5 s')],
    },
    {
      code: `const fetchItems = async () => { const r = await fetch('/api/items'); render(await r.json()); };
             setInterval(() => fetchItems(), 5000);`,
      errors: [poll('5 s')],
    },
    {
      code: `class App extends React.Component {
        componentDidMount() { this.timer = setInterval(() => this.fetchData(), 10000); }
        componentWillUnmount() { clearInterval(this.timer); }
        fetchData = async () => { const res = await fetch('/api/users'); this.setState({ users: await res.json() }); };
      }`,
      errors: [poll('10 s')],
    },
    {
      code: `function refresh() { $.getJSON('/scores.json', draw); }
             window.setInterval(refresh, 2000);`,
      errors: [poll('2 s')],
    },
    {
      code: `function getData() { $.ajax({ url: 'data.php', dataType: 'json', success: show }); }
             setInterval("getData()", 500);`,
      errors: [poll('500 ms')],
    },
    {
      code: `class Ticker {
        start() { this.id = setInterval(this.fetchData.bind(this), 3000); }
        fetchData() { return fetch('/api/ticker').then((r) => r.json()).then(this.render); }
      }`,
      errors: [poll('3 s')],
    },
    {
      code: `class Ticker {
        constructor() { setInterval(this.fetchData, 3000); }
        fetchData() { fetch('/api/ticker'); }
      }`,
      errors: [poll('3 s')],
    },
    {
      code: `async function getOptionChart() { const r = await fetch('/api/chart'); return r.json(); }
             async function initChart() { chart.setOption(await getOptionChart()); }
             setInterval(async () => { await initChart(); }, 2000);`,
      errors: [poll('2 s')],
    },
    {
      code: `function notifications() { $.ajax({ type: 'POST', url: '/notifications', success: showBadge }); }
             setInterval(notifications, 5000);`,
      errors: [poll('5 s')],
    },
    {
      code: `function autoUpdate() {
        const xhr = new XMLHttpRequest();
        xhr.onreadystatechange = () => { if (xhr.readyState === 4) out.innerHTML = xhr.responseText; };
        xhr.open('GET', 'status.txt'); xhr.send();
      }
      setInterval("autoUpdate()", 1000);`,
      errors: [poll('1 s')],
    },
    {
      code: `setInterval(() => fetch('/graphql', { method: 'POST', body: JSON.stringify({ query: '{ notifications { id } }' }) }), 4000);`,
      errors: [poll('4 s')],
    },
    {
      code: `self.onmessage = (e) => { timerId = self.setInterval(() => poll(e.data.url), 1000); };
             function poll(url) { return fetch(url).then((r) => r.json()).then((d) => self.postMessage(d)); }`,
      errors: [poll('1 s')],
    },
    {
      code: `globalThis.setInterval(async () => { const res = await ky.get('api/items').json(); update(res); }, 4000);`,
      errors: [poll('4 s')],
    },
    {
      code: `setInterval(load, props.interval); function load() { fetch('/api/feed'); }`,
      errors: [pollUnknown],
    },
    {
      code: `const { refetch } = useQuery({ queryKey: ['feed'], queryFn: getFeed });
             useEffect(() => { const id = setInterval(refetch, 5000); return () => clearInterval(id); }, [refetch]);`,
      errors: [poll('5 s')],
    },
    {
      code: `const load = useCallback(async () => { const r = await fetch('/api/orders'); setOrders(await r.json()); }, []);
             useEffect(() => { const id = setInterval(load, 5_000); return () => clearInterval(id); }, [load]);`,
      errors: [poll('5 s')],
    },
    {
      code: `export default {
        data: () => ({ items: [], timer: null }),
        mounted() { this.timer = setInterval(this.fetchData, 5000); },
        methods: { async fetchData() { this.items = (await axios.get('/api/items')).data; } },
      };`,
      errors: [poll('5 s')],
    },
    {
      code: `setIntervalAsync(async () => { state.value = await $fetch('/api/state'); }, 2000);`,
      errors: [poll('2 s')],
    },
    // --- self-rescheduling setTimeout
    {
      code: `function poll() {
        fetch('/api/messages').then((r) => r.json()).then((d) => { render(d); setTimeout(poll, 5000); });
      }
      poll();`,
      errors: [poll('5 s')],
    },
    {
      code: `(function poll() {
        setTimeout(function () { $.ajax({ url: '/server', success: show, dataType: 'json', complete: poll }); }, 30000);
      })();`,
      errors: [poll('30 s')],
    },
    {
      code: `const POLL_MS = 3000;
      useEffect(() => {
        let timer;
        const tick = async () => { setData(await (await fetch('/api/live')).json()); timer = setTimeout(tick, POLL_MS); };
        tick();
        return () => clearTimeout(timer);
      }, []);`,
      errors: [poll('3 s')],
    },
    {
      code: `function check() {
        $.get('/api/job/' + id, (job) => { if (job.state !== 'SUCCESS') setTimeout(check, 1000); else done(job); });
      }`,
      errors: [poll('1 s')],
    },
    {
      code: `async function loop() { try { getData(); } finally { setTimeout(loop, 1000); } }
             function getData() { return fetch('/api/sensor'); }`,
      errors: [poll('1 s')],
    },
    // --- loops that await a request and a delay
    {
      code: `async function watch() { while (true) { await fetch('/api/jobs'); await sleep(5000); } }`,
      errors: [poll('5 s')],
    },
    {
      code: `async function follow() {
        for (;;) { const res = await api.get('/events'); handle(res.data); await new Promise((r) => setTimeout(r, 2000)); }
      }`,
      errors: [poll('2 s')],
    },
    {
      code: `class Feed { async run() { while (this.running) { await this.load(); await delay(INTERVAL); } }
        load() { return fetch('/api/feed'); } }`,
      errors: [pollUnknown],
    },
    // --- declarative data libraries
    {
      code: `const { data } = useQuery({ queryKey: ['stats'], queryFn: () => api.get('/stats'), refetchInterval: 5000 });`,
      errors: [poll('5 s')],
    },
    {
      code: `useQuery({ queryKey: ['job', id], queryFn, refetchInterval: (query) => (query.state.data?.done ? false : 2000) });`,
      errors: [poll('2 s')],
    },
    {
      code: `const { data } = useSWR('/api/user', fetcher, { refreshInterval: 1000 });`,
      errors: [poll('1 s')],
    },
    {
      code: `root.render(<SWRConfig value={{ refreshInterval: 3000, fetcher }}><App /></SWRConfig>);`,
      errors: [poll('3 s')],
    },
    {
      code: `const { data } = useQuery(GET_DOGS, { pollInterval: 500 });`,
      errors: [poll('500 ms')],
    },
    {
      code: `const { data, startPolling, stopPolling } = useQuery(GET_ORDERS);
             useEffect(() => { startPolling(1000); return stopPolling; }, []);`,
      errors: [poll('1 s')],
    },
    {
      code: `const rates = useGetRatesQuery(undefined, { pollingInterval: 3000 });`,
      errors: [poll('3 s')],
    },
    {
      code: `import { REFRESH_MS } from './config';
             useQuery({ queryKey: ['live'], queryFn: getLive, refetchInterval: REFRESH_MS });`,
      errors: [pollUnknown],
    },
    {
      code: `useQuery({ queryKey: ['report'], queryFn: getReport, refetchInterval: 60 * 1000 });`,
      options: [{ thresholdMs: 120000 }],
      errors: [poll('1 min')],
    },
    {
      code: `const swrOptions = { refreshInterval: 3000 };
             export const useFeed = () => useSWR('/api/feed', fetcher, swrOptions);`,
      errors: [poll('3 s')],
    },
    {
      code: `export const queryClient = new QueryClient({ defaultOptions: { queries: { refetchInterval: 10000 } } });`,
      errors: [poll('10 s')],
    },
    {
      code: `const client = new ApolloClient({ uri: '/graphql', cache, defaultOptions: { watchQuery: { pollInterval: 5000 } } });`,
      errors: [poll('5 s')],
    },
    {
      code: `const Q = () => <Query query={FEED} pollInterval={2000}>{render}</Query>;`,
      errors: [poll('2 s')],
    },
    // --- hooks: call sites
    {
      code: `useInterval(() => { fetch('/api/status').then((r) => r.json()).then(setStatus); }, 1000);`,
      errors: [poll('1 s')],
    },
    {
      code: `import { fetchDashboard } from './api';
             usePolling(fetchDashboard, 5000);`,
      errors: [poll('5 s')],
    },
    {
      code: `useTimeoutPoll(fetchData, 1000); async function fetchData() { data.value = await ofetch('/api/data'); }`,
      errors: [poll('1 s')],
    },
    {
      code: `const { data } = useAutoRefetch(() => api.getProcesses({ silent: true }), 5000);`,
      errors: [poll('5 s')],
    },
    {
      code: `useAutoRefresh(loadStats, { interval: 30_000 }); async function loadStats() { setStats(await (await fetch('/api/stats')).json()); }`,
      errors: [poll('30 s')],
    },
    {
      code: `useRefetch(() => fetch('/api/status'), enabled ? 3000 : null);`,
      errors: [poll('3 s')],
    },
    {
      code: `export function Feed({ every = 5000 }) { return useSWR('/api/feed', fetcher, { refreshInterval: every }); }`,
      errors: [poll('5 s')],
    },
    // --- a retry-named function that polls on every path is still polling
    {
      code: `function pollWithRetry() { fetch('/api/feed').then(render); if (!stopped) setTimeout(pollWithRetry, 2000); }`,
      errors: [poll('2 s')],
    },
    {
      code: `function retryLoop() { setTimeout(async () => { render(await fetch('/api/news')); retryLoop(); }, 5000); }`,
      errors: [poll('5 s')],
    },
    {
      code: `const { startPolling } = useQuery(FEED); useEffect(() => startPolling(2000), []);`,
      errors: [poll('2 s')],
    },
    // --- third-party hosts when asked for
    {
      code: `setInterval(() => fetch('https://api.coingecko.com/api/v3/ping'), 10000);`,
      options: [{ includeThirdParty: true }],
      errors: [poll('10 s')],
    },
    // --- the message follows the engine's answer
    {
      code: `setInterval(() => fetch('/api/chat'), 1000);`,
      settings: { 'pick-transport': { requirements: { direction: 'bidirectional' } } },
      errors: [{ messageId: 'poll', data: { every: '1 s', ...because({ direction: 'bidirectional' }) } }],
    },
    {
      code: `setInterval(() => fetch('/api/chat'), 1000);`,
      settings: { 'pick-transport': { requirements: { streaming: 'blocked' } } },
      errors: [{ messageId: 'poll', data: { every: '1 s', ...because({ streaming: 'blocked' }) } }],
    },
  ],
});

tsTester.run('no-short-polling (TypeScript)', rule, {
  valid: [
    {
      code: `import { Controller, Sse, MessageEvent } from '@nestjs/common';
      import { interval, map, Observable } from 'rxjs';
      @Controller()
      export class EventsController {
        @Sse('sse') sse(): Observable<MessageEvent> { return interval(1000).pipe(map(() => ({ data: { hello: 'world' } }) as MessageEvent)); }
      }`,
    },
    {
      code: `export class ClockComponent implements OnInit, OnDestroy {
        private id?: ReturnType<typeof setInterval>;
        ngOnInit(): void { this.id = setInterval(() => console.log(new Date()), 1000); }
        ngOnDestroy(): void { clearInterval(this.id); }
      }`,
    },
    {
      code: `export function useInterval(callback: () => void, delay: number | null): void {
        const saved = useRef(callback);
        useEffect(() => { if (delay === null) return; const id = setInterval(() => saved.current(), delay); return () => clearInterval(id); }, [delay]);
      }`,
      filename: 'useInterval.tsx',
    },
    {
      code: `const Live = ({ id }: { id: string }) => {
        const { data } = useQuery({ queryKey: ['price', id], queryFn: () => fetch(\`https://api.kraken.com/0/public/Ticker?pair=\${id}\`).then((r) => r.json()), refetchInterval: 2000 });
        return <span>{data?.price}</span>;
      };`,
      filename: 'Live.tsx',
    },
  ],
  invalid: [
    {
      code: `@Injectable({ providedIn: 'root' })
      export class StatusService {
        constructor(private http: HttpClient) {}
        status$ = timer(0, 10000).pipe(switchMap(() => this.http.get<Status>('/api/status')));
      }
      import { timer, switchMap } from 'rxjs';`,
      errors: [poll('10 s')],
    },
    {
      code: `import { interval, switchMapTo } from 'rxjs';
      export class Poller { constructor(private http: HttpClient) {}
        items$ = interval(1000).pipe(switchMapTo(this.http.get<Item[]>('/api/items'))); }`,
      errors: [poll('1 s')],
    },
    {
      code: `export class ServicesComponent { constructor(private http: Http) {}
        ngOnInit() { Observable.timer(0, 10000).switchMap(() => this.http.get('/api/services')).subscribe((r) => (this.rows = r)); } }`,
      errors: [poll('10 s')],
    },
    {
      code: `export class InboxComponent implements OnInit {
        constructor(private httpClient: HttpClient) {}
        ngOnInit(): void { setInterval(() => this.httpClient.get<Mail[]>('/api/mail').subscribe((m) => (this.mail = m)), 5000); }
      }`,
      errors: [poll('5 s')],
    },
    {
      code: `export class Poller {
        private timer?: ReturnType<typeof setTimeout>;
        poll(): void { this.api.get('/api/queue').then(() => { this.timer = setTimeout(() => this.poll(), 5000); }); }
        constructor(private api: AxiosInstance) {}
      }`,
      errors: [poll('5 s')],
    },
    {
      code: `export function Dashboard(): JSX.Element {
        const { data } = useQuery({ queryKey: ['kpi'], queryFn: () => axios.get<Kpi>('/api/kpi').then((r) => r.data), refetchInterval: 15_000 });
        return <Tiles data={data!} />;
      }`,
      filename: 'Dashboard.tsx',
      errors: [poll('15 s')],
    },
    {
      code: `const Orders = () => {
        useEffect(() => {
          const load = async (): Promise<void> => setOrders(await (await fetch('/api/orders')).json() as Order[]);
          const id = window.setInterval(load, 2000);
          return () => window.clearInterval(id);
        }, []);
        return <OrderList />;
      };`,
      filename: 'Orders.tsx',
      errors: [poll('2 s')],
    },
  ],
});

// Typed linting: follow imports into other files with the TypeScript checker.
const FIXTURE = fileURLToPath(new URL('../fixtures/typed', import.meta.url));
const typedTester = new RuleTester({
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: { projectService: true, tsconfigRootDir: FIXTURE },
  },
});
const POLLER = path.join(FIXTURE, 'poller.ts');

typedTester.run('no-short-polling (typed, across files)', rule, {
  valid: [
    { code: `import { saveDraft } from './api';\nsetInterval(() => saveDraft('x'), 5000);`, filename: POLLER },
    { code: `import { refreshInbox } from './api';\nsetInterval(refreshInbox, 120000);`, filename: POLLER },
    // arithmetic on an imported constant: 10 s x 12 = 2 min
    {
      code: `import { INBOX_POLL_MS } from './api';\nexport const useInbox = () => useQuery({ queryKey: ['inbox'], queryFn: () => fetch('/api/inbox'), refetchInterval: INBOX_POLL_MS * 12 });`,
      filename: POLLER,
    },
  ],
  invalid: [
    {
      code: `import { refreshInbox } from './api';\nsetInterval(refreshInbox, 5000);`,
      filename: POLLER,
      errors: [poll('5 s')],
    },
    {
      code: `import { loadDashboard } from './api';\nsetInterval(() => { void loadDashboard(); }, 3000);`,
      filename: POLLER,
      errors: [poll('3 s')],
    },
    {
      code: `import { InboxService } from './api';
      export class Badge {
        constructor(private inbox: InboxService) {}
        start(): void { setInterval(() => this.inbox.unread().then((n) => (this.count = n)), 10000); }
        count = 0;
      }`,
      filename: POLLER,
      errors: [poll('10 s')],
    },
    {
      code: `import { INBOX_POLL_MS } from './api';\nexport const useInbox = () => useQuery({ queryKey: ['inbox'], queryFn: () => fetch('/api/inbox'), refetchInterval: INBOX_POLL_MS });`,
      filename: POLLER,
      errors: [poll('10 s')],
    },
    {
      code: `import { INBOX_POLL_MS } from './api';\nimport { refreshInbox } from './api';\nsetInterval(refreshInbox, INBOX_POLL_MS);`,
      filename: POLLER,
      errors: [poll('10 s')],
    },
  ],
});

// Without type information the same import cannot be followed: no report, and no crash.
tsTester.run('no-short-polling (untyped import)', rule, {
  valid: [`import { refreshInbox } from './api';\nsetInterval(refreshInbox, 5000);`],
  invalid: [],
});
