/** Which files are reviewed at all: Go sources that people wrote. */

/** `vendor/` anywhere in the path: third-party code copied in, not reviewed. */
export function isVendored(path: string): boolean {
  return path.startsWith('vendor/') || path.includes('/vendor/');
}

export function isGoFile(path: string): boolean {
  return path.endsWith('.go');
}

const GENERATED = /^\/\/ Code generated .* DO NOT EDIT\.$/m;

/**
 * Go's convention (go help generate): a line `// Code generated … DO NOT EDIT.` before the
 * package clause marks a generated file.
 */
export function isGenerated(source: string): boolean {
  const pkg = /^package\s/m.exec(source);
  const head = pkg ? source.slice(0, pkg.index) : source.slice(0, 4096);
  return GENERATED.test(head.replace(/\r\n/g, '\n'));
}

/** A NUL byte in the first 8 KiB: not text. */
export function looksBinary(source: string): boolean {
  return source.slice(0, 8192).includes('\u0000');
}

/** The length of the source's longest line (minified or generated code has very long ones). */
export function longestLine(source: string): number {
  let longest = 0;
  let start = 0;
  for (let end = source.indexOf('\n'); ; end = source.indexOf('\n', start)) {
    const stop = end === -1 ? source.length : end;
    longest = Math.max(longest, stop - start);
    if (end === -1) return longest;
    start = end + 1;
  }
}
