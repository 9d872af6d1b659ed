/** Integer constants readable from syntax: literals, arithmetic on them, and `const` names. */
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration } from '../../core/go/scope.js';
import { unparen } from '../../core/go/syntax.js';

const MAX_DEPTH = 8;
const INTEGER_TYPES = new Set(['int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'byte', 'rune']);

/** The value of an integer constant expression, or null when it is not one we can read. */
export function intConstant(expr: SyntaxNode, depth = 0): number | null {
  if (depth > MAX_DEPTH) return null;
  const node = unparen(expr);
  switch (node.type) {
    case 'int_literal': {
      const text = node.text.replace(/_/g, '');
      const value = /^0[0-7]+$/.test(text) ? parseInt(text, 8) : Number(text.replace(/^0o/i, '0o'));
      return Number.isSafeInteger(value) ? value : null;
    }
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
