import { describe, expect, it } from 'vitest';
import { escapeMarkdown, inlineHtml, inlineMarkdown } from '../../src/render/inline.js';

describe('inlineHtml', () => {
  it.each([
    ['plain text', 'plain text'],
    ['a *b* **c** `d`', 'a <em>b</em> <strong>c</strong> <code>d</code>'],
    ['[KPU](https://kpu.go.id)', '<a href="https://kpu.go.id" rel="noopener noreferrer">KPU</a>'],
    ['[mail](mailto:a@b.id)', '<a href="mailto:a@b.id" rel="noopener noreferrer">mail</a>'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['[x](javascript:alert(1))', '[x](javascript:alert(1))'],
    ['[x](JaVaScRiPt:alert(1))', '[x](JaVaScRiPt:alert(1))'],
    ['[x](data:text/html,hi)', '[x](data:text/html,hi)'],
    ['[x](file:///etc/passwd)', '[x](file:///etc/passwd)'],
    ['[x](/relative)', '[x](/relative)'],
    ['<javascript:alert(1)>', '&lt;javascript:alert(1)&gt;'],
    ['![logo](file:///etc/passwd)', '![logo](file:///etc/passwd)'],
    ['{{constructor}} </td></table>', '{{constructor}} &lt;/td&gt;&lt;/table&gt;'],
    ['Tom & "Jerry"', 'Tom &amp; &quot;Jerry&quot;'],
    ['&lt;b&gt;', '&lt;b&gt;'],
  ])('%s', (src, html) => expect(inlineHtml(src)).toBe(html));

  it('never emits an image, whatever the URL', () => {
    expect(inlineHtml('![a](https://example.com/a.png)')).not.toContain('<img');
  });
  it('keeps quotes inside an allowed link from breaking the attribute', () => {
    const out = inlineHtml('[x](https://a.id/"onmouseover="alert(1))');
    expect(out).not.toMatch(/"\s*onmouseover=/);
  });
});

describe('inlineMarkdown', () => {
  it.each([
    ['plain text', 'plain text'],
    ['a *b* **c**', 'a *b* **c**'],
    ['a | b', 'a \\| b'],
    ['<script>x</script>', '\\<script\\>x\\</script\\>'],
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['[KPU](https://kpu.go.id)', '[KPU](<https://kpu.go.id>)'],
    ['![i](https://a.id/x.png)', '\\![i](<https://a.id/x.png>)'],
    ['`a|b`', '`a|b`'],
    ['# judul', '\\# judul'],
    ['- butir', '\\- butir'],
    ['1. butir', '1\\. butir'],
  ])('%s', (src, out) => expect(inlineMarkdown(src)).toBe(out));

  it('keeps a table cell on one row', () => {
    expect(inlineMarkdown('a\nb | c', 'cell')).toBe('a<br>b \\| c');
    expect(inlineMarkdown('`x|y`', 'cell')).toBe('`x\\|y`');
  });
  it('escapes every Markdown-significant character of plain text', () => {
    expect(escapeMarkdown('*_[]<>|~`\\$!')).toBe('\\*\\_\\[\\]\\<\\>\\|\\~\\`\\\\\\$\\!');
  });
});
