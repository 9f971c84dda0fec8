import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { RequirementError, resolveRequirements } from '../knowledge/requirements.js';
import type { Requirements } from '../knowledge/schema.js';
import { UsageError } from './errors.js';

const FIX = 'pass a JSON object such as {"direction": "server-to-client"}';

/** Reads an answers file; every problem becomes one line naming the file and the fix. */
export function readAnswersFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code ?? 'unreadable';
    throw new UsageError(`cannot read answers file '${path}': ${why}; check the path given to --answers`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`answers file '${path}' is not valid JSON (${(error as Error).message}); ${FIX}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(`answers file '${path}' must hold a JSON object; ${FIX}`);
  }
  try {
    resolveRequirements(data);
  } catch (error) {
    if (error instanceof RequirementError) throw new UsageError(`answers file '${path}': ${error.message}`);
    throw error;
  }
  return data as Record<string, unknown>;
}

/** Writes the answers through a temporary file and a rename, so a failure leaves nothing half-written. */
export function saveAnswers(path: string, requirements: Requirements): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(requirements, null, 2)}\n`, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? 'write failed';
    throw new UsageError(`cannot save answers to '${path}' (${code}); choose a writable path for --save`);
  }
}
