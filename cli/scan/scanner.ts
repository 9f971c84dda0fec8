import { readFileSync } from 'node:fs';
import { dirname, parse, sep } from 'node:path';
import type { Linter } from 'eslint';
import { recommend, decide } from '../../knowledge/engine.js';
import { PACKAGE_VERSION } from '../../knowledge/package-info.js';
import type { Requirements } from '../../knowledge/schema.js';
import { classifyContent, discover, shardOf, type SourceFile } from './files.js';
import { sortReport, type Finding, type InventoryItem, type ScanReport } from './report.js';

// The scan: the plugin's own rules and the inventory rule, run in-process by ESLint's Linter
// over every source file. Nothing from the scanned project is loaded or executed: no ESLint
// config, no plugins, no code; tsconfig.json files are read for types only.

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
  const engines = await loadEngines(options, root, files.some((f) => TS_FILE.test(f.path)));
  const tsconfigDirs = options.types ? found.tsconfigDirs : [];

  files.forEach((file, index) => {
    options.onProgress?.(index, files.length);
    scanFile(file, engines, tsconfigDirs, report, recommended.transport);
  });
  options.onProgress?.(files.length, files.length);
  return sortReport(report);
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
  report.files.withRealtimeCode++;

  const isTs = TS_FILE.test(file.path);
  const typed = isTs && governedBy(tsconfigDirs, file.path);
  const { linter, configs } = engines;
  let messages: Linter.LintMessage[];
  try {
    if (isTs) {
      messages = linter.verify(text, typed ? configs.typed : configs.ts, { filename: file.path });
      // A file its tsconfig does not include is still scanned, without types.
      if (typed && messages.some((m) => m.fatal && /project service|tsconfig/i.test(m.message))) {
        messages = linter.verify(text, configs.ts, { filename: file.path });
      } else if (typed) {
        report.files.typed++;
      }
    } else {
      messages = linter.verify(text, /\.cjs$/.test(file.path) ? configs.cjs : configs.js, { filename: file.path });
      // Scripts that are not valid modules (sloppy mode, CommonJS in .js) parse as commonjs.
      if (messages.some((m) => m.fatal)) {
        const script = linter.verify(text, configs.cjs, { filename: file.path });
        if (!script.some((m) => m.fatal)) messages = script;
      }
    }
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!;
    report.parseErrors.push({ file: file.name, line: 1, column: 1, message: `internal error while scanning: ${message}` });
    return;
  }
  const lines = text.split(/\r?\n/);
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

/** The deepest folder holding every scanned file: the root for the TypeScript project service. */
function commonRoot(files: readonly SourceFile[], fallback: string): string {
  if (files.length === 0) return fallback;
  let root = dirname(files[0]!.path);
  for (const file of files) {
    while (!file.path.startsWith(root + sep) && dirname(root) !== root) root = dirname(root);
  }
  return root;
}
