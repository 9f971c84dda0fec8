import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { questions, transports } from '../knowledge/index.js';

// The README is the first thing a user runs; keep its commands and reference true to the code.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('starts with the set-up-and-run and set-up-and-test commands', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(firstBlock).toMatch(/^npm ci && npx pick-transport/m);
    expect(firstBlock).toMatch(/^npm ci && npm test/m);
    expect(readme.indexOf('```sh')).toBeLessThan(readme.indexOf('\n## '));
  });

  it('documents every requirement flag with its real default', () => {
    for (const q of questions) {
      expect(readme).toContain(`| \`--${q.id}\` | ${q.choices.map((c) => `\`${String(c.value)}\``).join(', ')} | \`${String(q.default)}\` |`);
    }
  });

  it('shows the comparison table with every transport', () => {
    const table = readme.slice(readme.indexOf('## The decision table'));
    for (const t of transports) expect(table).toContain(t.name);
  });
});
