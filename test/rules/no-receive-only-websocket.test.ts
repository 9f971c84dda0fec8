import type { Rule } from 'eslint';
import rule from '../../rules/no-receive-only-websocket.js';
import { verdictFor } from '../../rules/verdict.js';
import { jsTester, tsTester } from './rule-tester.js';

const requirements = (r: Record<string, string | boolean>) => ({ 'pick-transport': { requirements: r } });

/** The message data the rule should produce for a set of requirements. */
function named(transport: string, r: Record<string, string | boolean> = {}) {
  const verdict = verdictFor({ settings: requirements(r) } as unknown as Rule.RuleContext);
  if (verdict.name !== transport) throw new Error(`engine recommends ${verdict.name}, not ${transport}`);
  return { transport, because: verdict.because };
}

const sse = { messageId: 'receiveOnly', data: named('Server-Sent Events') } as const;

jsTester.run('no-receive-only-websocket', rule, {
  valid: [
    // --- sends: a subscription in onopen counts
    `const ws = new WebSocket('/prices');
     ws.onopen = () => ws.send(JSON.stringify({ subscribe: 'BTC' }));
     ws.onmessage = (e) => render(e.data);`,
    `const ws = new WebSocket('/prices');
     ws.addEventListener('open', function () { this.send('hello'); });
     ws.addEventListener('message', (e) => render(e.data));`,
    `const ws = new WebSocket('/chat');
     ws.onmessage = (e) => show(e.data);
     export function say(text) { ws.send(text); }`,
    `const ws = new WebSocket('/chat');
     const socket = ws;
     socket.onmessage = show;
     form.onsubmit = () => socket.send(input.value);`,
    `let ws;
     function connect() { ws = new WebSocket('/ws'); ws.onmessage = show; }
     function send(m) { ws?.send(m); }`,
    // --- receives nothing either: a connectivity probe
    `async function ping(url) {
       const socket = new WebSocket(url, 'ping');
       return new Promise((resolve) => {
         socket.onopen = () => { resolve(true); socket.close(); };
         socket.onerror = () => resolve(false);
       });
     }`,
    // --- binary data: WebSockets fit
    `const ws = new WebSocket('/frames');
     ws.binaryType = 'arraybuffer';
     ws.onmessage = (e) => draw(new Uint8Array(e.data));`,
    // --- third-party feeds: nothing to move to another transport
    `const ws = new WebSocket('wss://stream.binance.com:9443/ws/ethbtc@ticker');
     ws.onmessage = (e) => store.dispatch(updatePrice(JSON.parse(e.data)));`,
    `const ws = new WebSocket(\`wss://ws.kraken.com/\${pair}\`);
     ws.onmessage = (e) => update(e.data);`,
    // --- Socket.IO and other clients
    `import { io } from 'socket.io-client';
     const socket = io();
     socket.on('news', render);`,
    `const es = new EventSource('/events'); es.onmessage = (e) => render(e.data);`,
    `import useWebSocket from 'react-use-websocket';
     export function Feed() { const { lastMessage } = useWebSocket('/feed'); return lastMessage; }`,
    `import WebSocket from 'reconnecting-websocket';
     const ws = new WebSocket('/feed'); ws.onmessage = show;`,
    `class WebSocket { constructor(url) { this.url = url; } }
     const ws = new WebSocket('/feed'); ws.onmessage = show;`,
    // Node clients are out of scope: EventSource is a browser API.
    `import WebSocket from 'ws';
     const ws = new WebSocket('ws://localhost:8080/feed');
     ws.on('message', (data) => console.log(data));`,
    `import { WebSocketServer } from 'ws';
     const wss = new WebSocketServer({ port: 8080 });
     wss.on('connection', (ws) => ws.on('message', console.log));`,
    // --- escapes: other code may send on it
    `export function connect() {
       const ws = new WebSocket('/feed');
       ws.onmessage = show;
       return ws;
     }`,
    `export const socket = new WebSocket('/feed');
     socket.onmessage = show;`,
    `window.socket = new WebSocket('/feed');`,
    `const ws = new WebSocket('/feed');
     ws.onmessage = show;
     const client = new RpcClient(ws);`,
    `const ws = new WebSocket('/feed');
     ws[method](payload);`,
    `import { useEffect, useState } from 'react';
     export function useSocket(url) {
       const [socket, setSocket] = useState(null);
       useEffect(() => {
         const ws = new WebSocket(url);
         ws.onmessage = (e) => console.log(e.data);
         setSocket(ws);
         return () => ws.close();
       }, [url]);
       return socket;
     }`,
    `export function Provider({ children }) {
       const ws = useMemo(() => new WebSocket('/feed'), []);
       return <SocketContext.Provider value={ws}>{children}</SocketContext.Provider>;
     }`,
    // A plain class's public member can be used from outside the class.
    `export class Feed {
       connect() { this.ws = new WebSocket('/feed'); this.ws.onmessage = (e) => this.emit(e.data); }
     }`,
    // Vue options API: the template can reach this.ws.
    `export default {
       data() { return { ws: null, items: [] }; },
       mounted() { this.ws = new WebSocket('/feed'); this.ws.onmessage = (e) => this.items.push(e.data); },
     };`,
    // React class component that sends from a handler.
    `class Chat extends React.Component {
       componentDidMount() { this.ws = new WebSocket('/chat'); this.ws.onmessage = (e) => this.setState({ last: e.data }); }
       submit = () => this.ws.send(this.state.draft);
       render() { return <form onSubmit={this.submit} />; }
     }`,
    // `const self = this` hides later uses.
    `class Ticker extends Component {
       componentDidMount() { const self = this; this.ws = new WebSocket('/ticks'); helper(self); }
     }`,
    // The ref itself is handed out.
    `export function useFeed() {
       const wsRef = useRef(null);
       useEffect(() => { wsRef.current = new WebSocket('/feed'); wsRef.current.onmessage = show; }, []);
       return wsRef;
     }`,
    // --- the engine recommends WebSockets: silent
    {
      code: `const ws = new WebSocket('/frames'); ws.onmessage = (e) => draw(e.data);`,
      settings: requirements({ binary: true }),
    },
    {
      code: `const ws = new WebSocket('/feed'); ws.onmessage = (e) => show(e.data);`,
      settings: requirements({ direction: 'bidirectional' }),
    },
    // A script's top-level variable is shared with other scripts.
    {
      code: `var ws = new WebSocket('/feed'); ws.onmessage = show;`,
      languageOptions: { sourceType: 'script' },
    },
  ],
  invalid: [
    { code: `const ws = new WebSocket('/feed'); ws.onmessage = (e) => render(e.data);`, errors: [sse] },
    {
      code: `import { useEffect, useState } from 'react';
       export function useFeed() {
         const [items, setItems] = useState([]);
         useEffect(() => {
           const socket = new WebSocket(\`wss://\${location.host}/feed\`);
           socket.addEventListener('message', (e) => setItems((xs) => [...xs, JSON.parse(e.data)]));
           return () => socket.close();
         }, []);
         return items;
       }`,
      errors: [sse],
    },
    {
      code: `const proto = location.protocol === 'https:' ? 'wss://' : 'ws://';
       const ws = new WebSocket(proto + location.host + '/ws');
       ws.onmessage = (e) => console.log(e.data);`,
      errors: [sse],
    },
    {
      code: `const ws = new WebSocket(import.meta.env.VITE_WS_URL);
       ws.onmessage = (e) => notify(e.data);
       ws.onerror = () => ws.close();`,
      errors: [sse],
    },
    { code: `const ws = new WebSocket('ws://localhost:8080/notifications'); ws.onmessage = show;`, errors: [sse] },
    { code: `const ws = new window.WebSocket('/events'); ws.onmessage = show;`, errors: [sse] },
    {
      code: `class Ticker extends React.Component {
         componentDidMount() {
           this.ws = new WebSocket('/ticks');
           this.ws.onmessage = (e) => this.setState({ tick: JSON.parse(e.data) });
         }
         componentWillUnmount() { this.ws.close(); }
         render() { return <span>{this.state.tick}</span>; }
       }`,
      errors: [sse],
    },
    {
      code: `let ws;
       export function connect() {
         ws = new WebSocket('/ws');
         ws.onmessage = handle;
         ws.onclose = () => setTimeout(connect, 1000);
       }
       export function disconnect() { if (ws) ws.close(); }`,
      errors: [sse],
    },
    {
      code: `const ws = new WebSocket('/x');
       const alias = ws;
       alias.addEventListener('message', show);`,
      errors: [sse],
    },
    {
      code: `import { onMounted, onUnmounted, ref } from 'vue';
       export default {
         setup() {
           const items = ref([]);
           let ws;
           onMounted(() => { ws = new WebSocket('/feed'); ws.onmessage = (e) => items.value.push(e.data); });
           onUnmounted(() => ws && ws.close());
           return { items };
         },
       };`,
      errors: [sse],
    },
    // Explicit one-way text push: Server-Sent Events.
    {
      code: `const ws = new WebSocket('/feed'); ws.onmessage = show;`,
      settings: requirements({ direction: 'server-to-client', binary: false }),
      errors: [sse],
    },
    // Streaming blocked: the message names the engine's pick, not a hard-coded one.
    {
      code: `const ws = new WebSocket('/feed'); ws.onmessage = show;`,
      settings: requirements({ streaming: 'blocked' }),
      errors: [{ messageId: 'receiveOnly', data: named('Long polling', { streaming: 'blocked' }) }],
    },
    {
      code: `const ws = new WebSocket('wss://stream.binance.com:9443/ws/ethbtc@ticker'); ws.onmessage = show;`,
      options: [{ includeThirdParty: true }],
      errors: [sse],
    },
  ],
});

