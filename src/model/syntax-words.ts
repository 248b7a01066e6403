import type { YAMLError } from 'yaml';
import { positionAt } from './locate.js';
import { syntaxWords, type Worded } from './messages.js';

/** A YAML syntax error worded for the person who wrote the file: one per cause, with the fix. */
export interface WordedSyntaxError extends Worded {
  /** Character offsets of the place. */
  start: number;
  end: number;
}

// Indentation (spaces and list dashes) that holds a tab.
const TAB_INDENT = /^(?:[ ]|-(?=[ \t]))*\t/;
// `key: value` on a block line, optionally after list dashes; the value not quoted or bracketed.
const BLOCK_PAIR = /^([ \t]*(?:-[ \t]+)*)([^\s#'"{[\]},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?):[ \t]+([^\s'"{[#|>&*!].*?)[ \t]*(?:[ \t]#.*)?$/;

/** Quote `s` as a YAML double-quoted scalar. */
export function yamlQuote(s: string): string {
  return `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/** The wording of a tab at `line` when `others` (line numbers) have tabs too: up to five are named. */
function tabWords(line: number, others: number[]): Worded {
  if (others.length === 0) return syntaxWords('tab', { line });
  if (others.length === 1) return syntaxWords('tabOther', { line, other: others[0]! });
  if (others.length <= 5) return syntaxWords('tabOthers', { line, others: others.slice(0, -1).join(', '), last: others.at(-1)! });
  return syntaxWords('tabMany', { line, others: others.slice(0, 5).join(', '), more: others.length - 5 });
}

/** Line starts of `text` (LF, CRLF or a lone CR end a line). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** 0-based index of the line holding `offset`. */
const lineIndexAt = (starts: number[], offset: number): number => positionAt(starts, offset).line - 1;

/** A colon and a space inside an unquoted block value: `title: Surat Masuk: Tahap 1`. */
function colonInValue(line: string): { key: string; value: string; at: number } | undefined {
  const m = BLOCK_PAIR.exec(line.replace(/\r$/, ''));
  if (!m) return undefined;
  const value = m[3]!;
  const inner = /:(?=[ \t]|$)/.exec(value);
  if (!inner) return undefined;
  return { key: m[2]!.trim(), value, at: m[1]!.length + m[2]!.length + line.slice(m[1]!.length + m[2]!.length).indexOf(value) };
}

/** The item of a flow collection (`[…]`, `{…}`) around `col` on `line`. */
function flowItem(line: string, col: number): string | undefined {
  let s = col;
  while (s > 0 && !'[{,'.includes(line[s - 1]!)) s--;
  let e = col;
  while (e < line.length && !',]}'.includes(line[e]!)) e++;
  const item = line.slice(s, e).trim();
  return item && /:(?=[ \t]|$)/.test(item) ? item : undefined;
}

/** An unclosed `[`, `{` or quote: reported where it was opened, which is where the fix goes. */
function unclosedAt(text: string, pos: number, msg: string): WordedSyntaxError | undefined {
  const flow = /^Flow (sequence|map) in block collection must be sufficiently indented and end with a ([\]}])/.exec(msg);
  if (flow) {
    const open = flow[2] === ']' ? '[' : '{';
    const at = text.lastIndexOf(open, pos);
    if (at < 0) return undefined;
    return { start: at, end: at + 1, ...syntaxWords(flow[1] === 'sequence' ? 'unclosedList' : 'unclosedMapping') };
  }
  const quote = /^Missing closing (["'])quote/.exec(msg);
  if (quote) {
    const q = quote[1]!;
    let at = text.lastIndexOf(q, Math.min(pos, text.length - 1));
    while (at > 0 && q === '"' && text[at - 1] === '\\') at = text.lastIndexOf(q, at - 1);
    if (at < 0) return undefined;
    return { start: at, end: at + 1, ...syntaxWords('unclosedQuote', { quote: q }) };
  }
  return undefined;
}

/**
 * Turn the parser's errors into one diagnostic per cause. A tab in the indentation is said once, at the
 * first such line, and the errors it sets off after it are dropped; an unquoted colon in a value says to
 * quote the value, showing it; other errors keep the parser's words, one per line.
 */
export function wordSyntaxErrors(text: string, errors: readonly YAMLError[]): WordedSyntaxError[] {
  if (errors.length === 0) return [];
  const starts = lineStarts(text);
  const lineText = (i: number) => text.slice(starts[i]!, i + 1 < starts.length ? starts[i + 1]! : text.length).replace(/\r?\n$|\r$/, '');
  const out: WordedSyntaxError[] = [];

  // Tabs: the parser reports each tab line and then every line it can no longer make sense of.
  const tabLines: number[] = [];
  for (let i = 0; i < starts.length; i++) if (TAB_INDENT.test(lineText(i))) tabLines.push(i);
  const firstTab = tabLines[0];
  const afterTab = (e: YAMLError) => firstTab !== undefined && lineIndexAt(starts, e.pos[0]) >= firstTab;
  if (firstTab !== undefined && errors.some(afterTab)) {
    const col = lineText(firstTab).indexOf('\t');
    const others = tabLines.slice(1).map((i) => i + 1);
    out.push({
      start: starts[firstTab]! + col,
      end: starts[firstTab]! + col + 1,
      ...tabWords(firstTab + 1, others),
    });
  }

  const seenLines = new Set<number>();
  for (const e of errors) {
    if (afterTab(e) && out.length > 0) continue;
    const li = lineIndexAt(starts, e.pos[0]);
    if (seenLines.has(li)) continue;
    seenLines.add(li);
    const line = lineText(li);
    const col = e.pos[0] - starts[li]!;
    if (e.code === 'BLOCK_IN_FLOW' || e.code === 'UNEXPECTED_TOKEN') {
      const item = flowItem(line, col);
      const opener = /[[{](?=[^[{]*$)/.exec(line.slice(0, col))?.[0];
      if (item && opener) {
        // In `{…}` the first colon ends the key; in `[…]` the whole item is one text.
        const kv = opener === '{' ? /^([^:]+):[ \t]+(.*)$/.exec(item) : null;
        const fix = kv ? `${kv[1]!.trim()}: ${yamlQuote(kv[2]!)}` : yamlQuote(item);
        out.push({
          start: e.pos[0],
          end: e.pos[1],
          ...syntaxWords(opener === '[' ? 'colonInList' : kv ? 'secondColonInMapping' : 'colonInMapping', { item, fix }),
        });
        continue;
      }
    }
    if (e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY') {
      const c = colonInValue(line);
      if (c) {
        out.push({
          start: starts[li]! + c.at,
          end: starts[li]! + c.at + c.value.length,
          ...syntaxWords('colonInValue', { key: c.key, quoted: yamlQuote(c.value) }),
        });
        continue;
      }
    }
    const msg = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const unclosed = unclosedAt(text, e.pos[0], msg);
    if (unclosed) {
      out.push(unclosed);
      continue;
    }
    out.push({ start: e.pos[0], end: e.pos[1], ...syntaxWords('syntax', { error: msg }) });
  }
  return out;
}
