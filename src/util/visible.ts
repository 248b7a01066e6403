// Control characters (ESC, BEL, CR, DEL, the C1 set) and invisible direction overrides from an SOP's values
// must never reach a terminal or a viewer as themselves: ESC starts colour and cursor sequences, CR moves
// back over what was printed, U+202E reverses the text shown. Every human-facing output shows them escaped.
// Tab and line feed are left to the caller, which lays lines out (a table cell, a one-line message).

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const CONTROLS = new RegExp(CONTROL.source, 'g');

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).padStart(width, '0');

/** `s` with every control character shown as an escape (`\x1b`, `\x07`, `\u202e`); tab and line feed kept. */
export function showControls(s: string): string {
  if (!CONTROL.test(s)) return s;
  return s.replace(CONTROLS, (c) => (c.charCodeAt(0) < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}
