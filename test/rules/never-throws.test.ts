import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../rules/plugin.js';
import { realFiles } from '../../bench/corpus.js';

// Every rule over thousands of real files, under three sets of requirements: a rule exception
// on valid code would stop a user's whole lint run, so the count must be zero.

const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));
const FILES = realFiles(NODE_MODULES, 4000);
const REQUIREMENTS = [{}, { direction: 'bidirectional' }, { streaming: 'blocked', binary: true }];
const allRules = Object.fromEntries(Object.keys(plugin.rules).map((r) => [`pick-transport/${r}`, 'error' as const]));

function configFor(file: string, index: number, sourceType: 'module' | 'commonjs'): Linter.Config {
  const ts = /\.[cm]?tsx?$/.test(file);
  return {
    files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
    plugins: { 'pick-transport': plugin },
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType,
      ...(ts ? { parser: tseslint.parser as Linter.Parser } : {}),
      parserOptions: { ecmaFeatures: { jsx: /x$/.test(file) || !ts } },
    },
    settings: { 'pick-transport': { requirements: REQUIREMENTS[index % REQUIREMENTS.length] } },
    rules: allRules,
  };
}

describe('rules on real third-party code', () => {
  it(`never throw on ${FILES.length} files`, () => {
    expect(FILES.length).toBeGreaterThanOrEqual(2500);
    const linter = new Linter();
    const crashes: string[] = [];
    let linted = 0;
    let reports = 0;
    FILES.forEach((file, index) => {
      const code = readFileSync(file, 'utf8');
      // Linted under a path outside node_modules, which flat config ignores by default.
      const filename = `third-party/${relative(NODE_MODULES, file)}`;
      try {
        let messages = linter.verify(code, configFor(file, index, 'module'), { filename });
        // Scripts that are not valid modules (CommonJS, sloppy mode) parse as commonjs.
        if (messages.some((m) => m.fatal)) messages = linter.verify(code, configFor(file, index, 'commonjs'), { filename });
        if (!messages.some((m) => m.fatal || m.ruleId === null)) linted++;
        reports += messages.filter((m) => m.ruleId?.startsWith('pick-transport/')).length;
      } catch (error) {
        crashes.push(`${file}: ${(error as Error).message.split('\n').slice(0, 2).join(' ')}`);
      }
    });
    expect(crashes).toEqual([]);
    expect(linted).toBeGreaterThan(FILES.length * 0.9);
    // Library code polls rarely: a flood of reports would mean the rules are too eager.
    expect(reports).toBeLessThan(linted * 0.01);
  }, 300_000);
});
