import { FUNCTION_TYPES } from '../../core/go/functions.js';
import { enclosingLoop, loopHeader } from '../../core/go/loops.js';
import { packageCallSites } from '../../core/go/packages.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration, typeOfExpression } from '../../core/go/scope.js';
import { rootIdentifier, selectorParts } from '../../core/go/selectors.js';
import { costAcknowledged, declarationAcknowledged, guardedBySmallSize, isArray, isSmallConstant, isSmallConstantLoop } from '../../core/go/size-evidence.js';
import { assignedIn, blockStatements, callArguments, conjuncts, identifiersIn, textContains, unparen, within } from '../../core/go/syntax.js';
import { defineRule } from '../define-rule.js';

const SLICES_PATHS = ['slices', 'golang.org/x/exp/slices'];

/** A collection's root variable is found through fields, indexes and slicing: `s.rows[i][:n]`. */
const ELEMENT_ACCESS: ReadonlySet<string> = new Set(['selector_expression', 'index_expression', 'slice_expression']);
const SEARCHES = ['Contains', 'Index'];
const COLLECTION_TYPES = new Set(['identifier', 'selector_expression', 'slice_expression']);

/** Whether some identifier in `expr` is declared inside `loop` (so its value changes per iteration) but outside `except`. */
function variesWith(expr: SyntaxNode, loop: SyntaxNode, except: SyntaxNode | null): boolean {
  for (const id of identifiersIn(expr)) {
    const decl = findDeclaration(id, id.text);
    if (decl && within(decl.id, loop) && !(except && within(decl.id, except))) return true;
  }
  return false;
}

type Verdict = 'fixed' | 'growing' | null;

/**
 * Whether `collection`, searched inside `loop`, is the same for every iteration ('fixed'), grows
 * inside the loop ('growing': a slice used as a seen-set), or neither / too small to matter (null).
 */
function searchedCollection(collection: SyntaxNode, loop: SyntaxNode, search: SyntaxNode, source: string): Verdict {
  const c = unparen(collection);
  if (!COLLECTION_TYPES.has(c.type)) return null;
  const root = rootIdentifier(c, ELEMENT_ACCESS);
  if (!root) return null;
  const decl = findDeclaration(root, root.text);
  if (decl && within(decl.id, loop)) return null;
  // Mentions of per-iteration values (`rows[i]`, `xs[:n]` with n changing) make it vary.
  if (variesWith(c, loop, null)) return null;
  const type = c.type === 'slice_expression' ? null : typeOfExpression(c);
  if (type && ['string', 'map', 'chan', 'int', 'func'].includes(type.kind)) return null;
  const whole = c.type === 'slice_expression' ? unparen(c.childForFieldName('operand')!) : c;
  if (isSmallConstant(whole) || isArray(whole)) return null;
  const header = loopHeader(loop);
  if (header?.collection && header.collection.text === c.text) return null;
  if (isSmallConstantLoop(loop)) return null;
  const subject = c.text.replace(/\s/g, '');
  if (guardedBySmallSize(search, [subject]) || declarationAcknowledged(root, source)) return null;
  const body = loop.childForFieldName('body');
  if (!body) return null;
  if (c.type !== 'slice_expression' && assignedIn(body, c.text)) return 'growing';
  if (identifiersIn(c).some((id) => assignedIn(body, id.text))) return null;
  return 'fixed';
}

function message(collection: string, verdict: Exclude<Verdict, null>, what: string): string {
  if (verdict === 'growing') {
    return `${what} scans \`${collection}\` on every iteration while the enclosing loop appends to it: O(n²); if it can grow large, keep a \`map[T]struct{}\` of the values added and test that.`;
  }
  return `${what} scans \`${collection}\` on every iteration of the enclosing loop: O(n·m); if both can be large, build a \`map[T]struct{}\` of \`${collection}\` once before the loop for O(n+m).`;
}

/** The inner loop's element bindings: the value variable, or `B[j]` for an index. */
interface InnerLoop {
  collection: SyntaxNode;
  index: string | null;
  value: string | null;
}

function innerLoopShape(loop: SyntaxNode): InnerLoop | null {
  const h = loopHeader(loop);
  if (!h) return null;
  if (h.kind === 'range') return { collection: h.collection!, index: h.index?.text ?? null, value: h.value?.text ?? null };
  // for j := 0; j < len(B); j++
  if (h.init?.text !== '0' || h.operator !== '<' || !h.bound) return null;
  const bound = unparen(h.bound);
  if (bound.type !== 'call_expression' || bound.childForFieldName('function')?.text !== 'len') return null;
  const arg = callArguments(bound)[0];
  return arg ? { collection: unparen(arg), index: h.index!.text, value: null } : null;
}

