import type { Reason } from '../../knowledge/engine.js';
import { transportName } from '../../knowledge/engine.js';
import type { TransportId } from '../../knowledge/schema.js';
import { NAMESPACE, rules } from '../../rules/plugin.js';
import {
  INVENTORY_KINDS,
  KIND_SIDE,
  KIND_TRANSPORT,
  transportMix,
  type Finding,
  type InventoryKind,
  type ScanReport,
  type Side,
} from './report.js';

// A review document for a pull request or a wiki: what realtime transports the code uses, what
// the lint rules found, and (with requirements) what the engine recommends and what to check.
// No dates and no absolute paths, so the same code gives the same document.

const nameOf = (t: string) => (t === 'webtransport' ? 'WebTransport' : transportName(t as TransportId));

const KIND_LABEL: Record<InventoryKind, string> = {
  polling: 'Polling',
  'long-poll-client': 'Long-poll client',
  'long-poll-handler': 'Long-poll handler',
  'sse-client': 'Server-Sent Events client',
  'sse-endpoint': 'Server-Sent Events endpoint',
  'websocket-client': 'WebSocket client',
  'websocket-server': 'WebSocket server',
  'socketio-client': 'Socket.IO client',
  'socketio-server': 'Socket.IO server',
  webrtc: 'WebRTC',
  webtransport: 'WebTransport',
};

const SIDE_LABEL: Record<Side, string> = { client: 'Client', server: 'Server' };

