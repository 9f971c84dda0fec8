import { Chalk, type ChalkInstance } from 'chalk';

// Precedence, most specific first: --color/--no-color, then FORCE_COLOR, then NO_COLOR
// (https://no-color.org, which chalk does not read), then whether stdout is a terminal.
export function makeChalk(flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): ChalkInstance {
  if (flag === false) return new Chalk({ level: 0 });
  const detected = new Chalk();
  if (flag === true) return new Chalk({ level: detected.level || 1 });
  if (env.FORCE_COLOR === undefined && env.NO_COLOR) return new Chalk({ level: 0 });
  return detected;
}
