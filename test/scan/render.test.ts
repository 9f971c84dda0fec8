import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject } from 'ajv';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { renderScanMarkdown } from '../../cli/scan/render-markdown.js';
import { mergeSarif, renderSarif, toSarif } from '../../cli/scan/render-sarif.js';
import { sortReport, type Finding, type InventoryItem, type ScanReport } from '../../cli/scan/report.js';
import { decide, recommend } from '../../knowledge/engine.js';
import { NAMESPACE, rules } from '../../rules/plugin.js';

// The Markdown review and the SARIF log of hand-built reports: every section, a Mermaid pie that
// adds up, SARIF that the official 2.1.0 schema accepts, and shard logs that merge into the whole.

const REQUIREMENTS = {
  direction: 'server-to-client',
  latency: 'low',
  updates: 'frequent',
  streaming: 'allowed',
  binary: false,
};

type RuleName = keyof typeof rules;
const meta = (name: RuleName) => rules[name].meta!.docs!;

function finding(name: RuleName, at: Omit<Finding, 'ruleId' | 'severity' | 'helpUri'>): Finding {
  return {
    ruleId: `${NAMESPACE}/${name}`,
    severity: name === 'websocket-needs-reconnect' ? 'error' : 'warning',
    helpUri: meta(name).url!,
    ...at,
  };
}

function item(kind: InventoryItem['kind'], file: string, line: number, label: string): InventoryItem {
  return { kind, file, line, column: 3, label };
}

/** A mid-sized app: clients and servers of several transports, findings of every rule. */
function realisticReport(withRequirements: boolean): ScanReport {
  const { transport, name, reasons, requirements } = recommend(REQUIREMENTS);
  const because = reasons[reasons.length - 1]!.text;
  const report: ScanReport = {
    tool: { name: 'pick-transport', version: '0.1.0' },
    requirements: withRequirements ? requirements : recommend({}).requirements,
    requirementsGiven: withRequirements,
    files: { scanned: 42, withRealtimeCode: 9, typed: 6 },
    inventory: [
      item('polling', 'src/dashboard/poll.ts', 12, 'setInterval every 5 s'),
      item('polling', 'src/inbox/refresh.js', 4, 'setTimeout loop every 2 s'),
      item('polling', 'src/status/badge.tsx', 30, 'useEffect + setInterval every 10 s'),
      item('long-poll-client', 'src/chat/updates.ts', 8, "recursive fetch('/api/updates?wait=30')"),
      item('long-poll-handler', 'server/routes/updates.ts', 21, 'GET /api/updates holds its response'),
      item('sse-client', 'src/feed/live.ts', 5, "new EventSource('/events')"),
      item('sse-endpoint', 'server/routes/events.ts', 14, 'text/event-stream on GET /events'),
      item('websocket-client', 'src/ticker/socket.ts', 3, "new WebSocket('wss://example.test/ticker')"),
      item('websocket-client', 'src/presence/ws.ts', 7, "new WebSocket(url) | piped through a <Provider>"),
      item('websocket-server', 'server/ws.ts', 9, 'new WebSocketServer({ port: 8080 })'),
      item('socketio-client', 'src/collab/io.ts', 2, "io('/collab')"),
      item('socketio-server', 'server/io.ts', 11, 'new Server(httpServer)'),
      item('webrtc', 'src/call/peer.ts', 18, 'new RTCPeerConnection(config)'),
      item('webtransport', 'src/game/transport.ts', 6, "new WebTransport('https://game.test:4433')"),
    ],
    findings: [
      finding('no-short-polling', {
        file: 'src/dashboard/poll.ts',
        line: 12,
        column: 3,
        endLine: 14,
        endColumn: 12,
        message: `This polls over HTTP every 5 s; for these requirements pick-transport recommends ${name}: ${because}`,
        excerpt: "setInterval(async () => {\n  render(await (await fetch('/api/stats')).json());\n}, 5000);",
        contradicts: withRequirements,
      }),
      finding('no-short-polling', {
        file: 'src/inbox/refresh.js',
        line: 4,
        column: 1,
        endLine: 4,
        endColumn: 40,
        message: `This polls over HTTP every 2 s; for these requirements pick-transport recommends ${name}: ${because}`,
        excerpt: "const tick = () => fetch('/inbox').then(show).then(() => setTimeout(tick, 2000));",
        contradicts: withRequirements,
      }),
      finding('no-long-polling', {
        file: 'src/chat/updates.ts',
        line: 8,
        column: 1,
        endLine: 11,
        endColumn: 2,
        message: `Long polling: this function asks again as soon as each response arrives. For these requirements pick-transport recommends ${name}: ${because}`,
        excerpt: "async function next() {\n  const res = await fetch('/api/updates?wait=30');\n  next();",
        contradicts: withRequirements,
      }),
      finding('no-receive-only-websocket', {
        file: 'src/ticker/socket.ts',
        line: 3,
        column: 13,
        endLine: 3,
        endColumn: 55,
        message: `This WebSocket only receives: it never sends, sets no binaryType and talks to your own server. For these requirements pick-transport recommends ${name}: ${because}`,
        excerpt: "const socket = new WebSocket('wss://example.test/ticker');",
        contradicts: withRequirements,
      }),
      finding('websocket-needs-reconnect', {
        file: 'src/presence/ws.ts',
        line: 7,
        column: 11,
        endLine: 7,
        endColumn: 29,
        message:
          "This WebSocket has no close handler. WebSockets need application-level reconnect logic: nothing reopens a dropped connection. Handle 'close' (onclose or addEventListener('close', …)) and reconnect with backoff, or use a reconnecting client.",
        excerpt: 'const ws = new WebSocket(url); // ``` not a fence',
        contradicts: false,
      }),
      // The same code twice in one file: the fingerprints must still differ.
      finding('websocket-needs-reconnect', {
        file: 'src/presence/ws.ts',
        line: 19,
        column: 11,
        endLine: 19,
        endColumn: 29,
        message: 'This WebSocket has no close handler.',
        excerpt: 'const ws = new WebSocket(url); // ``` not a fence',
        contradicts: false,
      }),
    ],
    skipped: [
      { file: 'public/vendor.min.js', reason: 'minified' },
      { file: 'src/generated/api.ts', reason: 'generated', detail: 'marked @generated' },
      { file: 'fixtures/huge.json.ts', reason: 'too-large', detail: '3.2 MB > 1 MB' },
    ],
    parseErrors: [{ file: 'src/legacy/broken.js', line: 17, column: 9, message: "Unexpected token '<'" }],
  };
  if (withRequirements) {
    report.recommendation = { transport, name, reasons, checklist: decide(REQUIREMENTS).checklist };
  }
  return sortReport(report);
}

