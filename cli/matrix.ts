import type { ChalkInstance } from 'chalk';
import { attributes, transports } from '../knowledge/transports.js';
import type { Format } from './args.js';

// The comparison table, straight from the transports' attribute data.

export function renderMatrix(format: Format, c: ChalkInstance): string {
  if (format === 'json') {
    const rows = transports.map((t) => ({
      transport: t.id,
      name: t.name,
      ...Object.fromEntries(attributes.map((a) => [a.id, t.attributes[a.id].value])),
    }));
    return `${JSON.stringify(rows, null, 2)}\n`;
  }
  const header = ['', ...transports.map((t) => t.name)];
  const rows = attributes.map((a) => [a.label, ...transports.map((t) => t.attributes[a.id].value)]);
  if (format === 'markdown') {
    const line = (cells: string[]) => `| ${cells.map((x) => x.replace(/\|/g, '\\|')).join(' | ')} |`;
    return `${[line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')}\n`;
  }
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i]!.length)));
  const line = (cells: string[], bold: boolean) =>
    cells
      .map((x, i) => (bold || i === 0 ? c.bold(x.padEnd(widths[i]!)) : x.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return `${[line(header, true), ...rows.map((r) => line(r, false))].join('\n')}\n`;
}
