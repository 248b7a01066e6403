// Generators of single SOP files just under the 5 MB limit, shaped to find super-linear work in the
// loader, the rules and the step graph: many flow-style steps, many `x-` keys, many list items.
import { writeFileSync } from 'node:fs';

const HEAD = [
  'sop: 1',
  'id: BIG-001',
  'title: Prosedur Besar',
  'unit: Subbagian Umum',
  'status: draft',
  'revision: 0',
  'dates: {created: 2024-03-11}',
  'legalBasis: [UU 43/2009]',
  'actors:',
  '  - {id: staf, name: Staf}',
  '  - {id: kasubbag, name: Kasubbag}',
];

/** Fill up to `bytes` with lines from `line(i)` after `head`; returns the text. */
function fill(head, line, bytes) {
  const out = [...head];
  let size = out.join('\n').length + 1;
  for (let i = 0; ; i++) {
    const l = line(i);
    if (size + l.length + 1 > bytes) break;
    out.push(l);
    size += l.length + 1;
  }
  return `${out.join('\n')}\n`;
}

/** Flow-style steps, each naming the next by id (the shape that made reachability quadratic). */
export function manySteps(bytes) {
  return fill([...HEAD, 'steps:'], (i) => `  - {id: s${i}, activity: Langkah ${i}, actor: ${i % 2 ? 'staf' : 'kasubbag'}, time: 5 menit, next: s${i + 1}}`, bytes).replace(/next: s(\d+)\}\n$/, 'next: end}\n');
}

/** Local-extension keys at the root (the shape that made duplicate-key checking quadratic). */
export function manyKeys(bytes) {
  return fill([...HEAD, 'steps:', '  - {activity: Mulai, actor: staf, time: 5 menit, output: Surat}', '  - {activity: Selesai, actor: staf, time: 5 menit, output: Arsip}'], (i) => `x-k${i}: nilai ${i}`, bytes);
}

/** As many steps as accepted (1,000), each with one long activity text: a file within every limit. */
export function longTexts(bytes) {
  const per = Math.floor((bytes - 400) / 1000) - 60;
  const words = 'Memeriksa kelengkapan berkas permohonan dan mencatatnya dalam buku agenda ';
  const text = words.repeat(Math.ceil(per / words.length)).slice(0, per).trim();
  const steps = Array.from({ length: 1000 }, (_, i) => `  - {id: s${i}, activity: ${text}, actor: staf, time: 5 menit, output: Berkas}`);
  return `${[...HEAD, 'steps:', ...steps].join('\n')}\n`;
}

/** Write `text` to `file`; returns its size in bytes. */
export function write(file, text) {
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}
