import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyContent } from '../cli/scan/files.js';
import { copyFlat, realFiles } from './corpus.js';
import { alternate, median, ms } from './stats.js';

// `pick-transport scan` against the eslint CLI with configs.recommended and against a
// TypeScript parse-only pass, over the same real files, alternated in one run.

const root = fileURLToPath(new URL('../..', import.meta.url));
const nodeModules = join(root, 'node_modules');

function timed(args: string[], cwd: string): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function benchScan(rounds = 5, fileCount = 2000): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pick-transport-bench-scan-'));
  try {
    // Files the scan would skip (minified, generated) are left out, so both tools read the same set.
    const files = realFiles(nodeModules, fileCount, /\.(?:js|mjs|cjs)$/).filter((f) => !classifyContent(f, basename(f)));
    copyFlat(files, join(dir, 'corpus'));
    writeFileSync(
      join(dir, 'eslint.config.mjs'),
      `import pickTransport from ${JSON.stringify(join(root, 'dist/rules/plugin.js'))};\nexport default [pickTransport.configs.recommended];\n`,
    );
    const scan = [join(root, 'dist/cli/main.js'), 'scan', 'corpus', '--format', 'json', '--output', '/dev/null'];
    const eslint = [join(nodeModules, 'eslint/bin/eslint.js'), '-c', 'eslint.config.mjs', '-f', 'json', '-o', '/dev/null', 'corpus'];
    const parse = [join(root, 'dist/bench/ts-parse.js'), 'corpus'];
    timed(scan, dir); // warm the file cache
    const samples = await alternate(rounds, {
      scan: () => timed(scan, dir),
      eslint: () => timed(eslint, dir),
      parse: () => timed(parse, dir),
    });
    const s = median(samples.scan);
    const e = median(samples.eslint);
    const p = median(samples.parse);
    const rate = (t: number) => `${((files.length / t) * 1000).toFixed(0)} files/s`;
    return [
      `scan (${files.length} real files, ${rounds} alternated runs each)`,
      `  pick-transport scan                median ${ms(s).padStart(10)}  ${rate(s)}`,
      `  eslint + configs.recommended       median ${ms(e).padStart(10)}  ${rate(e)}`,
      `  TypeScript parse-only pass         median ${ms(p).padStart(10)}  ${rate(p)}`,
      `  ratio scan / eslint: ${(s / e).toFixed(2)} (goal <= 1.00)`,
      `  ratio scan / TypeScript parse: ${(s / p).toFixed(2)} (closer to 1 is better)`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
