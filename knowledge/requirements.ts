import { questions } from './questions.js';
import type { Question, Requirements } from './schema.js';

// Turns loose input (flags, an answers file, ESLint settings) into complete requirements.
// Validation is driven by the questions table, so a new question needs no code here.

export class RequirementError extends Error {
  override name = 'RequirementError';
}

export interface ResolvedRequirements {
  requirements: Requirements;
  /** Question ids that took their documented default. */
  defaulted: string[];
}

const byId = new Map(questions.map((q) => [q.id, q]));

export function questionById(id: string): Question | undefined {
  return byId.get(id);
}

export function validValues(question: Question): string {
  return question.choices.map((c) => String(c.value)).join(', ');
}

/** Accepts `true`/`"true"` for boolean questions; everything else must be a listed value. */
export function coerceAnswer(question: Question, raw: unknown): string | boolean {
  const value =
    question.kind === 'boolean' && (raw === 'true' || raw === 'false') ? raw === 'true' : raw;
  const choice = question.choices.find((c) => c.value === value);
  if (!choice) {
    const shown = typeof raw === 'string' ? `'${raw}'` : JSON.stringify(raw);
    throw new RequirementError(
      `invalid value ${shown} for '${question.id}'; use one of: ${validValues(question)}`,
    );
  }
  return choice.value;
}

export function resolveRequirements(input: unknown): ResolvedRequirements {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new RequirementError(
      `requirements must be an object with keys ${questions.map((q) => q.id).join(', ')}`,
    );
  }
  const given = input as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!byId.has(key)) {
      throw new RequirementError(
        `unknown requirement '${key}'; known keys: ${questions.map((q) => q.id).join(', ')}`,
      );
    }
  }
  const requirements: Requirements = {};
  const defaulted: string[] = [];
  for (const question of questions) {
    const raw = given[question.id];
    if (raw === undefined) {
      requirements[question.id] = question.default;
      defaulted.push(question.id);
    } else {
      requirements[question.id] = coerceAnswer(question, raw);
    }
  }
  return { requirements, defaulted };
}
