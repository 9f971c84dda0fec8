import { parseArgs, type ParseArgsConfig } from 'node:util';
import { questions } from '../knowledge/questions.js';
import { UsageError } from './errors.js';

// Flags come from the questions table: a new question is a new flag with no code here.

export const FORMATS = ['text', 'json', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export const COMMANDS = ['decide', 'matrix'] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliArgs {
  command: Command;
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
  ...Object.fromEntries(
    questions.map((q) => [q.id, { type: q.kind === 'boolean' ? 'boolean' : 'string' }]),
  ),
} satisfies ParseArgsConfig['options'];

function explain(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const flag = /'(-[^' ]*)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return `unknown option '${flag}'; run 'pick-transport --help' for the options`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return `option '${flag}' needs a value, e.g. ${flag} <value>; run 'pick-transport --help'`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return `unexpected argument in ${message.replace(/^.*'(.*)'.*$/, "'$1'")}; run 'pick-transport --help'`;
  }
  return message.split('\n')[0]!;
}

export function parseCli(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, allowNegative: true, strict: true });
  } catch (error) {
    throw new UsageError(explain(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) {
    throw new UsageError(`unexpected argument '${positionals[1]}'; run 'pick-transport --help'`);
  }
  const command = positionals[0] ?? 'decide';
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`unknown command '${command}'; commands: ${COMMANDS.join(', ')}`);
  }
  if (values.json && values.format && values.format !== 'json') {
    throw new UsageError(`--json and --format ${values.format} disagree; pass only one of them`);
  }
  const format = values.json ? 'json' : (values.format ?? 'text');
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format '${format}'; use one of: ${FORMATS.join(', ')}`);
  }
  const answers: Record<string, string | boolean> = {};
  for (const q of questions) {
    const value = (values as Record<string, string | boolean | undefined>)[q.id];
    if (value !== undefined) answers[q.id] = value;
  }
  if (command === 'matrix' && (Object.keys(answers).length || values.answers || values.save)) {
    throw new UsageError(`'matrix' takes no answers; drop the requirement flags or run without 'matrix'`);
  }
  return {
    command: command as Command,
    answers,
    answersFile: values.answers,
    save: values.save,
    format: format as Format,
    defaults: values.defaults ?? false,
    color: values.color,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
