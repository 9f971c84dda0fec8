import rule from '../../rules/websocket-needs-reconnect.js';
import { checklist } from '../../knowledge/checklist.js';
import { jsTester, tsTester } from './rule-tester.js';

const requirements = (r: Record<string, string | boolean>) => ({ 'pick-transport': { requirements: r } });
const item = checklist.find((i) => i.topic === 'reconnection' && i.transports.includes('websocket'));
const error = {
  messageId: 'noCloseHandler',
  data: { advice: item ? ` Checklist: ${item.title.replace(/\.$/, '')}.` : '' },
} as const;

jsTester.run('websocket-needs-reconnect', rule, {
  valid: [
    // --- one request, one answer: the code closes the socket itself once done
    `async function closeBrowser(url) {
       await new Promise((resolve) => {
         const ws = new WebSocket(url);
         const done = () => { try { ws.close(); } catch {} resolve(); };
         ws.addEventListener('open', () => { ws.send(JSON.stringify({ id: 1, method: 'Browser.close' })); setTimeout(done, 500); });
         ws.addEventListener('error', done);
       });
     }`,
    `function ask(question, onAnswer) {
       const ws = new WebSocket('/ws/ask');
       ws.onopen = () => ws.send(question);
       ws.onmessage = (event) => { onAnswer(event.data); ws.close(); };
     }`,
    // --- a close handler that can reconnect
    `function connect() {
       const ws = new WebSocket('/ws');
       ws.onmessage = (e) => show(e.data);
       ws.onclose = () => setTimeout(connect, 1000);
     }`,
    `const ws = new WebSocket('/ws');
     ws.addEventListener('close', reconnect);`,
    'const ws = new WebSocket(\'/ws\'); ws.addEventListener(`close`, reconnect);',
    `const ws = new WebSocket('/ws'); ws['onclose'] = reconnect;`,
    `const ws = new WebSocket('/ws'); const s = ws; s.onclose = reconnect;`,
    `import WebSocket from 'ws';
     const ws = new WebSocket('wss://feed.example.com');
     ws.on('message', console.log);
     ws.on('close', () => setTimeout(start, 5000));`,
    `const WebSocket = require('ws');
     const client = new WebSocket('ws://localhost:9000');
     client.once('close', restart);`,
    // A watchdog timer that reopens a closed socket.
    `let ws = new WebSocket('/ws');
     setInterval(() => { if (ws.readyState === WebSocket.CLOSED) ws = new WebSocket('/ws'); }, 2500);`,
    // React class component: the close handler lives on this.ws.
    `class Ticker extends React.Component {
       componentDidMount() { this.connect(); }
       connect = () => {
         this.ws = new WebSocket('/ticks');
         this.ws.onmessage = (e) => this.setState({ tick: e.data });
         this.ws.onclose = () => { this.timer = setTimeout(this.connect, 1000); };
       };
       render() { return <b>{this.state.tick}</b>; }
     }`,
    // React hook with a ref and a close listener.
    `export function useFeed(url) {
       const ws = useRef(null);
       useEffect(() => {
         ws.current = new WebSocket(url);
         ws.current.addEventListener('close', () => setRetry((n) => n + 1));
         return () => ws.current.close();
       }, [url, retry]);
     }`,
    // --- reconnecting wrappers and other clients
    `import ReconnectingWebSocket from 'reconnecting-websocket';
     const ws = new ReconnectingWebSocket('/ws'); ws.onmessage = show;`,
    `import WebSocket from 'reconnecting-websocket';
     const ws = new WebSocket('/ws'); ws.onmessage = show;`,
    `import { WebSocket } from 'partysocket';
     const ws = new WebSocket('wss://my.partykit.dev/party/room'); ws.onmessage = show;`,
    `import useWebSocket from 'react-use-websocket';
     export function Feed() { const { lastJsonMessage } = useWebSocket('/feed', { shouldReconnect: () => true }); return lastJsonMessage; }`,
    `import { io } from 'socket.io-client';
     const socket = io('/chat'); socket.on('message', show);`,
    `const es = new EventSource('/events'); es.onmessage = show;`,
    `class WebSocket {} const ws = new WebSocket('/x'); ws.onmessage = show;`,
    // A connectivity probe: opened, checked and closed, never used for messages.
    `async function ping(url) {
       const socket = new WebSocket(url, 'ping');
       return new Promise((resolve) => {
         socket.addEventListener('open', () => { resolve(true); socket.close(); });
         socket.addEventListener('error', () => resolve(false));
       });
     }`,
    `import { WebSocketServer } from 'ws';
     const wss = new WebSocketServer({ port: 8080 });`,
    // --- escapes: the close handler may live elsewhere
    `export function open(url) { const ws = new WebSocket(url); ws.onmessage = show; return ws; }`,
    `const ws = new WebSocket('/ws'); const hb = new Heartbeat(ws);`,
    `export const socket = new WebSocket('/ws');`,
    `store.socket = new WebSocket('/ws');`,
    `export class Feed { open() { this.ws = new WebSocket('/feed'); this.ws.onmessage = (e) => this.emit(e.data); } }`,
    `export default {
       mounted() { this.ws = new WebSocket('/ws'); this.ws.onmessage = (e) => this.items.push(e.data); },
     };`,
    `export function useSocket(url) {
       const [socket, setSocket] = useState(null);
       useEffect(() => { const ws = new WebSocket(url); setSocket(ws); return () => ws.close(); }, [url]);
       return socket;
     }`,
    {
      code: `var ws = new WebSocket('/ws'); ws.onmessage = show;`,
      languageOptions: { sourceType: 'script' },
    },
    {
      code: `import WebSocket from 'ws';
       const ws = new WebSocket('ws://localhost:8080'); ws.on('message', console.log);`,
      options: [{ includeNodeClients: false }],
    },
  ],
  invalid: [
    // --- closed only on unmount: a long-lived socket that still needs reconnecting
    {
      code: `useEffect(() => {
               const ws = new WebSocket('/ws/feed');
               ws.onmessage = (event) => setItems(JSON.parse(event.data));
               return () => ws.close();
             }, []);`,
      errors: [error],
    },
    { code: `const ws = new WebSocket('/ws'); ws.onmessage = (e) => show(e.data);`, errors: [error] },
    {
      code: `import { useEffect, useState } from 'react';
       export function useMessages(url) {
         const [messages, setMessages] = useState([]);
         useEffect(() => {
           const socket = new WebSocket(url);
           socket.addEventListener('message', (e) => setMessages((m) => [...m, e.data]));
           return () => socket.close();
         }, [url]);
         return messages;
       }`,
      errors: [error],
    },
    {
      code: `class Ticker extends React.Component {
         componentDidMount() { this.ws = new WebSocket('/ticks'); this.ws.onmessage = (e) => this.setState({ t: e.data }); }
         componentWillUnmount() { this.ws.close(); }
         render() { return <i>{this.state.t}</i>; }
       }`,
      errors: [error],
    },
    // A third-party feed drops too.
    {
      code: `const ws = new WebSocket('wss://stream.binance.com:9443/ws/ethbtc@ticker');
       ws.onmessage = (e) => store.dispatch(updatePrice(JSON.parse(e.data)));`,
      errors: [error],
    },
    // Sends and receives: bidirectional sockets need reconnect all the more.
    {
      code: `const ws = new WebSocket('/chat');
       ws.onopen = () => ws.send('hello');
       ws.onmessage = (e) => show(e.data);
       ws.onerror = () => ws.close();`,
      errors: [error],
    },
    { code: `const ws = new WebSocket('/ws'); ws.onmessage = show; ws.onclose = null;`, errors: [error] },
    {
      code: `import WebSocket from 'ws';
       const ws = new WebSocket('ws://localhost:8080');
       ws.on('message', (data) => console.log(data));
       ws.on('error', console.error);`,
      errors: [error],
    },
    {
      code: `const WebSocket = require('isomorphic-ws');
       const ws = new WebSocket('wss://api.example.com/stream'); ws.onmessage = show;`,
      errors: [error],
    },
    { code: `const ws = new globalThis.WebSocket('/ws'); ws.onmessage = show;`, errors: [error] },
    {
      code: `let ws;
       export function connect() { ws = new WebSocket('/ws'); ws.onmessage = show; }
       export function send(text) { if (ws.readyState === WebSocket.OPEN) ws.send(text); }`,
      errors: [error],
    },
    // A readyState guard outside a timer is not a watchdog.
    {
      code: `const ws = new WebSocket('/ws');
       export function send(m) { if (ws.readyState === WebSocket.CLOSED) return; ws.send(m); }`,
      errors: [error],
    },
    // Two sockets, one handled.
    {
      code: `const a = new WebSocket('/a'); a.onclose = reconnectA;
       const b = new WebSocket('/b'); b.onmessage = show;`,
      errors: [{ ...error, line: 2 }],
    },
    // Reported whatever the engine recommends.
    {
      code: `const ws = new WebSocket('/ws'); ws.onmessage = show;`,
      settings: requirements({ direction: 'bidirectional' }),
      errors: [error],
    },
    {
      code: `const ws = new WebSocket('/ws'); ws.onmessage = show;`,
      settings: requirements({ streaming: 'blocked' }),
      errors: [error],
    },
  ],
});

