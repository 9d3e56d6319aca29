/** The first code point after the surrogates, which UTF-8 text cannot hold. */
const AFTER_SURROGATES = 0xe000;
const SURROGATES = { first: 0xd800, last: 0xdfff };
const LAST_CODE_POINT = 0x10ffff;

/**
 * The smallest text above every text that starts with `prefix`, in byte order (text_pattern_ops,
 * which is code point order in UTF-8): the prefix with its last character replaced by the next
 * one. `col ~>=~ prefix AND col ~<~ bound` is then a prefix match that a prepared statement's
 * generic plan can still answer from a text_pattern_ops index (LIKE needs the pattern's value at
 * planning time). Undefined when no such text exists (a prefix of only U+10FFFF characters).
 */
export function prefixUpperBound(prefix: string): string | undefined {
  const chars = [...prefix];
  while (chars.length > 0) {
    const last = chars.pop()!.codePointAt(0)!;
    if (last === LAST_CODE_POINT) continue;
    const next = last + 1 >= SURROGATES.first && last + 1 <= SURROGATES.last ? AFTER_SURROGATES : last + 1;
    return chars.join('') + String.fromCodePoint(next);
  }
  return undefined;
}
