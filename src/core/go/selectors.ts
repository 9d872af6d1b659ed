/**
 * Selectors and chains: the parts of `x.f`, the root identifier and last name of a chain
 * (`s.stats.hits`), and the type of a chain read from declarations in the file.
 */
import type { SyntaxNode } from './parser.js';
import { fieldType, findDeclaration, INTEGER_TYPES, structFieldTypeNode, type TypeInfo, typeOfExpression } from './scope.js';
import { fileRoot, unparen } from './syntax.js';

/** `*Cache[K, V]` → `Cache`; null when the type is not a plain (possibly generic) local name. */
function localTypeName(type: TypeInfo): string | null {
  const text = type.text.replace(/\s/g, '');
  const base = type.kind === 'pointer' ? text.replace(/^\*/, '') : type.kind === 'named' ? text : null;
  if (!base) return null;
  const m = /^([A-Za-z_]\w*)(\[.*\])?$/.exec(base);
  return m ? m[1]! : null;
}

/** A written type node as far as these rules need it: integers, bool, pointers, structs, names. */
function typeNodeInfo(node: SyntaxNode): TypeInfo {
  const text = node.text;
  if (node.type === 'pointer_type') return { kind: 'pointer', text, node };
  if (node.type === 'struct_type') return { kind: 'struct', text, node };
  if (INTEGER_TYPES.has(text)) return { kind: 'int', text, node };
  if (text === 'bool') return { kind: 'bool', text, node };
  return { kind: 'named', text, node };
}

/** The written type of a field of an anonymous struct type (`var x struct{ sync.Mutex; n int }`). */
function anonymousFieldType(struct: SyntaxNode, field: string): TypeInfo | null {
  const t = structFieldTypeNode(struct, field);
  return t ? typeNodeInfo(t) : null;
}

/** An identifier's type, also from a type assertion (`drv := d.(*Driver)`). */
function typeOfIdentifier(id: SyntaxNode): TypeInfo | null {
  const known = typeOfExpression(id);
  if (known) return known;
  const value = findDeclaration(id, id.text)?.value;
  if (value?.type !== 'type_assertion_expression') return null;
  const type = value.childForFieldName('type');
  return type ? typeNodeInfo(type) : null;
}

/**
 * The type of an identifier or a chain of field selections on one (`s.a.b`), or null when a
 * link of the chain cannot be read from the file.
 */
export function typeOfChain(expr: SyntaxNode): TypeInfo | null {
  const e = unparen(expr);
  if (e.type === 'identifier') return typeOfIdentifier(e);
  if (e.type !== 'selector_expression') return null;
  const operand = e.childForFieldName('operand');
  const field = e.childForFieldName('field');
  if (!operand || !field) return null;
  if (operand.type === 'identifier') {
    const direct = typeOfExpression(e);
    if (direct) return direct;
  }
  const base = typeOfChain(operand);
  if (!base) return null;
  if (base.kind === 'struct' && base.node?.type === 'struct_type') return anonymousFieldType(base.node, field.text);
  const name = localTypeName(base);
  return name ? fieldType(fileRoot(e), name, field.text) : null;
}

/** Whether the expression is an identifier or a chain of field selections on one. */
export function isVariableChain(expr: SyntaxNode): boolean {
  const e = unparen(expr);
  if (e.type === 'identifier') return e.text !== '_';
  if (e.type !== 'selector_expression') return false;
  const operand = e.childForFieldName('operand');
  return operand !== null && isVariableChain(operand);
}

/** The last name of a chain (`b` in `s.a.b`). */
export function chainName(expr: SyntaxNode): string {
  const e = unparen(expr);
  return e.type === 'selector_expression' ? (e.childForFieldName('field')?.text ?? e.text) : e.text;
}

/** The operand and field name of a selector `x.f` (`pkg.Name`, `s.mu`), or null for any other node. */
export function selectorParts(node: SyntaxNode | null): { operand: SyntaxNode; field: string } | null {
  if (!node || node.type !== 'selector_expression') return null;
  const operand = node.childForFieldName('operand');
  const field = node.childForFieldName('field');
  return operand && field ? { operand, field: field.text } : null;
}

/** The last name of `x`, `x.y`, `x.y()`: what a reader calls the channel. */
export function lastName(node: SyntaxNode): string {
  const n = unparen(node);
  if (n.type === 'identifier' || n.type === 'field_identifier') return n.text;
  if (n.type === 'selector_expression') return n.childForFieldName('field')?.text ?? '';
  if (n.type === 'call_expression') return lastName(n.childForFieldName('function') ?? n);
  if (n.type === 'index_expression') return lastName(n.childForFieldName('operand') ?? n);
  return '';
}

/** The links of a field chain (`s.a.b`): what `rootIdentifier` walks through by default. */
export const FIELD_SELECTIONS: ReadonlySet<string> = new Set(['selector_expression']);

/**
 * The identifier at the root of an operand chain (`s` in `s.a.b`), walking through the node
 * types in `through` (by default field selections; a rule may add `index_expression`,
 * `slice_expression`, `unary_expression`…) and parentheses; null when the chain starts at
 * anything else.
 */
export function rootIdentifier(expr: SyntaxNode, through: ReadonlySet<string> = FIELD_SELECTIONS): SyntaxNode | null {
  let n = unparen(expr);
  while (n.type !== 'identifier') {
    if (!through.has(n.type)) return null;
    const operand = n.childForFieldName('operand');
    if (!operand) return null;
    n = unparen(operand);
  }
  return n;
}
