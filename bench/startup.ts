import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { alternate, median, ms } from './stats.js';

// Start-up cost of a non-interactive decision against a bare Node start, alternated in one run.
const BIN = fileURLToPath(new URL('../cli/main.js', import.meta.url));

function time(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function benchStartup(rounds = 40): Promise<string> {
  const samples = await alternate(rounds, {
    bare: () => time(['-e', '0']),
    decide: () => time([BIN, '--direction', 'server-to-client', '--json']),
  });
  const bare = median(samples.bare);
  const decide = median(samples.decide);
  return [
    `startup (${rounds} alternated runs each)`,
    `  node -e 0                         median ${ms(bare)}`,
    `  pick-transport --direction ... --json  median ${ms(decide)}`,
    `  ratio decide / bare: ${(decide / bare).toFixed(2)} (goal <= 1.50)`,
  ].join('\n');
}
