// The shapes of the knowledge base. Everything the engine, the CLI and the lint rules know about
// transports lives in data of these types, so new questions, facts and checklist items are entries.

export const TRANSPORT_IDS = ['short-polling', 'long-polling', 'sse', 'websocket', 'webrtc'] as const;
export type TransportId = (typeof TRANSPORT_IDS)[number];

/** A requirement answer: a question id mapped to one of its values. */
export type Requirements = Record<string, string | boolean>;

/** `{ key: value }` or `{ key: [values] }`; every key must match (AND), a list means any of (OR). */
export type Condition = Record<string, string | boolean | ReadonlyArray<string | boolean>>;

export interface Source {
  id: string;
  title: string;
  url: string;
}

export interface Fact {
  id: string;
  /** One or two sentences, in the project's own words. */
  text: string;
  /** Ids into the sources table; at least one. */
  sources: readonly string[];
}

export interface Choice {
  value: string | boolean;
  label: string;
  /** Shown next to the choice in the prompt. */
  hint: string;
}

export interface Question {
  /** Also the flag name (`--id`), the answers-file key and the ESLint settings key. */
  id: string;
  /** Core questions are always asked interactively; the others are asked after them. */
  core: boolean;
  prompt: string;
  /** One line on why the answer changes the outcome. */
  why: string;
  kind: 'choice' | 'boolean';
  choices: readonly Choice[];
  default: string | boolean;
}

export type AttributeId =
  | 'direction'
  | 'latency'
  | 'connectionCost'
  | 'reconnection'
  | 'binary'
  | 'httpSemantics';

export interface Attribute {
  id: AttributeId;
  label: string;
}

export interface AttributeValue {
  /** Short cell text for the comparison table, e.g. "Server to client". */
  value: string;
  /** Longer explanation. */
  detail: string;
  facts: readonly string[];
}

export interface Transport {
  id: TransportId;
  name: string;
  /** One-line summary. */
  summary: string;
  /** The browser/server API that implements it, e.g. "EventSource". */
  api: string;
  attributes: Record<AttributeId, AttributeValue>;
  useWhen: readonly string[];
  costs: readonly string[];
  facts: readonly string[];
}

export interface DecisionLeaf {
  transport: TransportId;
  /** Why this transport, for the answers that led here. */
  because: string;
  facts?: readonly string[];
}

export interface DecisionCase {
  id: string;
  when: Condition;
  /** Why this branch was taken; shown in the trace. */
  because: string;
  then: DecisionNode | DecisionLeaf;
  facts?: readonly string[];
}

export interface DecisionNode {
  id: string;
  /** Short label for the flowchart, e.g. "Can the network carry streams?". */
  label: string;
  cases: readonly DecisionCase[];
}

/** Why a transport is a worse fit under some answers; used to rank alternatives. */
export interface Mismatch {
  id: string;
  transport: TransportId;
  when: Condition;
  /** `ruled-out`: cannot meet the requirement; `weaker`: works with a real cost. */
  severity: 'ruled-out' | 'weaker';
  why: string;
  facts?: readonly string[];
}

export type ChecklistTopic =
  | 'heartbeats'
  | 'scaling'
  | 'proxies'
  | 'reconnection'
  | 'limits'
  | 'security'
  | 'platform'
  | 'efficiency';

export interface ChecklistItem {
  id: string;
  topic: ChecklistTopic;
  /** The item applies when the recommendation is one of these. */
  transports: readonly TransportId[];
  /** Extra conditions on the requirements; omitted means always. */
  when?: Condition;
  title: string;
  detail: string;
  facts: readonly string[];
}
