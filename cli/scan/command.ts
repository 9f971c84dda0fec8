import { existsSync } from 'node:fs';
import type { ChalkInstance } from 'chalk';
import type { Requirements } from '../../knowledge/schema.js';
import type { CliArgs } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { renderReport, writeOutput } from './output.js';
import { progressLine } from './progress.js';
import type { ScanReport } from './report.js';

// `pick-transport scan [paths...]`: validate everything first, scan, render, then gate on --fail-on.

const RULES = ['no-short-polling', 'no-long-polling', 'no-receive-only-websocket', 'websocket-needs-reconnect'];

/** Checks the peers are installed without loading them (loading is the scanner's job, and lazy). */
function requireLinter(): void {
  try {
    import.meta.resolve('eslint');
    import.meta.resolve('typescript-eslint');
  } catch {
    throw new UsageError(
      "scan needs the eslint and typescript-eslint packages; install them (npm i -D eslint typescript-eslint) or run: npx -p pick-transport -p eslint -p typescript-eslint pick-transport scan",
    );
  }
}

/** `error`, `warning` (any finding) or a rule name, with or without the plugin prefix. */
export function failOnMatcher(failOn: string | undefined): ((f: ScanReport['findings'][number]) => boolean) | undefined {
  if (failOn === undefined) return undefined;
  if (failOn === 'error') return (f) => f.severity === 'error';
  if (failOn === 'warning') return () => true;
  const rule = failOn.replace(/^pick-transport\//, '');
  if (!RULES.includes(rule)) {
    throw new UsageError(`invalid --fail-on '${failOn}'; use error, warning or a rule: ${RULES.join(', ')}`);
  }
  return (f) => f.ruleId === `pick-transport/${rule}`;
}

export async function runScan(
  args: CliArgs,
  requirements: Requirements,
  requirementsGiven: boolean,
  chalk: () => Promise<ChalkInstance>,
): Promise<number> {
  const paths = args.paths.length ? args.paths : ['.'];
  const missing = paths.find((p) => !existsSync(p));
  if (missing) throw new UsageError(`no such file or folder '${missing}'; give the paths to scan, e.g. pick-transport scan src`);
  const failing = failOnMatcher(args.failOn);
  requireLinter();
  const { scan } = await import('./scanner.js');
  const progress = progressLine();
  const report = await scan({
    paths,
    base: process.cwd(),
    requirements,
    requirementsGiven,
    types: args.types,
    maxBytes: args.maxBytes,
    shard: args.shard,
    onProgress: progress.update,
  });
  progress.end();
  writeOutput(await renderReport(report, args.format, chalk), args.output);
  return failing && report.findings.some(failing) ? EXIT.findings : EXIT.ok;
}
