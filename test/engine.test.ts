import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, questions, RequirementError, TRANSPORT_IDS, type TransportId } from '../knowledge/index.js';

// The guide's "How to decide", restated independently of the decision tree's data, so the table
// below fails if the tree drifts from the guide.
function guide(r: Record<string, string | boolean>): TransportId {
  const relaxed = r.latency === 'relaxed';
  if (r.streaming === 'blocked') {
    // HTTP only, no streaming: long polling, or short polling when latency is relaxed too.
    if (r.direction === 'client-to-server') return 'short-polling';
    return relaxed ? 'short-polling' : 'long-polling';
  }
  if (r.direction === 'peer-to-peer') return 'webrtc';
  if (r.direction === 'bidirectional') return 'websocket';
  if (r.direction === 'client-to-server') {
    return r.updates === 'frequent' && !relaxed ? 'websocket' : 'short-polling';
  }
  if (r.updates === 'rare' && relaxed) return 'short-polling';
  return r.binary === true ? 'websocket' : 'sse';
}

function combinations(ids: string[]): Record<string, string | boolean>[] {
  return ids.reduce<Record<string, string | boolean>[]>(
    (rows, id) => {
      const q = questions.find((x) => x.id === id)!;
      return rows.flatMap((row) => q.choices.map((c) => ({ ...row, [id]: c.value })));
    },
    [{}],
  );
}

const CORE = ['direction', 'latency', 'updates', 'streaming', 'binary'];
const ALL = questions.map((q) => q.id);

describe('the guide, rule by rule', () => {
  const cases: [string, Record<string, string | boolean>, TransportId][] = [
    ['bidirectional -> WebSockets', { direction: 'bidirectional' }, 'websocket'],
    ['server-to-client only -> SSE', { direction: 'server-to-client' }, 'sse'],
    ['rare updates, relaxed latency -> short polling', { updates: 'rare', latency: 'relaxed' }, 'short-polling'],
    ['HTTP only, no streaming -> long polling', { streaming: 'blocked' }, 'long-polling'],
    ['no streaming and relaxed latency -> short polling', { streaming: 'blocked', latency: 'relaxed' }, 'short-polling'],
    ['peer-to-peer -> WebRTC', { direction: 'peer-to-peer' }, 'webrtc'],
    ['binary server push -> WebSockets', { direction: 'server-to-client', binary: true }, 'websocket'],
    ['bidirectional without streaming -> long polling', { direction: 'bidirectional', streaming: 'blocked' }, 'long-polling'],
    ['peer-to-peer without streaming -> relay by long polling', { direction: 'peer-to-peer', streaming: 'blocked' }, 'long-polling'],
    ['binary push without streaming -> long polling', { binary: true, streaming: 'blocked' }, 'long-polling'],
  ];
  it.each(cases)('%s', (_, answers, transport) => {
    expect(decide(answers).transport).toBe(transport);
  });

  it('says in the trace that blocked streaming rules out persistent transports', () => {
    const { reasons } = decide({ direction: 'bidirectional', streaming: 'blocked' });
    expect(reasons[0]!.answers).toEqual({ streaming: 'blocked' });
    expect(reasons.map((r) => r.text).join(' ')).toMatch(/ordinary requests/);
  });
});

describe('every combination of the five core answers', () => {
  it.each(combinations(CORE).map((r) => [JSON.stringify(r), r] as const))('%s', (_, answers) => {
    const decision = decide(answers);
    expect(decision.transport).toBe(guide(answers));
    expect(decision.reasons.length).toBeGreaterThan(1);
  });
});

describe('infrastructure answers', () => {
  it('never change the transport, only the checklist and the ranking (1,536 combinations)', () => {
    const wrong = combinations(ALL).filter((r) => decide(r).transport !== guide(r));
    expect(wrong).toEqual([]);
  });

  it('adds scaling items for several instances', () => {
    const one = decide({ scale: 'small' }).checklist.map((i) => i.topic);
    const many = decide({ scale: 'large' }).checklist.map((i) => i.topic);
    expect(many.filter((t) => t === 'scaling').length).toBeGreaterThan(one.filter((t) => t === 'scaling').length);
  });

  it('warns about the six-connection limit only on HTTP/1.1', () => {
    const text = (http: string) => decide({ http }).checklist.map((i) => `${i.title} ${i.detail}`).join('\n');
    expect(text('http1')).toMatch(/\bsix\b|\b6\b/);
    expect(text('http1')).not.toEqual(text('http2'));
  });

  it('explains EventSource header limits when auth uses a header', () => {
    const ids = (auth: string) => decide({ auth }).checklist.map((i) => i.id);
    expect(ids('header').length).toBeGreaterThan(ids('cookie').length);
  });
});

describe('invalid requirements', () => {
  it('names the key and the valid values', () => {
    expect(() => decide({ direction: 'sideways' })).toThrow(RequirementError);
    expect(() => decide({ direction: 'sideways' })).toThrow(/server-to-client, client-to-server, bidirectional, peer-to-peer/);
    expect(() => decide({ colour: 'blue' } as never)).toThrow(/unknown requirement 'colour'/);
  });
});

const anyRequirements = fc.record(
  Object.fromEntries(questions.map((q) => [q.id, fc.constantFrom(...q.choices.map((c) => c.value))])),
  { requiredKeys: [] },
);

describe('properties', () => {
  it('every input yields exactly one recommendation with a trace, and ranks the other four', () => {
    fc.assert(
      fc.property(anyRequirements, (answers) => {
        const d = decide(answers as Record<string, string | boolean>);
        expect(TRANSPORT_IDS).toContain(d.transport);
        expect(d.reasons.length).toBeGreaterThan(1);
        for (const r of d.reasons) expect(r.text.length).toBeGreaterThan(10);
        const others = d.alternatives.map((a) => a.transport);
        expect(new Set([d.transport, ...others]).size).toBe(TRANSPORT_IDS.length);
        expect(d.alternatives.map((a) => a.rank)).toEqual([2, 3, 4, 5]);
        for (const a of d.alternatives) expect(a.why.length).toBeGreaterThan(0);
        expect(d.checklist.length).toBeGreaterThan(2);
        expect(decide(answers as Record<string, string | boolean>)).toEqual(d);
      }),
      { numRuns: 500 },
    );
  });

  it('ranks ruled-out alternatives below the others', () => {
    fc.assert(
      fc.property(anyRequirements, (answers) => {
        const verdicts = decide(answers as Record<string, string | boolean>).alternatives.map((a) => a.verdict);
        const firstOut = verdicts.indexOf('ruled-out');
        if (firstOut >= 0) expect(verdicts.slice(firstOut).every((v) => v === 'ruled-out')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives every core combination a concrete why-not for each alternative', () => {
    const generic = combinations(CORE).flatMap((r) =>
      decide(r).alternatives.filter((a) => a.verdict === 'workable').map((a) => `${JSON.stringify(r)} ${a.transport}`),
    );
    expect(generic).toEqual([]);
  });
});