function emptyReport(): ScanReport {
  return {
    tool: { name: 'pick-transport', version: '0.1.0' },
    requirements: recommend({}).requirements,
    requirementsGiven: false,
    files: { scanned: 3, withRealtimeCode: 0, typed: 0 },
    inventory: [],
    findings: [],
    skipped: [],
    parseErrors: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Markdown

const section = (md: string, heading: string): string => {
  const start = md.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`no section '${heading}'`);
  const end = md.indexOf('\n## ', start + 1);
  return md.slice(start, end === -1 ? undefined : end);
};

/** Splits a GFM table row on its unescaped pipes. */
const cells = (row: string) => row.slice(1, -1).split(/(?<!\\)\|/);

describe('renderScanMarkdown', () => {
  const report = realisticReport(true);
  const md = renderScanMarkdown(report);

  it('has every section, in order, with the version and file counts up front', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings.filter((h) => /^#{1,2} /.test(h))).toEqual([
      '# Realtime transport review',
      '## Recommendation',
      '## Summary',
      '## Transport mix',
      '## Findings',
      '## Inventory',
      '## Checklist',
      '## Skipped files',
      '## Files that did not parse',
    ]);
    expect(md).toContain('pick-transport 0.1.0: 42 files scanned, 9 with realtime code, 6 with type information.');
    expect(md.endsWith('\n')).toBe(true);
    expect(md).not.toMatch(/\n\n\n/);
  });

  it('gives the recommendation, its numbered reasons and the conclusion', () => {
    const rec = section(md, 'Recommendation');
    const { reasons } = report.recommendation!;
    expect(report.recommendation!.name).toBe('Server-Sent Events');
    expect(rec).toContain('Use **Server-Sent Events** (`sse`)');
    reasons.slice(0, -1).forEach((r, i) => {
      const answers = Object.entries(r.answers).map(([k, v]) => `${k} = ${String(v)}`).join(', ');
      expect(rec).toContain(`${i + 1}. \`${answers}\`: ${r.text}.`);
    });
    expect(rec).toContain(reasons[reasons.length - 1]!.text);
    expect(rec).toContain('4 findings below contradict this recommendation.');
  });

  it('summarizes kinds and rules in tables whose rows all have the header\'s cell count', () => {
    const summary = section(md, 'Summary');
    expect(summary).toContain('| `polling` | client | Short polling | 3 |');
    expect(summary).toContain('| `websocket-client` | client | WebSockets | 2 |');
    expect(summary).toContain('| `socketio-server` | server | WebSockets | 1 |');
    expect(summary).toContain('| `webtransport` | client | WebTransport | 1 |');
    expect(summary).toContain(`| [\`pick-transport/no-short-polling\`](${meta('no-short-polling').url}) | 2 | 2 |`);
    expect(summary).toContain(`| [\`pick-transport/websocket-needs-reconnect\`](${meta('websocket-needs-reconnect').url}) | 2 | 0 |`);
    for (const table of summary.split('\n\n').filter((block) => block.trim().startsWith('|'))) {
      const rows = table.trim().split('\n');
      const width = cells(rows[0]!).length;
      for (const row of rows) expect(cells(row), row).toHaveLength(width);
    }
  });

  it('escapes pipes in table cells', () => {
    const odd = realisticReport(false);
    odd.findings.push({ ...odd.findings[0]!, ruleId: 'acme/a|b', helpUri: 'https://acme.test/rules/a-b', line: 99 });
    const summary = section(renderScanMarkdown(odd), 'Summary');
    const row = summary.split('\n').find((l) => l.includes('acme/a'))!;
    expect(row).toBe('| [`acme/a\\|b`](https://acme.test/rules/a-b) | 1 |');
    expect(cells(row)).toHaveLength(2);
  });

  it('draws the transport mix as a Mermaid pie that adds up to the inventory', () => {
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(section(md, 'Transport mix'))![1]!;
    const [first, ...slices] = block.split('\n');
    expect(first).toBe('pie title Transport mix');
    const counts: Record<string, number> = {};
    for (const line of slices) {
      const m = /^ {4}"([^"]+)" : (\d+)$/.exec(line);
      expect(m, line).not.toBeNull();
      counts[m![1]!] = Number(m![2]);
    }
    expect(counts).toEqual({
      'Short polling': 3,
      'Long polling': 2,
      'Server-Sent Events': 2,
      WebSockets: 5,
      WebRTC: 1,
      WebTransport: 1,
    });
    expect(Object.values(counts).reduce((a, b) => a + b)).toBe(report.inventory.length);
    // Largest slice first, as transportMix orders them.
    expect(slices[0]).toBe('    "WebSockets" : 5');
  });

  it('lists findings by rule with links, locations, excerpts and the contradiction mark', () => {
    const findings = section(md, 'Findings');
    const order = Object.keys(rules).map((name) => findings.indexOf(`### [\`pick-transport/${name}\`](${meta(name as RuleName).url})`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(findings).toContain(`${meta('no-short-polling').description}.`);
    expect(findings).toMatch(/- `src\/dashboard\/poll\.ts:12` \(warning\) — This polls over HTTP every 5 s; .* \*\*Contradicts the recommendation\.\*\*\n/);
    expect(findings).toMatch(/- `src\/presence\/ws\.ts:7` \(error\) — This WebSocket has no close handler\.[^\n]*client\.\n/);
    expect(findings).toContain(
      "  ```ts\n  setInterval(async () => {\n    render(await (await fetch('/api/stats')).json());\n  }, 5000);\n  ```",
    );
    expect(findings).toContain("  ```js\n  const tick = () => fetch('/inbox')");
    // An excerpt holding ``` gets a longer fence, so it cannot close the block early.
    expect(findings).toContain('  ````ts\n  const ws = new WebSocket(url); // ``` not a fence\n  ````');
    expect(findings.match(/Contradicts the recommendation/g)).toHaveLength(4);
  });

  it('lists the inventory by side, then kind', () => {
    const inventory = section(md, 'Inventory');
    const client = inventory.indexOf('\n### Client\n');
    const server = inventory.indexOf('\n### Server\n');
    expect(client).toBeGreaterThan(0);
    expect(server).toBeGreaterThan(client);
    expect(inventory.indexOf('#### Polling (`polling`, Short polling)')).toBeGreaterThan(client);
    expect(inventory.indexOf('#### WebSocket server (`websocket-server`, WebSockets)')).toBeGreaterThan(server);
    expect(inventory.indexOf('#### WebTransport (`webtransport`, WebTransport)')).toBeLessThan(server);
    expect(inventory).toContain('- `src/dashboard/poll.ts:12` — setInterval every 5 s');
    expect(inventory).toContain("- `src/feed/live.ts:5` — new EventSource('/events')");
    // Markup in labels stays text.
    expect(inventory).toContain("- `src/presence/ws.ts:7` — new WebSocket(url) | piped through a \\<Provider>");
  });

  it('ends with the checklist, skipped files and parse errors', () => {
    const checklist = section(md, 'Checklist');
    const items = checklist.split('\n').filter((l) => l.startsWith('- [ ] '));
    expect(items).toHaveLength(report.recommendation!.checklist.length);
    expect(items.length).toBeGreaterThan(0);
    report.recommendation!.checklist.forEach((entry, i) => {
      expect(items[i]!.startsWith(`- [ ] **${entry.title}** — ${entry.detail}`)).toBe(true);
      for (const s of entry.sources) expect(items[i]).toContain(`[${s.title}](${s.url})`);
    });
    expect(section(md, 'Skipped files')).toContain('- `src/generated/api.ts` — generated: marked @generated');
    expect(section(md, 'Skipped files')).toContain('- `public/vendor.min.js` — minified\n');
    expect(section(md, 'Files that did not parse')).toContain("- `src/legacy/broken.js:17` — Unexpected token '\\<'");
  });

  it('leaves out the recommendation, checklist and empty sections when they do not apply', () => {
    const plain = realisticReport(false);
    plain.skipped = [];
    plain.parseErrors = [];
    const out = renderScanMarkdown(plain);
    for (const heading of ['Recommendation', 'Checklist', 'Skipped files', 'Files that did not parse']) {
      expect(out).not.toContain(`## ${heading}`);
    }
    expect(out).not.toMatch(/Contradict/);
    // Without a recommendation there is nothing to contradict, whatever the findings say.
    plain.findings[0]!.contradicts = true;
    expect(renderScanMarkdown(plain)).not.toMatch(/Contradict/);
    expect(section(out, 'Summary')).toContain('| Rule | Findings |\n| --- | ---: |\n');

    const empty = renderScanMarkdown(emptyReport());
    expect(empty).not.toContain('```mermaid');
    expect(empty).toContain('No findings.');
    expect(section(empty, 'Transport mix')).toContain('No realtime transport code was found.');
  });

  it('is deterministic and undated', () => {
    expect(renderScanMarkdown(realisticReport(true))).toBe(md);
    expect(md).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

// ---------------------------------------------------------------------------------------------
// SARIF

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS with only a default export, which NodeNext types as a namespace.
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function sarifValidator() {
  // The official file declares draft-04 ("id", draft-04 $schema), which Ajv 8 does not ship. It
  // uses nothing that differs in draft-07, so it is compiled as draft-07 with "id" renamed. Its
  // language-tag pattern ("...[a-zA-Z]{2}]?$") is not valid with the u flag, hence unicodeRegExp.
  const { $schema: _draft04, id, ...schema } = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ $id: id, ...schema });
}
const validate = sarifValidator();

function expectValid(log: Log) {
  const ok = validate(log);
  if (!ok) console.error(JSON.stringify(validate.errors, null, 2));
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

/** Splits a report the way --shard does: by file, each file wholly in one part. */
function splitByFile(report: ScanReport, inFirst: (file: string) => boolean): [ScanReport, ScanReport] {
  const part = (keep: (file: string) => boolean, files: ScanReport['files']): ScanReport =>
    sortReport({
      ...structuredClone(report),
      files,
      inventory: report.inventory.filter((i) => keep(i.file)),
      findings: report.findings.filter((f) => keep(f.file)),
      skipped: report.skipped.filter((s) => keep(s.file)),
      parseErrors: report.parseErrors.filter((e) => keep(e.file)),
    });
  const a = { scanned: 20, withRealtimeCode: 4, typed: 2 };
  const b = {
    scanned: report.files.scanned - a.scanned,
    withRealtimeCode: report.files.withRealtimeCode - a.withRealtimeCode,
    typed: report.files.typed - a.typed,
  };
  return [part(inFirst, a), part((f) => !inFirst(f), b)];
}

describe('toSarif', () => {
  const report = realisticReport(true);
  const log = toSarif(report);
  const run = log.runs[0]!;

  it('validates against the official SARIF 2.1.0 schema', () => {
    expectValid(log);
    expectValid(toSarif(realisticReport(false)));
    expectValid(toSarif(emptyReport()));
    expectValid(JSON.parse(renderSarif(report)));
  });

  it('uses a validator that does reject what the schema forbids', () => {
    const bad = structuredClone(log);
    (bad.runs[0]!.results![0] as { level: string }).level = 'fatal';
    delete (bad.runs[0]!.invocations![0] as { executionSuccessful?: boolean }).executionSuccessful;
    expect(validate(bad)).toBe(false);
    expect(validate.errors!.map((e: ErrorObject) => e.instancePath)).toEqual(
      expect.arrayContaining(['/runs/0/results/0/level', '/runs/0/invocations/0']),
    );
  });

  it('is a SARIF 2.1.0 log with one run of pick-transport and all four rules', () => {
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const { driver } = run.tool;
    expect(driver.name).toBe('pick-transport');
    expect(driver.version).toBe('0.1.0');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules!.map((r) => r.id)).toEqual(Object.keys(rules).map((n) => `${NAMESPACE}/${n}`));
    for (const descriptor of driver.rules!) {
      const name = descriptor.id.slice(NAMESPACE.length + 1) as RuleName;
      expect(descriptor.name).toBe(name);
      expect(descriptor.shortDescription!.text).toBe(meta(name).description);
      expect(descriptor.helpUri).toBe(meta(name).url);
      expect(descriptor.defaultConfiguration!.level).toBe(name === 'websocket-needs-reconnect' ? 'error' : 'warning');
    }
  });

  it('has one result per finding with rule, message, location and the rule\'s help via its descriptor', () => {
    const results = run.results!;
    expect(results).toHaveLength(report.findings.length);
    results.forEach((result, i) => {
      const f = report.findings[i]!;
      expect(result.ruleId).toBe(f.ruleId);
      expect(result.level).toBe(f.severity);
      expect(result.message.text).toBe(f.message);
      const descriptor = run.tool.driver.rules![result.ruleIndex!]!;
      expect(descriptor.id).toBe(result.ruleId);
      expect(descriptor.helpUri).toBe(f.helpUri);
      const loc = result.locations![0]!.physicalLocation!;
      expect(loc.artifactLocation).toEqual({ uri: f.file, uriBaseId: '%SRCROOT%' });
      expect(loc.region).toEqual({ startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn });
      expect(result.properties).toEqual({ contradicts: f.contradicts });
      expect(Object.values(result.partialFingerprints!)[0]).toMatch(/^[0-9a-f]{64}:\d+$/);
    });
    expect(toSarif(realisticReport(false)).runs[0]!.results!.every((r) => r.properties === undefined)).toBe(true);
  });

  it('fingerprints by rule, file and code, not by line', () => {
    const prints = (r: ScanReport) => toSarif(r).runs[0]!.results!.map((x) => Object.values(x.partialFingerprints!)[0]);
    const before = prints(report);
    expect(new Set(before).size).toBe(before.length);
    const moved = structuredClone(report);
    for (const f of moved.findings) {
      f.line += 10;
      if (f.endLine) f.endLine += 10;
    }
    expect(prints(moved)).toEqual(before);
    const edited = structuredClone(report);
    edited.findings[0]!.excerpt = 'setInterval(refresh, 1000);';
    expect(prints(edited)[0]).not.toBe(before[0]);
    expect(prints(edited).slice(1)).toEqual(before.slice(1));
  });

  it('reports parse errors as tool notifications and keeps skipped files and counts', () => {
    const invocation = run.invocations![0]!;
    expect(invocation.executionSuccessful).toBe(true);
    expect(invocation.toolExecutionNotifications).toEqual([
      {
        level: 'warning',
        message: { text: "Could not parse src/legacy/broken.js: Unexpected token '<'" },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'src/legacy/broken.js', uriBaseId: '%SRCROOT%' },
              region: { startLine: 17, startColumn: 9, endLine: 17 },
            },
          },
        ],
      },
    ]);
    expect(run.properties).toMatchObject({
      files: report.files,
      skipped: [...report.skipped].sort((a, b) => a.file.localeCompare(b.file)),
      recommendation: { transport: 'sse', name: 'Server-Sent Events' },
    });
  });

  it('percent-encodes file names that are not valid URI references, and still validates', () => {
    const odd = structuredClone(report);
    odd.findings[0]!.file = 'src/my dashboard/50%#poll[1].ts';
    const out = toSarif(odd);
    expectValid(out);
    const uris = out.runs[0]!.results!.map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri);
    expect(uris).toContain('src/my%20dashboard/50%25%23poll%5B1%5D.ts');
  });

  it('describes a rule the plugin does not know from its findings', () => {
    const extra = structuredClone(report);
    extra.findings.push({ ...extra.findings[0]!, ruleId: 'acme/no-foo', helpUri: 'https://acme.test/no-foo', severity: 'error' });
    const out = toSarif(sortReport(extra));
    expectValid(out);
    const descriptors = out.runs[0]!.tool.driver.rules!;
    expect(descriptors.map((d) => d.id)).toEqual([...Object.keys(rules).map((n) => `${NAMESPACE}/${n}`), 'acme/no-foo']);
    const result = out.runs[0]!.results!.find((r) => r.ruleId === 'acme/no-foo')!;
    expect(descriptors[result.ruleIndex!]).toMatchObject({ id: 'acme/no-foo', helpUri: 'https://acme.test/no-foo' });
  });

  it('renders JSON with 2-space indentation and a trailing newline', () => {
    const text = renderSarif(report);
    expect(text).toBe(`${JSON.stringify(log, null, 2)}\n`);
    expect(renderSarif(realisticReport(true))).toBe(text);
  });
});

