import { createHash } from 'node:crypto';
import type { Log, Notification, ReportingDescriptor, Result, Run } from 'sarif';
import plugin, { NAMESPACE, rules } from '../../rules/plugin.js';
import type { Finding, Location, ScanReport, Skipped } from './report.js';

// SARIF 2.1.0 for code-scanning dashboards (GitHub, Azure DevOps, VS Code's SARIF viewer).
// The output is a pure function of the report, and merging the logs of shards gives the log of
// the whole scan, so CI can scan in parallel and upload one file.

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://www.npmjs.com/package/pick-transport';
/** The partialFingerprints key; bump the version if the hashed inputs ever change. */
export const FINGERPRINT_KEY = 'pickTransportFinding/v1';

type Level = 'error' | 'warning';

const ruleOrder: string[] = Object.keys(rules).map((name) => `${NAMESPACE}/${name}`);

function pluginDescriptor(name: keyof typeof rules): ReportingDescriptor {
  const meta = rules[name].meta!;
  const entry = plugin.configs.recommended.rules?.[`${NAMESPACE}/${name}`];
  const severity = Array.isArray(entry) ? entry[0] : entry;
  return {
    id: `${NAMESPACE}/${name}`,
    name,
    shortDescription: { text: meta.docs!.description! },
    helpUri: meta.docs!.url!,
    defaultConfiguration: { level: severity === 'error' || severity === 2 ? 'error' : 'warning' },
  };
}

/** A rule the plugin does not know (e.g. a finding from a newer scanner): described by the finding. */
function findingDescriptor(finding: Finding): ReportingDescriptor {
  return {
    id: finding.ruleId,
    name: finding.ruleId.slice(finding.ruleId.lastIndexOf('/') + 1),
    helpUri: finding.helpUri,
    defaultConfiguration: { level: finding.severity },
  };
}

/** Plugin rules in the plugin's order, then any others by id: the same order however logs are combined. */
function orderRules(descriptors: Iterable<ReportingDescriptor>): ReportingDescriptor[] {
  const byId = new Map<string, ReportingDescriptor>();
  for (const d of descriptors) if (!byId.has(d.id)) byId.set(d.id, d);
  const rank = (id: string) => {
    const i = ruleOrder.indexOf(id);
    return i === -1 ? ruleOrder.length : i;
  };
  return [...byId.values()].sort((a, b) => rank(a.id) - rank(b.id) || compare(a.id, b.id));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// SARIF uris must be valid URI references: percent-encode everything outside RFC 3986's pchar
// set, and ':' too, so that a first segment like "c:x.ts" is not read as a scheme.
const encodeSegment = (segment: string) =>
  segment.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=@]/gu, (c) => encodeURIComponent(c));
export const fileUri = (file: string) => file.replace(/\\/g, '/').split('/').map(encodeSegment).join('/');

function region(location: Location) {
  const startLine = Math.max(1, location.line);
  const startColumn = Math.max(1, location.column);
  const endLine = Math.max(startLine, location.endLine ?? startLine);
  const r: { startLine: number; startColumn: number; endLine: number; endColumn?: number } = {
    startLine,
    startColumn,
    endLine,
  };
  if (location.endColumn !== undefined) {
    // SARIF forbids a range that ends before it starts; an empty one (an insertion point) is fine.
    r.endColumn = Math.max(endLine === startLine ? startColumn : 1, location.endColumn);
  }
  return r;
}

function physicalLocation(location: Location) {
  return {
    physicalLocation: {
      artifactLocation: { uri: fileUri(location.file), uriBaseId: '%SRCROOT%' },
      region: region(location),
    },
  };
}

/** Whitespace-insensitive, so re-indenting a block does not make its findings look new. */
const normalizeExcerpt = (excerpt: string) => excerpt.replace(/\s+/g, ' ').trim();

