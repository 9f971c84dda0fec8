import { readFileSync } from 'node:fs';
import { dirname, parse, sep } from 'node:path';
import type { Linter } from 'eslint';
import { recommend, decide } from '../../knowledge/engine.js';
import { PACKAGE_VERSION } from '../../knowledge/package-info.js';
import type { Requirements } from '../../knowledge/schema.js';
import { blockSource, markupKind, scriptBlocks } from './embedded.js';
import { classifyContent, discover, shardOf, type SourceFile } from './files.js';
import { sortReport, type Finding, type InventoryItem, type ScanReport } from './report.js';

// The scan: the plugin's own rules and the inventory rule, run in-process by ESLint's Linter
// over every source file and every inline script of a page or component. Nothing from the
// scanned project is loaded or executed: no ESLint config, no plugins, no code; tsconfig.json
// files are read for types only.

export interface ScanOptions {
  paths: string[];
  /** Report paths are relative to this folder. */
  base: string;
  requirements: Requirements;
  requirementsGiven: boolean;
  types: boolean;
  maxBytes: number;
  shard?: { index: number; count: number };
  onProgress?: (done: number, total: number) => void;
}

// A file with none of these words cannot hold a site any detector looks for, so it is not parsed.
const REALTIME_HINT =
  /setInterval|setTimeout|interval|timer|[Pp]oll|fetch|axios|ajax|XMLHttpRequest|\$\.get|HttpClient|\bky\b|\bgot\b|superagent|request|WebSocket|EventSource|event-stream|socket\.io|\bio\b|RTCPeerConnection|WebTransport|streamSSE|Sse|createSession|websocket|\.ws\(|createServer|\b(?:res|reply|ctx)\b/;

const TS_FILE = /\.(?:[cm]?ts|tsx)$/;
const COMPONENT_FILE = /\.(?:vue|svelte)$/;

interface Engines {
  linter: Linter;
  /** Per rule id: its documentation page and the transport it detects. */
  rules: Map<string, { helpUri: string; detects: string | undefined }>;
  configs: { js: Linter.Config[]; cjs: Linter.Config[]; ts: Linter.Config[]; typed: Linter.Config[] };
}

async function loadEngines(options: ScanOptions, root: string, withTypeScript: boolean): Promise<Engines> {
  // typescript-eslint brings the TypeScript compiler (about half a second to load): only when needed.
  const [{ Linter }, tseslint, { default: plugin, detects }, { default: inventory }] = await Promise.all([
    import('eslint'),
    withTypeScript ? import('typescript-eslint') : undefined,
    import('../../rules/plugin.js'),
    import('../../rules/inventory.js'),
  ]);
  const base: Linter.Config = {
    plugins: { 'pick-transport': plugin, 'pick-transport-scan': { rules: { inventory } } },
    settings: { 'pick-transport': { requirements: options.requirements } },
    rules: { ...plugin.configs.recommended.rules, 'pick-transport-scan/inventory': 'warn' },
  };
  const js = (sourceType: 'module' | 'commonjs'): Linter.Config[] => [
    { ...base, files: ['**/*.{js,mjs,cjs,jsx}'], languageOptions: { ecmaVersion: 'latest', sourceType, parserOptions: { ecmaFeatures: { jsx: true } } } },
  ];
  const ts = (typed: boolean): Linter.Config[] => [
    {
      ...base,
      files: ['**/*.{ts,mts,cts,tsx}'],
      languageOptions: {
        parser: tseslint?.parser as Linter.Parser,
        parserOptions: typed ? { projectService: true, tsconfigRootDir: root } : {},
      },
    },
  ];
  const rules = new Map(
    Object.entries(plugin.rules).map(([name, rule]) => [
      `pick-transport/${name}`,
      { helpUri: rule.meta?.docs?.url ?? '', detects: detects[name as keyof typeof detects] },
    ]),
  );
  return {
    linter: new Linter({ cwd: parse(root).root }),
    rules,
    configs: { js: js('module'), cjs: js('commonjs'), ts: ts(false), typed: ts(true) },
  };
}

function governedBy(tsconfigDirs: readonly string[], path: string): boolean {
  return tsconfigDirs.some((dir) => path.startsWith(dir + sep));
}

function excerptOf(lines: readonly string[], line: number, endLine: number | undefined): string {
  const last = Math.min(endLine ?? line, line + 2);
  return lines.slice(line - 1, last).join('\n');
}

export async function scan(options: ScanOptions): Promise<ScanReport> {
  const found = discover(options.paths, options.base, options.maxBytes);
  const inShard = (name: string) => !options.shard || shardOf(name, options.shard.count) === options.shard.index - 1;
  const files = found.files.filter((f) => inShard(f.name));
  const report: ScanReport = {
    tool: { name: 'pick-transport', version: PACKAGE_VERSION },
    requirements: options.requirements,
    requirementsGiven: options.requirementsGiven,
    ...(options.shard ? { shard: options.shard } : {}),
    files: { scanned: 0, withRealtimeCode: 0, typed: 0 },
    inventory: [],
    findings: [],
    skipped: found.skipped.filter((s) => inShard(s.file)),
    parseErrors: [],
  };
  const recommended = recommend(options.requirements);
  if (options.requirementsGiven) {
    const { checklist } = decide(options.requirements);
    report.recommendation = { transport: recommended.transport, name: recommended.name, reasons: recommended.reasons, checklist };
  }
  const root = commonRoot(files, options.base);
  // A component's script may be TypeScript: which ones are is known only once they are read.
  const engines = await loadEngines(options, root, files.some((f) => TS_FILE.test(f.path) || COMPONENT_FILE.test(f.path)));
  const tsconfigDirs = options.types ? found.tsconfigDirs : [];

  files.forEach((file, index) => {
    options.onProgress?.(index, files.length);
    scanFile(file, engines, tsconfigDirs, report, recommended.transport);
  });
  options.onProgress?.(files.length, files.length);
  return sortReport(report);
}

/** One text for the linter: a whole source file, or one inline script of a page or component. */
interface Unit {
  text: string;
  /** Picks the parser. A script block is named as a file below its page, as ESLint processors name them. */
  filename: string;
  parse: 'js' | 'cjs' | 'ts' | 'typed';
}

function unitsOf(file: SourceFile, text: string, tsconfigDirs: readonly string[]): Unit[] {
  const kind = markupKind(file.path);
  if (kind) {
    // Blocks are linted one by one, as a browser runs them: each may declare the same names. So
    // the words that let a file be skipped let a block be skipped too (analytics snippets...).
    const blocks = scriptBlocks(text, kind).filter((block) => REALTIME_HINT.test(text.slice(block.start, block.end)));
    return blocks.map((block, n) => ({
      text: blockSource(text, block, kind),
      filename: `${file.path}/${n + 1}.${block.language}`,
      // Typed linting needs a file TypeScript can read; a block is linted from its syntax alone.
      parse: block.language === 'js' ? 'js' : 'ts',
    }));
  }
  const isTs = TS_FILE.test(file.path);
  const parse: Unit['parse'] = isTs ? (governedBy(tsconfigDirs, file.path) ? 'typed' : 'ts') : /\.cjs$/.test(file.path) ? 'cjs' : 'js';
  return [{ text, filename: file.path, parse }];
}

function lint({ linter, configs }: Engines, { text, filename, parse }: Unit): { messages: Linter.LintMessage[]; typed: boolean } {
  if (parse === 'typed') {
    const messages = linter.verify(text, configs.typed, { filename });
    // A file its tsconfig does not include is still scanned, without types.
    if (messages.some((m) => m.fatal && /project service|tsconfig/i.test(m.message))) {
      return { messages: linter.verify(text, configs.ts, { filename }), typed: false };
    }
    return { messages, typed: true };
  }
  if (parse === 'ts') return { messages: linter.verify(text, configs.ts, { filename }), typed: false };
  const messages = linter.verify(text, parse === 'cjs' ? configs.cjs : configs.js, { filename });
  // Scripts that are not valid modules (sloppy mode, CommonJS in .js) parse as commonjs.
  if (parse === 'js' && messages.some((m) => m.fatal)) {
    const script = linter.verify(text, configs.cjs, { filename });
    if (!script.some((m) => m.fatal)) return { messages: script, typed: false };
  }
  return { messages, typed: false };
}

function scanFile(file: SourceFile, engines: Engines, tsconfigDirs: readonly string[], report: ScanReport, recommended: string) {
  const content = classifyContent(file.path, file.name);
  if (content) {
    report.skipped.push({ file: file.name, reason: content });
    return;
  }
  report.files.scanned++;
  let text: string;
  try {
    text = readFileSync(file.path, 'utf8');
  } catch {
    report.skipped.push({ file: file.name, reason: 'unreadable' });
    report.files.scanned--;
    return;
  }
  if (!REALTIME_HINT.test(text)) return;
  const units = unitsOf(file, text, tsconfigDirs);
  if (units.length === 0) return; // a page with no script that runs
  report.files.withRealtimeCode++;

  const lines = text.split(/\r?\n/);
  for (const unit of units) {
    let messages: Linter.LintMessage[];
    try {
      const result = lint(engines, unit);
      messages = result.messages;
      if (result.typed) report.files.typed++;
    } catch (error) {
      const message = (error as Error).message.split('\n')[0]!;
      report.parseErrors.push({ file: file.name, line: 1, column: 1, message: `internal error while scanning: ${message}` });
      continue;
    }
    for (const m of messages) {
      if (m.fatal) {
        report.parseErrors.push({ file: file.name, line: m.line ?? 1, column: m.column ?? 1, message: m.message });
      } else if (m.ruleId === 'pick-transport-scan/inventory') {
        const { kind, label } = JSON.parse(m.message) as Pick<InventoryItem, 'kind' | 'label'>;
        report.inventory.push({ kind, label, file: file.name, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn });
      } else if (m.ruleId && engines.rules.has(m.ruleId)) {
        const rule = engines.rules.get(m.ruleId)!;
        const finding: Finding = {
          ruleId: m.ruleId,
          severity: m.severity === 2 ? 'error' : 'warning',
          message: m.message,
          helpUri: rule.helpUri,
          excerpt: excerptOf(lines, m.line, m.endLine),
          contradicts: report.requirementsGiven && rule.detects !== undefined && rule.detects !== recommended,
          file: file.name,
          line: m.line,
          column: m.column,
          endLine: m.endLine,
          endColumn: m.endColumn,
        };
        report.findings.push(finding);
      }
    }
  }
}

/** The deepest folder holding every scanned file: the root for the TypeScript project service. */
function commonRoot(files: readonly SourceFile[], fallback: string): string {
  if (files.length === 0) return fallback;
  let root = dirname(files[0]!.path);
  for (const file of files) {
    while (!file.path.startsWith(root + sep) && dirname(root) !== root) root = dirname(root);
  }
  return root;
}
