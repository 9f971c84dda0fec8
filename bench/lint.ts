import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyCorpus, realFiles } from './corpus.js';
import { alternate, median, ms } from './stats.js';

// ESLint with configs.recommended against ESLint with one trivial core rule, over the same real
// files, alternated. The baseline keeps one rule on because ESLint with no rules skips work that
// any rule triggers; that cost is not ours.

const root = fileURLToPath(new URL('../..', import.meta.url));
const nodeModules = join(root, 'node_modules');
const eslintBin = join(nodeModules, 'eslint/bin/eslint.js');
const pluginEntry = join(root, 'dist/rules/plugin.js');

function writeConfigs(dir: string) {
  const plugin = `import pickTransport from ${JSON.stringify(pluginEntry)};\n`;
  writeFileSync(join(dir, 'base.config.mjs'), `export default [{ rules: { 'no-debugger': 'error' } }];\n`);
  writeFileSync(join(dir, 'plugin.config.mjs'), `${plugin}export default [pickTransport.configs.recommended, { rules: { 'no-debugger': 'error' } }];\n`);
  // The rule ESLint runs first on each file measures slower than the same rule run later (here
  // no-short-polling: 42 ms first, 35 ms second; no-debugger: 2.7 ms first, 0.9 ms later). The
  // trivial rule goes first, so that neither the measured rules nor no-undef run in that place.
  writeFileSync(
    join(dir, 'timing.config.mjs'),
    `${plugin}export default [{ rules: { 'no-debugger': 'error' } }, pickTransport.configs.recommended, { rules: { 'no-undef': 'error' } }];\n`,
  );
}

function eslint(dir: string, config: string, extra: string[] = []): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [eslintBin, '-c', config, '--no-warn-ignored', '-f', 'json', ...extra, 'corpus'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status === 2) throw new Error(`eslint failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Sums each rule's time over all files from ESLint's --stats output. */
function ruleTimes(dir: string): Record<string, number> {
  const out = join(dir, 'stats.json');
  eslint(dir, 'timing.config.mjs', ['--stats', '-o', out]);
  const results = JSON.parse(readFileSync(out, 'utf8')) as { stats?: { times?: { passes?: { rules?: Record<string, { total: number }> }[] } } }[];
  const totals: Record<string, number> = {};
  for (const result of results) {
    for (const pass of result.stats?.times?.passes ?? []) {
      for (const [rule, { total }] of Object.entries(pass.rules ?? {})) totals[rule] = (totals[rule] ?? 0) + total;
    }
  }
  return totals;
}

/** ESLint --stats runs: each rule's ratio to no-undef is the median over them. */
const STATS_RUNS = 9;
/** Rounds of the in-process comparison, after one round that warms both up. */
const IN_PROCESS_ROUNDS = 5;

/**
 * The same two configs linted by two ESLint instances in this process, alternated: no process
 * start, no module loading, no cold code, so what is left is the steady cost of the rules, and
 * much less of the machine's noise than separate runs carry.
 */
async function inProcess(dir: string): Promise<{ base: number[]; plugin: number[] }> {
  const { ESLint } = await import('eslint');
  const instance = (config: string) => new ESLint({ cwd: dir, overrideConfigFile: join(dir, config), cache: false });
  const base = instance('base.config.mjs');
  const plugin = instance('plugin.config.mjs');
  const lint = async (eslint: InstanceType<typeof ESLint>): Promise<number> => {
    const start = process.hrtime.bigint();
    await eslint.lintFiles(['corpus']);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  await lint(base);
  await lint(plugin);
  return alternate(IN_PROCESS_ROUNDS, { base: () => lint(base), plugin: () => lint(plugin) });
}

// A 1-2 % difference needs more than a handful of runs to stand out from a shared machine's noise.
export async function benchLint(rounds = 9, fileCount = 2000): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pick-transport-bench-lint-'));
  try {
    const files = realFiles(nodeModules, fileCount, /\.(?:js|mjs|cjs)$/);
    copyCorpus(files, nodeModules, join(dir, 'corpus'));
    writeConfigs(dir);
    eslint(dir, 'base.config.mjs'); // warm the file cache
    const samples = await alternate(rounds, {
      base: () => eslint(dir, 'base.config.mjs'),
      plugin: () => eslint(dir, 'plugin.config.mjs'),
    });
    const base = median(samples.base);
    const withPlugin = median(samples.plugin);
    const range = (values: number[]) => `(${ms(Math.min(...values))} to ${ms(Math.max(...values))})`;
    // The two runs of a round follow each other, so a slow spell of the machine weighs on both.
    const pairRatios = samples.plugin.map((t, i) => t / samples.base[i]!);
    const steady = await inProcess(dir);
    const steadyPairs = steady.plugin.map((t, i) => t / steady.base[i]!);
    // Per-rule times move by 10-20 % from run to run, and a busy machine slows every rule of a
    // run alike: each rule is compared with no-undef of the same run, and the median of those
    // ratios is the verdict, shown with their spread.
    const runs = Array.from({ length: STATS_RUNS }, () => ruleTimes(dir));
    const times = Object.fromEntries(Object.keys(runs[0]!).map((rule) => [rule, median(runs.map((run) => run[rule] ?? 0))]));
    const noUndef = times['no-undef'] ?? 0;
    const ours = Object.entries(times)
      .filter(([rule]) => rule.startsWith('pick-transport/'))
      .sort((a, b) => b[1] - a[1])
      .map(([rule, t]) => {
        const ratios = runs.map((run) => (run[rule] ?? 0) / (run['no-undef'] ?? Number.NaN));
        const spread = `runs ${Math.min(...ratios).toFixed(2)}x to ${Math.max(...ratios).toFixed(2)}x`;
        return `    ${rule.padEnd(44)} ${ms(t).padStart(10)}  ${median(ratios).toFixed(2)}x no-undef (${spread})`;
      });
    return [
      `lint (${files.length} real files, ${rounds} alternated runs each)`,
      `  eslint + no-debugger                      median ${ms(base)} ${range(samples.base)}`,
      `  eslint + no-debugger + configs.recommended median ${ms(withPlugin)} ${range(samples.plugin)}`,
      `  wall ratio recommended / baseline: ${(withPlugin / base).toFixed(3)} (goal <= 1.03); fastest runs: ${(Math.min(...samples.plugin) / Math.min(...samples.base)).toFixed(3)}; median of each round's pair: ${median(pairRatios).toFixed(3)}`,
      `  in one process, warm, ${IN_PROCESS_ROUNDS} alternated rounds: baseline ${ms(median(steady.base))}, recommended ${ms(median(steady.plugin))}; ratio ${(median(steady.plugin) / median(steady.base)).toFixed(3)}, median of each round's pair ${median(steadyPairs).toFixed(3)} (pairs ${Math.min(...steadyPairs).toFixed(3)} to ${Math.max(...steadyPairs).toFixed(3)})`,
      `  rule time over all files (--stats, median of ${STATS_RUNS} runs; ratio: median of each run's rule / no-undef), core no-undef ${ms(noUndef)}:`,
      ...ours,
      `    ${'no-debugger (runs first, see above)'.padEnd(44)} ${ms(times['no-debugger'] ?? 0).padStart(10)}`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
