/** Expression facts builtin-minmax needs: equality, purity, float-ness, and gofmt text as a call argument. */
import type { SyntaxNode } from '../../core/go/parser.js';
import { fieldType, findDeclaration, FLOAT_TYPES, typeOfDeclaration, typeSpecNamed } from '../../core/go/scope.js';
import { callArguments, fileRoot, unparen } from '../../core/go/syntax.js';

export const ORDERINGS = new Set(['<', '<=', '>', '>=']);

/** How an expression is written, whitespace and outer parentheses aside. */
function writtenForm(node: SyntaxNode): string {
  return unparen(node).text.replace(/\s+/g, '');
}

/**
 * Whether two expressions are written the same way (whitespace and outer parentheses aside),
 * for comparing a few nodes many ways: each node's written form is read from the tree once.
 */
export function expressionComparer(): (a: SyntaxNode, b: SyntaxNode) => boolean {
  const forms = new Map<SyntaxNode, string>();
  const form = (node: SyntaxNode): string => {
    let f = forms.get(node);
    if (f === undefined) forms.set(node, (f = writtenForm(node)));
    return f;
  };
  return (a, b) => form(a) === form(b);
}

const PURE_LEAVES = new Set([
  'identifier',
  'int_literal',
  'float_literal',
  'rune_literal',
  'interpreted_string_literal',
  'raw_string_literal',
  'true',
  'false',
  'nil',
  'field_identifier',
]);

/** Conversions and built-ins that neither have side effects nor differ between two evaluations. */
const PURE_CALLS = new Set(['len', 'cap', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'float32', 'float64', 'byte', 'rune', 'string']);

/** Whether evaluating the expression twice is the same as evaluating it once: no calls, no receives. */
export function sideEffectFree(node: SyntaxNode): boolean {
  if (PURE_LEAVES.has(node.type)) return true;
  switch (node.type) {
    case 'parenthesized_expression':
    case 'selector_expression':
    case 'index_expression':
    case 'binary_expression':
      return node.namedChildren.every(sideEffectFree);
    case 'unary_expression': {
      const op = node.childForFieldName('operator')?.text;
      const operand = node.childForFieldName('operand');
      return op !== '<-' && operand !== null && sideEffectFree(operand);
    }
    case 'call_expression': {
      const fn = node.childForFieldName('function');
      if (!fn || fn.type !== 'identifier' || !PURE_CALLS.has(fn.text)) return false;
      return !node.childForFieldName('arguments')!.text.includes('...') && callArguments(node).every(sideEffectFree);
    }
    default:
      return false;
  }
}

/** A variable-like target: `x`, `s.f`, `a[i]`, `*p` with pure parts; not `_`. */
export function assignableTarget(node: SyntaxNode): boolean {
  if (node.type === 'identifier') return node.text !== '_';
  if (node.type === 'selector_expression' || node.type === 'index_expression') return sideEffectFree(node);
  if (node.type === 'unary_expression') return node.childForFieldName('operator')?.text === '*' && sideEffectFree(node);
  return false;
}

/** `math` functions that do not return a float. */
const MATH_NON_FLOAT = new Set(['Float32bits', 'Float64bits', 'Signbit', 'Ilogb', 'IsNaN', 'IsInf']);

/** Whether `type Name float64` (or float32) is declared in the file. */
function namedFloatType(root: SyntaxNode, name: string): boolean {
  const spec = typeSpecNamed(root, name);
  if (spec?.type !== 'type_spec') return false;
  const t = spec.childForFieldName('type');
  return t !== null && FLOAT_TYPES.has(t.text);
}

/** Whether a written type is a float: `float64`, a float type declared in the file, or a type parameter constrained to floats. */
export function isFloatType(type: SyntaxNode | null, at: SyntaxNode): boolean {
  if (!type) return false;
  const text = type.text;
  if (FLOAT_TYPES.has(text)) return true;
  if (type.type !== 'type_identifier') return false;
  return namedFloatType(fileRoot(at), text) || typeParameterMayBeFloat(at, text);
}

/** A type parameter of an enclosing function whose constraint mentions a float type. */
function typeParameterMayBeFloat(at: SyntaxNode, name: string): boolean {
  for (let n = at.parent; n; n = n.parent) {
    if (n.type !== 'function_declaration' && n.type !== 'method_declaration') continue;
    for (const tp of n.childForFieldName('type_parameters')?.namedChildren ?? []) {
      if (tp.childrenForFieldName('name').some((id) => id.text === name)) return /float|Float/.test(tp.childForFieldName('type')?.text ?? '');
    }
  }
  return false;
}

/**
 * Whether the file shows the expression is a float (NaN makes an if/else differ from the
 * built-in): float literals, float conversions, `math` results, float-typed declarations.
 */
