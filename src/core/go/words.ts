/**
 * Finding an identifier in source text without a regular expression: `indexOf`, then a look at
 * the characters on either side. Far cheaper than a Unicode-aware pattern built per name.
 */

/** Offsets in `text` (before `end`) where `word` stands as a whole identifier. */
export function* wordOffsets(text: string, word: string, end = text.length): Generator<number> {
  if (word.length === 0) return;
  for (let i = text.indexOf(word); i >= 0 && i + word.length <= end; i = text.indexOf(word, i + 1)) {
    if (!isIdentifierChar(text.charCodeAt(i - 1)) && !isIdentifierChar(text.charCodeAt(i + word.length))) yield i;
  }
}

/**
 * Whether `word` stands as a whole identifier in `text` before `end` somewhere it could be
 * declared: not as the operand of a selector (`os.Open`: a name followed by `.` is a use).
 */
export function mayDeclareWord(text: string, word: string, end = text.length): boolean {
  for (const i of wordOffsets(text, word, end)) {
    let j = i + word.length;
    while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
    if (text.charCodeAt(j) !== 46 || text.charCodeAt(j + 1) === 46) return true; // not `.`, or `...`
  }
  return false;
}

/**
 * Letters, digits and `_`. Any non-ASCII character counts as a letter: in Go code it can only be
 * part of an identifier (elsewhere it is in a string or comment, where no node is looked for).
 */
function isIdentifierChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}
