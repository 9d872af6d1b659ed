/**
 * Where a node sits in its file: the top-level declaration holding it and the nodes around it.
 *
 * Why not `node.parent`: tree-sitter keeps no parent pointers, so the binding finds a parent by
 * descending from the root, scanning the file's top-level nodes (each doc comment line is one,
 * hundreds in a large file) on every call; walking up k levels pays that k times. Here the
 * top-level declaration comes from the file's declaration list by binary search, and the
 * chain below it from one descent (`childWithDescendant`, the step the binding's own `parent`
 * repeats), remembered for the rest of the file's analysis. The nodes are the ones `parent`
 * gives, in the same order.
 */
import { fileMemo } from './file-memo.js';
import { parseGo, type SyntaxNode } from './parser.js';

const TOP_LEVEL_TYPES: ReadonlySet<string> = new Set([
  'function_declaration',
  'method_declaration',
  'type_declaration',
  'var_declaration',
  'const_declaration',
  'import_declaration',
]);

let typeIds: ReadonlySet<number> | undefined;

/** The grammar's ids of TOP_LEVEL_TYPES (a number per child is cheaper to read than a string). */
function topLevelTypeIds(): ReadonlySet<number> {
  if (!typeIds) {
    const probe = parseGo('package p\nimport "x"\nfunc f() {}\nfunc (T) m() {}\ntype T int\nvar v int\nconst c = 1\n');
    typeIds = new Set(probe.rootNode.namedChildren.filter((n) => TOP_LEVEL_TYPES.has(n.type)).map((n) => n.typeId));
  }
  return typeIds;
}

interface Declarations {
  nodes: SyntaxNode[];
  /** Each declaration's start and end offsets, read on first use (a binary search reads a few). */
  starts: number[];
  ends: number[];
}

function declarationIndex(node: SyntaxNode): Declarations {
  return fileMemo(node, 'top-level-declarations', () => {
    // A cursor over the top level reads each child's type without making a node object of it:
    // only the declarations become nodes, not the comments.
    const nodes: SyntaxNode[] = [];
    const ids = topLevelTypeIds();
    const cursor = node.tree.rootNode.walk();
    if (cursor.gotoFirstChild()) {
      do {
        if (ids.has(cursor.nodeTypeId)) nodes.push(cursor.currentNode);
      } while (cursor.gotoNextSibling());
    }
    return { nodes, starts: new Array<number>(nodes.length).fill(-1), ends: new Array<number>(nodes.length).fill(-1) };
  });
}

/**
 * The file's top-level declarations (its comments, often half the top-level nodes, left out),
 * in order. Read once per file.
 */
export function topLevelDeclarations(root: SyntaxNode): readonly SyntaxNode[] {
  return declarationIndex(root).nodes;
}

/**
 * The top-level declaration holding the node (the node itself when it is one); null when the
 * node lies in none (the package clause, a comment between declarations, a broken top-level
 * ERROR node, the root); undefined when its position cannot tell (an empty, MISSING node on a
 * declaration's edge), and the caller must ask the tree.
 */
export function topLevelDeclarationOf(node: SyntaxNode): SyntaxNode | null | undefined {
  const start = node.startIndex;
  const end = node.endIndex;
  if (start === end) return undefined;
  const index = declarationIndex(node);
  const { nodes, starts, ends } = index;
  // The last declaration starting at or before the node: top-level nodes do not overlap, so
  // only it can hold the node.
  let lo = 0;
  let hi = nodes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < 0) starts[mid] = nodes[mid]!.startIndex;
    if (starts[mid]! <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return null;
  if (ends[found]! < 0) ends[found] = nodes[found]!.endIndex;
  if (end > ends[found]!) return null;
  // Only the root can span a declaration's whole text and not be inside it (a file of one
  // declaration and no package clause).
  if (start === starts[found] && end === ends[found] && node.type === 'source_file') return null;
  return nodes[found]!;
}

/** Each node's parent, as far as descents have found them (the root's is null). */
function knownParents(node: SyntaxNode): Map<SyntaxNode, SyntaxNode | null> {
  return fileMemo(node, 'parents', () => new Map<SyntaxNode, SyntaxNode | null>());
}

/** The node's ancestors, nearest first: its parent, the parent's parent, … the root. */
export function ancestors(node: SyntaxNode): SyntaxNode[] {
  const parents = knownParents(node);
  const out: SyntaxNode[] = [];
  let n = node;
  for (let p = parents.get(n); p !== undefined; p = parents.get(n)) {
    if (p === null) return out;
    out.push(p);
    n = p;
  }
  const path = pathTo(n);
  if (!path) {
    // Not under a declaration, or not found by descent: the tree's own walk up.
    for (let p = n.parent; p; p = p.parent) out.push(p);
    return out;
  }
  parents.set(path[0]!, null);
  for (let i = 1; i < path.length; i++) parents.set(path[i]!, path[i - 1]!);
  parents.set(n, path[path.length - 1]!);
  for (let i = path.length - 1; i >= 0; i--) out.push(path[i]!);
  return out;
}

/** The node's parent (the root's is null), from the chains already found, else the tree's (then remembered). */
export function parentOf(node: SyntaxNode): SyntaxNode | null {
  const parents = knownParents(node);
  let parent = parents.get(node);
  if (parent === undefined) {
    parent = node.parent;
    parents.set(node, parent);
  }
  return parent;
}

/** The chain from the root down to the node's parent, by descent from its top-level declaration; null when there is none. */
function pathTo(node: SyntaxNode): SyntaxNode[] | null {
  const top = topLevelDeclarationOf(node);
  if (!top) return null;
  const root = node.tree.rootNode;
  if (top === node) return [root];
  const id = node.id;
  if (top.id === id) return [root];
  const path = [root, top];
  for (let n = top; ; ) {
    const child = n.childWithDescendant(node);
    if (!child) return null;
    if (child === node || child.id === id) return path;
    path.push(child);
    n = child;
  }
}
