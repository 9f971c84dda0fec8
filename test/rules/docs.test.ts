import { existsSync, readFileSync } from 'node:fs';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../rules/plugin.js';

// Every rule has a page, and every example on it is linted: ❌ blocks must be reported by the
// rule, ✅ blocks must not. A block may set requirements with a `// settings: {...}` line and rule
// options with `// options: {...}`.

const docPath = (rule: string) => new URL(`../../docs/rules/${rule}.md`, import.meta.url);

interface Example {
  rule: string;
  lang: string;
  code: string;
  incorrect: boolean;
  settings: unknown;
  options: unknown;
  line: number;
}

function examples(rule: string): Example[] {
  const text = readFileSync(docPath(rule), 'utf8');
  const found: Example[] = [];
  const block = /^```(js|jsx|ts|tsx)\n([\s\S]*?)^```/gm;
  for (let m = block.exec(text); m; m = block.exec(text)) {
    const code = m[2]!;
    const first = code.split('\n')[0]!;
    if (!/^\/\/ (❌|✅)/.test(first)) continue;
    const settings = /^\/\/ settings: (.*)$/m.exec(code)?.[1];
    const options = /^\/\/ options: (.*)$/m.exec(code)?.[1];
    found.push({
      rule,
      lang: m[1]!,
      code,
      incorrect: first.startsWith('// ❌'),
      settings: settings ? JSON.parse(settings) : undefined,
      options: options ? JSON.parse(options) : undefined,
      line: text.slice(0, m.index).split('\n').length,
    });
  }
  return found;
}

function lint(example: Example) {
  const linter = new Linter();
  const ts = example.lang.startsWith('ts');
  const config: Linter.Config = {
    files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
    plugins: { 'pick-transport': plugin },
    languageOptions: {
      ...(ts ? { parser: tseslint.parser as Linter.Parser } : {}),
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    settings: example.settings ? { 'pick-transport': { requirements: example.settings } } : {},
    rules: { [`pick-transport/${example.rule}`]: example.options ? ['error', example.options] : 'error' },
  };
  const messages = linter.verify(example.code, config, { filename: `example.${example.lang}` });
  // A parse error or "no matching configuration" means the rule never ran on the block.
  const notLinted = messages.filter((m) => m.fatal || m.ruleId === null).map((m) => m.message);
  expect(notLinted, `${example.rule}.md:${example.line} was not linted`).toEqual([]);
  return messages.filter((m) => m.ruleId === `pick-transport/${example.rule}`);
}

const ruleNames = Object.keys(plugin.rules) as (keyof typeof plugin.rules)[];

describe.each(ruleNames)('docs/rules/%s.md', (rule) => {
  it('exists, is linked from the rule, and has every section', () => {
    expect(existsSync(docPath(rule))).toBe(true);
    const meta = plugin.rules[rule].meta!;
    expect(meta.docs!.url).toMatch(new RegExp(`/docs/rules/${rule}\\.md$`));
    const text = readFileSync(docPath(rule), 'utf8');
    expect(text.startsWith(`# ${rule}\n`)).toBe(true);
    for (const heading of ['## Why', '## Examples', '## Options', '## Requirements', '## When not to use it']) {
      expect(text, heading).toContain(heading);
    }
    expect(text).toContain(meta.docs!.description!);
  });

  it('has incorrect and correct examples, and the rule agrees with each', () => {
    const all = examples(rule);
    expect(all.filter((e) => e.incorrect).length).toBeGreaterThanOrEqual(2);
    expect(all.filter((e) => !e.incorrect).length).toBeGreaterThanOrEqual(2);
    for (const example of all) {
      const reported = lint(example);
      const where = `${rule}.md:${example.line}`;
      if (example.incorrect) expect(reported.length, `${where} should be reported`).toBeGreaterThan(0);
      else expect(reported.map((m) => m.message), `${where} should pass`).toEqual([]);
    }
  });
});
