import { showControls } from './visible.js';

/** Where Markdown text is placed: a table cell must not contain pipes or line breaks. */
export type MdContext = 'cell' | 'block';

/** Escape plain text so Markdown reads every character literally (control characters shown escaped). */
export function escapeMarkdown(text: string, where: MdContext = 'block'): string {
  let s = text
    .replace(/[\\`*_[\]<>|~$!]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '&amp;')
    .replace(/^(\s*)([#>+=-]|\d+[.)])/gm, (_, sp: string, mark: string) => `${sp}${mark.replace(/([#>+=\-.)])$/, '\\$1')}`);
  s = where === 'cell' ? s.replace(/\r?\n/g, '<br>') : s.replace(/\r?\n/g, ' ');
  return showControls(s);
}
