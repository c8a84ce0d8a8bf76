// Control characters (C0, DEL, C1) and the Unicode controls that reorder or hide text (bidi
// overrides and isolates, zero-width joiners, line and paragraph separators). A record is data
// from anywhere: printed raw, it could clear the screen or print a fake "all valid".
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Text safe to print on a terminal: every control character written as a visible escape (`\u001b`).
 *
 * @example
 * ```ts
 * printable('a\u001b[2Jb'); // 'a\\u001b[2Jb'
 * ```
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
