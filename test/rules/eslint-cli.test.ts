import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The real `eslint` CLI on a real project folder, configured the way the README says.

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslintBin = join(root, 'node_modules/eslint/bin/eslint.js');
let project = '';

interface Finding { file: string; rule: string; line: number; message: string }

const CONFIG = (requirements?: object, typed = true) => `
import pickTransport from 'pick-transport/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  { files: ['**/*.{js,jsx}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: ${typed ? '{ projectService: true, tsconfigRootDir: import.meta.dirname }' : '{}'},
    },
  },
  pickTransport.configs.recommended,
  ${requirements ? `{ settings: { 'pick-transport': { requirements: ${JSON.stringify(requirements)} } } },` : ''}
];
`;

function lint(config: string, args: string[] = ['.']): { code: number | null; findings: Finding[]; stderr: string } {
  writeFileSync(join(project, 'eslint.config.js'), config);
  const r = spawnSync(process.execPath, [eslintBin, '--format', 'json', ...args], { cwd: project, encoding: 'utf8' });
  const results = JSON.parse(r.stdout || '[]') as { filePath: string; messages: { ruleId: string; line: number; message: string; fatal?: boolean }[] }[];
  const findings = results.flatMap((f) =>
    f.messages.map((m) => ({ file: relative(project, f.filePath), rule: m.ruleId, line: m.line, message: m.message })),
  );
  return { code: r.status, findings, stderr: r.stderr };
}

const byFile = (findings: Finding[]) =>
  Object.fromEntries([...new Set(findings.map((f) => f.file))].sort().map((file) => [file, findings.filter((f) => f.file === file).map((f) => `${f.rule}:${f.line}`)]));

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'pick-transport-eslint-'));
  cpSync(fileURLToPath(new URL('../fixtures/app', import.meta.url)), project, { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(root, join(project, 'node_modules', 'pick-transport'), 'dir');
  for (const dep of ['eslint', 'typescript-eslint', 'typescript']) {
    symlinkSync(join(root, 'node_modules', dep), join(project, 'node_modules', dep), 'dir');
  }
});

describe('eslint CLI with configs.recommended', () => {
  it('reports each realtime smell in JS, JSX, TS and TSX, and nothing in the clock', () => {
    const { findings, stderr } = lint(CONFIG());
    expect(stderr).toBe('');
    expect(findings.filter((f) => !f.rule)).toEqual([]);
    expect(byFile(findings)).toEqual({
      'src/Dashboard.jsx': ['pick-transport/no-short-polling:9'],
      'src/Feed.tsx': ['pick-transport/no-long-polling:9'],
      'src/inbox.ts': ['pick-transport/no-short-polling:4'],
      'src/notifications.js': ['pick-transport/no-short-polling:3'],
      'src/ticker.ts': ['pick-transport/no-receive-only-websocket:3', 'pick-transport/websocket-needs-reconnect:3'],
    });
  });

  it('names Server-Sent Events by default, WebSockets for bidirectional requirements', () => {
    const sse = lint(CONFIG()).findings.find((f) => f.file === 'src/notifications.js')!;
    expect(sse.message).toMatch(/Server-Sent Events/);
    const ws = lint(CONFIG({ direction: 'bidirectional' })).findings.find((f) => f.file === 'src/notifications.js')!;
    expect(ws.message).toMatch(/WebSockets/);
  });

  it('agrees with the CLI: silent where the engine recommends the detected transport', () => {
    const rare = lint(CONFIG({ updates: 'rare', latency: 'relaxed' })).findings;
    expect(rare.filter((f) => f.rule === 'pick-transport/no-short-polling')).toEqual([]);
    const blocked = lint(CONFIG({ streaming: 'blocked' })).findings;
    expect(blocked.filter((f) => f.rule === 'pick-transport/no-long-polling')).toEqual([]);
    expect(blocked.find((f) => f.file === 'src/notifications.js')?.message).toMatch(/[Ll]ong polling/);
    const cli = JSON.parse(execFileSync(process.execPath, [join(root, 'dist/cli/main.js'), '--streaming', 'blocked', '--json'], { encoding: 'utf8' }));
    expect(cli.recommendation.transport).toBe('long-polling');
  });

  it('follows the imported function across files only with type information', () => {
    const untyped = lint(CONFIG(undefined, false)).findings;
    expect(untyped.some((f) => f.file === 'src/inbox.ts')).toBe(false);
    const typed = lint(CONFIG()).findings;
    expect(typed.find((f) => f.file === 'src/inbox.ts')?.rule).toBe('pick-transport/no-short-polling');
  });

  it('works with the one-line setup from the README', () => {
    const { findings } = lint(
      "import pickTransport from 'pick-transport/eslint-plugin';\nexport default [pickTransport.configs.recommended];\n",
      ['src/notifications.js', 'src/clock.js'],
    );
    expect(findings.map((f) => `${f.file}:${f.rule}`)).toEqual(['src/notifications.js:pick-transport/no-short-polling']);
  });

  it('fails with a clear message on invalid requirements', () => {
    const { code, stderr } = lint(CONFIG({ direction: 'sideways' }), ['src/notifications.js']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/requirements: invalid value 'sideways' for 'direction'; use one of: server-to-client/);
  });
});
