import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

// Real third-party source files, picked deterministically from the project's own node_modules:
// code nobody wrote with these rules in mind, in every syntax the parsers accept.

const ALL = /\.(?:js|mjs|cjs|jsx|ts|mts|cts|tsx)$/;
const MAX_BYTES = 256 * 1024;

export function realFiles(nodeModules: string, limit: number, extensions: RegExp = ALL): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return;
    }
    for (const entry of entries) {
      if (found.length >= limit) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && extensions.test(entry.name) && !entry.name.endsWith('.min.js')) {
        if (statSync(path).size <= MAX_BYTES) found.push(path);
      }
    }
  };
  walk(nodeModules);
  return found;
}

/** Copies files into a fresh folder (outside node_modules, which linters skip), keeping paths. */
export function copyCorpus(files: readonly string[], nodeModules: string, into: string): void {
  for (const file of files) {
    const target = join(into, relative(nodeModules, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
}

/**
 * Copies files into one flat folder, numbered, so no path segment (dist/, build/...) makes one
 * tool skip what another reads: benchmarks compare the same files.
 */
export function copyFlat(files: readonly string[], into: string): string[] {
  mkdirSync(into, { recursive: true });
  return files.map((file, i) => {
    const target = join(into, `${String(i).padStart(5, '0')}-${file.split(/[\\/]/).pop()}`);
    copyFileSync(file, target);
    return target;
  });
}
