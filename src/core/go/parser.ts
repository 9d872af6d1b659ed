/**
 * The one module that knows which tree-sitter binding we use. The native binding
 * (`tree-sitter` + `tree-sitter-go`) parses the Go standard library in about 60% of the time
 * the WebAssembly build takes; it frees a tree only when V8 finalises the wrapper, so callers
 * that parse many files must let the event loop turn between files (see `yieldToEventLoop`).
 */
import { createRequire } from 'node:module';
import type ParserType from 'tree-sitter';
import { DeadlineExceeded, timeLeftMicros } from '../deadline.js';

const require = createRequire(import.meta.url);
const Parser = require('tree-sitter') as typeof ParserType;
const Go = require('tree-sitter-go') as ParserType.Language;

export type SyntaxNode = ParserType.SyntaxNode;
export type Tree = ParserType.Tree;

let parser: ParserType | undefined;

function goParser(): ParserType {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(Go);
  }
  return parser;
}

/**
 * Parses Go source. Never throws on bad Go: errors become ERROR / MISSING nodes. Under a
 * deadline (src/core/deadline.ts) the parse stops at it and throws `DeadlineExceeded`.
 */
export function parseGo(source: string): Tree {
  const p = goParser();
  // tree-sitter's own timeout: the parse returns at the deadline by itself. (Ending its thread
  // instead can abort the whole process: the binding calls back into JavaScript to read the
  // source, and a C++ exception thrown there in a terminated thread is never caught.)
  const left = timeLeftMicros();
  p.setTimeoutMicros(left === undefined ? 0 : Math.max(1, Math.ceil(left)));
  // The binding's default buffer is too small for large files; size it to the input.
  const tree = p.parse(source, undefined, { bufferSize: source.length * 2 + 1024 }) as Tree | null | undefined;
  if (!tree) {
    p.reset(); // or the next parse would resume this one
    throw new DeadlineExceeded();
  }
  return tree;
}

/** Counts ERROR and MISSING nodes: how broken a parse is. */
export function countSyntaxErrors(tree: Tree): number {
  if (!tree.rootNode.hasError) return 0;
  let count = 0;
  const cursor = tree.walk();
  let descend = true;
  for (;;) {
    if (descend) {
      const node = cursor.currentNode;
      if (node.type === 'ERROR' || node.isMissing) count++;
      if (node.hasError && cursor.gotoFirstChild()) continue;
    }
    if (cursor.gotoNextSibling()) {
      descend = true;
      continue;
    }
    if (!cursor.gotoParent()) break;
    descend = false;
  }
  return count;
}

/** Lets the native binding release trees of files already analysed. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
