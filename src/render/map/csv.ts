import { toCsv, type CsvOptions } from '../../util/csv.js';
import type { MapDocument } from './html.js';

/** The matrix as CSV (see src/util/csv.ts: BOM, RFC 4180, CRLF): a line per process and SOP, or per process without one. */
export function mapCsv(doc: MapDocument, o: CsvOptions = {}): string {
  const head = ['processCode', 'processName', 'level', 'category', 'owner', 'leaf', 'sopId', 'sopNumber', 'sopTitle', 'sopUnit', 'status', 'inForce'];
  const rows: string[][] = [head];
  for (const r of doc.coverage.rows) {
    const p = r.process;
    const proc = [p.code, p.name, String(p.level ?? ''), p.category ?? '', p.owner ?? '', String(p.children.length === 0)];
    if (r.sops.length === 0) rows.push([...proc, '', '', '', '', '', '']);
    for (const s of r.sops) rows.push([...proc, s.id, s.number ?? '', s.title, s.unit, s.status, String(doc.inForce.includes(s.status))]);
  }
  return toCsv(rows, o);
}
