import type { ChalkInstance } from 'chalk';
import type { Decision, Reason } from '../knowledge/engine.js';
import { questions } from '../knowledge/questions.js';

// The terminal report: recommendation, trace, ranked alternatives, checklist, answers.

function answersOf(reason: Reason): string {
  const pairs = Object.entries(reason.answers).map(([k, v]) => `${k} = ${String(v)}`);
  return pairs.length ? pairs.join(', ') : 'otherwise';
}

export function renderText(decision: Decision, c: ChalkInstance): string {
  const out: string[] = [];
  const conclusion = decision.reasons[decision.reasons.length - 1]!;
  out.push(`${c.bold('Recommendation:')} ${c.green.bold(decision.name)} ${c.dim(`(${decision.transport})`)}`);
  out.push(`  ${conclusion.text}`, '');

  out.push(c.bold('Why'));
  decision.reasons.slice(0, -1).forEach((reason, i) => {
    out.push(`  ${i + 1}. ${c.cyan(answersOf(reason))} ${c.dim('->')} ${reason.text}`);
  });
  out.push('');

  out.push(c.bold('Alternatives'));
  for (const alt of decision.alternatives) {
    const verdict = alt.verdict === 'ruled-out' ? c.red(alt.verdict) : c.yellow(alt.verdict);
    out.push(`  ${alt.rank}. ${c.bold(alt.name)} ${c.dim(`(${alt.transport})`)} ${verdict}`);
    for (const why of alt.why) out.push(`     - ${why}`);
  }
  out.push('');

  out.push(c.bold(`Checklist for ${decision.name}`));
  for (const item of decision.checklist) {
    out.push(`  [ ] ${c.bold(item.title)} ${c.dim(`[${item.topic}]`)}`);
    out.push(`      ${item.detail}`);
    for (const source of item.sources) out.push(`      ${c.dim(`source: ${source.url}`)}`);
  }
  out.push('');

  out.push(c.bold('Answers') + c.dim('  (* = default)'));
  const width = Math.max(...questions.map((q) => q.id.length));
  for (const q of questions) {
    const mark = decision.defaulted.includes(q.id) ? c.dim(' *') : '';
    out.push(`  ${q.id.padEnd(width)}  ${String(decision.requirements[q.id])}${mark}`);
  }
  return `${out.join('\n')}\n`;
}
