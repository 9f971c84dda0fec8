import { parseArgs, type ParseArgsConfig } from 'node:util';
import { questions } from '../knowledge/questions.js';
import { UsageError } from './errors.js';

// Flags come from the questions table: a new question is a new flag with no code here.

export const COMMANDS = ['decide', 'matrix', 'scan', 'merge'] as const;
export type Command = (typeof COMMANDS)[number];

/** Output formats each command can print. */
export const COMMAND_FORMATS = {
  decide: ['text', 'json', 'markdown'],
  matrix: ['text', 'json', 'markdown'],
  scan: ['text', 'json', 'markdown', 'sarif'],
  merge: ['text', 'json', 'markdown', 'sarif'],
} as const satisfies Record<Command, readonly string[]>;
export type Format = (typeof COMMAND_FORMATS)[Command][number];

export const FORMATS = COMMAND_FORMATS.decide;

export interface CliArgs {
  command: Command;
  /** Files or folders after the command (scan, merge). */
  paths: string[];
  /** Answers given as flags, still raw strings/booleans. */
  answers: Record<string, string | boolean>;
  answersFile?: string;
  save?: string;
  format: Format;
  defaults: boolean;
  /** --color / --no-color; undefined when neither was given. */
  color: boolean | undefined;
  help: boolean;
  version: boolean;
  /** scan: exit 1 when a finding of this severity or rule exists. */
  failOn?: string;
  /** scan: use tsconfig.json files for cross-file types (--no-types turns it off). */
  types: boolean;
  /** scan: 1-based shard index and count. */
  shard?: { index: number; count: number };
  /** scan: files larger than this are skipped. */
  maxBytes: number;
  /** scan, merge: write the report here instead of stdout. */
  output?: string;
}

const options = {
  answers: { type: 'string' },
  save: { type: 'string' },
  format: { type: 'string', short: 'f' },
  json: { type: 'boolean' },
  defaults: { type: 'boolean', short: 'y' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  color: { type: 'boolean' },
  'fail-on': { type: 'string' },
  types: { type: 'boolean' },
  shard: { type: 'string' },
  'max-size': { type: 'string' },
  output: { type: 'string', short: 'o' },
  ...Object.fromEntries(
    questions.map((q) => [q.id, { type: q.kind === 'boolean' ? 'boolean' : 'string' }]),
  ),
} satisfies ParseArgsConfig['options'];

/** Options that only some commands take. */
const ONLY_FOR: Record<string, readonly Command[]> = {
  save: ['decide'],
  defaults: ['decide'],
  'fail-on': ['scan'],
  types: ['scan'],
  shard: ['scan'],
  'max-size': ['scan'],
  output: ['scan', 'merge'],
  answers: ['decide', 'scan'],
  ...Object.fromEntries(questions.map((q) => [q.id, ['decide', 'scan'] as const])),
};

const DEFAULT_MAX_KIB = 1024;

function explain(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const flag = /'(-[^' ]*)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return `unknown option '${flag}'; run 'pick-transport --help' for the options`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return `option '${flag}' needs a value, e.g. ${flag} <value>; run 'pick-transport --help'`;
  }
  return message.split('\n')[0]!;
}

function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UsageError(`invalid --shard '${text}'; use i/n with 1 <= i <= n, e.g. --shard 2/4`);
  }
  return { index, count };
}

function parseMaxSize(text: string | undefined): number {
  if (text === undefined) return DEFAULT_MAX_KIB * 1024;
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new UsageError(`invalid --max-size '${text}'; give a size in KiB, e.g. --max-size 2048`);
  }
  return Number(text) * 1024;
}

export function parseCli(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, allowNegative: true, strict: true });
  } catch (error) {
    throw new UsageError(explain(error));
  }
  const { values, positionals } = parsed;
  const given = values as Record<string, string | boolean | undefined>;
  const first = positionals[0];
  const command = (first && (COMMANDS as readonly string[]).includes(first) ? first : 'decide') as Command;
  const paths = first && command === first ? positionals.slice(1) : positionals;
  if (paths.length && command !== 'scan' && command !== 'merge') {
    const word = paths[0]!;
    throw new UsageError(
      command === 'decide' && paths.length === positionals.length
        ? `unknown command '${word}'; commands: ${COMMANDS.filter((c) => c !== 'decide').join(', ')} (or none, to decide)`
        : `unexpected argument '${word}'; run 'pick-transport --help'`,
    );
  }
  if (command === 'merge' && paths.length === 0 && !values.help) {
    throw new UsageError(`'merge' needs report files, e.g. pick-transport merge shard-1.json shard-2.json`);
  }
  for (const [option, commands] of Object.entries(ONLY_FOR)) {
    if (given[option] !== undefined && !commands.includes(command)) {
      throw new UsageError(`--${option} does not apply to '${command}'; it is for: ${commands.join(', ')}`);
    }
  }
  if (values.json && values.format && values.format !== 'json') {
    throw new UsageError(`--json and --format ${values.format} disagree; pass only one of them`);
  }
  const format = values.json ? 'json' : (values.format ?? 'text');
  const allowed: readonly string[] = COMMAND_FORMATS[command];
  if (!allowed.includes(format)) {
    throw new UsageError(`unknown format '${format}' for '${command}'; use one of: ${allowed.join(', ')}`);
  }
  const answers: Record<string, string | boolean> = {};
  for (const q of questions) {
    const value = given[q.id];
    if (value !== undefined) answers[q.id] = value as string | boolean;
  }
  return {
    command,
    paths,
    answers,
    answersFile: values.answers,
    save: values.save,
    format: format as Format,
    defaults: values.defaults ?? false,
    color: values.color,
    help: values.help ?? false,
    version: values.version ?? false,
    failOn: values['fail-on'],
    types: values.types ?? true,
    shard: values.shard === undefined ? undefined : parseShard(values.shard),
    maxBytes: parseMaxSize(values['max-size']),
    output: values.output,
  };
}