export function knownFloat(node: SyntaxNode, math: string | undefined, depth = 0): boolean {
  const n = unparen(node);
  if (depth > 4) return false;
  switch (n.type) {
    case 'float_literal':
      return true;
    case 'binary_expression':
    case 'unary_expression':
      return n.namedChildren.some((c) => knownFloat(c, math, depth + 1));
    case 'call_expression': {
      const fn = n.childForFieldName('function');
      if (!fn) return false;
      if (FLOAT_TYPES.has(fn.text)) return true;
      if (math && fn.type === 'selector_expression' && fn.childForFieldName('operand')?.text === math) {
        return !MATH_NON_FLOAT.has(fn.childForFieldName('field')?.text ?? '');
      }
      return false;
    }
    case 'selector_expression': {
      const operand = n.childForFieldName('operand');
      const field = n.childForFieldName('field')?.text ?? '';
      if (math && operand?.text === math && !findDeclaration(n, math)) return !/^(?:Max|Min)(?:Int|Uint)/.test(field);
      if (operand?.type !== 'identifier') return false;
      const decl = findDeclaration(n, operand.text);
      const t = decl ? typeOfDeclaration(decl) : null;
      const base = t?.kind === 'pointer' ? t.text.replace(/^\*/, '') : t?.kind === 'named' ? t.text : null;
      if (!base || !/^[A-Za-z_]\w*$/.test(base)) return false;
      return structFieldIsFloat(fileRoot(n), base, field, n);
    }
    case 'identifier': {
      const decl = findDeclaration(n, n.text);
      if (!decl) return false;
      if (decl.kind === 'range') return rangeValueIsFloat(decl.statement, n.text);
      if (decl.type) return decl.type.type === 'variadic_parameter_declaration' ? elementIsFloat(decl.type, n) : isFloatType(decl.type, n);
      return decl.value !== null && knownFloat(decl.value, math, depth + 1);
    }
    case 'index_expression': {
      const operand = n.childForFieldName('operand');
      if (operand?.type !== 'identifier') return false;
      const decl = findDeclaration(operand, operand.text);
      return decl?.type ? elementIsFloat(decl.type, n) : false;
    }
    default:
      return false;
  }
}

/** `[]float64`, `[N]float64`, `...float64`: a float element type. */
function elementIsFloat(type: SyntaxNode, at: SyntaxNode): boolean {
  if (type.type === 'variadic_parameter_declaration') return isFloatType(type.childForFieldName('type'), at);
  if (type.type !== 'slice_type' && type.type !== 'array_type') return false;
  return isFloatType(type.childForFieldName('element'), at);
}

/** `for _, v := range xs` where `xs` is declared as a slice or array of floats. */
function rangeValueIsFloat(clause: SyntaxNode, name: string): boolean {
  const left = clause.childForFieldName('left')?.namedChildren ?? [];
  const right = clause.childForFieldName('right');
  if (left.length !== 2 || left[1]!.text !== name || right?.type !== 'identifier') return false;
  const decl = findDeclaration(right, right.text);
  return decl?.type ? elementIsFloat(decl.type, right) : false;
}

function structFieldIsFloat(root: SyntaxNode, typeName: string, field: string, at: SyntaxNode): boolean {
  const info = fieldType(root, typeName, field);
  return info !== null && isFloatType(info.node, at);
}

const COMPACT_OPERATORS = new Set(['+', '-', '|', '^', '*', '/', '%', '<<', '>>', '&', '&^']);

/**
 * The expression as gofmt prints it as one of two call arguments, where binary `+ - * / …`
 * lose their spaces (`min(a+1, b)`); null when unsure (multi-line text, operators gofmt keeps
 * spaced, or a binary expression nested somewhere this does not rebuild).
 */
export function argumentText(node: SyntaxNode): string | null {
  if (node.text.includes('\n')) return null;
  if (node.type === 'binary_expression') {
    const op = node.childForFieldName('operator')?.text ?? '';
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (!left || !right || !COMPACT_OPERATORS.has(op)) return null;
    if (right.type === 'unary_expression' || left.type === 'unary_expression') return null; // `x - -y`, `*p / *q`
    const l = argumentText(left);
    const r = argumentText(right);
    return l === null || r === null ? null : `${l}${op}${r}`;
  }
  if (node.type === 'parenthesized_expression') {
    const inner = node.namedChild(0);
    const text = inner ? argumentText(inner) : null;
    return text === null ? null : `(${text})`;
  }
  // Anything else is copied as written, provided no binary expression hides inside it.
  return node.text.includes(' ') && node.descendantsOfType('binary_expression').length > 0 ? null : node.text;
}
