import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decide, questions, transports } from '../../knowledge/index.js';
import { runCli } from './run-cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'pick-transport-cli-'));

describe('non-interactive decisions', () => {
  it('recommends SSE for one-way frequent text push, with reasons, alternatives and checklist', () => {
    const r = runCli(['--direction', 'server-to-client', '--latency', 'low', '--updates', 'frequent', '--streaming', 'allowed', '--no-binary']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Recommendation: Server-Sent Events \(sse\)/);
    for (const heading of ['Why', 'Alternatives', 'Checklist for Server-Sent Events', 'Answers']) {
      expect(r.stdout).toContain(`\n${heading}`);
    }
    expect(r.stdout).toMatch(/2\. WebSockets/);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('lists the defaults it used', () => {
    const r = runCli(['--direction', 'bidirectional']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Recommendation: WebSockets/);
    const answers = r.stdout.slice(r.stdout.indexOf('\nAnswers'));
    expect(answers).toMatch(/direction\s+bidirectional\n/);
    expect(answers).toMatch(/latency\s+low \*/);
    expect(answers).toMatch(/platform\s+server \*/);
  });

  it('takes every documented default with --defaults', () => {
    const r = runCli(['--defaults', '--json']);
    const json = JSON.parse(r.stdout);
    expect(json.defaulted).toEqual(questions.map((q) => q.id));
    expect(json.recommendation.transport).toBe(decide({}).transport);
  });

  it('prints the documented JSON shape', () => {
    const r = runCli(['--direction', 'server-to-client', '--binary', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['recommendation', 'alternatives', 'checklist', 'requirements']));
    expect(json.recommendation.transport).toBe('websocket');
    expect(json.requirements.binary).toBe(true);
    expect(json.alternatives.map((a: { transport: string }) => a.transport).sort()).toEqual(['long-polling', 'short-polling', 'sse', 'webrtc']);
    expect(json.recommendation.reasons.length).toBeGreaterThan(1);
    expect(json.checklist[0]).toEqual(expect.objectContaining({ title: expect.any(String), sources: expect.any(Array) }));
  });

  it('reads an answers file, and flags override it', () => {
    const dir = tmp();
    const file = join(dir, 'answers.json');
    writeFileSync(file, JSON.stringify({ direction: 'bidirectional', streaming: 'blocked' }));
    expect(JSON.parse(runCli(['--answers', file, '--json']).stdout).recommendation.transport).toBe('long-polling');
    const overridden = JSON.parse(runCli(['--answers', file, '--streaming', 'allowed', '--json']).stdout);
    expect(overridden.recommendation.transport).toBe('websocket');
  });

  it('writes a Markdown ADR with a Mermaid chart of the path taken', () => {
    const r = runCli(['--direction', 'server-to-client', '--updates', 'rare', '--latency', 'relaxed', '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# ADR: Use Short polling/);
    for (const section of ['## Context', '## Decision', '## Consequences', '## Alternatives considered', '## Decision path']) {
      expect(r.stdout).toContain(section);
    }
    const chart = /```mermaid\n([\s\S]*?)```/.exec(r.stdout)?.[1] ?? '';
    expect(chart).toMatch(/^flowchart TD/);
    expect(chart).toContain('streaming = allowed');
    expect(chart).toContain('direction = server-to-client');
    expect(chart).toContain('updates = rare, latency = relaxed');
    expect(chart).toMatch(/choice_short_polling\(\["Short polling"\]\)/);
    expect(r.stdout).toMatch(/\| 2 \| .+ \| (weaker|ruled-out|workable) \|/);
  });

  it('saves answers for reuse, and the saved file reproduces the decision', () => {
    const dir = tmp();
    const file = join(dir, 'transport.json');
    const first = runCli(['--direction', 'bidirectional', '--scale', 'large', '--save', file, '--json']);
    expect(first.code).toBe(0);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved).toEqual(JSON.parse(first.stdout).requirements);
    const again = runCli(['--answers', file, '--json']);
    expect(JSON.parse(again.stdout).recommendation).toEqual(JSON.parse(first.stdout).recommendation);
  });

  it('prints the comparison matrix in three formats', () => {
    const text = runCli(['matrix']);
    expect(text.code).toBe(0);
    for (const t of transports) expect(text.stdout).toContain(t.name);
    expect(text.stdout).toMatch(/Binary data .*No \(text only\)/);
    const md = runCli(['matrix', '--format', 'markdown']).stdout.split('\n');
    expect(md[1]).toMatch(/^\| --- \|/);
    expect(md).toHaveLength(6 + 2 + 1);
    const json = JSON.parse(runCli(['matrix', '--json']).stdout);
    expect(json.map((row: { transport: string }) => row.transport)).toEqual(transports.map((t) => t.id));
  });

  it('answers --help and --version', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    for (const q of questions) expect(help.stdout).toContain(`--${q.id}`);
    const version = runCli(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  });
});

describe('colour', () => {
  it('colours with FORCE_COLOR and stays plain with NO_COLOR', () => {
    expect(runCli(['--defaults'], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\x1b\[/);
    expect(runCli(['--defaults'], { env: { NO_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
    expect(runCli(['--defaults', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
  });
});

describe('bad input', () => {
  const dir = tmp();
  const malformed = join(dir, 'bad.json');
  writeFileSync(malformed, '{"direction": ');
  const wrongValue = join(dir, 'wrong.json');
  writeFileSync(wrongValue, JSON.stringify({ latency: 'instant' }));
  const notObject = join(dir, 'list.json');
  writeFileSync(notObject, '[1, 2]');

  const cases: [string, string[], RegExp][] = [
    ['an unknown flag', ['--colour'], /unknown option '--colour'.*--help/],
    ['an unknown value', ['--direction', 'sideways'], /invalid value 'sideways' for --direction; use one of: server-to-client, client-to-server, bidirectional, peer-to-peer/],
    ['a flag without its value', ['--latency'], /option '--latency' needs a value/],
    ['a missing answers file', ['--answers', join(dir, 'nope.json')], /cannot read answers file .*nope\.json.*no such file/],
    ['a malformed answers file', ['--answers', malformed], /bad\.json' is not valid JSON/],
    ['a wrong value in the answers file', ['--answers', wrongValue], /wrong\.json': invalid value 'instant' for 'latency'; use one of: low, relaxed/],
    ['an answers file that is not an object', ['--answers', notObject], /must hold a JSON object/],
    ['an unknown command', ['pick'], /unknown command 'pick'/],
    ['an unknown format', ['--format', 'yaml', '--defaults'], /unknown format 'yaml' for 'decide'; use one of: text, json, markdown/],
    ['no answers and no terminal', [], /no answers given and no terminal to ask in; pass --answers FILE/],
    ['an unwritable --save path', ['--defaults', '--save', join(dir, 'missing-dir', 'a.json')], /cannot save answers to .*choose a writable path/],
  ];
  it.each(cases)('%s: one line on stderr, nothing on stdout, exit 2', (_, args, message) => {
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('leaves no half-written file behind a failed save', () => {
    const before = readdirSync(dir).sort();
    runCli(['--defaults', '--save', join(dir, 'missing-dir', 'a.json')]);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(existsSync(join(dir, 'missing-dir'))).toBe(false);
  });
});
