import type { ChalkInstance } from 'chalk';
import { questions } from '../knowledge/questions.js';

// Asks every question with its "why this matters" line and its default preselected. Loaded
// only when a terminal is there to answer: the prompts library is the heaviest import we have.

export async function askQuestions(
  output: NodeJS.WriteStream,
  c: ChalkInstance,
): Promise<Record<string, string | boolean>> {
  const { select } = await import('@inquirer/prompts');
  const answers: Record<string, string | boolean> = {};
  output.write(c.dim('Answer with the arrow keys and Enter; the highlighted choice is the default.\n'));
  for (const q of questions) {
    output.write(`\n${c.dim(`Why this matters: ${q.why}`)}\n`);
    answers[q.id] = await select(
      {
        message: q.prompt,
        default: q.default,
        choices: q.choices.map((choice) => ({
          name: choice.label,
          value: choice.value,
          description: choice.hint,
        })),
      },
      { output },
    );
  }
  return answers;
}

/** True for the error Inquirer throws when the user presses Ctrl-C. */
export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}
