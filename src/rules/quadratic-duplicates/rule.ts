import { FUNCTION_TYPES } from '../../core/go/functions.js';
import { enclosingLoop, loopHeader, type LoopHeader } from '../../core/go/loops.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { costAcknowledged, guardedBySmallSize, isArray, isSmallConstant, isSmallConstantLoop } from '../../core/go/size-evidence.js';
import { blockStatements, compactText, conjuncts, textContains, unparen } from '../../core/go/syntax.js';
import { exitsEarly } from './early-exit.js';
import { defineRule } from '../define-rule.js';

/** What one loop of the pair binds: its index, its element variable and value aliases. */
interface Binding {
  index: string | null;
  /** The element variable and the collection it is an element of (`v` of `range xs` → `xs`). */
  value: string | null;
  valueOf: string;
  /** `xi := xs[i]` style locals declared in the loop body before the comparison. */
  aliases: Map<string, SyntaxNode>;
}

interface Canonical {
  text: string;
  outer: boolean;
  inner: boolean;
}

/**
 * The expression's text with each loop's bindings replaced by a shared placeholder, so that
 * `xs[i].ID` (outer) and `xs[j].ID` (inner), or `v` of `range xs` and `xs[j]`, read the same.
 */
function canonical(expr: SyntaxNode, outer: Binding, inner: Binding, depth = 0): Canonical | null {
  if (depth > 3) return null;
  const result: Canonical = { text: '', outer: false, inner: false };
  const visit = (n: SyntaxNode): boolean => {
    if (n.type === 'identifier') {
      const name = n.text;
      for (const [binding, side] of [
        [inner, 'inner'],
        [outer, 'outer'],
      ] as const) {
        if (name === binding.index) {
          result.text += '#';
          result[side] = true;
          return true;
        }
        if (name === binding.value) {
          result.text += `${binding.valueOf}[#]`;
          result[side] = true;
          return true;
        }
        const alias = binding.aliases.get(name);
        if (alias) {
          const c = canonical(alias, outer, inner, depth + 1);
          if (!c) return false;
          result.text += c.text;
          result.outer ||= c.outer;
          result.inner ||= c.inner;
          return true;
        }
      }
      result.text += name;
      return true;
    }
    if (n.type === 'func_literal') return false;
    if (n.childCount === 0) {
      result.text += n.text;
      return true;
    }
    for (const c of n.children) {
      if (c.type === 'comment') continue;
      if (!visit(c)) return false;
    }
    return true;
  };
  return visit(expr) ? result : null;
}

/** `name := value` statements in a loop body before `stop`, as aliases of the loop's element. */
function aliasesBefore(body: SyntaxNode | null, stop: SyntaxNode): Map<string, SyntaxNode> {
  const aliases = new Map<string, SyntaxNode>();
  for (const s of blockStatements(body)) {
    if (s.startIndex >= stop.startIndex) break;
    if (s.type !== 'short_var_declaration') continue;
    const left = s.childForFieldName('left')?.namedChildren ?? [];
    const right = s.childForFieldName('right')?.namedChildren ?? [];
    if (left.length === 1 && right.length === 1 && left[0]!.type === 'identifier') aliases.set(left[0]!.text, right[0]!);
  }
  return aliases;
}

/**
 * The inner loop of a pair visit over one collection: `for j := i + 1; …`, `for j := 0; j < i`,
 * `range xs[i+1:]`, `range xs[:i]`. Returns its binding, or null.
 */
function innerBinding(
  h: LoopHeader,
  i: string,
  outerCollection: string | null,
  outerBound: string | null,
): { binding: Binding; full: boolean } | null {
  if (h.kind === 'counted') {
    if (!h.index || h.operator !== '<') return null;
    const init = compactText(h.init);
    const binding: Binding = { index: h.index.text, value: null, valueOf: '', aliases: new Map() };
    if (init === `${i}+1`) return { binding, full: false };
    if (init !== '0') return null;
    if (compactText(h.bound) === i) return { binding, full: false };
    // `for j := 0; j < len(xs); j++` over the outer loop's range: every ordered pair.
    if (outerBound !== null && compactText(h.bound) === outerBound) return { binding, full: true };
    return null;
  }
  const c = h.collection!;
  if (c.type === 'slice_expression') {
    const operand = c.childForFieldName('operand');
    const start = compactText(c.childForFieldName('start'));
    const end = compactText(c.childForFieldName('end'));
    if (!operand || !h.value || c.text.split(':').length > 2) return null;
    const pairs = (start === `${i}+1` && end === '') || (start === '' && end === i) || (start === '0' && end === i);
    if (!pairs) return null;
    if (outerCollection !== null && compactText(operand) !== outerCollection) return null;
    // The inner index counts within the subslice: it must not stand for a position in xs.
    return { binding: { index: null, value: h.value.text, valueOf: compactText(operand), aliases: new Map() }, full: false };
  }
  // `for j := range xs` over the same collection: every ordered pair, with `i != j` in the test.
  const same = compactText(c) === outerCollection || `len(${compactText(c)})` === outerBound;
  if (same && h.index) {
    return { binding: { index: h.index.text, value: h.value?.text ?? null, valueOf: compactText(c), aliases: new Map() }, full: true };
  }
  return null;
}

