import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, realpathSync, statSync, type Dirent, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { MARKUP_FILE } from './embedded.js';
import type { Skipped } from './report.js';

// Which files a scan reads: scripts, and pages and components whose inline scripts it lints.
// Dependency and build folders are never entered; .gitignore files are honoured at every level;
// symlinks are followed but a folder is never entered twice.

export const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIP_DIRS = new Map([
  ['node_modules', 'dependencies'],
  ['bower_components', 'dependencies'],
  ['.git', 'version control'],
  ['dist', 'build output'],
  ['build', 'build output'],
  ['out', 'build output'],
  ['.next', 'build output'],
  ['.nuxt', 'build output'],
  ['.output', 'build output'],
  ['.svelte-kit', 'build output'],
  ['.turbo', 'build output'],
  ['.vercel', 'build output'],
  ['coverage', 'build output'],
]);

export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** Relative to the scan's base folder, forward slashes: the name used in reports. */
  name: string;
  size: number;
}

export interface Discovery {
  files: SourceFile[];
  skipped: Skipped[];
  /** Folders holding a tsconfig.json: files below them are type-checked. */
  tsconfigDirs: string[];
}

interface Rules {
  base: string;
  matcher: Ignore;
}

function loadGitignore(dir: string): Rules | undefined {
  try {
    return { base: dir, matcher: ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8')) };
  } catch {
    return undefined;
  }
}

function ignoredBy(rules: readonly Rules[], path: string, isDir: boolean): boolean {
  return rules.some(({ base, matcher }) => {
    const rel = relative(base, path).split(sep).join('/');
    return rel !== '' && !rel.startsWith('..') && matcher.ignores(isDir ? `${rel}/` : rel);
  });
}

export function displayName(base: string, path: string): string {
  return relative(base, path).split(sep).join('/') || '.';
}

export function discover(paths: readonly string[], base: string, maxBytes: number): Discovery {
  const files: SourceFile[] = [];
  const skipped: Skipped[] = [];
  const tsconfigDirs: string[] = [];
  const entered = new Set<string>();

  const addFile = (path: string, size: number) => {
    const name = displayName(base, path);
    if (size > maxBytes) skipped.push({ file: name, reason: 'too-large', detail: `${Math.round(size / 1024)} KiB > ${Math.round(maxBytes / 1024)} KiB` });
    else files.push({ path, name, size });
  };

  const walk = (dir: string, rules: readonly Rules[], ancestors: ReadonlySet<string>) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      skipped.push({ file: displayName(base, dir), reason: 'unreadable' });
      return;
    }
    if (ancestors.has(real)) {
      skipped.push({ file: displayName(base, dir), reason: 'symlink-loop', detail: `links back to ${displayName(base, real)}` });
      return;
    }
    if (entered.has(real)) return; // reached again through another link: already scanned
    entered.add(real);
    const own = loadGitignore(dir);
    const active = own ? [...rules, own] : rules;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      skipped.push({ file: displayName(base, dir), reason: 'unreadable' });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (entries.some((e) => e.name === 'tsconfig.json')) tsconfigDirs.push(dir);
    const inside = new Set(ancestors).add(real);
    for (const entry of entries) {
      const path = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // dangling link
        }
      }
      if (isDir) {
        const why = SKIP_DIRS.get(entry.name);
        if (why) {
          if (entry.name !== '.git') skipped.push({ file: `${displayName(base, path)}/`, reason: 'ignored', detail: why });
        } else if (ignoredBy(active, path, true)) {
          skipped.push({ file: `${displayName(base, path)}/`, reason: 'ignored', detail: '.gitignore' });
        } else {
          walk(path, active, inside);
        }
      } else if (isFile && (SOURCE_FILE.test(entry.name) || MARKUP_FILE.test(entry.name)) && !/\.d\.[cm]?ts$/.test(entry.name)) {
        if (ignoredBy(active, path, false)) skipped.push({ file: displayName(base, path), reason: 'ignored', detail: '.gitignore' });
        else addFile(path, statSync(path).size);
      }
    }
  };

  for (const given of paths) {
    const path = resolve(given);
    const stat = statSync(path); // the caller checks existence first, for a clear error
    if (stat.isDirectory()) {
      walk(path, ancestorsGitignores(path), new Set());
    } else {
      addFile(path, stat.size);
      for (let dir = dirname(path); ; dir = dirname(dir)) {
        try {
          statSync(join(dir, 'tsconfig.json'));
          tsconfigDirs.push(dir);
          break;
        } catch {
          if (dirname(dir) === dir) break;
        }
      }
    }
  }
  return { files, skipped, tsconfigDirs };
}

/** .gitignore files above a scanned folder still apply, up to the repository root. */
function ancestorsGitignores(dir: string): Rules[] {
  const rules: Rules[] = [];
  for (let current = dirname(dir); current !== dirname(current); current = dirname(current)) {
    const own = loadGitignore(current);
    if (own) rules.unshift(own);
    try {
      statSync(join(current, '.git'));
      break;
    } catch {
      // keep climbing
    }
  }
  return rules;
}

/** Reads the head of a file to tell minified, generated and binary files from source. */
export function classifyContent(path: string, name: string): Skipped['reason'] | undefined {
  if (/[.-]min\.[cm]?js$/.test(name)) return 'minified';
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const length = readSync(fd, head, 0, head.length, 0);
    const sample = head.subarray(0, length);
    if (sample.includes(0)) return 'binary';
    const text = sample.toString('utf8');
    if (/@generated\b|\bDO NOT EDIT\b|\bauto-?generated\b/i.test(text.slice(0, 1024))) return 'generated';
    // Minified: most of the text sits on very long lines dense with code punctuation (about 10%
    // of their characters in bundles); a long data URL or SVG path in hand-written code has ~0%.
    let minifiedChars = 0;
    for (const line of text.split('\n')) {
      if (line.length > 1000 && punctuation(line) > line.length * 0.02) minifiedChars += line.length;
    }
    return minifiedChars > text.length / 2 ? 'minified' : undefined;
  } finally {
    closeSync(fd);
  }
}

function punctuation(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 59 || c === 123 || c === 125 || c === 40 || c === 41) count++; // ; { } ( )
  }
  return count;
}

/** A file's shard depends only on its name, so adding files never moves the others. */
export function shardOf(name: string, count: number): number {
  return createHash('sha1').update(name).digest().readUInt32BE(0) % count;
}
