/**
 * ancestry.ts must give what the tree's own `parent` walk gives, for every node of a file:
 * clean files, broken ones (ERROR and MISSING nodes), a file of one declaration and no package
 * clause, comments between and inside declarations.
 */
import { describe, expect, it } from 'vitest';
import { ancestors, parentOf, topLevelDeclarationOf, topLevelDeclarations } from '../../src/core/go/ancestry.js';
import { releaseFileMemos } from '../../src/core/go/file-memo.js';
import { parseGo, type SyntaxNode } from '../../src/core/go/parser.js';

const SOURCES: Record<string, string> = {
  clean: `package p

// Doc comment.
import (
	"fmt" // trailing
	"os"
)

type T struct{ a, b int }

var (
	x = T{a: 1}
	y = func() int { var z = 2; return z }
)

func (t *T) M(n int) (r int) {
	for i := 0; i < n; i++ {
		if v := t.a; v > i { r += v } // why
	}
	go func() { fmt.Println(os.Args) }()
	return
}
/* between */ func F() {}`,
  broken: `package p

func f() {
	x := (1 +
	if y {
}

func g( {
	return
`,
  missing: 'package p\nfunc f() { g(1 }\nfunc h() {\n\tx := []int{1, 2\n}\nfunc k() { if x { return }\n',
  noPackage: 'func f() { g(h(1)) }',
  touching: 'package p\nfunc a() {}func b() { c() }\n',
};

/** Every node of the tree, named or not, by a cursor walk. */
function everyNode(root: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const cursor = root.walk();
  for (;;) {
    out.push(cursor.currentNode);
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return out;
  }
}

function parentChain(node: SyntaxNode): number[] {
  const out: number[] = [];
  for (let p = node.parent; p; p = p.parent) out.push(p.id);
  return out;
}

describe('ancestry', () => {
  it.each(Object.keys(SOURCES))('gives the parent walk’s ancestors and top-level declaration for every node (%s)', (name) => {
    const tree = parseGo(SOURCES[name]!);
    const root = tree.rootNode;
    const declarations = new Set(topLevelDeclarations(root).map((d) => d.id));
    const nodes = everyNode(root);
    // Twice: the second pass answers from the chains the first remembered.
    for (let pass = 0; pass < 2; pass++) {
      for (const node of nodes) {
        expect(ancestors(node).map((n) => n.id)).toEqual(parentChain(node));
        expect(parentOf(node)?.id).toBe(node.parent?.id);
        let top: SyntaxNode = node;
        while (top.parent && top.parent.type !== 'source_file') top = top.parent;
        const found = topLevelDeclarationOf(node);
        if (found === undefined) expect(node.startIndex).toBe(node.endIndex);
        else expect(found?.id ?? null).toBe(top.parent && declarations.has(top.id) ? top.id : null);
      }
    }
    releaseFileMemos(root);
  });
});