/** Prose from code and messages: neutralize what Markdown would read as markup (HTML, links, emphasis). */
const text = (s: string) =>
  s
    .replace(/[\\`*<[\]]/g, '\\$&')
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
    .replace(/\r?\n/g, ' ');

/** A table cell: GFM splits on '|' even inside code spans, so escape it last, over everything. */
const cell = (s: string) => s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');

/** A code span that survives backticks in its content. */
function code(s: string): string {
  const flat = s.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function answersOf(reason: Reason): string {
  const pairs = Object.entries(reason.answers).map(([k, v]) => `${k} = ${String(v)}`);
  return pairs.length ? pairs.join(', ') : 'otherwise';
}

const LANGUAGES: Record<string, string> = {
  ts: 'ts',
  mts: 'ts',
  cts: 'ts',
  tsx: 'tsx',
  js: 'js',
  mjs: 'js',
  cjs: 'js',
  jsx: 'jsx',
  vue: 'vue',
  svelte: 'svelte',
  astro: 'astro',
  html: 'html',
  htm: 'html',
  ejs: 'ejs',
};

export function languageOf(file: string): string {
  const dot = file.lastIndexOf('.');
  const ext = dot > file.lastIndexOf('/') ? file.slice(dot + 1).toLowerCase() : '';
  return LANGUAGES[ext] ?? '';
}

/** A fenced block indented under a list item; the fence outgrows any backtick run in the code. */
function fenced(excerpt: string, language: string, indent: string): string[] {
  const longest = Math.max(0, ...(excerpt.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const lines = excerpt.replace(/\s+$/, '').split(/\r?\n/);
  return [`${indent}${fence}${language}`, ...lines.map((l) => (l ? indent + l : '')), `${indent}${fence}`];
}

interface RuleInfo {
  id: string;
  url: string;
  description?: string;
}

/** The plugin's rules in its order, then any other rule the findings name, by id. */
function rulesOf(findings: readonly Finding[]): RuleInfo[] {
  const known: RuleInfo[] = Object.entries(rules).map(([name, rule]) => ({
    id: `${NAMESPACE}/${name}`,
    url: rule.meta!.docs!.url!,
    description: rule.meta!.docs!.description!,
  }));
  const extra = new Map<string, RuleInfo>();
  for (const f of findings) {
    if (!known.some((r) => r.id === f.ruleId) && !extra.has(f.ruleId)) extra.set(f.ruleId, { id: f.ruleId, url: f.helpUri });
  }
  return [...known, ...[...extra.values()].sort((a, b) => (a.id < b.id ? -1 : 1))];
}

const where = (l: { file: string; line: number }) => code(`${l.file}:${l.line}`);

export function renderScanMarkdown(report: ScanReport): string {
  const out: string[] = [];
  const { files, recommendation } = report;
  // Only a recommendation can be contradicted; without one the flag means nothing.
  const contradicts = (f: Finding) => recommendation !== undefined && f.contradicts;
  const contradicting = report.findings.filter(contradicts).length;
  const ruleInfo = rulesOf(report.findings);

  out.push('# Realtime transport review', '');
  const shard = report.shard ? ` Shard ${report.shard.index} of ${report.shard.count}.` : '';
  out.push(
    `Scanned with pick-transport ${report.tool.version}: ${plural(files.scanned, 'file')} scanned, ` +
      `${files.withRealtimeCode} with realtime code, ${files.typed} with type information.${shard}`,
    '',
  );

  if (recommendation) {
    out.push('## Recommendation', '');
    out.push(`Use **${recommendation.name}** (\`${recommendation.transport}\`) for the requirements given.`, '');
    const steps = recommendation.reasons.slice(0, -1);
    steps.forEach((r, i) => out.push(`${i + 1}. \`${answersOf(r)}\`: ${r.text}.`));
    const conclusion = recommendation.reasons[recommendation.reasons.length - 1];
    if (steps.length) out.push('');
    if (conclusion) out.push(conclusion.text, '');
    out.push(
      contradicting
        ? `${plural(contradicting, 'finding')} below ${contradicting === 1 ? 'contradicts' : 'contradict'} this recommendation.`
        : 'No finding contradicts this recommendation.',
      '',
    );
  }

  out.push('## Summary', '');
  if (report.inventory.length === 0) {
    out.push('No realtime transport code was found.', '');
  } else {
    out.push('| Kind | Side | Transport | Count |', '| --- | --- | --- | ---: |');
    for (const kind of INVENTORY_KINDS) {
      const count = report.inventory.filter((i) => i.kind === kind).length;
      if (count) out.push(`| ${cell(code(kind))} | ${KIND_SIDE[kind]} | ${cell(nameOf(KIND_TRANSPORT[kind]))} | ${count} |`);
    }
    out.push('');
  }
  const against = recommendation !== undefined;
  out.push(`| Rule | Findings |${against ? ' Contradicting |' : ''}`, `| --- | ---: |${against ? ' ---: |' : ''}`);
  for (const rule of ruleInfo) {
    const ofRule = report.findings.filter((f) => f.ruleId === rule.id);
    const contra = against ? ` ${ofRule.filter(contradicts).length} |` : '';
    out.push(`| ${cell(`[${code(rule.id)}](${rule.url})`)} | ${ofRule.length} |${contra}`);
  }
  out.push('');

  out.push('## Transport mix', '');
  const mix = transportMix(report);
  if (mix.length === 0) {
    out.push('No realtime transport code was found.', '');
  } else {
    out.push('```mermaid', 'pie title Transport mix');
    for (const { transport, count } of mix) out.push(`    "${nameOf(transport).replace(/"/g, "'")}" : ${count}`);
    out.push('```', '');
  }

  out.push('## Findings', '');
  if (report.findings.length === 0) out.push('No findings.', '');
  for (const rule of ruleInfo) {
    const ofRule = report.findings.filter((f) => f.ruleId === rule.id);
    if (ofRule.length === 0) continue;
    out.push(`### [${code(rule.id)}](${rule.url})`, '');
    if (rule.description) out.push(`${rule.description}.`, '');
    for (const f of ofRule) {
      const mark = contradicts(f) ? ' **Contradicts the recommendation.**' : '';
      out.push(`- ${where(f)} (${f.severity}) — ${text(f.message)}${mark}`);
      if (f.excerpt.trim()) out.push('', ...fenced(f.excerpt, languageOf(f.file), '  '), '');
    }
    if (out[out.length - 1] !== '') out.push('');
  }

  out.push('## Inventory', '');
  if (report.inventory.length === 0) out.push('No realtime transport code was found.', '');
  for (const side of ['client', 'server'] as const) {
    const kinds = INVENTORY_KINDS.filter((k) => KIND_SIDE[k] === side);
    const items = report.inventory.filter((i) => KIND_SIDE[i.kind] === side);
    if (items.length === 0) continue;
    out.push(`### ${SIDE_LABEL[side]}`, '');
    for (const kind of kinds) {
      const ofKind = items.filter((i) => i.kind === kind);
      if (ofKind.length === 0) continue;
      out.push(`#### ${KIND_LABEL[kind]} (${code(kind)}, ${nameOf(KIND_TRANSPORT[kind])})`, '');
      for (const item of ofKind) out.push(`- ${where(item)} — ${text(item.label)}`);
      out.push('');
    }
  }

  if (recommendation) {
    out.push('## Checklist', '');
    if (recommendation.checklist.length === 0) out.push(`Nothing to check for ${recommendation.name}.`);
    for (const item of recommendation.checklist) {
      const links = item.sources.map((s) => `[${s.title}](${s.url})`).join(', ');
      out.push(`- [ ] **${item.title}** — ${item.detail}${links ? ` (${links})` : ''}`);
    }
    out.push('');
  }

  if (report.skipped.length) {
    out.push('## Skipped files', '');
    for (const s of report.skipped) out.push(`- ${code(s.file)} — ${s.reason}${s.detail ? `: ${text(s.detail)}` : ''}`);
    out.push('');
  }

  if (report.parseErrors.length) {
    out.push('## Files that did not parse', '');
    for (const e of report.parseErrors) out.push(`- ${where(e)} — ${text(e.message)}`);
    out.push('');
  }

  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