tsTester.run('no-receive-only-websocket (TypeScript)', rule, {
  valid: [
    `export function useChat(): (text: string) => void {
       const ws = useRef<WebSocket | null>(null);
       useEffect(() => {
         ws.current = new WebSocket('/chat');
         ws.current!.onmessage = (e: MessageEvent<string>) => console.log(e.data);
         return () => ws.current?.close();
       }, []);
       return (text: string) => ws.current!.send(text);
     }`,
    `class Feed {
       private ws?: WebSocket;
       open(): void { this.ws = new WebSocket('/feed'); this.ws.binaryType = 'arraybuffer'; }
     }`,
    `class Feed {
       ws?: WebSocket;
       open(): void { this.ws = new WebSocket('/feed'); this.ws.onmessage = (e) => this.emit(e.data); }
       emit(data: unknown): void {}
     }`,
  ],
  invalid: [
    {
      code: `import { useEffect, useRef, useState } from 'react';
       export function Live(): JSX.Element {
         const [data, setData] = useState<string>('');
         const ws = useRef<WebSocket | null>(null);
         useEffect(() => {
           ws.current = new WebSocket('/live');
           ws.current!.onmessage = (e: MessageEvent<string>) => setData(e.data);
           return () => ws.current?.close();
         }, []);
         return <div>{data}</div>;
       }`,
      errors: [sse],
    },
    {
      code: `class Feed {
         private ws?: WebSocket;
         start(): void {
           this.ws = new WebSocket('/feed') as WebSocket;
           this.ws.onmessage = (e: MessageEvent) => this.emit(e.data);
         }
         stop(): void { this.ws?.close(); }
         private emit(data: unknown): void { console.log(data); }
       }`,
      errors: [sse],
    },
    {
      code: `export class Feed {
         #ws: WebSocket | null = null;
         start(url: string): void {
           this.#ws = new WebSocket(url);
           this.#ws.addEventListener('message', (e) => this.onData(e.data));
         }
         onData(data: string): void {}
       }`,
      errors: [sse],
    },
  ],
});