/** Whether `side` reads the inner loop's element (its value variable, an alias, or `B[j]`) and uses `j` no other way. */
function readsElement(side: SyntaxNode, inner: InnerLoop, aliases: ReadonlySet<string>): boolean {
  let reads = false;
  for (const id of identifiersIn(side)) {
    if (id.text === inner.value || aliases.has(id.text)) {
      reads = true;
    } else if (inner.index !== null && id.text === inner.index) {
      const ix = id.parent;
      const element =
        ix?.type === 'index_expression' &&
        ix.childForFieldName('index')?.id === id.id &&
        ix.childForFieldName('operand')?.text === inner.collection.text;
      if (!element) return false;
      reads = true;
    }
  }
  return reads;
}

/**
 * A value a map could be keyed by: `e`, `e.Name`, `b[j].ID`, `e.Key()` — not `re.MatchString(x)`,
 * whose result depends on the other side.
 */
function keyLike(node: SyntaxNode): boolean {
  const n = unparen(node);
  switch (n.type) {
    case 'identifier':
      return true;
    case 'selector_expression':
      return keyLike(n.childForFieldName('operand')!);
    case 'index_expression':
      return keyLike(n.childForFieldName('operand')!) && keyLike(n.childForFieldName('index')!);
    case 'call_expression': {
      const fn = n.childForFieldName('function');
      return callArguments(n).length === 0 && fn?.type === 'selector_expression' && keyLike(fn);
    }
    default:
      return false;
  }
}

function mentionsInner(side: SyntaxNode, inner: InnerLoop, aliases: ReadonlySet<string>): boolean {
  return identifiersIn(side).some((id) => id.text === inner.value || id.text === inner.index || aliases.has(id.text));
}

const LEAVING = new Set(['break_statement', 'return_statement', 'goto_statement']);

/** A match handler: leaves the loop (`break`, `return`, `continue outer`), or only records (`found = true`). */
function recordsMatch(block: SyntaxNode | null): boolean {
  const stmts = blockStatements(block);
  const last = stmts[stmts.length - 1];
  if (!last) return false;
  if (LEAVING.has(last.type)) return true;
  if (last.type === 'continue_statement') return last.namedChildCount > 0;
  return stmts.every((s) => {
    if (s.type !== 'assignment_statement' || s.childForFieldName('operator')?.text !== '=') return false;
    const right = s.childForFieldName('right')?.namedChildren ?? [];
    return right.every((r) => ['true', 'false', 'int_literal', 'identifier', 'nil'].includes(r.type));
  });
}

/** The membership test of an inner loop: `if elem == outerValue { found = true; break }`. */
function membershipTest(loop: SyntaxNode, inner: InnerLoop, outer: SyntaxNode): SyntaxNode | null {
  const stmts = blockStatements(loop.childForFieldName('body'));
  const test = stmts[stmts.length - 1];
  if (test?.type !== 'if_statement' || test.childForFieldName('alternative')) return null;
  const aliases = new Set<string>();
  for (const s of stmts.slice(0, -1)) {
    if (s.type !== 'short_var_declaration') return null;
    const left = s.childForFieldName('left')?.namedChildren ?? [];
    const right = s.childForFieldName('right')?.namedChildren ?? [];
    if (left.length !== 1 || right.length !== 1 || !readsElement(right[0]!, inner, aliases)) return null;
    aliases.add(left[0]!.text);
  }
  const consequence = test.childForFieldName('consequence');
  if (!recordsMatch(consequence)) return null;
  // Recording where the match is (`pos = j`) or removing it (`xs = append(xs[:j], …)`) is a
  // lookup or a removal, not a membership test.
  if (consequence && inner.index !== null && identifiersIn(consequence).some((id) => id.text === inner.index)) return null;
  if (consequence && assignedIn(consequence, inner.collection.text)) return null;
  const cond = test.childForFieldName('condition');
  if (!cond) return null;
  let match: SyntaxNode | null = null;
  for (const c of conjuncts(cond)) {
    if (c.type !== 'binary_expression' || c.childForFieldName('operator')?.text !== '==') return null;
    const l = c.childForFieldName('left')!;
    const r = c.childForFieldName('right')!;
    for (const [mine, theirs] of [
      [l, r],
      [r, l],
    ] as const) {
      if (match) break;
      if (
        keyLike(mine) &&
        readsElement(mine, inner, aliases) &&
        !variesWith(mine, outer, loop) &&
        !mentionsInner(theirs, inner, aliases) &&
        variesWith(theirs, outer, loop)
      ) {
        match = c;
      }
    }
  }
  return match;
}

