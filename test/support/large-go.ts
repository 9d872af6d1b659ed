/**
 * Large inputs for the slow-file tests and the bench, written here (no copied code): a long
 * multi-line Go file, the same kind of code minified onto one line, and bytes that are not Go.
 */

/** One function of ordinary Go (loops, maps, calls, a comment), numbered. */
function unit(n: number): string[] {
  return [
    `// total${n} adds the values of the keys it is given.`,
    `func total${n}(keys []string, values map[string]int) int {`,
    `\tsum := 0`,
    `\tfor _, k := range keys {`,
    `\t\tif v, ok := values[k]; ok {`,
    `\t\t\tsum += v`,
    `\t\t}`,
    `\t}`,
    `\tout := []int{}`,
    `\tfor i := 0; i < sum; i++ {`,
    `\t\tout = append(out, i*${n})`,
    `\t}`,
    `\treturn sum + len(out)`,
    `}`,
    ``,
  ];
}

/** A gofmt-style Go file of about `bytes` bytes. */
export function multiLineGo(bytes: number): string {
  const out = ['package big', ''];
  let size = 14;
  for (let n = 0; size < bytes; n++) {
    const lines = unit(n);
    out.push(...lines);
    size += lines.join('\n').length + 1;
  }
  return out.join('\n');
}

/** The same kind of code on one line (as a minifier would leave it), about `bytes` bytes. */
export function oneLineGo(bytes: number): string {
  const parts = ['package big;'];
  let size = parts[0]!.length;
  for (let n = 0; size < bytes; n++) {
    const part = unit(n)
      .filter((l) => !l.startsWith('//') && l !== '')
      .map((l) => l.trim())
      .map((l) => (l.endsWith('{') ? l : `${l};`))
      .join(' ');
    parts.push(part);
    size += part.length + 1;
  }
  return `${parts.join(' ')}\n`;
}

/** About `bytes` bytes of punctuation and words that do not parse as Go, on many short lines. */
export function syntaxJunk(bytes: number): string {
  const pieces = ['{{ ((', ']] ;;', 'func (', ':= <-', 'map[[', '} else {', '"x" ++', 'for range (', ')) }}', 'go go go'];
  const out: string[] = ['package junk'];
  let size = 13;
  for (let n = 0; size < bytes; n++) {
    const line = `${pieces[n % pieces.length]} ${pieces[(n * 7) % pieces.length]} x${n}`;
    out.push(line);
    size += line.length + 1;
  }
  return out.join('\n');
}
