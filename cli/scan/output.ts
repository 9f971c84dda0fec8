import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { ChalkInstance } from 'chalk';
import type { Format } from '../args.js';
import { UsageError } from '../errors.js';
import type { ScanReport } from './report.js';

// One place that turns a report into the chosen format and puts it where it was asked for.

export async function renderReport(report: ScanReport, format: Format, chalk: () => Promise<ChalkInstance>): Promise<string> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'markdown':
      return (await import('./render-markdown.js')).renderScanMarkdown(report);
    case 'sarif':
      return (await import('./render-sarif.js')).renderSarif(report);
    default:
      return (await import('./render-text.js')).renderScanText(report, await chalk());
  }
}

/** Writes through a temporary file, so a failed write never leaves half a report behind. */
export function writeOutput(text: string, output: string | undefined): void {
  if (output === undefined) {
    process.stdout.write(text);
    return;
  }
  // A device or pipe (/dev/null, /dev/stdout) is written in place: renaming onto it would replace it.
  let special = false;
  try {
    special = !statSync(output).isFile();
  } catch {
    // does not exist yet
  }
  if (special) {
    writeFileSync(output, text);
    return;
  }
  const temporary = `${output}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, output);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UsageError(`cannot write the report to '${output}' (${(error as NodeJS.ErrnoException).code ?? 'write failed'}); choose a writable path for --output`);
  }
}
