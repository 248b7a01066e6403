// Join the parts of a book that Chromium printed side by side into one PDF, keeping what one print would have
// had: the pages in order, the bookmarks as one tree, the contents' links (named destinations) and the tagged
// structure (one structure tree, its parent tree and ID tree). It reads and writes the classic-xref PDFs Chromium
// (Skia) writes, object by object: the objects of each part are renumbered and copied byte for byte (streams
// untouched), and only the catalog, the outline, the destinations and the roots of the structure tree are made
// anew. A general PDF library parses every object (the structure tree is most of a book's bytes) and took
// several seconds per part; this takes a fraction of one.
import { PdfText, ref } from './outline.js';

/** One printed part of a book. */
export interface PdfPart {
  /** The part's PDF, as Chromium printed it (with an outline, tagged). */
  pdf: Uint8Array;
  /**
   * How many of the part's leading top-level bookmarks (with what they hold) belong under the previous part's
   * last top-level bookmark: SOPs whose unit heading was printed in an earlier part.
   */
  nest: number;
  /**
   * Named destinations that are in this part (anchors of its SOPs), each with the index, in reading order, of
   * the part's bookmark whose destination it takes when Chromium wrote none (no link pointed to it in the part).
   */
  anchors: ReadonlyArray<readonly [name: string, bookmark: number]>;
}

