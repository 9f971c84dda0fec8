import { execFileSync } from 'node:child_process';
import { spawn } from '@lydell/node-pty';
import { afterAll, describe, expect, it } from 'vitest';
import { questions } from '../../knowledge/index.js';
import { BIN, stripAnsi } from './run-cli.js';

// The prompts are driven the way a person drives them: keystrokes into a real terminal.
// tmux renders the screen (capture-pane) so the assertions read what a person would see.

const socket = `pick-transport-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function screenUntil(session: string, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let screen = '';
  while (Date.now() < deadline) {
    screen = tmux('capture-pane', '-p', '-J', '-S', '-', '-t', session);
    if (pattern.test(screen)) return screen;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${pattern}; screen was:\n${screen}`);
}

afterAll(() => {
  try {
    tmux('kill-server');
  } catch {
    // already gone
  }
});

describe('interactive prompts in a terminal', () => {
  it('asks every question with its why, takes arrow keys, and summarises the answers', async () => {
    const session = 'decide';
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '50',
      `env -u FORCE_COLOR ${process.execPath} ${BIN}; echo "EXIT=$?"; sleep 60`);
    const first = questions[0]!;
    let screen = await screenUntil(session, new RegExp(first.prompt.replace(/[?]/g, '\\?')));
    expect(screen).toContain(`Why this matters: ${first.why}`);
    expect(screen).toContain('Server to client');
    // Two steps down is "Both ways" (bidirectional).
    tmux('send-keys', '-t', session, 'Down', 'Down', 'Enter');
    for (const q of questions.slice(1)) {
      screen = await screenUntil(session, new RegExp(`${q.prompt.replace(/[?()/]/g, '\\$&')}[\\s\\S]*❯`));
      expect(screen).toContain(`Why this matters: ${q.why}`);
      tmux('send-keys', '-t', session, 'Enter');
    }
    screen = await screenUntil(session, /EXIT=\d+/);
    expect(screen).toMatch(/EXIT=0/);
    expect(screen).toMatch(/Recommendation: WebSockets \(websocket\)/);
    expect(screen).toMatch(/direction\s+bidirectional\n/);
    expect(screen).toMatch(/latency\s+low\n/);
    expect(screen).toContain('Checklist for WebSockets');
  });
});

describe('Ctrl-C', () => {
  it('exits with 130 and no stack trace', async () => {
    const env = { ...process.env };
    delete env.FORCE_COLOR;
    const term = spawn(process.execPath, [BIN], { cols: 100, rows: 30, env });
    let output = '';
    term.onData((d) => (output += d));
    const exited = new Promise<number>((resolve) => term.onExit((e) => resolve(e.exitCode)));
    const deadline = Date.now() + 15_000;
    while (!stripAnsi(output).includes(questions[0]!.prompt) && Date.now() < deadline) await sleep(50);
    term.write('\x03');
    const code = await exited;
    expect(code).toBe(130);
    expect(stripAnsi(output)).toContain('pick-transport: interrupted');
    expect(output).not.toMatch(/\n\s+at /);
  });
});
