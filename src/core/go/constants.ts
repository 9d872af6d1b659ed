/**
 * Constants readable from syntax: whether an expression is a compile-time constant, the value
 * of an integer constant expression or literal, and the value of a string literal.
 */
import type { SyntaxNode } from './parser.js';
import { findDeclaration, INTEGER_TYPES } from './scope.js';
import { unparen } from './syntax.js';

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

/** The value of a string literal (interpreted or raw), or null when the node is not one. */
export function stringLiteralValue(node: SyntaxNode): string | null {
  if (node.type === 'raw_string_literal') return node.text.slice(1, -1);
  if (node.type !== 'interpreted_string_literal') return null;
  try {
    return JSON.parse(node.text.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')) as string;
  } catch {
    return node.text.slice(1, -1);
  }
}

const MAX_DEPTH = 8;


/** The value of an integer constant expression, or null when it is not one we can read. */
export function intConstant(expr: SyntaxNode, depth = 0): number | null {
  if (depth > MAX_DEPTH) return null;
  const node = unparen(expr);
  switch (node.type) {
    case 'int_literal':
      return intLiteralValue(node);
    case 'identifier': {
      const decl = findDeclaration(node, node.text);
      if (!decl?.value || decl.statement.type !== 'const_declaration') return null;
      return intConstant(decl.value, depth + 1);
    }
    case 'binary_expression': {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      const op = node.childForFieldName('operator')?.text;
      if (!left || !right || !op) return null;
      const a = intConstant(left, depth + 1);
      const b = intConstant(right, depth + 1);
      if (a === null || b === null) return null;
      switch (op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return b === 0 ? null : Math.trunc(a / b);
        case '<<':
          return b < 53 ? a * 2 ** b : null;
        case '>>':
          return Math.floor(a / 2 ** b);
        default:
          return null;
      }
    }
    case 'call_expression': {
      // A conversion of a constant: `rune(0)`, `uint8(4)`.
      const fn = node.childForFieldName('function');
      const args = node.childForFieldName('arguments')?.namedChildren ?? [];
      if (fn?.type !== 'identifier' || !INTEGER_TYPES.has(fn.text) || args.length !== 1) return null;
      return intConstant(args[0]!, depth + 1);
    }
    default:
      return null;
  }
}

/** The value of an integer literal (`42`, `0x2a`, `0o52`, `052`, `1_000`), or null when not one or not exact. */
export function intLiteralValue(node: SyntaxNode | null): number | null {
  if (node?.type !== 'int_literal') return null;
  const text = node.text.replace(/_/g, '');
  const value = /^0[0-7]+$/.test(text) ? parseInt(text, 8) : Number(text.replace(/^0o/i, '0o'));
  return Number.isSafeInteger(value) ? value : null;
}
