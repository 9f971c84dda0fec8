import type { Source } from './schema.js';

// Where the facts come from: specifications first, then browser documentation, then the
// documentation of the servers, proxies, platforms and libraries that carry the traffic.
export const sources: readonly Source[] = [
  // Specifications
  {
    id: 'whatwg-sse',
    title: 'HTML Living Standard: Server-sent events',
    url: 'https://html.spec.whatwg.org/multipage/server-sent-events.html',
  },
  {
    id: 'whatwg-websockets',
    title: 'WebSockets Living Standard: Ping and Pong frames',
    url: 'https://websockets.spec.whatwg.org/#ping-and-pong-frames',
  },
  {
    id: 'rfc6455',
    title: 'RFC 6455: The WebSocket Protocol',
    url: 'https://www.rfc-editor.org/rfc/rfc6455',
  },
  {
    id: 'rfc6202',
    title: 'RFC 6202: Known Issues and Best Practices for the Use of Long Polling and Streaming in Bidirectional HTTP',
    url: 'https://datatracker.ietf.org/doc/rfc6202/',
  },
  {
    id: 'rfc9110',
    title: 'RFC 9110: HTTP Semantics',
    url: 'https://www.rfc-editor.org/rfc/rfc9110',
  },
  {
    id: 'rfc9111',
    title: 'RFC 9111: HTTP Caching',
    url: 'https://www.rfc-editor.org/rfc/rfc9111',
  },
  {
    id: 'rfc9113',
    title: 'RFC 9113: HTTP/2',
    url: 'https://www.rfc-editor.org/rfc/rfc9113',
  },
  {
    id: 'rfc8441',
    title: 'RFC 8441: Bootstrapping WebSockets with HTTP/2',
    url: 'https://www.rfc-editor.org/rfc/rfc8441',
  },
  {
    id: 'rfc7692',
    title: 'RFC 7692: Compression Extensions for WebSocket',
    url: 'https://www.rfc-editor.org/rfc/rfc7692',
  },
  {
    id: 'rfc4648',
    title: 'RFC 4648: The Base16, Base32, and Base64 Data Encodings',
    url: 'https://www.rfc-editor.org/rfc/rfc4648',
  },

  // Browser documentation (MDN)
  {
    id: 'mdn-eventsource',
    title: 'MDN: EventSource',
    url: 'https://developer.mozilla.org/en-US/docs/Web/API/EventSource',
  },
  {
    id: 'mdn-websocket',
    title: 'MDN: WebSocket',
    url: 'https://developer.mozilla.org/en-US/docs/Web/API/WebSocket',
  },
  {
    id: 'mdn-webrtc-api',
    title: 'MDN: WebRTC API',
    url: 'https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API',
  },
  {
    id: 'mdn-webrtc-protocols',
    title: 'MDN: Introduction to WebRTC protocols',
    url: 'https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API/Protocols',
  },
  {
    id: 'mdn-webrtc-signaling',
    title: 'MDN: Signaling and video calling',
    url: 'https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API/Signaling_and_video_calling',
  },
  {
    id: 'mdn-rtcdatachannel',
    title: 'MDN: RTCDataChannel.maxRetransmits',
    url: 'https://developer.mozilla.org/docs/Web/API/RTCDataChannel/maxRetransmits',
  },
  {
    id: 'mdn-restartice',
    title: 'MDN: RTCPeerConnection.restartIce()',
    url: 'https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/restartIce',
  },
  {
    id: 'mdn-page-visibility',
    title: 'MDN: Page Visibility API',
    url: 'https://developer.mozilla.org/en-US/docs/Web/API/Page_Visibility_API',
  },
  {
    id: 'mdn-sharedworker',
    title: 'MDN: SharedWorker',
    url: 'https://developer.mozilla.org/en-US/docs/Web/API/SharedWorker',
  },
  {
    id: 'mdn-broadcastchannel',
    title: 'MDN: BroadcastChannel',
    url: 'https://developer.mozilla.org/en-US/docs/Web/API/BroadcastChannel',
  },
  {
    id: 'mdn-setinterval',
    title: 'MDN: Window.setInterval()',
    url: 'https://developer.mozilla.org/en-US/docs/Web/API/Window/setInterval',
  },
  {
    id: 'mdn-retry-after',
    title: 'MDN: Retry-After header',
    url: 'https://developer.mozilla.org/docs/Web/HTTP/Headers/Retry-After',
  },
  {
    id: 'caniuse-eventsource',
    title: 'caniuse-db: Server-sent events (eventsource.json)',
    url: 'https://unpkg.com/caniuse-db@1.0.30001788/features-json/eventsource.json',
  },

  // Load balancers and proxies
  {
    id: 'aws-alb-attributes',
    title: 'AWS: Edit attributes for your Application Load Balancer (idle timeout)',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-load-balancer-attributes.html',
  },
  {
    id: 'nginx-websocket',
    title: 'nginx: WebSocket proxying',
    url: 'https://nginx.org/en/docs/http/websocket.html',
  },
  {
    id: 'nginx-proxy-buffering',
    title: 'nginx: ngx_http_proxy_module, proxy_buffering',
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_buffering',
  },
  {
    id: 'cloudflare-connection-limits',
    title: 'Cloudflare: Connection limits',
    url: 'https://developers.cloudflare.com/fundamentals/reference/connection-limits',
  },
  {
    id: 'heroku-request-timeout',
    title: 'Heroku Dev Center: Request Timeout',
    url: 'https://devcenter.heroku.com/articles/request-timeout',
  },
  {
    id: 'mattermost-alb-timeouts',
    title: 'mattermost/docs issue 8929: ALB idle timeout and WebSocket ping interval',
    url: 'https://github.com/mattermost/docs/issues/8929',
  },

  // Serverless and edge platforms
  {
    id: 'aws-apigw-websocket-quotas',
    title: 'AWS: Amazon API Gateway quotas for WebSocket APIs',
    url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-execution-service-websocket-limits-table.html',
  },
  {
    id: 'aws-lambda-streaming',
    title: 'AWS Lambda: Response streaming for Lambda functions',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-response-streaming.html',
  },
  {
    id: 'aws-lambda-timeout',
    title: 'AWS Lambda: Configure Lambda function timeout',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html',
  },
  {
    id: 'vercel-duration',
    title: 'Vercel: Configuring maximum duration for Vercel Functions',
    url: 'https://vercel.com/docs/functions/configuring-functions/duration',
  },
  {
    id: 'vercel-limitations',
    title: 'Vercel: Functions limitations',
    url: 'https://vercel.com/docs/functions/limitations',
  },
  {
    id: 'netlify-functions',
    title: 'Netlify: Functions configuration',
    url: 'https://docs.netlify.com/build/functions/configuration',
  },
  {
    id: 'cloudflare-workers-limits',
    title: 'Cloudflare Workers: Limits',
    url: 'https://developers.cloudflare.com/workers/platform/limits/',
  },
  {
    id: 'cloudflare-do-websockets',
    title: 'Cloudflare Durable Objects: Use WebSockets (Hibernation API)',
    url: 'https://developers.cloudflare.com/durable-objects/best-practices/websockets/',
  },
  {
    id: 'mcp-streamable-http',
    title: 'Model Context Protocol PR 206: Streamable HTTP transport',
    url: 'https://github.com/modelcontextprotocol/modelcontextprotocol/pull/206',
  },
  {
    id: 'mcp-serverless-session',
    title: 'modelcontextprotocol/typescript-sdk issue 273: SSE session lost across instances',
    url: 'https://github.com/modelcontextprotocol/typescript-sdk/issues/273',
  },

  // Libraries and realtime services
  {
    id: 'socketio-how-it-works',
    title: 'Socket.IO: How it works',
    url: 'https://socket.io/docs/v4/how-it-works/',
  },
  {
    id: 'socketio-multiple-nodes',
    title: 'Socket.IO: Using multiple nodes',
    url: 'https://socket.io/docs/v4/using-multiple-nodes',
  },
  {
    id: 'socketio-client-options',
    title: 'Socket.IO: Client options',
    url: 'https://socket.io/docs/v4/client-options/',
  },
  {
    id: 'socketio-memory',
    title: 'Socket.IO: Memory usage',
    url: 'https://socket.io/docs/v4/memory-usage/',
  },
  {
    id: 'signalr-introduction',
    title: 'Microsoft Learn: Overview of ASP.NET Core SignalR',
    url: 'https://learn.microsoft.com/aspnet/core/signalr/introduction',
  },
  {
    id: 'signalr-scale',
    title: 'Microsoft Learn: ASP.NET Core SignalR hosting and scaling',
    url: 'https://learn.microsoft.com/aspnet/core/signalr/scale',
  },
  {
    id: 'signalr-auth',
    title: 'Microsoft Learn: Authentication and authorization in ASP.NET Core SignalR',
    url: 'https://learn.microsoft.com/aspnet/core/signalr/authn-and-authz',
  },
  {
    id: 'ws-readme',
    title: 'websockets/ws README',
    url: 'https://github.com/websockets/ws',
  },
  {
    id: 'ws-deflate-issue',
    title: 'websockets/ws issue 1202: memory growth with permessage-deflate',
    url: 'https://github.com/websockets/ws/issues/1202',
  },
  {
    id: 'express-compression',
    title: 'expressjs/compression README',
    url: 'https://github.com/expressjs/compression',
  },
  {
    id: 'fetch-event-source',
    title: '@microsoft/fetch-event-source README',
    url: 'https://npmjs.com/package/@microsoft/fetch-event-source',
  },
  {
    id: 'pusher-fallbacks',
    title: 'Pusher Channels: WebSocket fallbacks',
    url: 'https://pusher.com/docs/channels/using_channels/websocket-fallbacks',
  },
  {
    id: 'ably-websocket-compat',
    title: 'Ably blog: Do you still need a WebSocket fallback?',
    url: 'https://ably.com/blog/websocket-compatibility',
  },
  {
    id: 'firestore-long-polling',
    title: 'Firebase: ExperimentalLongPollingOptions',
    url: 'https://firebase.google.com/docs/reference/js/firestore_.experimentallongpollingoptions',
  },
  {
    id: 'zap-cswsh',
    title: 'ZAP alert 100025: Cross-Site WebSocket Hijacking',
    url: 'https://zaproxy.org/docs/alerts/100025',
  },

  // HTTP practice
  {
    id: 'github-rest-best-practices',
    title: 'GitHub Docs: Best practices for using the REST API',
    url: 'https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api',
  },
  {
    id: 'github-events-api',
    title: 'GitHub Docs: REST API endpoints for events',
    url: 'https://docs.github.com/en/enterprise-server@3.9/rest/activity/events',
  },
  {
    id: 'spdy-whitepaper',
    title: 'Chromium: SPDY, an experimental protocol for a faster web',
    url: 'http://dev.chromium.org/spdy/spdy-whitepaper',
  },
  {
    id: 'lte-power-mobisys',
    title: 'Huang et al.: A Close Examination of Performance and Power Characteristics of 4G LTE Networks (MobiSys 2012)',
    url: 'https://www.slideshare.net/yashcitc/rrclte-mobisys2012',
  },

  // WebRTC relay measurements
  {
    id: 'turn-usage-callstats',
    title: 'TURN usage in WebRTC products (callstats.io figures)',
    url: 'https://dialogue-io.github.io/2017/10/26/turn-webrtc-products',
  },
  {
    id: 'turn-usage-summary',
    title: 'WebRTC direct-connection rates on mobile and home NATs (summary of callstats.io and Twilio figures)',
    url: 'https://sover-docs.pages.dev/annex-webrtc-p2p-direct-connection-rates-mobile-home-nat',
  },

  // Scale anchors
  {
    id: 'whatsapp-2m',
    title: 'WhatsApp blog: 1 million is so 2011',
    url: 'https://blog.whatsapp.com/1-million-is-so-2011',
  },
  {
    id: 'phoenix-2m',
    title: 'Phoenix blog: The Road to 2 Million WebSocket Connections',
    url: 'https://phoenixframework.org/blog/the-road-to-2-million-websocket-connections',
  },
  {
    id: 'gobwas-ws-memory',
    title: 'gobwas/ws issue 17: memory per connection',
    url: 'https://github.com/gobwas/ws/issues/17',
  },
  {
    id: 'socketio-benchmark',
    title: 'Socket.IO and uWebSockets broadcast benchmark',
    url: 'https://github.com/ezioda004/benchmark-socketio-uwebsockets',
  },
];
