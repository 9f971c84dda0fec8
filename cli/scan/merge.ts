import { readFileSync } from 'node:fs';
import type { ChalkInstance } from 'chalk';
import type { Log } from 'sarif';
import type { CliArgs } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { renderReport, writeOutput } from './output.js';
import { sortReport, type ScanReport } from './report.js';

// `pick-transport merge`: the reports of a sharded scan, combined into the report of the whole.

function load(path: string): { kind: 'json'; report: ScanReport } | { kind: 'sarif'; log: Log } {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code ? code : 'not valid JSON';
    throw new UsageError(`cannot read report '${path}': ${why}; pass files written by 'scan --format json' or '--format sarif'`);
  }
  const value = data as Partial<ScanReport> & Partial<Log>;
  if (value.tool?.name === 'pick-transport' && Array.isArray(value.inventory) && Array.isArray(value.findings)) {
    return { kind: 'json', report: value as ScanReport };
  }
  if (value.version === '2.1.0' && Array.isArray(value.runs)) return { kind: 'sarif', log: value as Log };
  throw new UsageError(`'${path}' is neither a scan JSON report nor a SARIF log; pass files written by 'scan --format json' or '--format sarif'`);
}

export function mergeReports(reports: readonly ScanReport[]): ScanReport {
  const [first] = reports;
  const same = JSON.stringify(first!.requirements);
  if (reports.some((r) => JSON.stringify(r.requirements) !== same || r.requirementsGiven !== first!.requirementsGiven)) {
    throw new UsageError('the reports were made with different requirements; merge reports of one scan only');
  }
  const merged: ScanReport = {
    tool: first!.tool,
    ...(first!.recommendation ? { recommendation: first!.recommendation } : {}),
    requirements: first!.requirements,
    requirementsGiven: first!.requirementsGiven,
    files: { scanned: 0, withRealtimeCode: 0, typed: 0 },
    inventory: [],
    findings: [],
    skipped: [],
    parseErrors: [],
  };
  for (const r of reports) {
    merged.files.scanned += r.files.scanned;
    merged.files.withRealtimeCode += r.files.withRealtimeCode;
    merged.files.typed += r.files.typed;
    merged.inventory.push(...r.inventory);
    merged.findings.push(...r.findings);
    merged.skipped.push(...r.skipped);
    merged.parseErrors.push(...r.parseErrors);
  }
  return sortReport(merged);
}

export async function runMerge(args: CliArgs, chalk: () => Promise<ChalkInstance>): Promise<number> {
  const loaded = args.paths.map(load);
  const kinds = new Set(loaded.map((l) => l.kind));
  if (kinds.size > 1) throw new UsageError('cannot merge JSON reports with SARIF logs; pass files of one format');
  if (kinds.has('sarif')) {
    if (args.format !== 'sarif' && args.format !== 'json') {
      throw new UsageError(`SARIF logs merge into SARIF only; pass --format sarif (not ${args.format})`);
    }
    const { mergeSarif } = await import('./render-sarif.js');
    const log = mergeSarif(loaded.map((l) => (l as { log: Log }).log));
    writeOutput(`${JSON.stringify(log, null, 2)}\n`, args.output);
    return EXIT.ok;
  }
  const report = mergeReports(loaded.map((l) => (l as { report: ScanReport }).report));
  writeOutput(await renderReport(report, args.format, chalk), args.output);
  return EXIT.ok;
}