/** A PDF string (with nested parentheses and escapes), a hex string, a reference, or a StructParent(s) key. */
const TOKENS = /\((?:[^()\\]|\\[\s\S]|\((?:[^()\\]|\\[\s\S])*\))*\)|<[0-9A-Fa-f\s]*>|(?<![\w.#/+-])(\d+)\s+(\d+)\s+R(?![\w#])|(\/StructParents?\s+)(\d+)/g;
/** Skips strings while looking for where an object's value ends. */
const BODY_END = /\((?:[^()\\]|\\[\s\S]|\((?:[^()\\]|\\[\s\S])*\))*\)|(stream\r?\n)|(endobj)/g;

/** One object of a part: its number, the text before any stream, and the raw bytes from there to `endobj`. */
interface RawObject {
  num: number;
  body: string;
  /** Offsets in the part of what follows the body (` stream\n…endstream\n`), up to and without `endobj`. */
  tail: [number, number];
}

function objects(pdf: PdfText): RawObject[] {
  const out: RawObject[] = [];
  for (const [num, at] of pdf.offsets) {
    const head = /^\s*\d+\s+\d+\s+obj\s*/.exec(pdf.s.slice(at, at + 40));
    if (!head) throw new Error(`PDF merge: object ${num} not found at ${at}`);
    const start = at + head[0].length;
    BODY_END.lastIndex = start;
    let end = -1;
    let tailEnd = -1;
    for (let m = BODY_END.exec(pdf.s); m; m = BODY_END.exec(pdf.s)) {
      if (m[2]) {
        end = m.index;
        tailEnd = m.index;
        break;
      }
      if (m[1]) {
        end = m.index;
        const body = pdf.s.slice(start, end);
        const length = /\/Length\s+(\d+)\b(?!\s+\d+\s+R)/.exec(body);
        if (!length) throw new Error(`PDF merge: object ${num} has a stream without a direct /Length`);
        const dataEnd = m.index + m[0].length + Number(length[1]);
        tailEnd = pdf.s.indexOf('endobj', dataEnd);
        break;
      }
    }
    if (end < 0 || tailEnd < 0) throw new Error(`PDF merge: object ${num} has no end`);
    out.push({ num, body: pdf.s.slice(start, end), tail: [end, tailEnd] });
  }
  return out;
}

/** The raw value after `/key` in a dictionary's text (a string, an array without strings, or a reference). */
function rawValue(dict: string, key: string): string | undefined {
  const at = new RegExp(`/${key}(?![\\w#])\\s*`).exec(dict);
  if (!at) return undefined;
  const rest = dict.slice(at.index + at[0].length);
  if (rest.startsWith('(') || (rest.startsWith('<') && !rest.startsWith('<<'))) {
    TOKENS.lastIndex = 0;
    const m = TOKENS.exec(rest);
    return m && m.index === 0 ? m[0] : undefined;
  }
  if (rest.startsWith('[')) return rest.slice(0, rest.indexOf(']') + 1);
  return /^\d+\s+\d+\s+R/.exec(rest)?.[0];
}

/** The items of the first array in `text` (up to its closing bracket): numbers, references (`N 0 R`), strings, names, nested arrays (raw). */
function arrayItems(text: string): string[] {
  const items: string[] = [];
  const re = /\s*(?:(\((?:[^()\\]|\\[\s\S]|\((?:[^()\\]|\\[\s\S])*\))*\)|<[0-9A-Fa-f\s]*>|\[[^\]]*\]|\d+\s+\d+\s+R(?![\w#])|[^\s[\]()<>]+)|(\]))/y;
  re.lastIndex = text.indexOf('[') + 1;
  for (let m = re.exec(text); m && !m[2]; m = re.exec(text)) items.push(m[1]!);
  return items;
}

/** Key/value pairs of a number tree (/Nums) or name tree (/Names), walking /Kids. */
function treePairs(pdf: PdfText, node: number, key: 'Nums' | 'Names', out: Array<[string, string]> = [], depth = 0): Array<[string, string]> {
  const dict = pdf.obj(node);
  const at = dict.search(new RegExp(`/${key}\\s*\\[`));
  if (at >= 0) {
    const items = arrayItems(dict.slice(at));
    for (let i = 0; i + 1 < items.length; i += 2) out.push([items[i]!, items[i + 1]!]);
  }
  const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1];
  if (kids && depth < 32) for (const m of kids.matchAll(/(\d+)\s+\d+\s+R/g)) treePairs(pdf, Number(m[1]), key, out, depth + 1);
  return out;
}

/** An outline entry read from a part: raw title and destination, its structure element, its depth. */
interface Bookmark {
  num: number;
  level: number;
  title: string;
  dest?: string;
  se?: string;
}

function bookmarks(pdf: PdfText, first: number | undefined): Bookmark[] {
  const out: Bookmark[] = [];
  const walk = (start: number | undefined, level: number, depth: number) => {
    const seen = new Set<number>();
    for (let n = start; n !== undefined && !seen.has(n) && depth < 64; ) {
      seen.add(n);
      const dict = pdf.obj(n);
      out.push({ num: n, level, title: rawValue(dict, 'Title') ?? '()', dest: rawValue(dict, 'Dest'), se: rawValue(dict, 'SE') });
      walk(ref(dict, 'First'), level + 1, depth + 1);
      n = ref(dict, 'Next');
    }
  };
  walk(first, 1, 0);
  return out;
}

/** The decoded bytes of a PDF string token, for sorting a name tree's keys. */
function stringKey(token: string): string {
  if (token.startsWith('<')) return token.slice(1, -1).replace(/\s+/g, '').replace(/../g, (h) => String.fromCharCode(parseInt(h, 16)));
  return token.slice(1, -1).replace(/\\([0-7]{1,3}|[\s\S])/g, (_, e: string) => (/^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8) & 0xff) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e));
}

/**
 * Merge parts printed by Chromium into one PDF. Every part must be tagged and have an outline (as `page.pdf({
 * outline: true, tagged: true })` prints). Structure element IDs (`node…`, per document) are made unique per part.
 */
export function mergeChromiumPdfs(parts: readonly PdfPart[]): Uint8Array {
  if (parts.length === 1) return parts[0]!.pdf;
  const docs = parts.map((p) => new PdfText(Buffer.from(p.pdf.buffer, p.pdf.byteOffset, p.pdf.byteLength).toString('latin1')));
  let next = 1;
  // Latin-1 text throughout (one character a byte), turned into bytes once at the end.
  const chunks: string[] = [];
  const offsets: number[] = [];
  let size = 0;
  const push = (text: string) => {
    chunks.push(text);
    size += text.length;
  };
  const header = docs[0]!.s.slice(0, docs[0]!.offsets.size ? Math.min(...docs[0]!.offsets.values()) : 0);
  push(header.startsWith('%PDF-') ? header : '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  const write = (num: number, body: string, tail = '\n') => {
    offsets[num] = size;
    push(`${num} 0 obj\n${body}${tail}endobj\n`);
  };

  // The new objects that replace each part's own: catalog, page tree root, outline, destinations, structure roots.
  const catalogNum = next++;
  const pagesNum = next++;
  const outlinesNum = next++;
  const destsNum = next++;
  const structNum = next++;
  const parentTreeNum = next++;
  const idTreeNum = next++;

  const pageRoots: number[] = [];
  const structKids: string[] = [];
  const parentPairs: Array<[number, string]> = [];
  const idPairs: Array<[string, string]> = [];
  const marks: Array<Bookmark & { part: number }> = [];
  const dests = new Map<string, string>();
  const owned = new Map<string, { part: number; bookmark: number }>();
  parts.forEach((p, part) => p.anchors.forEach(([name, bookmark]) => owned.set(name, { part, bookmark })));
  const ownDests: Array<Map<string, string>> = [];
  let keyBase = 0;
  let catalogRest = '';
  let pageCount = 0;
  let infoNew: number | undefined;

  docs.forEach((pdf, part) => {
    const rootNum = ref(pdf.trailer, 'Root');
    if (rootNum === undefined) throw new Error('PDF merge: a part has no catalog');
    const catalog = pdf.obj(rootNum);
    const pagesRoot = ref(catalog, 'Pages');
    const outlineRoot = ref(catalog, 'Outlines');
    const destsObj = ref(catalog, 'Dests');
    const structRoot = ref(catalog, 'StructTreeRoot');
    if (pagesRoot === undefined || outlineRoot === undefined || structRoot === undefined) throw new Error('PDF merge: each part must have pages, an outline and a structure tree');
    const struct = pdf.obj(structRoot);
    const parentTree = ref(struct, 'ParentTree');
    const idTree = ref(struct, 'IDTree');
    const nextKey = Number(/\/ParentTreeNextKey\s+(\d+)/.exec(struct)?.[1] ?? NaN);
    if (parentTree === undefined || !Number.isFinite(nextKey)) throw new Error('PDF merge: a part has no parent tree');
    // Objects made anew are left out of the copy; references to them go to their replacements.
    const redirect = new Map<number, number>([[rootNum, catalogNum], [outlineRoot, outlinesNum], [structRoot, structNum]]);
    if (destsObj !== undefined) redirect.set(destsObj, destsNum);
    const dropTreeAs = (node: number, as: number, depth = 0) => {
      redirect.set(node, as);
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(pdf.obj(node))?.[1];
      if (kids && depth < 32) for (const m of kids.matchAll(/(\d+)\s+\d+\s+R/g)) dropTreeAs(Number(m[1]), as, depth + 1);
    };
    dropTreeAs(parentTree, parentTreeNum);
    if (idTree !== undefined) dropTreeAs(idTree, idTreeNum);
    const partMarks = bookmarks(pdf, ref(pdf.obj(outlineRoot), 'First'));
    // Bookmarks are written anew after the copies.
    for (const b of partMarks) redirect.set(b.num, -1);
    // Info stays the first part's only; other parts' Info dictionaries are not copied.
    const info = ref(pdf.trailer, 'Info');
    const renumber = new Map<number, number>();
    const copied: RawObject[] = [];
    for (const o of objects(pdf)) {
      if (redirect.has(o.num) || (part > 0 && o.num === info)) continue;
      copied.push(o);
      renumber.set(o.num, next++);
    }
    const map = (n: number): number => {
      const r = redirect.get(n);
      if (r !== undefined && r >= 0) return r;
      const c = renumber.get(n);
      if (c === undefined) throw new Error(`PDF merge: reference to object ${n} that is not copied`);
      return c;
    };
    const rename = part === 0 ? undefined : `p${part}`;
    const rewrite = (text: string) =>
      text.replace(TOKENS, (all, num?: string, gen?: string, key?: string, value?: string) => {
        if (num !== undefined) return `${map(Number(num))} ${gen} R`;
        if (key !== undefined) return `${key}${Number(value) + keyBase}`;
        if (rename && /^\(node\d+\)$/.test(all)) return `(${rename}${all.slice(1)}`;
        return all;
      });
    for (const o of copied) {
      let body = rewrite(o.body);
      if (o.num === pagesRoot) body = body.replace(/>>\s*$/, `\n/Parent ${pagesNum} 0 R>>`);
      write(renumber.get(o.num)!, body, pdf.s.slice(o.tail[0], o.tail[1]));
    }
    if (part === 0 && info !== undefined) infoNew = renumber.get(info);
    pageRoots.push(map(pagesRoot));
    pageCount += Number(/\/Count\s+(\d+)/.exec(pdf.obj(pagesRoot))?.[1] ?? 0);
    const k = rawValue(struct, 'K');
    if (k) structKids.push(...(k.startsWith('[') ? arrayItems(k) : [k]).map(rewrite));
    for (const [key, value] of treePairs(pdf, parentTree, 'Nums')) parentPairs.push([Number(key) + keyBase, rewrite(value)]);
    if (idTree !== undefined) for (const [key, value] of treePairs(pdf, idTree, 'Names')) idPairs.push([rewrite(key), rewrite(value)]);
    const own = new Map<string, string>();
    if (destsObj !== undefined) {
      const d = pdf.obj(destsObj);
      for (const m of d.matchAll(/\/([^\s/[\]()<>{}%]+)\s*(\[[^\]]*\])/g)) own.set(m[1]!, rewrite(m[2]!));
    }
    ownDests.push(own);
    for (const b of partMarks) marks.push({ ...b, part, dest: b.dest && rewrite(b.dest), se: b.se && rewrite(b.se), level: b.level });
    // Leading top-level bookmarks that continue the previous part's last entry go one level down.
    let top = 0;
    for (let i = marks.length - partMarks.length; i < marks.length; i++) {
      const b = marks[i]!;
      if (b.level === 1) top++;
      if (part > 0 && top <= parts[part]!.nest) b.level++;
    }
    if (part === 0) catalogRest = catalog.replace(/^\s*\d+\s+\d+\s+obj\s*/, '').replace(/\/(Pages|Dests|StructTreeRoot|Outlines)\s+\d+\s+\d+\s+R/g, '').replace(/^\s*<<|>>\s*$/g, '');
    keyBase += nextKey;
  });

  // Destinations: each anchor from the part that holds it (Chromium writes one even for an anchor that is not in
  // the part when a link there points to it); one the part did not write takes its bookmark's.
  const partStart: number[] = [];
  marks.forEach((b, i) => {
    if (partStart[b.part] === undefined) partStart[b.part] = i;
  });
  ownDests.forEach((own) => own.forEach((v, name) => !owned.has(name) && !dests.has(name) && dests.set(name, v)));
  for (const [name, { part, bookmark }] of owned) {
    const dest = ownDests[part]!.get(name) ?? marks[(partStart[part] ?? 0) + bookmark]?.dest;
    if (dest) dests.set(name, dest);
  }

  // The outline, written anew from the levels.
  const nums = marks.map(() => next++);
  const parent: number[] = [];
  const children = new Map<number, number[]>();
  const stack: number[] = [];
  marks.forEach((b, i) => {
    while (stack.length >= b.level) stack.pop();
    const p = stack.length ? stack[stack.length - 1]! : -1;
    parent[i] = p;
    children.set(p, [...(children.get(p) ?? []), i]);
    stack.push(i);
  });
  const descendants = (i: number): number => (children.get(i) ?? []).reduce((n, c) => n + 1 + descendants(c), 0);
  marks.forEach((b, i) => {
    const siblings = children.get(parent[i]!)!;
    const at = siblings.indexOf(i);
    const kids = children.get(i);
    const lines = [
      `/Title ${b.title}`,
      b.dest ? `/Dest ${b.dest}` : '',
      `/Parent ${parent[i]! < 0 ? outlinesNum : nums[parent[i]!]} 0 R`,
      b.se ? `/SE ${b.se}` : '',
      at > 0 ? `/Prev ${nums[siblings[at - 1]!]} 0 R` : '',
      at < siblings.length - 1 ? `/Next ${nums[siblings[at + 1]!]} 0 R` : '',
      kids ? `/First ${nums[kids[0]!]} 0 R\n/Last ${nums[kids[kids.length - 1]!]} 0 R\n/Count ${descendants(i)}` : '',
    ];
    write(nums[i]!, `<<${lines.filter(Boolean).join('\n')}>>`);
  });
  const tops = children.get(-1) ?? [];
  write(outlinesNum, `<</Type /Outlines${tops.length ? `\n/First ${nums[tops[0]!]} 0 R\n/Last ${nums[tops[tops.length - 1]!]} 0 R\n/Count ${marks.length}` : ''}>>`);

  write(pagesNum, `<</Type /Pages\n/Count ${pageCount}\n/Kids [${pageRoots.map((n) => `${n} 0 R`).join(' ')}]>>`);
  write(destsNum, `<<${[...dests].map(([name, d]) => `/${name} ${d}`).join('\n')}>>`);
  write(structNum, `<</Type /StructTreeRoot\n/K [${structKids.join(' ')}]\n/ParentTreeNextKey ${keyBase}\n/ParentTree ${parentTreeNum} 0 R\n/IDTree ${idTreeNum} 0 R>>`);
  write(parentTreeNum, `<</Type /ParentTree\n/Nums [${parentPairs.map(([k, v]) => `${k} ${v}`).join(' ')}]>>`);
  idPairs.sort(([a], [b]) => {
    const x = stringKey(a);
    const y = stringKey(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  write(idTreeNum, `<</Names [${idPairs.map(([k, v]) => `${k} ${v}`).join(' ')}]>>`);
  write(catalogNum, `<</Type /Catalog\n/Pages ${pagesNum} 0 R\n/Dests ${destsNum} 0 R\n/StructTreeRoot ${structNum} 0 R\n/Outlines ${outlinesNum} 0 R${catalogRest.replace(/\/Type\s*\/Catalog/, '')}>>`);

  const xrefAt = size;
  const lines = ['xref', `0 ${next}`, '0000000000 65535 f '];
  for (let n = 1; n < next; n++) {
    const at = offsets[n];
    if (at === undefined) throw new Error(`PDF merge: object ${n} was not written`);
    lines.push(`${String(at).padStart(10, '0')} 00000 n `);
  }
  push(`${lines.join('\n')}\ntrailer\n<</Size ${next}\n/Root ${catalogNum} 0 R${infoNew !== undefined ? `\n/Info ${infoNew} 0 R` : ''}>>\nstartxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.from(chunks.join(''), 'latin1');
}
