import type { Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { classifyRequest, URL_GAP } from '../../rules/detect/http.js';
import noLongPolling from '../../rules/no-long-polling.js';
import noShortPolling from '../../rules/no-short-polling.js';
import { verdictFor } from '../../rules/verdict.js';
import { mayCall } from '../../rules/detect/words.js';
import { jsTester, tsTester } from './rule-tester.js';

// A function that hands itself to another, which calls it back once its request answers:
// `poll` → `longPoller(poll)` → response → `poll()`. The loop spans two functions and neither
// calls itself by name.

const SSE = verdictFor({ settings: {} } as unknown as Rule.RuleContext);
const because = { transport: SSE.name, because: SSE.because };
const recursion = { messageId: 'recursiveRequest', data: because } as const;
const pollUnknown = { messageId: 'pollUnknown', data: { every: 'an unknown interval', ...because } } as const;
const poll = (every: string) => ({ messageId: 'poll', data: { every, ...because } }) as const;

describe('mayCall', () => {
  it('tells a call of a name by itself from other spellings', () => {
    for (const text of ['{ poll(); }', '{ poll (); }', '{ poll\n(); }', '{ poll?.(); }', '{ x = poll(1); }', '{ \\u0070oll(); }', '{ poll!(); }', '{ (poll)(); }', '{ poll /* now */ (); }', '{ poll<T>(); }']) {
      expect(mayCall(text, 'poll'), text).toBe(true);
    }
    for (const text of ['{ me.poll(); }', '{ polling(); }', '{ repoll(); }', '{ return poll; }', '{ later(poll, 1); }', '{ }']) {
      expect(mayCall(text, 'poll'), text).toBe(false);
    }
  });
});

describe('classifyRequest on polling endpoints', () => {
  it('counts a POST with a body to a poll endpoint as a read', () => {
    const post = (url: string) => classifyRequest({ calleePath: ['me', 'ajax'], isNew: false, method: 'POST', hasBody: true, url });
    expect(post(`${URL_GAP}message-bus/${URL_GAP}/poll${URL_GAP}`)).toBe('read');
    expect(post('/api/long-poll?cursor=')).toBe('read');
    expect(post('/updates/polling')).toBe('read');
    // a vote in a poll, a list of polls, a save: writes
    expect(post('/api/poll/7/vote')).toBe('write');
    expect(post('/api/polls')).toBe('write');
    expect(post('/api/pollster')).toBe('write');
    expect(post(`${URL_GAP}/save`)).toBe('write');
  });

  it('reads `ajax` on any receiver as jQuery-style options', () => {
    expect(classifyRequest({ calleePath: ['Backbone', 'ajax'], isNew: false })).toBe('read');
    expect(classifyRequest({ calleePath: ['me', 'ajax'], isNew: false, method: 'PUT' })).toBe('write');
  });
});

jsTester.run('no-short-polling: callbacks handed back', noShortPolling, {
  valid: [
    // rescheduled through the other function, but rarely
    `function schedule(fn) { setTimeout(fn, 120000); }
     async function refresh() { await fetch('/api/inbox'); schedule(refresh); }`,
    // the function handed over is not the one holding the call
    `var longPoller = function (done) {
       $.ajax({ url: '/poll', complete: function () { setTimeout(function () { done(); }, 500); } });
     };
     function render() {}
     function start() { longPoller(render); }`,
    // called back only when the request failed
    `var longPoller = function (again) {
       $.ajax({ url: '/poll', error: function () { setTimeout(function () { again(); }, 500); } });
     };
     var poll = function () { longPoller(poll); };`,
    // no request anywhere in the loop
    `function later(fn) { setTimeout(fn, 1000); }
     function tick() { draw(); later(tick); }`,
    // a POST with a body to a save endpoint is a write, not polling
    `var saver = function (next) {
       $.ajax({ url: '/drafts/save', type: 'POST', data: draft(), complete: function () { setTimeout(function () { next(); }, 2000); } });
     };
     var autosave = function () { saver(autosave); };`,
    // a keepalive, by name
    `function later(fn) { setTimeout(fn, 1000); }
     async function heartbeat() { await fetch('/api/ping'); later(heartbeat); }`,
  ],
  invalid: [
    {
      // the message-bus shape: POST to a poll endpoint, rescheduled from the response handler
      code: `var pollTimeout;
var longPoller = function (poll, data) {
  return me.ajax({
    url: me.baseUrl + 'message-bus/' + me.clientId + '/poll' + (longPoll ? '' : '?dlp=t'),
    type: 'POST',
    data: data,
    complete: function () {
      pollTimeout = setTimeout(function () {
        pollTimeout = null;
        poll();
      }, interval());
    },
  });
};
var start = function () {
  var poll = function () {
    if (!me.longPoll) me.longPoll = longPoller(poll, {});
  };
  poll();
};`,
      errors: [{ ...pollUnknown, line: 8, column: 21 }],
    },
    {
      // a scheduler handed the function itself
      code: `function schedule(fn) { setTimeout(fn, 5000); }
async function refresh() { await fetch('/api/inbox'); schedule(refresh); }`,
      errors: [{ ...poll('5 s'), line: 1, column: 25 }],
    },
    {
      // with a default on the parameter, and the callback as the second argument
      code: `function after(ms, fn = () => {}) { setTimeout(() => fn(), ms); }
const load = async () => { await fetch('/api/feed'); after(3000, load); };`,
      errors: [{ ...pollUnknown, line: 1, column: 37 }],
    },
  ],
});

tsTester.run('no-short-polling: callbacks handed back (TypeScript)', noShortPolling, {
  valid: [],
  invalid: [
    {
      // a `this` annotation is no argument's parameter
      code: `function later(this: unknown, fn: () => void) { setTimeout(() => fn(), 3000); }
async function refresh() { await fetch('/api/inbox'); later(refresh); }`,
      errors: [{ ...poll('3 s'), line: 1 }],
    },
    {
      code: `function later(ms: number, fn?: () => void) { setTimeout(() => { fn!(); }, ms); }
async function refresh() { await fetch('/api/inbox'); later(3000, refresh); }`,
      errors: [{ ...pollUnknown, line: 1 }],
    },
    {
      // the poll endpoint written as a tagged template
      code: 'setInterval(() => $.ajax({ url: path`/message-bus/${id}/poll`, type: "POST", data: seen }), 2000);',
      errors: [poll('2 s')],
    },
  ],
});

jsTester.run('no-long-polling: callbacks handed back', noLongPolling, {
  valid: [
    // the callback runs after a pause, not right after the response
    `function longPoll(done) { fetch('/poll').then(() => setTimeout(done, 1000)); }
     function start() { longPoll(start); }`,
    // the callback runs only on failure
    `function longPoll(done) { fetch('/poll').then(render).catch(() => done()); }
     function start() { longPoll(start); }`,
    // no request: the function just runs what it is given
    `function run(done) { done(); }
     function start() { step(); run(start); }`,
    // past a spread, which parameter an argument fills is unknown
    `function longPoll(done) { fetch('/poll').then(() => done()); }
     function start() { longPoll(...options, start); }`,
    // handed on once more: only one function deep is followed
    `function inner(done) { fetch('/poll').then(() => done()); }
     function outer(done) { inner(done); }
     function start() { outer(start); }`,
    // stops on its own data
    `function page(url, done) { fetch(url).then((r) => r.json()).then((p) => { if (!p.next) return; done(p.next); }); }
     function all(url) { page(url, all); }`,
  ],
  invalid: [
    {
      code: `function longPoll(done) {
  fetch('/poll').then((r) => r.json()).then((data) => { render(data); done(); });
}
function start() { longPoll(start); }
start();`,
      errors: [{ ...recursion, line: 4, column: 29 }],
    },
    {
      code: `async function waitForNews(next) {
  const res = await fetch('/api/news?wait=30');
  show(await res.json());
  next();
}
function subscribe() { waitForNews(subscribe); }`,
      errors: [{ ...recursion, line: 6, column: 36 }],
    },
    {
      // an inline callback that calls the enclosing function again
      code: `function request(onData) { $.getJSON('/updates', function (d) { onData(d); }); }
function listen() { request(function (d) { handle(d); listen(); }); }`,
      errors: [{ ...recursion, line: 2, column: 55 }],
    },
  ],
});

tsTester.run('no-long-polling: callbacks handed back (TypeScript)', noLongPolling, {
  valid: [],
  invalid: [
    {
      code: `function longPoll(this: void, done: () => void) { fetch('/poll').then(() => done()); }
function start() { longPoll(start); }`,
      errors: [{ ...recursion, line: 2, column: 29 }],
    },
    {
      code: `async function waitFor(next: () => void): Promise<void> {
  const res = await fetch('/api/wait');
  render((await res.json()) as News);
  next();
}
export const follow = (): void => { waitFor(follow); };`,
      errors: [{ ...recursion, line: 6, column: 45 }],
    },
  ],
});