function isDistinctIndexTest(c: SyntaxNode, i: string, j: string): boolean {
  if (c.type !== 'binary_expression' || c.childForFieldName('operator')?.text !== '!=') return false;
  const l = compactText(c.childForFieldName('left'));
  const r = compactText(c.childForFieldName('right'));
  return (l === i && r === j) || (l === j && r === i);
}

/** `if i == j { continue }` before `stmt` in the loop body. */
function skipsSameIndex(body: SyntaxNode, stmt: SyntaxNode, i: string, j: string): boolean {
  for (const s of blockStatements(body)) {
    if (s.startIndex >= stmt.startIndex) return false;
    if (s.type !== 'if_statement' || s.childForFieldName('alternative')) continue;
    const c = unparen(s.childForFieldName('condition')!);
    const l = compactText(c.childForFieldName('left'));
    const r = compactText(c.childForFieldName('right'));
    const same = c.type === 'binary_expression' && c.childForFieldName('operator')?.text === '==' && ((l === i && r === j) || (l === j && r === i));
    const stmts = blockStatements(s.childForFieldName('consequence'));
    if (same && stmts.length === 1 && stmts[0]!.text === 'continue') return true;
  }
  return false;
}

/** `if xs[i] == xs[j]` (alone or with conjuncts about one side only) inside the inner loop. */
function duplicateTest(
  body: SyntaxNode,
  outer: Binding,
  inner: Binding,
  full: boolean,
): SyntaxNode | null {
  const ifs = body.descendantsOfType('if_statement');
  for (const stmt of ifs) {
    let nested = false;
    for (let n = stmt.parent; n && n.id !== body.id; n = n.parent) {
      if (FUNCTION_TYPES.has(n.type) || n.type === 'for_statement') nested = true;
    }
    if (nested) continue;
    const cond = stmt.childForFieldName('condition');
    if (!cond) continue;
    inner.aliases = aliasesBefore(body, stmt);
    let match: SyntaxNode | null = null;
    let distinct = false;
    let mixed = false;
    for (const c of conjuncts(cond)) {
      if (full && isDistinctIndexTest(c, outer.index!, inner.index!)) {
        distinct = true;
        continue;
      }
      // Pair equalities (`xs[i].X == xs[j].X && xs[i].Y == xs[j].Y`) make a (compound) key; a pair
      // inequality on another key (`xs[i].ID != xs[j].ID`) narrows the duplicates, still by key.
      const op = c.type === 'binary_expression' ? c.childForFieldName('operator')?.text : undefined;
      if (op === '==' || op === '!=') {
        const l = canonical(c.childForFieldName('left')!, outer, inner);
        const r = canonical(c.childForFieldName('right')!, outer, inner);
        if (l && r && l.text === r.text && l.outer !== l.inner && r.outer !== r.inner && l.outer !== r.outer) {
          if (op === '==') match ??= c;
          continue;
        }
      }
      // A conjunct tying both positions together (`dp[i+1][j-1]`, `j-i > k`) is not a duplicate test.
      const k = canonical(c, outer, inner);
      if (!k || (k.outer && k.inner)) mixed = true;
    }
    if (!match || mixed || (full && !distinct && !skipsSameIndex(body, stmt, outer.index!, inner.index!))) continue;
    // A loop that stops at the first mismatch (runs in sorted data) or early is not a pair scan.
    if (exitsEarly(body, stmt.childForFieldName('consequence'))) return null;
    return match;
  }
  return null;
}

