import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from '@lydell/node-pty';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, stripAnsi } from '../cli/run-cli.js';

// A scan that takes more than a second shows files/s on a terminal, and nothing extra when piped.

let tree = '';
beforeAll(() => {
  tree = mkdtempSync(join(tmpdir(), 'pick-transport-progress-'));
  for (let d = 0; d < 20; d++) {
    mkdirSync(join(tree, `m${d}`));
    for (let f = 0; f < 60; f++) {
      writeFileSync(
        join(tree, `m${d}`, `poll${f}.js`),
        `export function start(render) {\n  const load = async () => render(await (await fetch('/api/${d}/${f}')).json());\n  return setInterval(load, ${1000 + f});\n}\n`,
      );
    }
  }
});

describe('progress', () => {
  it('shows files/s on a terminal', async () => {
    const env = { ...process.env };
    delete env.FORCE_COLOR;
    const term = spawn(process.execPath, [BIN, 'scan', tree, '--format', 'json', '--output', join(tree, 'report.json')], { cols: 120, rows: 10, env });
    let screen = '';
    term.onData((d) => (screen += d));
    const code = await new Promise<number>((resolve) => term.onExit((e) => resolve(e.exitCode)));
    expect(code).toBe(0);
    expect(stripAnsi(screen)).toMatch(/scanning \d+\/1200 files, \d+ files\/s/);
  }, 120_000);

  it('prints nothing extra when piped', () => {
    const report = join(tree, 'piped.json');
    const r = runCli(['scan', tree, '--format', 'json', '--output', report]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(report, 'utf8')).findings).toHaveLength(1200);
  }, 120_000);
});
