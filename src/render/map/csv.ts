import { csvField } from '../../lifecycle/format-status.js';
import type { MapDocument } from './html.js';

/** The matrix as CSV (RFC 4180, CRLF): a line per process and SOP, or per process without one. */
export function mapCsv(doc: MapDocument): string {
  const head = ['processCode', 'processName', 'level', 'category', 'owner', 'leaf', 'sopId', 'sopNumber', 'sopTitle', 'sopUnit', 'status', 'inForce'];
  const lines = [head.join(',')];
  for (const r of doc.coverage.rows) {
    const p = r.process;
    const proc = [p.code, p.name, String(p.level ?? ''), p.category ?? '', p.owner ?? '', String(p.children.length === 0)];
    if (r.sops.length === 0) lines.push([...proc, '', '', '', '', '', ''].map(csvField).join(','));
    for (const s of r.sops) lines.push([...proc, s.id, s.number ?? '', s.title, s.unit, s.status, String(doc.inForce.includes(s.status))].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
