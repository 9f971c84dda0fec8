import type { ChalkInstance } from 'chalk';
import { transportName } from '../../knowledge/engine.js';
import type { TransportId } from '../../knowledge/schema.js';
import { INVENTORY_KINDS, KIND_SIDE, KIND_TRANSPORT, transportMix, type ScanReport } from './report.js';

// The terminal review: recommendation first (when requirements were given), then the inventory
// grouped by side and kind, the findings, and what was skipped or did not parse.

const nameOf = (t: string) => (t === 'webtransport' ? 'WebTransport' : transportName(t as TransportId));

export function renderScanText(report: ScanReport, c: ChalkInstance): string {
  const out: string[] = [];
  const { files } = report;
  const shard = report.shard ? `, shard ${report.shard.index}/${report.shard.count}` : '';
  out.push(c.bold(`Realtime transport review: ${files.scanned} files scanned, ${files.withRealtimeCode} with realtime code, ${files.typed} with types${shard}`));
  out.push('');

  if (report.recommendation) {
    const against = report.findings.filter((f) => f.contradicts).length;
    out.push(`${c.bold('Recommendation:')} ${c.green.bold(report.recommendation.name)} ${c.dim(`(${report.recommendation.transport})`)}`);
    out.push(`  ${report.recommendation.reasons[report.recommendation.reasons.length - 1]!.text}`);
    out.push(against ? c.yellow(`  ${against} finding${against === 1 ? '' : 's'} go${against === 1 ? 'es' : ''} against it.`) : c.green('  No finding goes against it.'));
    out.push('');
  }

  const mix = transportMix(report);
  out.push(c.bold('Transport mix'));
  if (mix.length === 0) out.push(c.dim('  no realtime transport found'));
  for (const { transport, count } of mix) out.push(`  ${nameOf(transport).padEnd(20)} ${String(count).padStart(4)}`);
  out.push('');

  out.push(c.bold(`Inventory (${report.inventory.length})`));
  for (const side of ['client', 'server'] as const) {
    const kinds = INVENTORY_KINDS.filter((k) => KIND_SIDE[k] === side);
    const items = report.inventory.filter((i) => kinds.includes(i.kind));
    if (items.length === 0) continue;
    out.push(`  ${c.underline(side)}`);
    for (const kind of kinds) {
      const ofKind = items.filter((i) => i.kind === kind);
      if (ofKind.length === 0) continue;
      out.push(`    ${c.cyan(kind)} ${c.dim(`(${nameOf(KIND_TRANSPORT[kind])}, ${ofKind.length})`)}`);
      for (const item of ofKind) out.push(`      ${c.dim(`${item.file}:${item.line}`)}  ${item.label}`);
    }
  }
  out.push('');

  out.push(c.bold(`Findings (${report.findings.length})`));
  for (const f of report.findings) {
    const severity = f.severity === 'error' ? c.red('error  ') : c.yellow('warning');
    const mark = f.contradicts ? c.yellow(' [against the recommendation]') : '';
    out.push(`  ${f.file}:${f.line}:${f.column}  ${severity}  ${f.message}${mark}  ${c.dim(f.ruleId)}`);
  }
  if (report.findings.length === 0) out.push(c.dim('  none'));

  if (report.parseErrors.length) {
    out.push('', c.bold(`Did not parse (${report.parseErrors.length})`));
    for (const e of report.parseErrors) out.push(`  ${e.file}:${e.line}:${e.column}  ${e.message}`);
  }
  if (report.skipped.length) {
    out.push('', c.bold(`Skipped (${report.skipped.length})`));
    for (const s of report.skipped) out.push(`  ${s.file}  ${c.dim(s.reason + (s.detail ? `: ${s.detail}` : ''))}`);
  }
  return `${out.join('\n')}\n`;
}
