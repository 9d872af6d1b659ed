/**
 * Whether an expression is a compile-time constant, as far as the file shows. Shared by
 * os-root (a joined path component that is not constant) and regexp-compile-in-func (a
 * constant pattern).
 */
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration } from '../../core/go/scope.js';
import { unparen } from '../../core/go/syntax.js';

/** `constant`: certainly constant; `variable`: certainly not; `unknown`: the file does not say. */
export type Constness = 'constant' | 'variable' | 'unknown';

const LITERALS = new Set([
  'interpreted_string_literal',
  'raw_string_literal',
  'int_literal',
  'float_literal',
  'rune_literal',
  'imaginary_literal',
  'true',
  'false',
]);

const VARIABLE_EXPRESSIONS = new Set(['index_expression', 'slice_expression', 'type_assertion_expression', 'composite_literal', 'func_literal']);

/** Conversions to a basic type keep a constant constant (`string(sep)`). */
const BASIC_TYPES = new Set(['string', 'int', 'int64', 'int32', 'uint', 'uint64', 'uint32', 'byte', 'rune', 'float64', 'float32']);

export function constness(expr: SyntaxNode): Constness {
  const node = unparen(expr);
  if (LITERALS.has(node.type)) return 'constant';
  switch (node.type) {
    case 'binary_expression': {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (!left || !right) return 'unknown';
      const a = constness(left);
      const b = constness(right);
      if (a === 'variable' || b === 'variable') return 'variable';
      return a === 'constant' && b === 'constant' ? 'constant' : 'unknown';
    }
    case 'identifier': {
      if (node.text === 'iota') return 'constant';
      const decl = findDeclaration(node, node.text);
      if (!decl) return 'unknown'; // declared in another file of the package, or a universe name
      if (decl.kind === 'const') return 'constant';
      if (decl.kind === 'package') return decl.statement.type === 'const_declaration' ? 'constant' : 'variable';
      return 'variable';
    }
    case 'unary_expression': {
      const operand = node.childForFieldName('operand');
      const op = node.childForFieldName('operator')?.text;
      if (!operand || !op || !['-', '+', '^', '!'].includes(op)) return 'variable'; // &x, *p, <-ch
      return constness(operand);
    }
    case 'selector_expression': {
      const operand = node.childForFieldName('operand');
      if (operand?.type !== 'identifier') return 'variable';
      // A field of a value declared here is variable; `pkg.Name` may be a constant or a variable.
      return findDeclaration(node, operand.text) ? 'variable' : 'unknown';
    }
    case 'call_expression': {
      const fn = node.childForFieldName('function');
      const args = node.childForFieldName('arguments')?.namedChildren ?? [];
      if (fn && BASIC_TYPES.has(fn.text) && args.length === 1 && !findDeclaration(node, fn.text)) return constness(args[0]!);
      return 'variable';
    }
    default:
      return VARIABLE_EXPRESSIONS.has(node.type) ? 'variable' : 'unknown';
  }
}
