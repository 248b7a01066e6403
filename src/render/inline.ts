import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { showControls } from '../util/visible.js';
import { escapeHtml } from './format.js';
import { escapeMarkdown, type MdContext } from '../util/md-escape.js';

/** Only these link schemes survive; anything else stays literal text. */
const SAFE_LINK = /^(https?:|mailto:)/i;

/**
 * A markdown-it with the safety rules of every text sopkit renders: raw HTML off, no autolinking
 * of bare text, no images (nothing may cause a request), links only to http, https and mailto
 * (and same-document `#anchors` where `anchors` is set); anything else stays literal text.
 */
export function safeMarkdownIt(opts: { anchors?: boolean } = {}): MarkdownIt {
  const safeLink = opts.anchors ? /^(https?:|mailto:|#)/i : SAFE_LINK;
  const it = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
  it.disable(['image']);
  it.validateLink = (url: string) => safeLink.test(url.trim());
  const defaultLinkOpen = it.renderer.rules.link_open;
  it.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    tokens[idx]!.attrSet('rel', 'noopener noreferrer');
    return defaultLinkOpen ? defaultLinkOpen(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
  return it;
}

const md = safeMarkdownIt();

/** Characters that can start inline Markdown or raw HTML; text without them is escaped directly. */
const MARKUP = /[\\`*_[\]<>&~!\n\r\u0000]/;

/** SOP text with inline Markdown (emphasis, code, http/https/mailto links) as safe HTML. */
export function inlineHtml(text: unknown): string {
  const s = text === undefined || text === null ? '' : String(text);
  if (!MARKUP.test(s)) return escapeHtml(s);
  return md.renderInline(s);
}

export { escapeMarkdown, type MdContext } from '../util/md-escape.js';

function codeSpan(content: string, where: MdContext): string {
  const body = where === 'cell' ? content.replace(/\|/g, '\\|') : content;
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${showControls(body.replace(/\r?\n/g, ' '))}${pad}${fence}`;
}

function serialize(tokens: Token[], where: MdContext): string {
  let out = '';
  const hrefs: string[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
        out += escapeMarkdown(t.content, where);
        break;
      case 'softbreak':
      case 'hardbreak':
        out += where === 'cell' ? '<br>' : ' ';
        break;
      case 'code_inline':
        out += codeSpan(t.content, where);
        break;
      case 'em_open':
      case 'em_close':
        out += '*';
        break;
      case 'strong_open':
      case 'strong_close':
        out += '**';
        break;
      case 's_open':
      case 's_close':
        out += '~~';
        break;
      case 'link_open':
        hrefs.push(t.attrGet('href') ?? '');
        out += SAFE_LINK.test(hrefs[hrefs.length - 1]!) ? '[' : '\\[';
        break;
      case 'link_close': {
        const href = hrefs.pop() ?? '';
        out += SAFE_LINK.test(href) ? `](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)` : '\\]';
        break;
      }
      default:
        out += escapeMarkdown(t.content, where);
    }
  }
  return out;
}

/** SOP text with inline Markdown re-written as safe Markdown (no HTML, no images, safe links only). */
export function inlineMarkdown(text: unknown, where: MdContext = 'block'): string {
  const s = text === undefined || text === null ? '' : String(text);
  if (!MARKUP.test(s) && !/[|$#>+=\-.)]/.test(s)) return showControls(s);
  const tokens = md.parseInline(s, {})[0]?.children ?? [];
  return serialize(tokens, where);
}
