import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../rules/plugin.js';

// Both loop detectors ask awaitedDelay() whether an await pauses: a loop that awaits a request
// and a pause is short polling, one with no pause is long polling, and no loop is both.

const linter = new Linter();
const config: Linter.Config[] = [
  {
    plugins: { 'pick-transport': plugin },
    rules: { 'pick-transport/no-short-polling': 'warn', 'pick-transport/no-long-polling': 'warn' },
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
  },
];
const rulesOn = (code: string): string[] =>
  linter.verify(code, config, { filename: 'loop.js' }).map((m) => `${m.ruleId?.replace('pick-transport/', '')} ${m.messageId}`);

const loop = (pause: string) => `async function watch() {
  while (true) {
    const res = await fetch('/api/news');
    render(await res.json());
    ${pause}
  }
}`;

describe('one notion of a pause for both loop rules', () => {
  const table: [string, string, string[]][] = [
    ['a sleep', 'await sleep(2000);', ['no-short-polling poll']],
    ['a computed sleep', 'await sleep(nextInterval());', ['no-short-polling pollUnknown']],
    ['a promise around setTimeout', 'await new Promise((r) => setTimeout(r, 1500));', ['no-short-polling poll']],
    ['a pause beside another request', "await Promise.all([fetch('/api/seen'), delay(3000)]);", ['no-short-polling poll']],
    ['a backoff helper', 'await backoff(500);', ['no-short-polling poll']],
    ['no pause', 'count++;', ['no-long-polling requestLoop']],
    ['a request raced against a timer', "await timeout(fetch('/api/more'), 5000);", ['no-long-polling requestLoop']],
    ['a wait on a condition', 'await waitFor(() => visible);', ['no-long-polling requestLoop']],
    ['a long sleep', 'await sleep(120000);', []],
  ];
  it.each(table)('%s', (_what, pause, expected) => {
    expect(rulesOn(loop(pause))).toEqual(expected);
  });
});