export default defineRule({
  id: 'nested-linear-search',
  title: 'Build a set instead of searching a slice inside a loop',
  section: 'Big-O Awareness and Algorithm Selection (go-perfbook)',
  severity: 'warning',
  minGo: '1.0',
  fixable: false,
  tier: 'advisory',
  subjects: ['linear', 'small', 'few', 'handful', 'allocat'],
  description:
    'A membership test inside a loop — an inner loop over `b` that compares each element with the ' +
    "outer loop's value and breaks, returns or sets a flag, or `slices.Contains(b, x)` / `slices.Index(b, x)` " +
    'called on every iteration — scans `b` once per outer element: O(n·m). Building a `map[T]struct{}` ' +
    'of `b` once before the loop makes each test O(1) and the whole O(n+m). A slice that the loop itself ' +
    'appends to and searches (a "seen" list) is the O(n²) case of the same mistake. Small constant ' +
    'literals, arrays, and code under an explicit small-size guard are left alone: scanning a handful of ' +
    'elements is faster than hashing.',
  examples: {
    incorrect: `
import "slices"

func allowedUsers(users []string, allowed []string) []string {
	var out []string
	for _, u := range users {
		if slices.Contains(allowed, u) {
			out = append(out, u)
		}
	}
	return out
}
`,
    correct: `
func allowedUsers(users []string, allowed []string) []string {
	set := make(map[string]struct{}, len(allowed))
	for _, a := range allowed {
		set[a] = struct{}{}
	}
	var out []string
	for _, u := range users {
		if _, ok := set[u]; ok {
			out = append(out, u)
		}
	}
	return out
}
`,
  },
  notes: `Advisory: the code rarely shows whether the scanned slice holds thousands of keys or a handful of peers,
options or already-seen IDs (on the labelled corpus even the self-grown "seen" lists were mostly small). Only membership
tests count: \`slices.Index\` for a position, and inner loops that record the match's index or remove it, are not
reported.

"Small" means a literal of at most 16 elements (or an array): below that a scan beats hashing, as the
standard's own size-aware \`searchStrategy\` says. Also left alone: a searched slice that depends on the outer element
(\`x.Children\`), a compared value that does not change with the outer loop (hoist the search instead), inner loops
that count or aggregate every match (a join), and searches under a comment that says the linear scan is deliberate.`,
  create(context) {
    // Advisory: the scanned slice is usually a handful of peers, options, states or already-seen
    // IDs, which syntax cannot tell from a large one (on the corpus even the self-grown "seen"
    // lists were mostly a few elements).
    const report = (node: SyntaxNode, anchor: SyntaxNode, collection: SyntaxNode, verdict: Exclude<Verdict, null>, what: string): void => {
      context.report({ node, anchor, message: message(collection.text, verdict, what), tier: 'advisory' });
    };
    const checkCall = (call: SyntaxNode, pkg: string): void => {
      const sel = selectorParts(call.childForFieldName('function'));
      if (!sel || sel.operand.text !== pkg || findDeclaration(call, pkg)) return;
      const args = callArguments(call);
      if (args.length !== 2) return;
      // `slices.Index` for a position (a rank, a removal) is not a membership test.
      if (sel.field === 'Index' && !comparedWithNotFound(call)) return;
      const loop = enclosingLoop(call);
      if (!loop || !variesWith(args[1]!, loop, null)) return;
      const verdict = searchedCollection(args[0]!, loop, call, context.source);
      if (!verdict || costAcknowledged(statementHolding(call), context.source)) return;
      report(call, call, unparen(args[0]!), verdict, `\`${pkg}.${sel.field}\``);
    };
    return {
      // slices.Contains / slices.Index calls are found from the text: files that never write `slices.` cost nothing.
      $end() {
        for (const path of SLICES_PATHS) {
          const pkg = context.imports().get(path);
          if (pkg) for (const call of packageCallSites(context.root, context.source, pkg, SEARCHES)) checkCall(call, pkg);
        }
      },
      for_statement(loop) {
        // Cheapest test first: an equality somewhere in the loop (a text scan, no native calls).
        if (!textContains(context.source, loop, '==')) return;
        // Then a cheap shape check (few native calls): the body ends in an `if`, after at most a few aliases.
        const body = loop.lastNamedChild;
        const list = body?.type === 'block' ? body.lastNamedChild : null;
        if (list?.type !== 'statement_list' || list.namedChildCount > 4) return;
        const last = list.lastNamedChild;
        if (last?.type !== 'if_statement' && last?.type !== 'comment') return;
        const outer = enclosingLoop(loop);
        if (!outer) return;
        const inner = innerLoopShape(loop);
        if (!inner) return;
        const test = membershipTest(loop, inner, outer);
        if (!test) return;
        const verdict = searchedCollection(inner.collection, outer, loop, context.source);
        if (!verdict || costAcknowledged(loop, context.source) || costAcknowledged(outer, context.source)) return;
        report(loop, test, inner.collection, verdict, 'This loop');
      },
    };
  },
});

/** `slices.Index(…) >= 0`, `== -1`, `< 0` …: the position only answers "is it there". */
function comparedWithNotFound(call: SyntaxNode): boolean {
  let n = call;
  while (n.parent?.type === 'parenthesized_expression') n = n.parent;
  const cmp = n.parent;
  if (cmp?.type !== 'binary_expression') return false;
  const other = cmp.childForFieldName('left')?.id === n.id ? cmp.childForFieldName('right') : cmp.childForFieldName('left');
  const value = other?.text.replace(/\s/g, '');
  return value === '-1' || value === '0';
}

/** The statement holding an expression (for comments written above it). */
function statementHolding(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent && n.parent.type !== 'statement_list' && n.parent.type !== 'block' && !FUNCTION_TYPES.has(n.parent.type)) n = n.parent;
  return n;
}
