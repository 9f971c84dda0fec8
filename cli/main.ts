#!/usr/bin/env node
import { decide } from '../knowledge/engine.js';
import { PACKAGE_VERSION } from '../knowledge/package-info.js';
import { RequirementError, resolveRequirements } from '../knowledge/requirements.js';
import { parseCli, type CliArgs } from './args.js';
import { readAnswersFile, saveAnswers } from './answers-file.js';
import { EXIT, UsageError } from './errors.js';

// Entry point. Start-up time is a feature: each renderer, chalk and the prompts load only on the
// path that uses them (the JSON path loads none of them).

async function chalkFor(args: CliArgs) {
  const { makeChalk } = await import('./color.js');
  return makeChalk(args.color);
}

const NO_TERMINAL =
  "no answers given and no terminal to ask in; pass --answers FILE, flags such as --direction server-to-client, or --defaults";

/** Answers from --answers and the flags (flags win); `given` is false when there were none. */
function givenAnswers(args: CliArgs): { answers: Record<string, unknown>; given: boolean } {
  const fromFile = args.answersFile ? readAnswersFile(args.answersFile) : {};
  return {
    answers: { ...fromFile, ...args.answers },
    given: args.answersFile !== undefined || Object.keys(args.answers).length > 0,
  };
}

/** Requirement errors from flags name the flag, e.g. "for --direction". */
function asUsageError(error: unknown): unknown {
  return error instanceof RequirementError
    ? new UsageError(error.message.replace(/for '([\w-]+)'/, 'for --$1'))
    : error;
}

async function collectAnswers(args: CliArgs) {
  const { answers, given } = givenAnswers(args);
  if (given || args.defaults) return answers;
  const promptOut = args.format === 'text' && process.stdout.isTTY ? process.stdout : process.stderr;
  if (!process.stdin.isTTY || !promptOut.isTTY) throw new UsageError(NO_TERMINAL);
  const { askQuestions } = await import('./interactive.js');
  const asked = await askQuestions(promptOut, await chalkFor(args));
  promptOut.write('\n');
  return asked;
}

async function run(argv: readonly string[]): Promise<number> {
  const args = parseCli(argv);
  if (args.help) {
    const { helpText } = await import('./help.js');
    process.stdout.write(helpText(PACKAGE_VERSION));
    return EXIT.ok;
  }
  if (args.version) {
    process.stdout.write(`${PACKAGE_VERSION}\n`);
    return EXIT.ok;
  }
  const chalk = () => chalkFor(args);
  if (args.command === 'scan') {
    const { answers, given } = givenAnswers(args);
    let requirements;
    try {
      requirements = resolveRequirements(answers).requirements;
    } catch (error) {
      throw asUsageError(error);
    }
    const { runScan } = await import('./scan/command.js');
    return runScan(args, requirements, given, chalk);
  }
  if (args.command === 'merge') {
    const { runMerge } = await import('./scan/merge.js');
    return runMerge(args, chalk);
  }
  if (args.command === 'matrix') {
    const { renderMatrix } = await import('./matrix.js');
    process.stdout.write(renderMatrix(args.format, await chalkFor(args)));
    return EXIT.ok;
  }
  let decision;
  try {
    decision = decide(await collectAnswers(args));
  } catch (error) {
    throw asUsageError(error);
  }
  const output =
    args.format === 'json' ? (await import('./render-json.js')).renderJson(decision)
    : args.format === 'markdown' ? (await import('./render-markdown.js')).renderMarkdown(decision)
    : (await import('./render-text.js')).renderText(decision, await chalkFor(args));
  // Save before printing, so a failed save leaves stdout empty.
  if (args.save) saveAnswers(args.save, decision.requirements);
  process.stdout.write(output);
  return EXIT.ok;
}

function fail(message: string, code: number): number {
  process.stderr.write(`pick-transport: ${message}\n`);
  return code;
}

run(process.argv.slice(2))
  .catch(async (error: unknown) => {
    if (error instanceof UsageError) return fail(error.message, error.exitCode);
    const { isPromptExit } = await import('./interactive.js');
    if (isPromptExit(error)) return fail('interrupted', EXIT.interrupted);
    return fail(`internal error: ${(error as Error)?.message ?? String(error)}; please report it`, EXIT.internal);
  })
  .then((code) => {
    process.exitCode = code;
  });
