import type { Decision, Reason } from '../knowledge/engine.js';
import { PACKAGE_VERSION } from '../knowledge/package-info.js';
import { questions } from '../knowledge/questions.js';
import { transports } from '../knowledge/transports.js';

// An Architecture Decision Record for review documents: context, decision, consequences,
// alternatives, and a Mermaid flowchart of the path the engine took.

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const mermaidText = (text: string) => text.replace(/"/g, '#quot;');
const mermaidId = (id: string) => id.replace(/[^A-Za-z0-9]/g, '_');

function answersOf(reason: Reason): string {
  const pairs = Object.entries(reason.answers).map(([k, v]) => `${k} = ${String(v)}`);
  return pairs.length ? pairs.join(', ') : 'otherwise';
}

export function decisionFlowchart(decision: Decision): string {
  const steps = decision.reasons.slice(0, -1);
  const lines = ['flowchart TD'];
  steps.forEach((step, i) => {
    const from = mermaidId(step.node);
    const to = i + 1 < steps.length ? mermaidId(steps[i + 1]!.node) : `choice_${mermaidId(decision.transport)}`;
    lines.push(`  ${from}{"${mermaidText(step.label)}"}`);
    lines.push(`  ${from} -->|"${mermaidText(answersOf(step))}"| ${to}`);
  });
  const leaf = `choice_${mermaidId(decision.transport)}`;
  lines.push(`  ${leaf}(["${mermaidText(decision.name)}"])`);
  lines.push(`  style ${leaf} stroke-width:3px`);
  return lines.join('\n');
}

export function renderMarkdown(decision: Decision, date = new Date()): string {
  const transport = transports.find((t) => t.id === decision.transport)!;
  const out: string[] = [];
  out.push(`# ADR: Use ${decision.name} for realtime updates`, '');
  out.push(`- Status: proposed`);
  out.push(`- Date: ${date.toISOString().slice(0, 10)}`);
  out.push(`- Decided with: pick-transport ${PACKAGE_VERSION}`, '');

  out.push('## Context', '');
  out.push('| Requirement | Answer | Question |', '| --- | --- | --- |');
  for (const q of questions) {
    const defaulted = decision.defaulted.includes(q.id) ? ' (default)' : '';
    out.push(`| \`${q.id}\` | ${cell(String(decision.requirements[q.id]))}${defaulted} | ${cell(q.prompt)} |`);
  }
  out.push('');

  out.push('## Decision', '');
  out.push(`We will use **${decision.name}** (\`${decision.transport}\`, ${transport.api}). ${decision.summary}`, '');
  const steps = decision.reasons.slice(0, -1);
  steps.forEach((r, i) => out.push(`${i + 1}. \`${answersOf(r)}\`: ${r.text}.`));
  out.push('', decision.reasons[decision.reasons.length - 1]!.text, '');

  out.push('## Consequences', '');
  for (const cost of transport.costs) out.push(`- ${cost}`);
  out.push('', 'Operational checklist:', '');
  for (const item of decision.checklist) {
    const links = item.sources.map((s) => `[${s.title}](${s.url})`).join(', ');
    out.push(`- [ ] **${item.title}** — ${item.detail}${links ? ` (${links})` : ''}`);
  }
  out.push('');

  out.push('## Alternatives considered', '');
  out.push('| Rank | Transport | Verdict | Why not |', '| --- | --- | --- | --- |');
  for (const alt of decision.alternatives) {
    out.push(`| ${alt.rank} | ${alt.name} | ${alt.verdict} | ${cell(alt.why.join(' '))} |`);
  }
  out.push('');

  out.push('## Decision path', '', '```mermaid', decisionFlowchart(decision), '```', '');
  return out.join('\n');
}
