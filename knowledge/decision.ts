import type { DecisionLeaf, DecisionNode } from './schema.js';

// The guide's "How to decide", as a tree the engine walks. Each case is tried in order and the
// first whose `when` matches is taken; its `because` becomes one line of the trace. Where the
// guide is silent (client-to-server, peer-to-peer without streaming) the cases say why.

const pollingWhenRelaxed = (subject: string): DecisionNode => ({
  id: `${subject}-latency`,
  label: 'How soon must an update arrive?',
  cases: [
    {
      id: `${subject}-relaxed`,
      when: { latency: 'relaxed' },
      because: 'a delay of one polling interval is acceptable',
      then: {
        transport: 'short-polling',
        because:
          'Only plain request/response gets through and a delay is acceptable, so ask on a timer: the simplest design, with no connection held open.',
        facts: ['polling-load'],
      },
    },
    {
      id: `${subject}-low`,
      when: { latency: 'low' },
      because: 'updates must arrive quickly',
      then: {
        transport: 'long-polling',
        because:
          'Only plain request/response gets through but updates must be quick, so the server holds each request until it has news; the client re-asks at once after every answer.',
        facts: ['long-poll-hold'],
      },
    },
  ],
});

const serverToClient: DecisionNode = {
  id: 'server-push',
  label: 'Rare news, delay acceptable?',
  cases: [
    {
      id: 'push-rare-relaxed',
      when: { updates: 'rare', latency: 'relaxed' },
      because: 'news is rare and a delay is acceptable',
      then: {
        transport: 'short-polling',
        because:
          'News is rare and may lag, so a timed request (ideally conditional, answered 304 when nothing changed) costs less than holding a connection open per user.',
        facts: ['polling-load', 'conditional-requests'],
      },
    },
    {
      id: 'push-binary',
      when: { binary: true },
      because: 'the pushed data is binary',
      then: {
        transport: 'websocket',
        because:
          'The server pushes binary data and Server-Sent Events carry text only; WebSocket frames carry binary natively.',
        facts: ['sse-text-only', 'ws-binary'],
      },
    },
    {
      id: 'push-text',
      when: { binary: false },
      because: 'the pushed data is text',
      then: {
        transport: 'sse',
        because:
          'One-way text push over plain HTTP: EventSource is built into browsers, reconnects by itself and resumes with Last-Event-ID. Simpler to run than WebSockets and cheaper than polling.',
        facts: ['sse-auto-reconnect', 'sse-last-event-id'],
      },
    },
  ],
};

const clientToServer: DecisionNode = {
  id: 'client-send',
  label: 'Frequent sends needed fast?',
  cases: [
    {
      id: 'send-frequent-low',
      when: { updates: 'frequent', latency: 'low' },
      because: 'the client sends often and each message must arrive quickly',
      then: {
        transport: 'websocket',
        because:
          'Frequent low-latency messages from the browser pay full HTTP headers per request; after one handshake a WebSocket frame costs a few bytes.',
        facts: ['ws-frame-overhead', 'http-header-overhead'],
      },
    },
    {
      id: 'send-plain',
      when: {},
      because: 'the client sends occasionally or may wait',
      then: {
        transport: 'short-polling',
        because:
          'Nothing needs pushing to the browser: ordinary HTTP requests (fetch POST) are enough, and a timer-driven request covers any occasional read-back.',
        facts: ['polling-load'],
      },
    },
  ],
};

export const decisionTree: DecisionNode = {
  id: 'root',
  label: 'Can the network carry streams?',
  cases: [
    {
      id: 'streaming-blocked',
      when: { streaming: 'blocked' },
      because:
        'only plain request/response HTTP gets through, which rules out Server-Sent Events, WebSockets and WebRTC whatever the direction',
      facts: ['proxy-buffering', 'corporate-proxies'],
      then: {
        id: 'blocked-direction',
        label: 'Which way does the data flow?',
        cases: [
          {
            id: 'blocked-client-to-server',
            when: { direction: 'client-to-server' },
            because: 'the browser only sends, so nothing has to be held open',
            then: {
              transport: 'short-polling',
              because:
                'Nothing needs pushing to the browser: ordinary HTTP requests carry the data, and a timer-driven request covers any read-back.',
              facts: ['polling-load'],
            },
          },
          {
            id: 'blocked-peer-to-peer',
            when: { direction: 'peer-to-peer' },
            because:
              'WebRTC needs UDP or a TURN relay, which this network does not allow, so peers exchange data through the server over HTTP',
            facts: ['webrtc-turn'],
            then: pollingWhenRelaxed('blocked-p2p'),
          },
          {
            id: 'blocked-bidirectional',
            when: { direction: 'bidirectional' },
            because:
              'the client sends with ordinary requests and receives over held requests, the fallback Socket.IO and SignalR use when WebSockets cannot get through',
            facts: ['socketio-polling-first', 'signalr-fallback'],
            then: pollingWhenRelaxed('blocked-bidi'),
          },
          {
            id: 'blocked-server-to-client',
            when: { direction: 'server-to-client' },
            because: 'the server has news but cannot stream it',
            then: pollingWhenRelaxed('blocked-push'),
          },
        ],
      },
    },
    {
      id: 'streaming-allowed',
      when: { streaming: 'allowed' },
      because: 'long-lived connections get through, so every transport is possible',
      then: {
        id: 'allowed-direction',
        label: 'Which way does the data flow?',
        cases: [
          {
            id: 'peer-to-peer',
            when: { direction: 'peer-to-peer' },
            because: 'data flows between browsers',
            then: {
              transport: 'webrtc',
              because:
                'Browser-to-browser media and data go over WebRTC: UDP with NAT traversal, so traffic need not pass through your servers (a signaling channel and a TURN relay are still needed).',
              facts: ['webrtc-p2p', 'webrtc-turn'],
            },
          },
          {
            id: 'bidirectional',
            when: { direction: 'bidirectional' },
            because: 'both sides speak at any time',
            then: {
              transport: 'websocket',
              because:
                'Either side can send at any moment over one persistent connection, with the lowest per-message overhead once the handshake is done.',
              facts: ['ws-bidirectional', 'ws-frame-overhead'],
            },
          },
          {
            id: 'client-to-server',
            when: { direction: 'client-to-server' },
            because: 'only the browser sends',
            then: clientToServer,
          },
          {
            id: 'server-to-client',
            when: { direction: 'server-to-client' },
            because: 'only the server has news',
            then: serverToClient,
          },
        ],
      },
    },
  ],
};

export function isLeaf(step: DecisionNode | DecisionLeaf): step is DecisionLeaf {
  return 'transport' in step;
}