tsTester.run('websocket-needs-reconnect (TypeScript)', rule, {
  valid: [
    `class Feed {
       private ws?: WebSocket;
       open(): void {
         this.ws = new WebSocket('/feed');
         this.ws!.onclose = (): void => { setTimeout(() => this.open(), 1000); };
       }
     }`,
    `export function Live(): JSX.Element {
       const ws = useRef<WebSocket | null>(null);
       useEffect(() => {
         ws.current = new WebSocket('/live');
         ws.current.onclose = () => setAttempt((n: number) => n + 1);
       }, [attempt]);
       return <div />;
     }`,
    `const ws = new WebSocket('/ws') as WebSocket;
     (ws as WebSocket).addEventListener('close', () => reconnect());`,
  ],
  invalid: [
    {
      code: `import { useEffect, useRef } from 'react';
       export function Live(): JSX.Element {
         const ws = useRef<WebSocket | null>(null);
         useEffect(() => {
           ws.current = new WebSocket('/live');
           ws.current!.onmessage = (e: MessageEvent<string>) => console.log(e.data);
           return () => ws.current?.close();
         }, []);
         return <div />;
       }`,
      errors: [error],
    },
    {
      code: `export class Feed {
         #ws: WebSocket | null = null;
         start(url: string): void {
           this.#ws = new WebSocket(url);
           this.#ws.onmessage = (e: MessageEvent) => console.log(e.data);
         }
       }`,
      errors: [error],
    },
  ],
});
