import { readFileSync } from 'node:fs';
import type { Config } from '../../config/types.js';
import { resolveInside } from '../../util/inside.js';
import { ConfigError } from '../../util/errors.js';
import { safeMarkdownIt } from '../inline.js';

// The SOP renderer's safety rules, for whole pages (same-document anchors allowed).
const md = safeMarkdownIt({ anchors: true });
// Headings of a book page are styled text, not outline entries: the PDF outline lists units and SOPs.
md.renderer.rules.heading_open = (tokens, idx) => `<p class="md-${tokens[idx]!.tag}">`;
md.renderer.rules.heading_close = () => '</p>\n';

/**
 * A book page written in Markdown, as safe HTML. A paragraph that is bold text alone (the number, "TENTANG",
 * the subject of a decision) is centred, as on a Keputusan; one ending in a colon ("Menimbang:") stays a label.
 */
export function markdownPage(text: string): string {
  return md.render(text).replace(/<p><strong>([^<]*[^<:\s])<\/strong><\/p>/g, '<p class="md-center"><strong>$1</strong></p>');
}

/** Read the Markdown pages named in the config (`book.pages`, relative to the repository root). */
export function readBookPages(config: Config): Array<{ file: string; html: string; text: string }> {
  return config.book.pages.map((rel, i) => {
    const at = config.where ? `${config.where(['book', 'pages', i])} ` : '';
    // The real file, inside the repository: a page committed as a symlink to an outside file is refused.
    const abs = resolveInside(config.root, rel, { where: config.where?.(['book', 'pages', i]), what: `book.pages[${i}]` });
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch (e) {
      throw new ConfigError(`${at}book.pages: cannot read ${rel} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, {
        id: 'config.bookPageUnreadable',
        data: { at, file: rel, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message },
      });
    }
    return { file: rel, html: markdownPage(text), text };
  });
}

/** Turn the headings of rendered SOP HTML into styled blocks so they stay out of the book's outline. */
export function demoteHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-6])\b([^>]*)>/gi, (_, close: string, n: string, rest: string) =>
    close ? '</div>' : `<div class="demoted-h${n}"${rest}>`,
  );
}
