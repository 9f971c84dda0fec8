import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The package as users get it: packed, installed into an empty folder, run with npx.

const root = fileURLToPath(new URL('../..', import.meta.url));
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', ['--no-audit', '--no-fund', '--loglevel=error', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1' },
  });

let project = '';
let files: string[] = [];

beforeAll(() => {
  const out = mkdtempSync(join(tmpdir(), 'pick-transport-pack-'));
  // dist/ is already built by `npm test`; the tarball holds it as is.
  const [info] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', out], root));
  files = info.files.map((f: { path: string }) => f.path);
  project = mkdtempSync(join(tmpdir(), 'pick-transport-user-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true, type: 'module' }));
  npm(['install', join(out, info.filename)], project);
}, 240_000);

describe('the packed tarball', () => {
  it('ships the build, the docs and no tests', () => {
    expect(files).toContain('dist/cli/main.js');
    expect(files).toContain('dist/knowledge/index.d.ts');
    expect(files).toContain('README.md');
    expect(files.some((f) => f.startsWith('test/') || f.startsWith('dist/test/') || f.startsWith('dist/bench/'))).toBe(false);
  });

  it('runs with npx in an empty project', () => {
    const version = npm(['exec', '--', 'pick-transport', '--version'], project).trim();
    expect(version).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
    const json = JSON.parse(npm(['exec', '--', 'pick-transport', '--direction', 'bidirectional', '--json'], project));
    expect(json.recommendation.transport).toBe('websocket');
    const viaNpx = execFileSync('npx', ['pick-transport', '--streaming', 'blocked', '--json'], { cwd: project, encoding: 'utf8' });
    expect(JSON.parse(viaNpx).recommendation.transport).toBe('long-polling');
  });

  it('exposes the engine API to importers', () => {
    const script = "import { decide } from 'pick-transport'; console.log(decide({ direction: 'peer-to-peer' }).transport);";
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    expect(out.trim()).toBe('webrtc');
  });
});
