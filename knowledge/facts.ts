import type { Fact } from './schema.js';

// Sourced statements the recommendations, mismatches and checklist items cite by id. Figures are
// defaults or measurements at the time of writing; platforms change their limits.
export const facts: readonly Fact[] = [
  // Short polling
  {
    id: 'polling-load',
    text: 'Short polling sends one request per client per interval whether or not anything changed, so 100,000 clients polling every 10 s make 10,000 requests per second even when nothing happens. With one event every five minutes, about 97 % of those polls come back empty.',
    sources: ['rfc6202'],
  },
  {
    id: 'polling-delay',
    text: 'A change that lands just after a poll waits for the next one, so polling adds half an interval of delay on average and up to a full interval plus a round trip at worst.',
    sources: ['rfc6202'],
  },
  {
    id: 'conditional-requests',
    text: 'A poll can carry the last ETag in If-None-Match; when nothing changed the server answers 304 Not Modified with no body. GitHub does not count authenticated 304 answers against its primary rate limit.',
    sources: ['rfc9110', 'github-rest-best-practices'],
  },
  {
    id: 'retry-after',
    text: 'Retry-After gives a client a wait in seconds or an HTTP date, typically on 429 Too Many Requests or 503 Service Unavailable, which lets the server slow its pollers down when it is under load.',
    sources: ['rfc9110', 'mdn-retry-after'],
  },
  {
    id: 'poll-interval-hint',
    text: "GitHub's events API tells clients how long to wait between polls in an X-Poll-Interval header (for example 60 s) and may raise it under load; clients are expected to obey it.",
    sources: ['github-events-api', 'github-rest-best-practices'],
  },
  {
    id: 'setinterval-overlap',
    text: 'setInterval fires on schedule even if the previous call has not finished, so a slow poll can overlap the next one; scheduling each poll with setTimeout once the previous response arrives guarantees a gap between them.',
    sources: ['mdn-setinterval'],
  },
  {
    id: 'page-visibility',
    text: "The Page Visibility API reports when a tab is hidden (document.visibilityState and the visibilitychange event), so a page can stop polling while nobody looks at it. The fetch-event-source client closes its stream on hide by default and reopens it with the last event id.",
    sources: ['mdn-page-visibility', 'fetch-event-source'],
  },
  {
    id: 'mobile-radio-tail',
    text: 'On LTE the radio lingers in a high-power state for roughly 10 s after each transfer, so any poll or heartbeat that wakes it pays that tail; frequent small requests cost battery out of proportion to their bytes.',
    sources: ['lte-power-mobisys'],
  },
  {
    id: 'http-bodies-binary',
    text: 'An ordinary HTTP response can carry any media type, binary included, labelled by its Content-Type, so polling and long polling move images or protobuf as easily as JSON.',
    sources: ['rfc9110'],
  },
  {
    id: 'http-header-overhead',
    text: 'An HTTP/1.1 request usually carries 700 to 800 bytes of headers, and cookies can push it past 2 KB, paid again on every poll; HTTP/2 header compression removes most of the repetition after the first request.',
    sources: ['spdy-whitepaper', 'rfc9113'],
  },

  // Long polling
  {
    id: 'long-poll-hold',
    text: 'In long polling the server keeps each request open until it has news or a timeout passes, then the client asks again at once. About 30 s is the commonly safe hold time, because intermediaries may cut idle requests not much later.',
    sources: ['rfc6202', 'firestore-long-polling'],
  },
  {
    id: 'long-poll-latency',
    text: 'A long poll that is already waiting delivers an event in about one network transit, but an event that arrives just after a response has to wait for the response, the new request and the next response: three transits.',
    sources: ['rfc6202'],
  },
  {
    id: 'long-poll-churn',
    text: 'Every delivered event ends the long poll, so a busy feed costs at least one full HTTP request and response per event, and idle clients still re-ask once per hold period (100,000 clients holding 30 s is about 3,300 requests per second).',
    sources: ['rfc6202'],
  },
  {
    id: 'long-poll-gap',
    text: 'Between one long-poll response and the next request nothing is listening, so the server has to queue events per client and the client has to say which event it saw last, or news is lost in the gap.',
    sources: ['rfc6202'],
  },
  {
    id: 'long-poll-no-cache',
    text: 'Long-poll requests and responses should be marked Cache-Control: no-cache so that browser and proxy caches never answer a poll with an old result.',
    sources: ['rfc6202', 'rfc9111'],
  },
  {
    id: 'long-poll-duplicate',
    text: 'When a second long poll arrives from the same browser, the server should answer the older one immediately; otherwise stale held requests use up the few connections the browser allows per host.',
    sources: ['rfc6202'],
  },
  {
    id: 'long-poll-hold-defaults',
    text: "Real systems hold polls for well under a minute: Firestore's hanging GET defaults to 30 s (configurable between 5 and 30 s), and Engine.IO pings every 25 s.",
    sources: ['firestore-long-polling', 'socketio-how-it-works'],
  },

  // Server-Sent Events
  {
    id: 'sse-one-way',
    text: 'Server-Sent Events are one long-lived GET response of type text/event-stream that the server keeps writing to; events reach the browser as soon as they are written, but nothing flows back on that stream.',
    sources: ['whatwg-sse', 'mdn-eventsource'],
  },
  {
    id: 'sse-text-only',
    text: 'An event stream must be UTF-8 text made of data, event, id and retry fields, so binary payloads have to be encoded, for example as base64, before they can be sent.',
    sources: ['whatwg-sse'],
  },
  {
    id: 'base64-overhead',
    text: 'Base64 turns every 3 bytes into 4 characters, making binary data about a third larger before any other overhead.',
    sources: ['rfc4648'],
  },
  {
    id: 'sse-auto-reconnect',
    text: 'EventSource reconnects on its own after a network error, waiting a reconnection delay (about 3 s in Chromium and 5 s in Firefox by default) that the server can change with a retry: field in milliseconds.',
    sources: ['whatwg-sse', 'mdn-eventsource'],
  },
  {
    id: 'sse-last-event-id',
    text: 'When an event has an id field, the browser remembers it and sends it back in a Last-Event-ID request header on reconnect; replaying what was missed is up to the server, which must keep recent events.',
    sources: ['whatwg-sse'],
  },
  {
    id: 'sse-stop-204',
    text: 'If a (re)connection answers with any status other than 200 or with the wrong Content-Type, EventSource closes for good instead of retrying; a 204 No Content is the clean way for the server to say stop.',
    sources: ['whatwg-sse', 'mdn-eventsource'],
  },
  {
    id: 'sse-comment-heartbeat',
    text: 'Lines that start with a colon are comments the client ignores; the specification suggests sending one roughly every 15 s because some proxies drop HTTP connections that look idle.',
    sources: ['whatwg-sse'],
  },
  {
    id: 'sse-six-connections',
    text: 'Over HTTP/1.1 a browser opens at most six connections per host, shared by all its tabs, and every open EventSource holds one of them; browser vendors have declined to raise the limit.',
    sources: ['mdn-eventsource'],
  },
  {
    id: 'http2-streams',
    text: 'Over HTTP/2 many streams share one connection, limited by the SETTINGS_MAX_CONCURRENT_STREAMS the server announces; the specification recommends allowing at least 100 and 100 is the usual default.',
    sources: ['rfc9113', 'mdn-eventsource'],
  },
  {
    id: 'sse-tab-sharing',
    text: 'Tabs of one site can share a single event stream: one SharedWorker owns the EventSource, or a leader tab owns it and relays events to the others over a BroadcastChannel.',
    sources: ['whatwg-sse', 'mdn-sharedworker', 'mdn-broadcastchannel'],
  },
  {
    id: 'eventsource-no-headers',
    text: 'The EventSource constructor takes only a URL and a withCredentials flag: it always sends a GET with no body and cannot add headers such as Authorization.',
    sources: ['mdn-eventsource', 'fetch-event-source'],
  },
  {
    id: 'sse-auth-workarounds',
    text: 'A stream that needs credentials can rely on cookies (cross-origin that needs withCredentials plus an exact Access-Control-Allow-Origin and Allow-Credentials), a short-lived token in the query string (which lands in access logs), or a fetch-based client that sets Authorization itself. SignalR puts its bearer token in an access_token query parameter for the same reason.',
    sources: ['fetch-event-source', 'mdn-eventsource', 'signalr-auth'],
  },
  {
    id: 'sse-http-semantics',
    text: 'Because an event stream is an ordinary HTTP response, cookies, CORS, status codes, existing auth middleware and HTTP/2 multiplexing all keep working.',
    sources: ['whatwg-sse', 'mdn-eventsource'],
  },

  // WebSockets
  {
    id: 'ws-bidirectional',
    text: 'Once the opening handshake succeeds, a WebSocket is one full-duplex connection on which either side may send a message at any time.',
    sources: ['rfc6455', 'mdn-websocket'],
  },
  {
    id: 'ws-upgrade-handshake',
    text: 'A WebSocket opens as an HTTP GET carrying Upgrade: websocket; the server replies 101 Switching Protocols and from then on the connection carries WebSocket frames instead of HTTP.',
    sources: ['rfc6455'],
  },
  {
    id: 'ws-no-http-semantics',
    text: 'After the upgrade there are no per-message status codes, headers, caching or redirects, so errors, authorization changes and retries must be designed into the application protocol.',
    sources: ['rfc6455'],
  },
  {
    id: 'ws-binary',
    text: 'WebSocket frames are typed as text or binary, and the browser hands binary messages over as a Blob or an ArrayBuffer depending on binaryType.',
    sources: ['rfc6455', 'mdn-websocket'],
  },
  {
    id: 'ws-frame-overhead',
    text: 'A WebSocket frame header is 2 bytes, plus 2 or 8 for longer payloads and a 4-byte mask on frames from the browser, so a message costs roughly 2 to 14 bytes of framing.',
    sources: ['rfc6455'],
  },
  {
    id: 'ws-no-auto-reconnect',
    text: 'The browser WebSocket object does not reconnect: after close fires the page must create a new socket itself, and nothing in the protocol resumes where the old one stopped.',
    sources: ['mdn-websocket', 'rfc6455'],
  },
  {
    id: 'ws-ping-pong',
    text: 'RFC 6455 defines ping and pong control frames (payload at most 125 bytes); an endpoint that receives a ping must answer with a pong as soon as it can, which makes pings a keepalive and a liveness check.',
    sources: ['rfc6455'],
  },
  {
    id: 'ws-browser-no-ping',
    text: 'The browser WebSocket API cannot send pings or observe pongs; the browser answers server pings by itself, so a page that wants to detect a dead connection needs heartbeat messages of its own.',
    sources: ['whatwg-websockets', 'mdn-websocket'],
  },
  {
    id: 'ws-server-heartbeat',
    text: 'The ws library for Node documents pinging every client about every 30 s and terminating any socket that has not answered the previous ping.',
    sources: ['ws-readme'],
  },
  {
    id: 'ws-no-headers',
    text: 'The browser WebSocket constructor accepts only a URL and a list of subprotocols, so it cannot send an Authorization header; Socket.IO ignores its extraHeaders option in browsers when only the WebSocket transport is enabled.',
    sources: ['mdn-websocket', 'socketio-client-options'],
  },
  {
    id: 'ws-cswsh',
    text: 'WebSocket handshakes are not restricted by the same-origin policy or CORS, so if the server authenticates by cookie alone any site can open a socket as the user (cross-site WebSocket hijacking) unless the server checks the Origin header.',
    sources: ['zap-cswsh', 'rfc6455'],
  },
  {
    id: 'ws-backpressure',
    text: 'The classic WebSocket API cannot slow the sender down: incoming messages are queued in memory, and the only send-side signal is bufferedAmount, the number of bytes still waiting to go out.',
    sources: ['mdn-websocket'],
  },
  {
    id: 'ws-deflate-memory',
    text: 'permessage-deflate keeps zlib state per connection; the ws library therefore leaves it off on the server by default, and one measurement with ws 8 on Node 20 found about 230 KB per active connection with it on against about 7 KB with it off.',
    sources: ['rfc7692', 'ws-readme', 'ws-deflate-issue'],
  },
  {
    id: 'ws-over-http2',
    text: 'RFC 8441 lets a WebSocket run as one stream of an HTTP/2 connection through an extended CONNECT request, alongside other requests to the same host; servers that only accept the HTTP/1.1 GET upgrade must support it explicitly.',
    sources: ['rfc8441'],
  },
  {
    id: 'nginx-upgrade',
    text: 'nginx passes WebSockets only when told to: proxy_http_version 1.1 and explicit Upgrade and Connection headers, because both are hop-by-hop. It also closes the proxied connection when the upstream is silent for proxy_read_timeout, 60 s by default.',
    sources: ['nginx-websocket'],
  },

  // WebRTC
  {
    id: 'webrtc-p2p',
    text: 'WebRTC connects two browsers directly, normally over UDP, using ICE to find a path through NATs; once connected, media and data channels do not pass through the application servers.',
    sources: ['mdn-webrtc-api', 'mdn-webrtc-protocols'],
  },
  {
    id: 'webrtc-signaling',
    text: 'WebRTC defines no signaling: the application must carry SDP offers, answers and ICE candidates between the peers over a channel it builds itself, usually a WebSocket or plain HTTP.',
    sources: ['mdn-webrtc-signaling'],
  },
  {
    id: 'webrtc-stun',
    text: 'A STUN server tells a peer the public address its NAT gives it; when the NATs or firewalls on both sides still prevent a direct path, traffic must be relayed through a TURN server.',
    sources: ['mdn-webrtc-protocols'],
  },
  {
    id: 'webrtc-turn',
    text: 'Roughly 15 to 30 % of WebRTC sessions cannot connect directly and run through a TURN relay (callstats.io saw about 22 to 30 %, Twilio about 15 %), and the relay operator pays for all that bandwidth; networks that block UDP push the share higher.',
    sources: ['turn-usage-summary', 'turn-usage-callstats'],
  },
  {
    id: 'webrtc-datachannel',
    text: 'RTCDataChannel carries strings, Blobs and ArrayBuffers over SCTP on DTLS, and each channel can be made unordered and partially reliable with maxRetransmits or maxPacketLifeTime so late data is dropped instead of delaying the rest.',
    sources: ['mdn-rtcdatachannel', 'mdn-webrtc-api'],
  },
  {
    id: 'webrtc-ice-restart',
    text: 'When the network path changes or fails, RTCPeerConnection.restartIce() gathers fresh candidates and renegotiates through the signaling channel; nothing re-establishes a dropped peer connection automatically.',
    sources: ['mdn-restartice'],
  },
  {
    id: 'webrtc-not-http',
    text: 'WebRTC runs on ICE, STUN, TURN, DTLS, SRTP and SCTP rather than HTTP, so HTTP caches, status codes and cookie-based middleware play no part in it.',
    sources: ['mdn-webrtc-protocols'],
  },

  // Networks, proxies and load balancers
  {
    id: 'proxy-buffering',
    text: 'nginx buffers proxied responses by default, which holds back a stream until a buffer fills; an upstream can switch buffering off for one response by sending X-Accel-Buffering: no.',
    sources: ['nginx-proxy-buffering'],
  },
  {
    id: 'compression-buffering',
    text: 'Compression middleware such as Express compression collects output before compressing it, so an event stream stalls unless the code calls res.flush() after each event; it leaves responses marked Cache-Control: no-transform alone.',
    sources: ['express-compression'],
  },
  {
    id: 'cache-no-transform',
    text: 'Cache-Control: no-cache makes caches revalidate instead of reusing a stored response, and no-transform tells intermediaries not to modify the body, for example by recompressing it.',
    sources: ['rfc9111'],
  },
  {
    id: 'corporate-proxies',
    text: 'Corporate proxies, personal firewalls and antivirus software can block WebSocket upgrades or hold back streamed chunks, which is why realtime SDKs such as Socket.IO and Pusher keep plain-HTTP fallbacks.',
    sources: ['socketio-how-it-works', 'pusher-fallbacks', 'ably-websocket-compat', 'caniuse-eventsource'],
  },
  {
    id: 'socketio-polling-first',
    text: 'Socket.IO connects with HTTP long polling first and upgrades to a WebSocket only when a probe succeeds, because a WebSocket that a network blocks can take up to about 10 s to fail.',
    sources: ['socketio-how-it-works'],
  },
  {
    id: 'signalr-fallback',
    text: 'SignalR picks the best transport that both client and server support, trying WebSockets first, then Server-Sent Events, then long polling, so clients behind networks that refuse WebSockets still connect.',
    sources: ['signalr-introduction'],
  },
  {
    id: 'idle-timeout-alb',
    text: 'An AWS Application Load Balancer closes a connection after 60 s without data by default (configurable from 1 to 4,000 s).',
    sources: ['aws-alb-attributes'],
  },
  {
    id: 'idle-timeout-cloudflare',
    text: "Cloudflare's proxy gives an origin 100 s to send data before returning error 524, and only Enterprise plans can change that; Cloudflare also restarts edge servers, which drops open WebSockets.",
    sources: ['cloudflare-connection-limits'],
  },
  {
    id: 'idle-timeout-heroku',
    text: "Heroku's router requires the first response byte within 30 s, then keeps a streaming or WebSocket connection alive only while some data passes in every 55 s window.",
    sources: ['heroku-request-timeout'],
  },
  {
    id: 'heartbeat-race',
    text: 'A heartbeat equal to the idle timeout is not enough: a Mattermost deployment pinging every 60 s behind an ALB with a 60 s idle timeout saw about 61 % timeout errors under load until the timeout was raised to 300 s.',
    sources: ['mattermost-alb-timeouts'],
  },

  // Scaling
  {
    id: 'sticky-sessions',
    text: 'Socket.IO needs sticky sessions on several nodes whenever long polling is enabled, otherwise requests reach a node that does not know the session and fail with HTTP 400; a WebSocket-only setup does not need them.',
    sources: ['socketio-multiple-nodes'],
  },
  {
    id: 'signalr-sticky',
    text: 'SignalR on several servers needs sticky sessions, even with a Redis backplane, unless all clients use WebSockets with SkipNegotiation or the connections are handed to Azure SignalR Service.',
    sources: ['signalr-scale'],
  },
  {
    id: 'pubsub-fanout',
    text: 'Each server instance knows only the clients connected to it, so an event must be published to every instance (a Redis or similar pub/sub backplane) and each delivers it to its own clients; a reconnect may land on any instance.',
    sources: ['socketio-multiple-nodes', 'signalr-scale'],
  },
  {
    id: 'stateless-resume',
    text: "The Model Context Protocol replaced its session-bound SSE transport because a stream opened on one serverless instance and a POST landing on another lost the session; its successor answers plain POSTs, streams when needed and resumes with Last-Event-ID.",
    sources: ['mcp-streamable-http', 'mcp-serverless-session'],
  },
  {
    id: 'event-loop-memory',
    text: 'On an event-loop server an idle connection costs kilobytes: about 10 KB per connection is reachable in Go, and in one measurement on Node 20 an idle ws socket took about 7 KB and an open SSE response about 12 KB; memory grows linearly with connected clients.',
    sources: ['gobwas-ws-memory', 'socketio-memory'],
  },
  {
    id: 'scale-whatsapp',
    text: 'WhatsApp held more than 2 million TCP connections on a single FreeBSD and Erlang server with 24 logical CPUs and about 96 GB of RAM in 2012.',
    sources: ['whatsapp-2m'],
  },
  {
    id: 'scale-phoenix',
    text: 'The Phoenix framework reached about 2 million WebSocket connections in one chat room on a single 40-core, 128 GB machine in 2015.',
    sources: ['phoenix-2m'],
  },
  {
    id: 'socketio-broadcast-cpu',
    text: 'In a community benchmark, broadcasting 1 KB per second to about 30,000 Socket.IO clients saturated one Node process on a 4-vCPU machine, so fan-out CPU, not memory, is often the first limit.',
    sources: ['socketio-benchmark'],
  },
  {
    id: 'reconnect-jitter',
    text: "Socket.IO's client waits 1 s before its first reconnection attempt, grows the delay up to 5 s and randomizes each delay by ±50 %, so clients dropped together do not all return at the same instant.",
    sources: ['socketio-client-options'],
  },

  // Serverless and edge
  {
    id: 'lambda-streaming',
    text: 'AWS Lambda can stream a response through a function URL or InvokeWithResponseStream, up to 200 MB, but an invocation runs at most 900 s (15 minutes), so a stream from Lambda must end and be resumed.',
    sources: ['aws-lambda-streaming', 'aws-lambda-timeout'],
  },
  {
    id: 'apigw-websocket-limits',
    text: 'API Gateway WebSocket APIs close a connection after 2 hours in any case and after 10 minutes without traffic, cap messages at 128 KB (32 KB frames) and accept 500 new connections per second per account and region by default.',
    sources: ['aws-apigw-websocket-quotas'],
  },
  {
    id: 'vercel-duration',
    text: 'Vercel Functions run for at most 300 s by default and up to 800 s on Pro and Enterprise, and are billed for wall-clock time, including time spent holding a streamed response open.',
    sources: ['vercel-duration', 'vercel-limitations'],
  },
  {
    id: 'netlify-limits',
    text: 'Netlify synchronous functions stop after 60 s and a streamed response may carry at most 20 MB.',
    sources: ['netlify-functions'],
  },
  {
    id: 'cloudflare-workers',
    text: 'A Cloudflare Worker has no wall-clock limit while its client stays connected, only a CPU-time limit (30 s by default, up to 5 minutes), so it can stream events or hold a WebSocket.',
    sources: ['cloudflare-workers-limits'],
  },
  {
    id: 'cloudflare-do-hibernation',
    text: 'Durable Objects can coordinate many WebSockets, and the WebSocket Hibernation API lets an idle object be evicted from memory while its sockets stay open, so idle time is not billed as duration.',
    sources: ['cloudflare-do-websockets'],
  },
];
