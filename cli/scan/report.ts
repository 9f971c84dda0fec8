import type { Reason } from '../../knowledge/engine.js';
import type { ChecklistEntry } from '../../knowledge/engine.js';
import type { Requirements, TransportId } from '../../knowledge/schema.js';

// The scan report: one model, rendered as text, JSON, Markdown or SARIF, and merged across
// shards. Everything in it is sorted, so a report does not depend on file-system order.

export type Side = 'client' | 'server';

export const INVENTORY_KINDS = [
  'polling',
  'long-poll-client',
  'long-poll-handler',
  'sse-client',
  'sse-endpoint',
  'websocket-client',
  'websocket-server',
  'socketio-client',
  'socketio-server',
  'webrtc',
  'webtransport',
] as const;
export type InventoryKind = (typeof INVENTORY_KINDS)[number];

/** Which transport each kind of site uses, for the transport mix. */
export const KIND_TRANSPORT: Record<InventoryKind, TransportId | 'webtransport'> = {
  polling: 'short-polling',
  'long-poll-client': 'long-polling',
  'long-poll-handler': 'long-polling',
  'sse-client': 'sse',
  'sse-endpoint': 'sse',
  'websocket-client': 'websocket',
  'websocket-server': 'websocket',
  'socketio-client': 'websocket',
  'socketio-server': 'websocket',
  webrtc: 'webrtc',
  webtransport: 'webtransport',
};

export const KIND_SIDE: Record<InventoryKind, Side> = {
  polling: 'client',
  'long-poll-client': 'client',
  'long-poll-handler': 'server',
  'sse-client': 'client',
  'sse-endpoint': 'server',
  'websocket-client': 'client',
  'websocket-server': 'server',
  'socketio-client': 'client',
  'socketio-server': 'server',
  webrtc: 'client',
  webtransport: 'client',
};

export interface Location {
  /** Path relative to the scan root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface InventoryItem extends Location {
  kind: InventoryKind;
  /** Short description, e.g. "setInterval every 5 s" or "new EventSource('/events')". */
  label: string;
}

export interface Finding extends Location {
  /** Full rule id, e.g. "pick-transport/no-short-polling". */
  ruleId: string;
  severity: 'error' | 'warning';
  message: string;
  helpUri: string;
  /** The source line(s) reported, for review documents. */
  excerpt: string;
  /** True when requirements were given and the finding goes against the recommendation. */
  contradicts: boolean;
}

export type SkipReason = 'ignored' | 'too-large' | 'minified' | 'generated' | 'binary' | 'symlink-loop' | 'unreadable';

export interface Skipped {
  file: string;
  reason: SkipReason;
  detail?: string;
}

export interface ParseError extends Location {
  message: string;
}

export interface ScanReport {
  tool: { name: 'pick-transport'; version: string };
  /** Present when the user gave requirements. */
  recommendation?: { transport: TransportId; name: string; reasons: Reason[]; checklist: ChecklistEntry[] };
  requirements: Requirements;
  requirementsGiven: boolean;
  shard?: { index: number; count: number };
  files: { scanned: number; withRealtimeCode: number; typed: number };
  inventory: InventoryItem[];
  findings: Finding[];
  skipped: Skipped[];
  parseErrors: ParseError[];
}

const byLocation = (a: Location, b: Location) =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;

export function sortReport(report: ScanReport): ScanReport {
  report.inventory.sort((a, b) => byLocation(a, b) || a.kind.localeCompare(b.kind));
  report.findings.sort((a, b) => byLocation(a, b) || a.ruleId.localeCompare(b.ruleId));
  report.skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  report.parseErrors.sort(byLocation);
  return report;
}

/** Counts per inventory kind and per transport, in a fixed order, for summaries and charts. */
export function transportMix(report: ScanReport): { transport: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of report.inventory) {
    const t = KIND_TRANSPORT[item.kind];
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts].map(([transport, count]) => ({ transport, count })).sort((a, b) => b.count - a.count || a.transport.localeCompare(b.transport));
}