describe('mergeSarif', () => {
  const whole = realisticReport(true);

  it('merges the logs of two halves into the log of the whole', () => {
    const [a, b] = splitByFile(whole, (file) => file.startsWith('src/') && file < 'src/m');
    expect(a.findings.length).toBeGreaterThan(0);
    expect(b.findings.length).toBeGreaterThan(0);
    const merged = mergeSarif([toSarif(a), toSarif(b)]);
    expect(merged).toEqual(toSarif(whole));
    // Same keys in the same order too, so the files are byte for byte the same.
    expect(JSON.stringify(merged)).toBe(JSON.stringify(toSarif(whole)));
    expectValid(merged);
  });

  it('does not depend on the order of the shards, and survives a trip through JSON', () => {
    const [a, b] = splitByFile(whole, (file) => file.includes('/ws') || file.startsWith('server/'));
    const logs = [toSarif(b), toSarif(a)].map((l) => JSON.parse(`${JSON.stringify(l)}`) as Log);
    expect(mergeSarif(logs)).toEqual(toSarif(whole));
  });

  it('merges halves of the findings split at any point', () => {
    for (let cut = 0; cut <= whole.findings.length; cut++) {
      const first = new Set(whole.findings.slice(0, cut).map((f) => f.file));
      const [a, b] = splitByFile(whole, (file) => first.has(file));
      expect(mergeSarif([toSarif(a), toSarif(b)]), `cut at ${cut}`).toEqual(toSarif(whole));
    }
  });

  it('is the identity on one log and refuses logs of different versions', () => {
    expect(mergeSarif([toSarif(whole)])).toEqual(toSarif(whole));
    const other = toSarif({ ...whole, tool: { name: 'pick-transport', version: '9.9.9' } });
    expect(() => mergeSarif([toSarif(whole), other])).toThrow(/cannot merge/);
    expect(() => mergeSarif([])).toThrow(/no runs/);
  });
});