function fingerprints(findings: readonly Finding[]): string[] {
  // Identical code twice in one file gets the same hash; the occurrence counter tells them apart
  // (as GitHub's own primaryLocationLineHash does). Findings are in location order here.
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const hash = createHash('sha256')
      .update(`${f.ruleId}\0${f.file}\0${normalizeExcerpt(f.excerpt)}`)
      .digest('hex');
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}:${n}`;
  });
}

function decodeUri(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri; // not ours: sort it by its raw text
  }
}

function locationKey(result: Result | Notification) {
  const loc = result.locations?.[0]?.physicalLocation;
  return {
    file: decodeUri(loc?.artifactLocation?.uri ?? ''),
    line: loc?.region?.startLine ?? 0,
    column: loc?.region?.startColumn ?? 0,
  };
}

function byLocation(a: Result | Notification, b: Result | Notification): number {
  const x = locationKey(a);
  const y = locationKey(b);
  return compare(x.file, y.file) || x.line - y.line || x.column - y.column;
}

function compareResults(a: Result, b: Result): number {
  return (
    byLocation(a, b) ||
    compare(a.ruleId ?? '', b.ruleId ?? '') ||
    compare(a.message.text ?? '', b.message.text ?? '') ||
    compare(JSON.stringify(a.locations), JSON.stringify(b.locations)) ||
    compare(a.partialFingerprints?.[FINGERPRINT_KEY] ?? '', b.partialFingerprints?.[FINGERPRINT_KEY] ?? '')
  );
}

function compareNotifications(a: Notification, b: Notification): number {
  return byLocation(a, b) || compare(a.message.text ?? '', b.message.text ?? '');
}

const compareSkipped = (a: Skipped, b: Skipped) => compare(a.file, b.file) || compare(a.reason, b.reason);

interface RunProperties {
  files: ScanReport['files'];
  skipped: Skipped[];
  recommendation?: { transport: string; name: string };
}

/** Sorts results and notifications and points each result at its rule: the one canonical form of a run. */
function finishRun(run: Run, descriptors: ReportingDescriptor[]): Run {
  const rulesById = orderRules(descriptors);
  const index = new Map(rulesById.map((d, i) => [d.id, i]));
  run.tool.driver.rules = rulesById;
  run.results = (run.results ?? []).sort(compareResults).map((r) => ({ ...r, ruleIndex: index.get(r.ruleId!)! }));
  const invocation = run.invocations![0]!;
  invocation.toolExecutionNotifications = (invocation.toolExecutionNotifications ?? []).sort(compareNotifications);
  return run;
}

export function toSarif(report: ScanReport): Log {
  const descriptors: ReportingDescriptor[] = (Object.keys(rules) as (keyof typeof rules)[]).map(pluginDescriptor);
  for (const f of report.findings) descriptors.push(findingDescriptor(f));

  // Fingerprints count occurrences in location order, whatever order the report came in.
  const findings = [...report.findings].sort(
    (a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.ruleId, b.ruleId),
  );
  const prints = fingerprints(findings);
  const results: Result[] = findings.map((f, i) => {
    const result: Result = {
      ruleId: f.ruleId,
      ruleIndex: -1,
      level: f.severity satisfies Level,
      message: { text: f.message },
      locations: [physicalLocation(f)],
      partialFingerprints: { [FINGERPRINT_KEY]: prints[i]! },
    };
    if (report.requirementsGiven) result.properties = { contradicts: f.contradicts };
    return result;
  });

  const notifications: Notification[] = report.parseErrors.map((e) => ({
    level: 'warning',
    message: { text: `Could not parse ${e.file}: ${e.message}` },
    locations: [physicalLocation(e)],
  }));

  const properties: RunProperties = {
    files: { ...report.files },
    skipped: [...report.skipped].sort(compareSkipped).map((s) => ({ ...s })),
  };
  if (report.recommendation) {
    properties.recommendation = { transport: report.recommendation.transport, name: report.recommendation.name };
  }

  const run: Run = {
    tool: {
      driver: {
        name: 'pick-transport',
        version: report.tool.version,
        informationUri: INFORMATION_URI,
        rules: [],
      },
    },
    invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
    originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The directory that was scanned.' } } },
    columnKind: 'utf16CodeUnits',
    results,
    properties: properties as unknown as Run['properties'],
  };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [finishRun(run, descriptors)] };
}

export function renderSarif(report: ScanReport): string {
  return `${JSON.stringify(toSarif(report), null, 2)}\n`;
}

/**
 * Combines the logs of the shards of one scan into one run: rules united by id, results and
 * notifications concatenated and re-sorted, file counts added up. Throws if the logs come from
 * different tools or versions, which would not be one scan.
 */
export function mergeSarif(logs: readonly Log[]): Log {
  const runs = logs.flatMap((log) => log.runs);
  const first = runs[0];
  if (!first) throw new Error('mergeSarif: no runs to merge');
  const { name, version } = first.tool.driver;
  for (const run of runs) {
    if (run.tool.driver.name !== name || run.tool.driver.version !== version) {
      throw new Error(
        `mergeSarif: cannot merge ${run.tool.driver.name} ${run.tool.driver.version ?? '?'} into ${name} ${version ?? '?'}`,
      );
    }
  }

  const files = { scanned: 0, withRealtimeCode: 0, typed: 0 };
  const skipped: Skipped[] = [];
  let recommendation: RunProperties['recommendation'];
  for (const run of runs) {
    const p = run.properties as Partial<RunProperties> | undefined;
    files.scanned += p?.files?.scanned ?? 0;
    files.withRealtimeCode += p?.files?.withRealtimeCode ?? 0;
    files.typed += p?.files?.typed ?? 0;
    skipped.push(...(p?.skipped ?? []).map((s) => ({ ...s })));
    recommendation ??= p?.recommendation ? { ...p.recommendation } : undefined;
  }
  const properties: RunProperties = { files, skipped: skipped.sort(compareSkipped) };
  if (recommendation) properties.recommendation = recommendation;

  const clone = <T>(value: T): T => structuredClone(value);
  const merged: Run = {
    tool: { driver: { ...clone(first.tool.driver), rules: [] } },
    invocations: [
      {
        executionSuccessful: runs.every((r) => r.invocations?.every((i) => i.executionSuccessful) ?? true),
        toolExecutionNotifications: runs.flatMap((r) =>
          (r.invocations ?? []).flatMap((i) => clone(i.toolExecutionNotifications ?? [])),
        ),
      },
    ],
    originalUriBaseIds: clone(first.originalUriBaseIds),
    columnKind: first.columnKind,
    results: runs.flatMap((r) => clone(r.results ?? [])),
    properties: properties as unknown as Run['properties'],
  };
  if (merged.originalUriBaseIds === undefined) delete merged.originalUriBaseIds;
  if (merged.columnKind === undefined) delete merged.columnKind;
  const descriptors = runs.flatMap((r) => clone(r.tool.driver.rules ?? []));
  return { $schema: logs[0]!.$schema ?? SARIF_SCHEMA, version: '2.1.0', runs: [finishRun(merged, descriptors)] };
}