export default defineRule({
  id: 'quadratic-duplicates',
  title: 'Find duplicates with a map, not by comparing every pair',
  section: 'Big-O Awareness and Algorithm Selection (go-perfbook)',
  severity: 'warning',
  minGo: '1.0',
  fixable: false,
  subjects: ['quadratic', 'small', 'few', 'handful'],
  description:
    'Two nested loops over the same collection that compare each element with every later one ' +
    '(`for i …` / `for j := i + 1 …` with `xs[i] == xs[j]`) do n·(n−1)/2 comparisons: O(n²), a million ' +
    'comparisons at 1,400 elements. Whatever `==` compares can key a map, so one pass that records seen ' +
    'values in a `map[T]struct{}` finds the same duplicates in O(n). Loops over arrays or small literals, ' +
    'and code under an explicit small-size guard (`if len(xs) < 10`), are left alone: there the pair scan ' +
    'is the faster choice.',
  examples: {
    incorrect: `
func hasDuplicate(ids []string) bool {
	for i := 0; i < len(ids); i++ {
		for j := i + 1; j < len(ids); j++ {
			if ids[i] == ids[j] {
				return true
			}
		}
	}
	return false
}
`,
    correct: `
func hasDuplicate(ids []string) bool {
	seen := make(map[string]struct{}, len(ids))
	for _, id := range ids {
		if _, ok := seen[id]; ok {
			return true
		}
		seen[id] = struct{}{}
	}
	return false
}
`,
  },
  notes: `Also reported: \`for j := 0; j < i; j++\`, \`range xs[i+1:]\` / \`range xs[:i]\`, locals that name each side
(\`si := xs[i].SKU\` … \`sj := xs[j].SKU\`), and every-pair loops that skip \`i == j\`. Not reported: loops that stop at
the first mismatch (runs in sorted data), conditions tying both positions together (\`dp[i+1][j-1]\`), and loops
under a comment that says the size was weighed (\`// n is small\`, \`O(n^2), but N is 4\`).
The standard's \`findDuplicates\` is this pattern; its "constrain dataset size" advice is what the guard
\`if len(xs) <= 16 { … }\` expresses, and the rule respects it.`,
  create(context) {
    return {
      for_statement(loop) {
        // Cheapest test first: an equality somewhere in the loop (a text scan, no native calls).
        if (!textContains(context.source, loop, '==')) return;
        const outerLoop = enclosingLoop(loop);
        if (!outerLoop) return;
        const oh = loopHeader(outerLoop);
        if (!oh?.index) return;
        const ih = loopHeader(loop, true);
        if (!ih) return;
        const i = oh.index.text;
        const outerCollection = oh.kind === 'range' ? compactText(oh.collection) : null;
        const outerBound = oh.kind === 'range' ? `len(${outerCollection})` : compactText(oh.bound);
        const pair = innerBinding(ih, i, outerCollection, outerBound);
        if (!pair) return;
        const body = loop.childForFieldName('body');
        if (!body) return;
        const outer: Binding = {
          index: i,
          value: oh.value?.text ?? null,
          valueOf: outerCollection ?? '',
          aliases: aliasesBefore(outerLoop.childForFieldName('body'), loop),
        };
        const test = duplicateTest(body, outer, pair.binding, pair.full);
        if (!test) return;

        // Fixed or small sizes, and deliberate small-size paths, are not a cost.
        if (isSmallConstantLoop(outerLoop) || isSmallConstantLoop(loop)) return;
        const subjects = [oh.collection, boundSubject(oh.bound), boundSubject(ih.bound), ...indexedCollections(test)].filter(
          (n): n is SyntaxNode => n !== null,
        );
        if (subjects.some((n) => isArray(n) || isSmallConstant(n))) return;
        if (guardedBySmallSize(outerLoop, subjects.map(compactText))) return;
        if (costAcknowledged(loop, context.source) || costAcknowledged(outerLoop, context.source)) return;

        const shown = test.text.length <= 60 ? `\`${test.text}\`` : 'the equality test';
        context.report({
          node: loop,
          anchor: test,
          message: `${shown} compares every pair of elements: O(n²); record seen values in a \`map[T]struct{}\` and find duplicates in one O(n) pass.`,
        });
      },
    };
  },
});

/** The collections indexed in the test (`xs` of `xs[i]`, `p.items` of `p.items[j].ID`). */
function indexedCollections(test: SyntaxNode): SyntaxNode[] {
  return test.descendantsOfType('index_expression').flatMap((ix) => {
    const operand = ix.childForFieldName('operand');
    return operand && (operand.type === 'identifier' || operand.type === 'selector_expression') ? [operand] : [];
  });
}

/** What a loop bound counts: `xs` of `len(xs)` or `len(xs)-1`, or the bound itself (`n`). */
function boundSubject(bound: SyntaxNode | null): SyntaxNode | null {
  if (!bound) return null;
  let b = unparen(bound);
  if (b.type === 'binary_expression' && b.childForFieldName('right')?.type === 'int_literal') b = unparen(b.childForFieldName('left')!);
  if (b.type === 'call_expression' && b.childForFieldName('function')?.text === 'len') {
    const arg = b.childForFieldName('arguments')?.namedChildren[0];
    return arg ? unparen(arg) : null;
  }
  return b.type === 'identifier' || b.type === 'selector_expression' ? b : null;
}
