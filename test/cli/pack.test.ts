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
let linted = '';
let files: string[] = [];

beforeAll(() => {
  const out = mkdtempSync(join(tmpdir(), 'pick-transport-pack-'));
  // dist/ is already built by `npm test`; the tarball holds it as is.
  const [info] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', out], root));
  files = info.files.map((f: { path: string }) => f.path);
  project = mkdtempSync(join(tmpdir(), 'pick-transport-user-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true, type: 'module' }));
  npm(['install', join(out, info.filename)], project);
  // A second user project that lints: the tarball next to its peer dependencies.
  linted = mkdtempSync(join(tmpdir(), 'pick-transport-linted-'));
  writeFileSync(join(linted, 'package.json'), JSON.stringify({ name: 'linted-project', private: true, type: 'module' }));
  const peers = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies;
  npm(['install', join(out, info.filename), `eslint@${peers.eslint}`, `typescript-eslint@${peers['typescript-eslint']}`], linted);
  writeFileSync(join(linted, 'eslint.config.js'), "import pickTransport from 'pick-transport/eslint-plugin';\nexport default [pickTransport.configs.recommended];\n");
  writeFileSync(join(linted, 'poll.js'), "setInterval(() => fetch('/api/news').then((r) => r.json()), 3000);\n");
}, 300_000);

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

  it('says what to install when scan runs without eslint', () => {
    let stderr = '';
    try {
      execFileSync('npx', ['pick-transport', 'scan'], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      stderr = (error as { stderr: string; status: number }).stderr;
      expect((error as { status: number }).status).toBe(2);
    }
    expect(stderr).toMatch(/scan needs the eslint and typescript-eslint packages; install them/);
  });

  it('lints with the installed plugin and scans with the installed CLI', () => {
    const run = (cmd: string, args: string[]) => {
      try {
        return execFileSync(cmd, args, { cwd: linted, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (error) {
        return (error as { stdout: string }).stdout;
      }
    };
    const lint = JSON.parse(run('npx', ['eslint', '--format', 'json', 'poll.js']));
    expect(lint[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['pick-transport/no-short-polling']);
    const report = JSON.parse(run('npx', ['pick-transport', 'scan', '--format', 'json']));
    expect(report.inventory.map((i: { kind: string; file: string }) => `${i.kind} ${i.file}`)).toEqual(['polling poll.js']);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['pick-transport/no-short-polling']);
  });

  it('ships types a TypeScript eslint.config compiles against', () => {
    writeFileSync(
      join(linted, 'typed-config.ts'),
      [
        "import type { Linter } from 'eslint';",
        "import pickTransport from 'pick-transport/eslint-plugin';",
        "import { decide, type Decision } from 'pick-transport';",
        'const config: Linter.Config[] = [pickTransport.configs.recommended];',
        'const version: string = pickTransport.meta.version;',
        "const decision: Decision = decide({ direction: 'bidirectional' });",
        'export default { config, version, decision };',
        '',
      ].join('\n'),
    );
    const tsc = join(linted, 'node_modules', 'typescript', 'bin', 'tsc');
    const out = execFileSync(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', 'typed-config.ts'], { cwd: linted, encoding: 'utf8' });
    expect(out).toBe('');
  });

  it('exposes the engine API to importers', () => {
    const script = "import { decide } from 'pick-transport'; console.log(decide({ direction: 'peer-to-peer' }).transport);";
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    expect(out.trim()).toBe('webrtc');
  });
});
