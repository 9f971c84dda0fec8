import { questions } from '../knowledge/questions.js';
import { validValues } from '../knowledge/requirements.js';
import { FORMATS } from './args.js';

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

Exit codes: 0 done, 2 bad input (the message says what to fix), 130 interrupted.
`;
}
