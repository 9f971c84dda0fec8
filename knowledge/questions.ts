import type { Question } from './schema.js';

// The requirement questions. The CLI derives its prompts and flags from this list, the answers
// file and the ESLint settings are validated against it, and each default is documented here.
export const questions: readonly Question[] = [
  {
    id: 'direction',
    core: true,
    prompt: 'Which way does the data flow?',
    why: 'One-way push, two-way messaging and browser-to-browser traffic need different transports.',
    kind: 'choice',
    choices: [
      { value: 'server-to-client', label: 'Server to client', hint: 'the server has news: notifications, dashboards, feeds, AI token streams' },
      { value: 'client-to-server', label: 'Client to server', hint: 'the browser reports: uploads, telemetry, form saves' },
      { value: 'bidirectional', label: 'Both ways', hint: 'either side speaks at any time: chat, games, collaborative editing' },
      { value: 'peer-to-peer', label: 'Browser to browser', hint: 'calls, screen sharing, direct file transfer' },
    ],
    default: 'server-to-client',
  },
  {
    id: 'latency',
    core: true,
    prompt: 'How soon must an update arrive?',
    why: 'Polling adds up to one interval of delay; streams deliver within one network trip.',
    kind: 'choice',
    choices: [
      { value: 'low', label: 'Within a second', hint: 'users watch it happen' },
      { value: 'relaxed', label: 'Seconds to minutes are fine', hint: 'a badge or a report may lag' },
    ],
    default: 'low',
  },
  {
    id: 'updates',
    core: true,
    prompt: 'How often is there news?',
    why: 'With rare news most polls come back empty; with frequent news a held connection pays off.',
    kind: 'choice',
    choices: [
      { value: 'frequent', label: 'Often', hint: 'several times a minute or more' },
      { value: 'rare', label: 'Rarely', hint: 'a few times an hour or less' },
    ],
    default: 'frequent',
  },
  {
    id: 'streaming',
    core: true,
    prompt: 'Can your network path keep a response open and stream it?',
    why: 'Some proxies, firewalls and hosts only pass short request/response exchanges.',
    kind: 'choice',
    choices: [
      { value: 'allowed', label: 'Yes', hint: 'long-lived HTTP responses and WebSocket upgrades get through' },
      { value: 'blocked', label: 'No, plain request/response only', hint: 'a buffering proxy or a host that cuts open responses' },
    ],
    default: 'allowed',
  },
  {
    id: 'binary',
    core: true,
    prompt: 'Does the server push binary data (not text or JSON)?',
    why: 'Server-Sent Events carry UTF-8 text only; binary would need base64 (about a third larger).',
    kind: 'boolean',
    choices: [
      { value: false, label: 'No', hint: 'text or JSON' },
      { value: true, label: 'Yes', hint: 'images, audio, protobuf or MessagePack frames' },
    ],
    default: false,
  },
  {
    id: 'scale',
    core: false,
    prompt: 'How many server instances hold the connections?',
    why: 'Several instances need sticky sessions or a pub/sub backplane to reach every client.',
    kind: 'choice',
    choices: [
      { value: 'small', label: 'One', hint: 'a single server process' },
      { value: 'large', label: 'Several', hint: 'many instances behind a load balancer' },
    ],
    default: 'small',
  },
  {
    id: 'platform',
    core: false,
    prompt: 'Where does the server code run?',
    why: 'Request-scoped functions cap how long a connection may stay open.',
    kind: 'choice',
    choices: [
      { value: 'server', label: 'Long-lived server', hint: 'a Node, Go, JVM or Python process, container or VM' },
      { value: 'serverless', label: 'Serverless functions', hint: 'AWS Lambda, Vercel or Netlify functions' },
      { value: 'edge', label: 'Edge workers', hint: 'Cloudflare Workers and Durable Objects' },
    ],
    default: 'server',
  },
  {
    id: 'http',
    core: false,
    prompt: 'Which HTTP version reaches the browser?',
    why: 'On HTTP/1.1 a browser opens at most six connections per host, shared by all tabs.',
    kind: 'choice',
    choices: [
      { value: 'http1', label: 'HTTP/1.1 or unsure', hint: 'assume the strictest limits' },
      { value: 'http2', label: 'HTTP/2 or HTTP/3 end to end', hint: 'many streams share one connection' },
    ],
    default: 'http1',
  },
  {
    id: 'auth',
    core: false,
    prompt: 'How do requests authenticate?',
    why: 'The browser EventSource and WebSocket APIs cannot send an Authorization header.',
    kind: 'choice',
    choices: [
      { value: 'cookie', label: 'Cookies', hint: 'a session cookie on the same site' },
      { value: 'header', label: 'A header token', hint: 'Authorization: Bearer ... or an API key header' },
    ],
    default: 'cookie',
  },
];
