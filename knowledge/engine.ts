import { checklist } from './checklist.js';
import { decisionTree, isLeaf } from './decision.js';
import { facts } from './facts.js';
import { mismatches } from './mismatches.js';
import { resolveRequirements } from './requirements.js';
import type {
  ChecklistTopic,
  Condition,
  DecisionNode,
  Mismatch,
  Requirements,
  Source,
  TransportId,
} from './schema.js';
import { sources } from './sources.js';
import { transports } from './transports.js';

// The decision engine: pure functions over the data tables. Same input, same output.

export interface Reason {
  /** The decision-tree node and case taken (the leaf's own reason has case 'conclusion'). */
  node: string;
  case: string;
  /** The question asked at that node, for the flowchart. */
  label: string;
  /** The answers that made this case match. */
  answers: Requirements;
  text: string;
  sources: Source[];
}

export interface Alternative {
  transport: TransportId;
  name: string;
  rank: number;
  verdict: Mismatch['severity'] | 'workable';
  why: string[];
  sources: Source[];
}

export interface ChecklistEntry {
  id: string;
  topic: ChecklistTopic;
  title: string;
  detail: string;
  sources: Source[];
}

export interface Decision {
  transport: TransportId;
  name: string;
  summary: string;
  reasons: Reason[];
  alternatives: Alternative[];
  checklist: ChecklistEntry[];
  requirements: Requirements;
  defaulted: string[];
}

const factById = new Map(facts.map((f) => [f.id, f]));
const sourceById = new Map(sources.map((s) => [s.id, s]));
const transportById = new Map(transports.map((t) => [t.id, t]));

export function transportName(id: TransportId): string {
  return transportById.get(id)?.name ?? id;
}

export function matches(condition: Condition, requirements: Requirements): boolean {
  return Object.entries(condition).every(([key, expected]) => {
    const actual = requirements[key];
    return Array.isArray(expected) ? expected.includes(actual as never) : expected === actual;
  });
}

/** The sources behind a list of fact ids, each once, in first-seen order. */
export function sourcesOf(factIds: readonly string[] = []): Source[] {
  const seen = new Map<string, Source>();
  for (const factId of factIds) {
    for (const sourceId of factById.get(factId)?.sources ?? []) {
      const source = sourceById.get(sourceId);
      if (source) seen.set(source.id, source);
    }
  }
  return [...seen.values()];
}

function pick(condition: Condition, requirements: Requirements): Requirements {
  return Object.fromEntries(Object.keys(condition).map((k) => [k, requirements[k]!]));
}

function walk(requirements: Requirements): { transport: TransportId; reasons: Reason[] } {
  const reasons: Reason[] = [];
  let node: DecisionNode = decisionTree;
  // The tree is finite and acyclic, so this ends; the guard turns a data mistake into an error.
  for (let depth = 0; depth < 32; depth++) {
    const taken = node.cases.find((c) => matches(c.when, requirements));
    if (!taken) throw new Error(`decision tree: no case of '${node.id}' matches ${JSON.stringify(requirements)}`);
    reasons.push({
      node: node.id,
      case: taken.id,
      label: node.label,
      answers: pick(taken.when, requirements),
      text: taken.because,
      sources: sourcesOf(taken.facts),
    });
    if (isLeaf(taken.then)) {
      reasons.push({
        node: taken.id,
        case: 'conclusion',
        label: transportName(taken.then.transport),
        answers: {},
        text: taken.then.because,
        sources: sourcesOf(taken.then.facts),
      });
      return { transport: taken.then.transport, reasons };
    }
    node = taken.then;
  }
  throw new Error('decision tree: too deep');
}

const severityWeight = { 'ruled-out': 100, weaker: 1 } as const;

function rankAlternatives(chosen: TransportId, requirements: Requirements, conclusion: string): Alternative[] {
  const scored = transports
    .filter((t) => t.id !== chosen)
    .map((t, order) => {
      const hits = mismatches.filter((m) => m.transport === t.id && matches(m.when, requirements));
      hits.sort((a, b) => severityWeight[b.severity] - severityWeight[a.severity]);
      const score = hits.reduce((sum, m) => sum + severityWeight[m.severity], 0);
      return {
        order,
        score,
        alternative: {
          transport: t.id,
          name: t.name,
          rank: 0,
          verdict: hits[0]?.severity ?? ('workable' as const),
          why: hits.length
            ? hits.map((m) => m.why)
            : [`Workable, but ${transportName(chosen)} fits these answers better: ${conclusion}`],
          sources: sourcesOf(hits.flatMap((m) => m.facts ?? [])),
        },
      };
    });
  scored.sort((a, b) => a.score - b.score || a.order - b.order);
  return scored.map((s, i) => ({ ...s.alternative, rank: i + 2 }));
}

function selectChecklist(chosen: TransportId, requirements: Requirements): ChecklistEntry[] {
  return checklist
    .filter((item) => item.transports.includes(chosen) && matches(item.when ?? {}, requirements))
    .map((item) => ({
      id: item.id,
      topic: item.topic,
      title: item.title,
      detail: item.detail,
      sources: sourcesOf(item.facts),
    }));
}

export interface Recommendation {
  transport: TransportId;
  name: string;
  reasons: Reason[];
  requirements: Requirements;
}

/**
 * The recommendation and its trace without ranking alternatives or building the checklist: what
 * the lint rules need once per file, at a fraction of decide()'s cost.
 */
export function recommend(input: Readonly<Record<string, unknown>> = {}): Recommendation {
  const { requirements } = resolveRequirements(input);
  const { transport, reasons } = walk(requirements);
  return { transport, name: transportName(transport), reasons, requirements };
}

/**
 * Recommends a transport. Missing answers take their documented defaults; an unknown key or
 * value throws a RequirementError naming the valid values.
 */
export function decide(input: Readonly<Record<string, unknown>> = {}): Decision {
  const { requirements, defaulted } = resolveRequirements(input);
  const { transport, reasons } = walk(requirements);
  const conclusion = reasons[reasons.length - 1]!.text;
  return {
    transport,
    name: transportName(transport),
    summary: transportById.get(transport)!.summary,
    reasons,
    alternatives: rankAlternatives(transport, requirements, conclusion),
    checklist: selectChecklist(transport, requirements),
    requirements,
    defaulted,
  };
}
