import type { ChecklistItem } from './schema.js';

// What to get right in production once a transport is chosen. `transports` lists the
// recommendations an item applies to; `when` narrows it further by the requirement answers.
export const checklist: readonly ChecklistItem[] = [
  // Heartbeats
  {
    id: 'sse-comment-heartbeat',
    topic: 'heartbeats',
    transports: ['sse'],
    title: 'Send a comment line every 15 seconds',
    detail:
      'Write a bare comment (a line starting with ":") about every 15 s when no event is due; the browser ignores it, but proxies, NATs and load balancers see traffic and keep the stream open.',
    facts: ['sse-comment-heartbeat', 'idle-timeout-heroku'],
  },
  {
    id: 'ws-server-ping',
    topic: 'heartbeats',
    transports: ['websocket'],
    when: { platform: 'server' },
    title: 'Ping every client from the server',
    detail:
      'Send a protocol ping every 20 to 30 s and terminate any socket that has not answered the previous one; the browser replies with a pong automatically.',
    facts: ['ws-ping-pong', 'ws-server-heartbeat'],
  },
  {
    id: 'ws-app-heartbeat',
    topic: 'heartbeats',
    transports: ['websocket'],
    title: 'Add an application heartbeat from the browser',
    detail:
      'The browser API can neither send pings nor see pongs, so send a small heartbeat message every 20 to 30 s and reconnect if no reply arrives within a few seconds; otherwise a half-dead socket looks open for minutes.',
    facts: ['ws-browser-no-ping'],
  },
  {
    id: 'heartbeat-below-idle-timeout',
    topic: 'proxies',
    transports: ['sse', 'websocket'],
    title: 'Keep heartbeats well under the smallest idle timeout',
    detail:
      'List every hop and take the smallest idle timeout: Heroku 55 s, nginx proxy_read_timeout 60 s, AWS ALB 60 s, Cloudflare 100 s; a heartbeat of 15 to 30 s stays clear of all of them, while one equal to the timeout loses the race under load.',
    facts: ['idle-timeout-heroku', 'nginx-upgrade', 'idle-timeout-alb', 'idle-timeout-cloudflare', 'heartbeat-race'],
  },

  // Scaling
  {
    id: 'pubsub-fanout',
    topic: 'scaling',
    transports: ['sse', 'websocket', 'long-polling'],
    when: { scale: 'large' },
    title: 'Fan events out through pub/sub',
    detail:
      'Publish every event to a shared broker (Redis pub/sub or similar) that all instances subscribe to, and let each instance deliver to the clients it holds; an instance alone only reaches its own connections.',
    facts: ['pubsub-fanout'],
  },
  {
    id: 'sticky-sessions',
    topic: 'scaling',
    transports: ['long-polling', 'websocket', 'sse'],
    when: { scale: 'large', platform: 'server' },
    title: 'Enable sticky sessions where requests must return to one server',
    detail:
      'Long polling, and libraries that negotiate first (Socket.IO with polling, SignalR), need every request of a session on the same instance, otherwise Socket.IO answers HTTP 400; a plain WebSocket-only setup does not.',
    facts: ['sticky-sessions', 'signalr-sticky'],
  },
  {
    id: 'external-session-state',
    topic: 'scaling',
    transports: ['sse', 'websocket', 'long-polling'],
    when: { scale: 'large' },
    title: 'Keep replay buffers and session state outside the process',
    detail:
      'A reconnecting client may land on any instance, so store the recent events it may ask for (by Last-Event-ID or cursor) in a shared store rather than in the memory of one server.',
    facts: ['pubsub-fanout', 'stateless-resume'],
  },
  {
    id: 'event-loop-server',
    topic: 'scaling',
    transports: ['sse', 'websocket', 'long-polling'],
    when: { platform: 'server' },
    title: 'Hold connections on an event-loop server',
    detail:
      'Use Node, Go, async Python or a BEAM language so an idle connection costs kilobytes (about 7 to 12 KB in Node) rather than a thread; single machines have held 2 million connections.',
    facts: ['event-loop-memory', 'scale-whatsapp', 'scale-phoenix'],
  },
  {
    id: 'load-test-fanout',
    topic: 'scaling',
    transports: ['sse', 'websocket'],
    when: { scale: 'large', platform: 'server' },
    title: 'Load-test broadcast CPU, not only connection count',
    detail:
      'Broadcasting 1 KB per second to about 30,000 Socket.IO clients already saturated one Node process in a benchmark, so measure fan-out per core before sizing the fleet.',
    facts: ['socketio-broadcast-cpu'],
  },

  // Proxies
  {
    id: 'sse-disable-buffering',
    topic: 'proxies',
    transports: ['sse'],
    title: 'Turn off proxy buffering for the stream',
    detail:
      'Send X-Accel-Buffering: no on the event-stream response (or set proxy_buffering off for that location), or nginx holds events until its buffer fills.',
    facts: ['proxy-buffering'],
  },
  {
    id: 'sse-no-transform',
    topic: 'proxies',
    transports: ['sse'],
    title: 'Send Cache-Control: no-cache, no-transform',
    detail:
      'no-cache keeps caches from replaying an old stream and no-transform keeps compressing intermediaries and middleware from buffering it.',
    facts: ['cache-no-transform', 'compression-buffering'],
  },
  {
    id: 'sse-flush-compression',
    topic: 'proxies',
    transports: ['sse'],
    title: 'Flush after every event when compression is on',
    detail:
      'Compression middleware waits for a full window before writing, so call its flush (res.flush() with Express compression) after each event, or exclude text/event-stream from compression.',
    facts: ['compression-buffering'],
  },
  {
    id: 'sse-buffered-path-fallback',
    topic: 'proxies',
    transports: ['sse'],
    title: 'Detect a buffered path and fall back',
    detail:
      'Send an event right after connecting; if it has not arrived within about 10 s, a proxy or antivirus is holding the stream, so switch that client to long polling.',
    facts: ['corporate-proxies', 'socketio-polling-first'],
  },
  {
    id: 'ws-proxy-upgrade',
    topic: 'proxies',
    transports: ['websocket'],
    when: { platform: 'server' },
    title: 'Forward the upgrade at every proxy',
    detail:
      'Configure each reverse proxy to pass Upgrade and Connection (in nginx: proxy_http_version 1.1 and both headers) and keep its read timeout, 60 s by default, above your ping interval; if the server offers WebSockets over HTTP/2, every hop must also accept extended CONNECT.',
    facts: ['nginx-upgrade', 'ws-upgrade-handshake', 'ws-over-http2'],
  },
  {
    id: 'ws-network-fallback',
    topic: 'proxies',
    transports: ['websocket'],
    title: 'Plan a fallback for networks that block WebSockets',
    detail:
      'Serve over wss:// on port 443 and keep a long-polling path for corporate networks; a blocked upgrade can take about 10 s to fail, which is why Socket.IO starts on polling and SignalR falls back.',
    facts: ['corporate-proxies', 'socketio-polling-first', 'signalr-fallback'],
  },
  {
    id: 'long-poll-no-cache',
    topic: 'proxies',
    transports: ['long-polling'],
    title: 'Mark every poll Cache-Control: no-cache',
    detail:
      'Set no-cache on poll requests and responses so no browser or proxy cache answers a poll with an earlier result.',
    facts: ['long-poll-no-cache', 'cache-no-transform'],
  },
  {
    id: 'long-poll-hold-time',
    topic: 'proxies',
    transports: ['long-polling'],
    title: 'Hold each poll for 25 to 30 seconds at most',
    detail:
      'End every held request with an empty answer before the smallest idle timeout on the path; 25 to 30 s clears nginx and ALB at 60 s and Heroku, which wants a first byte within 30 s.',
    facts: ['long-poll-hold', 'long-poll-hold-defaults', 'idle-timeout-heroku'],
  },

  // Reconnection
  {
    id: 'sse-event-ids',
    topic: 'reconnection',
    transports: ['sse'],
    title: 'Give every event an id and replay from Last-Event-ID',
    detail:
      'Send an id: line with each event and keep a window of recent events; on reconnect read the Last-Event-ID header and replay everything after it.',
    facts: ['sse-last-event-id'],
  },
  {
    id: 'sse-retry-and-stop',
    topic: 'reconnection',
    transports: ['sse'],
    title: 'Set the retry interval and stop with HTTP 204',
    detail:
      'Send retry: with the reconnection delay you want in milliseconds (browsers default to 3 to 5 s) and answer 204 when the client should stop; because any other non-200 also stops EventSource for good, reopen it yourself after a backoff when readyState is CLOSED.',
    facts: ['sse-auto-reconnect', 'sse-stop-204'],
  },
  {
    id: 'ws-reconnect-backoff',
    topic: 'reconnection',
    transports: ['websocket'],
    title: 'Reconnect with jittered exponential backoff',
    detail:
      'Start around 1 s, double up to a cap of tens of seconds and randomize each delay (Socket.IO uses ±50 %), so a server restart is not followed by every client returning at once.',
    facts: ['ws-no-auto-reconnect', 'reconnect-jitter'],
  },
  {
    id: 'ws-resume-cursor',
    topic: 'reconnection',
    transports: ['websocket'],
    title: 'Resume from a cursor after reconnecting',
    detail:
      'Number server messages and have the client send the last number it processed when it reconnects, so the server can replay what was missed instead of silently dropping it.',
    facts: ['ws-no-auto-reconnect', 'pubsub-fanout'],
  },
  {
    id: 'long-poll-cursor',
    topic: 'reconnection',
    transports: ['long-polling'],
    title: 'Carry a cursor in every poll',
    detail:
      'Have each poll name the last event it received and queue events per client on the server, so news that lands between a response and the next poll is delivered rather than lost.',
    facts: ['long-poll-gap'],
  },
  {
    id: 'webrtc-ice-restart',
    topic: 'reconnection',
    transports: ['webrtc'],
    title: 'Restart ICE when the connection fails',
    detail:
      'Watch connection state; on failure or a network change call restartIce() and renegotiate over the signaling channel, which therefore has to stay up for the whole session.',
    facts: ['webrtc-ice-restart', 'webrtc-signaling'],
  },

  // Limits
  {
    id: 'sse-share-stream-http1',
    topic: 'limits',
    transports: ['sse'],
    when: { http: 'http1' },
    title: 'Share one stream across tabs on HTTP/1.1',
    detail:
      'Each EventSource holds one of the six connections per host that all tabs share, so a seventh tab stalls; open the stream in a SharedWorker or a leader tab relaying over BroadcastChannel, or serve over HTTP/2.',
    facts: ['sse-six-connections', 'sse-tab-sharing'],
  },
  {
    id: 'sse-http2-streams',
    topic: 'limits',
    transports: ['sse'],
    when: { http: 'http2' },
    title: 'Stay well under the HTTP/2 stream limit',
    detail:
      'Streams share one connection up to the concurrent-stream limit the server announces, usually 100; multiplex topics over one EventSource instead of opening one per widget.',
    facts: ['http2-streams'],
  },
  {
    id: 'long-poll-one-outstanding',
    topic: 'limits',
    transports: ['long-polling'],
    title: 'Keep one outstanding poll per client',
    detail:
      'When a new poll arrives from a client that already has one waiting, answer the older one at once; stale held requests eat into the six connections per host an HTTP/1.1 browser allows.',
    facts: ['long-poll-duplicate', 'sse-six-connections'],
  },
  {
    id: 'ws-backpressure',
    topic: 'limits',
    transports: ['websocket'],
    title: 'Check bufferedAmount before sending more',
    detail:
      'The browser API queues outgoing data without limit, so pause sending while bufferedAmount is above a threshold (say 1 MB) and drop or coalesce stale updates on the server for slow clients.',
    facts: ['ws-backpressure'],
  },

  // Security
  {
    id: 'sse-header-auth',
    topic: 'security',
    transports: ['sse'],
    when: { auth: 'header' },
    title: 'Authenticate the stream without an Authorization header',
    detail:
      'EventSource cannot send headers: use a cookie (withCredentials cross-origin), a single-use token in the URL that expires within a minute and is kept out of logs, or a fetch-based SSE client that sets Authorization.',
    facts: ['eventsource-no-headers', 'sse-auth-workarounds'],
  },
  {
    id: 'ws-check-origin',
    topic: 'security',
    transports: ['websocket'],
    title: 'Check Origin on every upgrade',
    detail:
      'Reject handshakes whose Origin is not on your allow-list; CORS does not apply to WebSockets, so a cookie-authenticated socket is otherwise open to cross-site WebSocket hijacking.',
    facts: ['ws-cswsh'],
  },
  {
    id: 'ws-token-auth',
    topic: 'security',
    transports: ['websocket'],
    when: { auth: 'header' },
    title: 'Pass credentials the browser API can carry',
    detail:
      'The browser cannot set Authorization on the upgrade: send a short-lived ticket in the URL, or authenticate in the first message and close the socket if it does not arrive within a few seconds.',
    facts: ['ws-no-headers', 'sse-auth-workarounds'],
  },

  // Platform
  {
    id: 'serverless-bounded-streams',
    topic: 'platform',
    transports: ['sse', 'long-polling'],
    when: { platform: 'serverless' },
    title: 'End each stream before the function limit and resume',
    detail:
      'Close streams and held polls before the platform cuts them (15 minutes on Lambda, 300 to 800 s on Vercel, 60 s on Netlify) and let the client resume with Last-Event-ID or a cursor; the whole wait is billed.',
    facts: ['lambda-streaming', 'vercel-duration', 'netlify-limits', 'stateless-resume'],
  },
  {
    id: 'serverless-websocket-gateway',
    topic: 'platform',
    transports: ['websocket'],
    when: { platform: 'serverless' },
    title: 'Use a managed WebSocket gateway and expect a 2-hour cap',
    detail:
      'Functions cannot hold sockets; API Gateway WebSocket APIs can, but close every connection after 2 hours and after 10 idle minutes and cap messages at 128 KB, so heartbeat and reconnect accordingly.',
    facts: ['apigw-websocket-limits'],
  },
  {
    id: 'edge-durable-objects',
    topic: 'platform',
    transports: ['websocket'],
    when: { platform: 'edge' },
    title: 'Hold sockets in Durable Objects with hibernation',
    detail:
      'Accept WebSockets in a Durable Object through the Hibernation API so idle sockets stay open while the object is evicted and not billed, and reconnect after edge restarts.',
    facts: ['cloudflare-do-hibernation', 'idle-timeout-cloudflare'],
  },
  {
    id: 'edge-worker-streams',
    topic: 'platform',
    transports: ['sse', 'long-polling'],
    when: { platform: 'edge' },
    title: 'Stream from the Worker and resume after edge restarts',
    detail:
      'A Worker may keep a response open as long as the client stays, since only CPU time counts, but edge restarts still end streams, so keep event ids and resume.',
    facts: ['cloudflare-workers', 'idle-timeout-cloudflare'],
  },
  {
    id: 'webrtc-signaling-channel',
    topic: 'platform',
    transports: ['webrtc'],
    title: 'Build the signaling channel first',
    detail:
      'Peers cannot find each other without a server that relays SDP offers, answers and ICE candidates, usually over a WebSocket that also carries presence.',
    facts: ['webrtc-signaling'],
  },
  {
    id: 'webrtc-stun-turn',
    topic: 'platform',
    transports: ['webrtc'],
    title: 'Run STUN and TURN, and budget for relayed traffic',
    detail:
      'Configure STUN for address discovery and TURN for the roughly 15 to 30 % of sessions that cannot connect directly; relayed media and data cost you bandwidth.',
    facts: ['webrtc-stun', 'webrtc-turn'],
  },

  // Efficiency
  {
    id: 'poll-conditional-requests',
    topic: 'efficiency',
    transports: ['short-polling'],
    title: 'Answer unchanged polls with 304 Not Modified',
    detail:
      'Return an ETag and have the client send it back in If-None-Match, so an unchanged resource costs a bodiless 304 instead of the full payload.',
    facts: ['conditional-requests'],
  },
  {
    id: 'poll-honor-retry-after',
    topic: 'efficiency',
    transports: ['short-polling', 'long-polling'],
    title: 'Let the server set the polling pace',
    detail:
      'Honor Retry-After on 429 and 503 answers and any interval the server advertises (GitHub sends X-Poll-Interval, e.g. 60 s), so the server can slow clients down under load.',
    facts: ['retry-after', 'poll-interval-hint'],
  },
  {
    id: 'poll-pause-hidden',
    topic: 'efficiency',
    transports: ['short-polling', 'long-polling'],
    title: 'Pause polling while the tab is hidden',
    detail:
      'Stop on visibilitychange to hidden and poll once on return; on mobile every request keeps the radio powered for about 10 s.',
    facts: ['page-visibility', 'mobile-radio-tail'],
  },
  {
    id: 'poll-no-overlap',
    topic: 'efficiency',
    transports: ['short-polling'],
    title: 'Schedule the next poll after the response, not with setInterval',
    detail:
      'Chain setTimeout from the end of each response so a slow answer never overlaps the next poll and requests cannot pile up on a struggling server.',
    facts: ['setinterval-overlap'],
  },
  {
    id: 'poll-jitter',
    topic: 'efficiency',
    transports: ['short-polling'],
    title: 'Add jitter to the interval',
    detail:
      'Randomize each interval by about ±20 % so clients that started together (after a deploy or an outage) do not keep hitting the server in synchronized waves.',
    facts: ['polling-load', 'reconnect-jitter'],
  },
  {
    id: 'poll-interval-from-latency',
    topic: 'efficiency',
    transports: ['short-polling'],
    title: 'Derive the interval from the delay you can accept',
    detail:
      'The average delay is half the interval and the load is clients divided by interval: 100,000 clients at 10 s is 10,000 requests per second, at 60 s about 1,700.',
    facts: ['polling-delay', 'polling-load'],
  },
  {
    id: 'ws-deflate-off',
    topic: 'efficiency',
    transports: ['websocket'],
    when: { platform: 'server' },
    title: 'Leave permessage-deflate off unless you measure a gain',
    detail:
      'Compression state cost about 230 KB per active connection against about 7 KB without it in a Node measurement (roughly 2.3 GB per 10,000 sockets), which is why ws disables it on the server by default.',
    facts: ['ws-deflate-memory'],
  },
  {
    id: 'webrtc-channel-reliability',
    topic: 'efficiency',
    transports: ['webrtc'],
    title: 'Choose reliability per data channel',
    detail:
      'Use an ordered, reliable channel for files and chat, and an unordered one with maxRetransmits 0 or a short maxPacketLifeTime for positions and telemetry, where late data is worthless.',
    facts: ['webrtc-datachannel'],
  },
];
