import { describe, expect, it } from 'vitest';
import {
  attributes,
  checklist,
  decisionTree,
  facts,
  mismatches,
  questions,
  sources,
  TRANSPORT_IDS,
  transports,
  type DecisionLeaf,
  type DecisionNode,
} from '../knowledge/index.js';

// The knowledge base is data: these checks keep it whole as it grows.

const factIds = new Set(facts.map((f) => f.id));
const sourceIds = new Set(sources.map((s) => s.id));

function treeFacts(node: DecisionNode): string[] {
  return node.cases.flatMap((c) => [
    ...(c.facts ?? []),
    ...('transport' in c.then ? ((c.then as DecisionLeaf).facts ?? []) : treeFacts(c.then as DecisionNode)),
  ]);
}

describe('knowledge base', () => {
  it('has the five transports, in order, with all six attributes', () => {
    expect(transports.map((t) => t.id)).toEqual([...TRANSPORT_IDS]);
    expect(attributes.map((a) => a.id)).toEqual(['direction', 'latency', 'connectionCost', 'reconnection', 'binary', 'httpSemantics']);
    for (const t of transports) {
      for (const a of attributes) {
        expect(t.attributes[a.id].value, `${t.id}.${a.id}`).not.toBe('');
        expect(t.attributes[a.id].facts.length, `${t.id}.${a.id} facts`).toBeGreaterThan(0);
      }
      expect(t.useWhen.length).toBeGreaterThan(0);
      expect(t.costs.length).toBeGreaterThan(0);
    }
  });

  it('follows the guide table for direction and binary data', () => {
    const cell = (id: string, attr: 'direction' | 'binary') => transports.find((t) => t.id === id)!.attributes[attr].value;
    expect(cell('sse', 'direction')).toMatch(/server to client/i);
    expect(cell('websocket', 'direction')).toMatch(/bidirectional/i);
    expect(cell('sse', 'binary')).toMatch(/no/i);
    expect(cell('websocket', 'binary')).toMatch(/yes/i);
  });

  it('gives every fact a source, and every source a url that is used', () => {
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
    for (const f of facts) {
      expect(f.sources.length, f.id).toBeGreaterThan(0);
      for (const s of f.sources) expect(sourceIds.has(s), `${f.id} -> ${s}`).toBe(true);
    }
    const used = new Set(facts.flatMap((f) => f.sources));
    for (const s of sources) {
      expect(s.url, s.id).toMatch(/^https?:\/\//);
      expect(used.has(s.id), `source ${s.id} unused`).toBe(true);
    }
  });

  it('resolves every fact id referenced by transports, mismatches, checklist and the tree', () => {
    const referenced = [
      ...transports.flatMap((t) => [...t.facts, ...attributes.flatMap((a) => t.attributes[a.id].facts)]),
      ...mismatches.flatMap((m) => m.facts ?? []),
      ...checklist.flatMap((i) => i.facts),
      ...treeFacts(decisionTree),
    ];
    expect(referenced.filter((id) => !factIds.has(id))).toEqual([]);
    for (const item of checklist) expect(item.facts.length, item.id).toBeGreaterThan(0);
  });

  it('only uses known questions and values in conditions', () => {
    const conditions = [...mismatches.map((m) => m.when), ...checklist.map((i) => i.when ?? {})];
    for (const condition of conditions) {
      for (const [key, value] of Object.entries(condition)) {
        const q = questions.find((x) => x.id === key);
        expect(q, `unknown key ${key}`).toBeDefined();
        const values = Array.isArray(value) ? value : [value];
        for (const v of values) expect(q!.choices.map((c) => c.value), `${key}=${String(v)}`).toContain(v);
      }
    }
  });

  it('covers the operational concerns of the guide in the checklist', () => {
    const text = checklist.map((i) => `${i.title} ${i.detail}`).join('\n').toLowerCase();
    for (const topic of ['heartbeat', 'sticky', 'pub/sub', 'idle timeout', 'reconnect', 'last-event-id', 'x-accel-buffering', 'turn']) {
      expect(text, topic).toContain(topic);
    }
  });

  it('has unique ids and a documented default for every question', () => {
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    for (const q of questions) expect(q.choices.map((c) => c.value)).toContain(q.default);
    expect(new Set(checklist.map((i) => i.id)).size).toBe(checklist.length);
    expect(new Set(mismatches.map((m) => m.id)).size).toBe(mismatches.length);
  });
});
