import { questions } from '../knowledge/questions.js';
import { validValues } from '../knowledge/requirements.js';
import { COMMAND_FORMATS, FORMATS } from './args.js';

// Generated from the questions table, so every flag and default shown here is the real one.
export function helpText(version: string): string {
  const flags = questions.map((q) => {
    const name = q.kind === 'boolean' ? `--${q.id} / --no-${q.id}` : `--${q.id} <${validValues(q).replace(/, /g, '|')}>`;
    return `  ${name}\n      ${q.prompt} Default: ${String(q.default)}.`;
  });
  return `pick-transport ${version}
Choose how a server pushes news to a browser, with the reasoning and an operational checklist.

Usage
  pick-transport [options]          ask the questions (on a terminal) and recommend a transport
  pick-transport [answers] [format] decide without prompts, from flags and/or an answers file
  pick-transport matrix [--format]  print the comparison table of the five transports
  pick-transport scan [paths...]    review a codebase: every realtime transport in use, and findings
  pick-transport merge <reports...> combine the JSON or SARIF reports of a sharded scan

Requirements (missing ones take the default shown)
${flags.join('\n')}

Options
  --answers <file>   read requirements from a JSON file (flags override it)
  --save <file>      write the complete answers as JSON, for reuse or the ESLint settings
  -y, --defaults     take every default without asking
  -f, --format <${FORMATS.join('|')}>  output format (markdown: an Architecture Decision Record)
  --json             same as --format json
  --no-color         plain output (NO_COLOR and FORCE_COLOR are honoured too)
  -h, --help         this help
  -v, --version      the version

Scan options (requirement flags and --answers apply too: the report then opens with the
recommendation and marks the findings that go against it)
  -f, --format <${COMMAND_FORMATS.scan.join('|')}>  report format (sarif: SARIF 2.1.0 for code scanning)
  -o, --output <file>  write the report to a file instead of stdout
  --fail-on <error|warning|rule>  exit 1 when a matching finding exists (for CI)
  --no-types         skip tsconfig.json-based cross-file resolution (faster)
  --shard <i/n>      scan only the i-th of n deterministic slices; combine with 'merge'
  --max-size <KiB>   skip larger files (default 1024)

Exit codes: 0 done, 1 findings matched --fail-on, 2 bad input (the message says what to fix),
130 interrupted.
`;
}
