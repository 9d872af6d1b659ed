import { enclosingFunction } from '../../core/go/functions.js';
import { countedLoop, loopClause } from '../../core/go/loops.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { aloneOnLines, blockStatements, hasAncestorBefore, mentions, unparen, wholeLinesRange } from '../../core/go/syntax.js';
import { defineRule } from '../define-rule.js';

const LOOPS = new Set(['for_statement']);
/** What the header of every loop this rule reads contains. */
const HEADER_TEXT = /\.\s*(?:N\b|Loop\s*\()/;

/** The name of the function's `*testing.B` parameter, if it has one. */
function benchmarkParam(fn: SyntaxNode, testingName: string): string | null {
  const params = fn.childForFieldName('parameters');
  for (const p of params?.namedChildren ?? []) {
    if (p.type !== 'parameter_declaration') continue;
    const type = p.childForFieldName('type');
    if (type?.type !== 'pointer_type' || type.text.replace(/\s/g, '') !== `*${testingName}.B`) continue;
    const names = p.childrenForFieldName('name');
    if (names.length === 1) return names[0]!.text;
  }
  return null;
}

function isBN(node: SyntaxNode | null, b: string): boolean {
  return node?.type === 'selector_expression' && node.text.replace(/\s/g, '') === `${b}.N`;
}

interface LoopShape {
  /** The loop variable, when the header declares one. */
  variable: string | null;
  header: SyntaxNode;
}

/** Recognises `for i := 0; i < b.N; i++`, `for range b.N` and `for i := range b.N`. */
function loopOverN(loop: SyntaxNode, b: string): LoopShape | null {
  const header = loopClause(loop);
  if (!header) return null;
  if (header.type === 'range_clause') {
    if (!isBN(header.childForFieldName('right'), b)) return null;
    const left = header.childForFieldName('left');
    if (!left) return { variable: null, header };
    const ids = left.namedChildren;
    if (ids.length !== 1 || ids[0]!.type !== 'identifier') return null;
    return { variable: ids[0]!.text === '_' ? null : ids[0]!.text, header };
  }
  const counted = countedLoop(header);
  if (!counted || !isBN(counted.bound, b)) return null;
  return { variable: counted.variable, header };
}

/** Whether `b.N` appears in the function outside the loop header (then the benchmark sizes work by N). */
function usesNElsewhere(fn: SyntaxNode, b: string, header: SyntaxNode): boolean {
  const body = fn.childForFieldName('body');
  if (!body) return false;
  return body
    .descendantsOfType('selector_expression')
    .some((s) => isBN(s, b) && !(s.startIndex >= header.startIndex && s.endIndex <= header.endIndex));
}

/**
 * The counter used to batch work: a periodic test such as `i%100 == 0` or `i&mask == 0`
 * (a flush, a checkpoint every k iterations). Cycling through inputs (`keys[i%len(keys)]`)
 * is not batching: an own counter does that.
 */
function batchesBy(body: SyntaxNode, variable: string): boolean {
  return body.descendantsOfType('binary_expression').some((e) => {
    const op = e.childForFieldName('operator')?.text ?? '';
    if (!['%', '&'].includes(op) || unparen(e.childForFieldName('left')!).text !== variable) return false;
    let up = e.parent;
    while (up?.type === 'parenthesized_expression') up = up.parent;
    return up?.type === 'binary_expression' && ['==', '!='].includes(up.childForFieldName('operator')?.text ?? '');
  });
}

/** `b.StopTimer()` and `b.StartTimer()` directly in the loop body: per-iteration setup kept out of the timing. */
function togglesTimer(body: SyntaxNode, b: string): boolean {
  const calls = blockStatements(body).map((s) => s.text.replace(/\s/g, ''));
  return calls.includes(`${b}.StopTimer()`) && calls.includes(`${b}.StartTimer()`);
}

export default defineRule({
  id: 'benchmark-loop',
  title: 'Use `for b.Loop()` in benchmarks',
  section: 'Go 1.24 Core Features (Mandatory)',
  severity: 'warning',
  minGo: '1.24',
  fixable: true,
  subjects: ['b.loop'],
  description:
    'Go 1.24 benchmarks loop with `for b.Loop() { … }` instead of counting to `b.N`: setup before the loop ' +
    'is excluded from the timing without `b.ResetTimer()`, the function body runs once per measurement, ' +
    'and the compiler cannot optimise the measured call away. `b.ResetTimer()` directly before ' +
    '`for b.Loop()` is redundant, since the first `Loop` call resets the timer.',
  examples: {
    incorrect: `
import "testing"

func BenchmarkParse(b *testing.B) {
	input := load()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		parse(input)
	}
}
`,
    correct: `
import "testing"

func BenchmarkParse(b *testing.B) {
	input := load()
	for b.Loop() {
		parse(input)
	}
}
`,
  },
  // A benchmark takes a `*testing.B`.
  requires: ['"testing"'],
  create(context) {
    const testingName = (): string | undefined => context.imports().get('testing');
    // Cheapest rejections first: the file, then the loop's header, must read `.N` or `.Loop(`.
    const mayHaveLoops = HEADER_TEXT.test(context.source);
    return {
      for_statement(loop) {
        if (!mayHaveLoops) return;
        const body = loop.childForFieldName('body');
        if (!body || !HEADER_TEXT.test(context.source.slice(loop.startIndex, body.startIndex))) return;
        const testing = testingName();
        if (!testing || testing === '_' || testing === '.') return;
        const fn = enclosingFunction(loop);
        if (!fn) return;
        const b = benchmarkParam(fn, testing);
        if (!b) return;
        // A `for b.Loop()` loop: flag a `b.ResetTimer()` directly before it.
        const cond = loop.namedChildren.find((c) => c.type === 'call_expression');
        if (cond && cond.text.replace(/\s/g, '') === `${b}.Loop()`) {
          let prev = loop.previousNamedSibling;
          while (prev?.type === 'comment') prev = prev.previousNamedSibling;
          if (prev?.type === 'expression_statement' && prev.text.replace(/\s/g, '') === `${b}.ResetTimer()`) {
            context.report({
              node: prev,
              message: `\`${b}.ResetTimer()\` before \`for ${b}.Loop()\` is redundant: the first \`Loop\` call resets the timer.`,
              fix: aloneOnLines(context.source, prev) ? [{ ...wholeLinesRange(context.source, prev), text: '' }] : undefined,
            });
          }
          return;
        }
        const shape = loopOverN(loop, b);
        if (!shape) return;
        if (hasAncestorBefore(loop, LOOPS, fn)) return; // nested: b.N sizes the inner work
        if (usesNElsewhere(fn, b, shape.header)) return; // b.N sizes data: Loop would not set it
        const variableUsed = shape.variable !== null && body !== null && mentions(body, shape.variable);
        if (variableUsed && batchesBy(body, shape.variable!)) return; // the count drives the work, not only repeats it
        if (body && togglesTimer(body, b)) {
          // b.Loop's gain (setup before the loop is out of the timing) does not apply to per-iteration
          // setup, and reviewers report StopTimer inside b.Loop misbehaving on Go 1.24 (golang/go#72922).
          context.report({
            node: shape.header,
            message: `\`for ${b}.Loop()\` (Go 1.24) is the modern form, but this loop stops and starts the timer every iteration for its own setup, which \`b.Loop\` does not take out of the timing for you; if you convert it, compare the timings.`,
            tier: 'advisory',
          });
          return;
        }
        context.report({
          node: shape.header,
          message: variableUsed
            ? `Loop with \`for ${b}.Loop()\` (Go 1.24): setup stays out of the timing and the result is not optimised away; keep your own counter for \`${shape.variable}\`.`
            : `Loop with \`for ${b}.Loop()\` (Go 1.24): setup stays out of the timing and the result is not optimised away.`,
          fix: variableUsed || !body ? undefined : [{ start: loop.startIndex, end: body.startIndex, text: `for ${b}.Loop() ` }],
        });
      },
    };
  },
});
