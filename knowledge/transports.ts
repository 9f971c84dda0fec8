import type { Attribute, Transport } from './schema.js';

// The five transports and the six attributes they are compared on. The short `value` of each
// attribute is the cell of the comparison table; `detail` says what lies behind it.

export const attributes: readonly Attribute[] = [
  { id: 'direction', label: 'Direction' },
  { id: 'latency', label: 'Latency' },
  { id: 'connectionCost', label: 'Connection cost' },
  { id: 'reconnection', label: 'Reconnection' },
  { id: 'binary', label: 'Binary data' },
  { id: 'httpSemantics', label: 'HTTP semantics' },
];

export const transports: readonly Transport[] = [
  {
    id: 'short-polling',
    name: 'Short polling',
    summary: 'The browser asks on a timer whether anything is new; most answers are "no".',
    api: 'fetch() on a timer',
    attributes: {
      direction: {
        value: 'Client to server',
        detail:
          'The browser opens every exchange; news only travels back as the answer to a request the browser chose to send.',
        facts: ['polling-load'],
      },
      latency: {
        value: 'High',
        detail:
          'A change waits for the next poll: half an interval on average, a full interval plus a round trip at worst.',
        facts: ['polling-delay'],
      },
      connectionCost: {
        value: 'High',
        detail:
          'Every client sends a full request with headers each interval, changed or not; 100,000 clients at 10 s make 10,000 requests per second at idle.',
        facts: ['polling-load', 'http-header-overhead'],
      },
      reconnection: {
        value: 'N/A',
        detail:
          'Nothing stays open, so nothing has to be re-established; a failed poll is retried at a later tick, ideally at the pace the server asks for.',
        facts: ['retry-after'],
      },
      binary: {
        value: 'Yes (HTTP)',
        detail: 'Each answer is an ordinary HTTP body, so any content type works, binary included.',
        facts: ['http-bodies-binary'],
      },
      httpSemantics: {
        value: 'Yes',
        detail:
          'Each poll is a normal request: caching, ETags and 304s, status codes, Retry-After, cookies and auth headers all apply.',
        facts: ['conditional-requests', 'retry-after'],
      },
    },
    useWhen: [
      'News is rare (a few times an hour) and a delay of one interval is acceptable.',
      'Only plain request/response HTTP gets through and the data can lag.',
      'The browser mostly sends, and reads back only occasionally.',
      'Simplicity matters more than freshness: any HTTP server, cache and CDN already handles it.',
    ],
    costs: [
      'Most polls come back empty: with one event every five minutes and a 10 s interval, about 97 % of requests are wasted.',
      'Updates are late by up to one full interval.',
      'Load grows with clients divided by interval, whether or not anything changes.',
      'Each poll pays full HTTP headers, and on mobile wakes the radio.',
    ],
    facts: ['polling-load', 'polling-delay', 'conditional-requests', 'http-header-overhead', 'mobile-radio-tail'],
  },
  {
    id: 'long-polling',
    name: 'Long polling',
    summary: 'The browser asks, the server holds the request until it has news or a timeout, and the browser asks again at once.',
    api: 'fetch() re-issued after every response',
    attributes: {
      direction: {
        value: 'Client to server',
        detail:
          'The browser still opens every exchange; the server only delays its answer until there is something to say.',
        facts: ['long-poll-hold'],
      },
      latency: {
        value: 'Low',
        detail:
          'An event reaches a waiting poll in about one network transit; one that lands between polls can take three (response, new request, response).',
        facts: ['long-poll-latency'],
      },
      connectionCost: {
        value: 'High (re-open)',
        detail:
          'Each event ends the request and a new one is opened, so busy feeds cost a full HTTP exchange per event and idle clients re-ask every hold period.',
        facts: ['long-poll-churn'],
      },
      reconnection: {
        value: 'Manual',
        detail:
          'The client loop re-issues each poll itself and must carry a cursor so that events arriving between polls are not lost.',
        facts: ['long-poll-gap'],
      },
      binary: {
        value: 'Yes',
        detail: 'Answers are ordinary HTTP bodies, so binary content types work.',
        facts: ['http-bodies-binary'],
      },
      httpSemantics: {
        value: 'Yes',
        detail:
          'Every poll is a normal request and response, marked no-cache so that no cache answers it with an old result.',
        facts: ['long-poll-no-cache'],
      },
    },
    useWhen: [
      'Updates must arrive quickly but the network only passes plain request/response HTTP.',
      'As the fallback behind WebSockets or Server-Sent Events for clients whose proxies block streaming.',
      'News is infrequent, so most held requests end in a timeout rather than a burst of re-polls.',
    ],
    costs: [
      'A full HTTP request and response per delivered event, plus a gap while the next poll is opened.',
      'Each hold must end before the smallest idle timeout on the path (about 25 to 30 s).',
      'The server must queue events per client between polls and answer duplicate polls.',
      'Several servers need sticky sessions or shared state, because each poll may land elsewhere.',
    ],
    facts: ['long-poll-hold', 'long-poll-latency', 'long-poll-churn', 'long-poll-gap', 'sticky-sessions'],
  },
  {
    id: 'sse',
    name: 'Server-Sent Events',
    summary: 'One long-lived HTTP response that the server keeps writing text events to; the browser reconnects by itself.',
    api: 'EventSource',
    attributes: {
      direction: {
        value: 'Server to client',
        detail:
          'The browser only reads the event stream; anything it sends goes in separate ordinary requests.',
        facts: ['sse-one-way'],
      },
      latency: {
        value: 'Low',
        detail: 'An event reaches the browser as soon as the server writes it and the path does not buffer it.',
        facts: ['sse-one-way', 'proxy-buffering'],
      },
      connectionCost: {
        value: 'Low (one stream)',
        detail:
          'One held response per client costs kilobytes on an event-loop server; over HTTP/2 it shares a connection with the other requests of the page.',
        facts: ['event-loop-memory', 'http2-streams'],
      },
      reconnection: {
        value: 'Automatic',
        detail:
          'EventSource reconnects after a few seconds on its own and sends Last-Event-ID so the server can replay what was missed.',
        facts: ['sse-auto-reconnect', 'sse-last-event-id'],
      },
      binary: {
        value: 'No (text only)',
        detail: 'The stream is UTF-8 text; binary must be base64-encoded, about a third larger.',
        facts: ['sse-text-only', 'base64-overhead'],
      },
      httpSemantics: {
        value: 'Yes',
        detail:
          'It is an ordinary GET response, so cookies, CORS, status codes, auth middleware and HTTP/2 multiplexing keep working.',
        facts: ['sse-http-semantics'],
      },
    },
    useWhen: [
      'Only the server has news and the payload is text or JSON: notifications, dashboards, feeds, live counters.',
      'Streaming AI responses token by token.',
      'You want reconnection and resume without writing them yourself.',
      'You want to keep plain HTTP tooling: cookies, CORS, proxies, HTTP/2.',
    ],
    costs: [
      'One direction only: the browser sends through separate requests.',
      'Text only: binary needs base64, about 33 % larger.',
      'On HTTP/1.1 each stream takes one of six connections per host shared by every tab.',
      'EventSource cannot send custom headers such as Authorization.',
      'Buffering proxies and compression middleware must be told to pass events through at once.',
    ],
    facts: ['sse-one-way', 'sse-auto-reconnect', 'sse-last-event-id', 'sse-text-only', 'sse-six-connections', 'eventsource-no-headers'],
  },
  {
    id: 'websocket',
    name: 'WebSockets',
    summary: 'One persistent full-duplex connection, opened by an HTTP upgrade, on which both sides send messages at any time.',
    api: 'WebSocket',
    attributes: {
      direction: {
        value: 'Bidirectional',
        detail: 'After the handshake either side may send at any moment over the same connection.',
        facts: ['ws-bidirectional'],
      },
      latency: {
        value: 'Lowest',
        detail:
          'Messages flow in both directions without a request per message, and each carries only a few bytes of framing.',
        facts: ['ws-bidirectional', 'ws-frame-overhead'],
      },
      connectionCost: {
        value: 'Lowest',
        detail:
          'After one handshake a message costs about 2 to 14 bytes of framing, and an idle socket costs kilobytes on an event-loop server.',
        facts: ['ws-frame-overhead', 'event-loop-memory'],
      },
      reconnection: {
        value: 'Manual',
        detail:
          'The browser never reopens a closed socket; the application must reconnect with backoff and resume from its own cursor.',
        facts: ['ws-no-auto-reconnect'],
      },
      binary: {
        value: 'Yes',
        detail: 'Frames are typed text or binary; the browser delivers binary as a Blob or ArrayBuffer.',
        facts: ['ws-binary'],
      },
      httpSemantics: {
        value: 'No (after upgrade)',
        detail:
          'Only the opening request is HTTP; afterwards there are no status codes, headers or caching, and proxies must be set up to pass the upgrade.',
        facts: ['ws-upgrade-handshake', 'ws-no-http-semantics', 'nginx-upgrade'],
      },
    },
    useWhen: [
      'Both sides talk at any time: chat, multiplayer games, collaborative editing, live trading.',
      'The server pushes binary data such as images, audio or protobuf frames.',
      'The browser sends many small messages that must arrive quickly.',
    ],
    costs: [
      'No built-in reconnection or resume: backoff, cursors and replay are yours to write.',
      'Proxies and load balancers need explicit upgrade support and idle-timeout tuning; some corporate networks block it.',
      'The browser API sends no custom headers and no pings, so authentication and liveness need care.',
      'No HTTP semantics after the upgrade: errors and authorization live in your own protocol.',
    ],
    facts: ['ws-bidirectional', 'ws-frame-overhead', 'ws-binary', 'ws-no-auto-reconnect', 'ws-no-http-semantics', 'corporate-proxies'],
  },
  {
    id: 'webrtc',
    name: 'WebRTC',
    summary: 'Browser-to-browser media and data over UDP with NAT traversal; the server only introduces the peers and relays when it must.',
    api: 'RTCPeerConnection and RTCDataChannel',
    attributes: {
      direction: {
        value: 'Peer to peer',
        detail: 'Data flows between browsers; servers only carry signaling and, when no direct path exists, relayed traffic.',
        facts: ['webrtc-p2p'],
      },
      latency: {
        value: 'Lowest',
        detail:
          'A direct UDP path skips the server hop, and unordered, partially reliable channels drop late data instead of waiting for it.',
        facts: ['webrtc-p2p', 'webrtc-datachannel'],
      },
      connectionCost: {
        value: 'Per peer (ICE/TURN)',
        detail:
          'Every pair of peers negotiates through a signaling channel, and a sizeable share of sessions needs a paid TURN relay.',
        facts: ['webrtc-signaling', 'webrtc-stun', 'webrtc-turn'],
      },
      reconnection: {
        value: 'Manual (ICE restart)',
        detail: 'When the path breaks the application must restart ICE and renegotiate over its signaling channel.',
        facts: ['webrtc-ice-restart'],
      },
      binary: {
        value: 'Yes',
        detail: 'Data channels carry strings, Blobs and ArrayBuffers.',
        facts: ['webrtc-datachannel'],
      },
      httpSemantics: {
        value: 'No',
        detail: 'It runs on ICE, DTLS, SRTP and SCTP; nothing of HTTP applies.',
        facts: ['webrtc-not-http'],
      },
    },
    useWhen: [
      'Audio or video calls and screen sharing between browsers.',
      'Direct file transfer between users without routing the bytes through your servers.',
      'Latency-critical data between browsers where late packets are better dropped than waited for.',
    ],
    costs: [
      'Needs a signaling channel you build (usually a WebSocket) before any peer connects.',
      'Needs STUN and TURN servers; roughly 15 to 30 % of sessions are relayed and you pay for that bandwidth.',
      'Not a client-server transport: a server that wants to push news still needs another channel.',
      'Reconnection means an ICE restart and renegotiation.',
    ],
    facts: ['webrtc-p2p', 'webrtc-signaling', 'webrtc-turn', 'webrtc-ice-restart', 'webrtc-datachannel'],
  },
];
