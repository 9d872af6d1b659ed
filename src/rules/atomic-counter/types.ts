/**
 * Types of variables and field chains (`s.stats.hits`) read from declarations in the file,
 * and the `sync/atomic` type that fits an integer or bool.
 */
import type { SyntaxNode } from '../../core/go/parser.js';
import { fieldType, findDeclaration, structFieldTypeNode, typeOfExpression, type TypeInfo } from '../../core/go/scope.js';
import { unparen } from '../../core/go/syntax.js';

/** `*Cache[K, V]` → `Cache`; null when the type is not a plain (possibly generic) local name. */
function localTypeName(type: TypeInfo): string | null {
  const text = type.text.replace(/\s/g, '');
  const base = type.kind === 'pointer' ? text.replace(/^\*/, '') : type.kind === 'named' ? text : null;
  if (!base) return null;
  const m = /^([A-Za-z_]\w*)(\[.*\])?$/.exec(base);
  return m ? m[1]! : null;
}

function rootOf(node: SyntaxNode): SyntaxNode {
  let root = node;
  while (root.parent) root = root.parent;
  return root;
}

const INT_TYPES = new Set(['int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'byte', 'rune']);

/** A written type node as far as these rules need it: integers, bool, pointers, structs, names. */
function typeNodeInfo(node: SyntaxNode): TypeInfo {
  const text = node.text;
  if (node.type === 'pointer_type') return { kind: 'pointer', text, node };
  if (node.type === 'struct_type') return { kind: 'struct', text, node };
  if (INT_TYPES.has(text)) return { kind: 'int', text, node };
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
  return name ? fieldType(rootOf(e), name, field.text) : null;
}

/** Whether the expression is an identifier or a chain of field selections on one. */
export function isVariableChain(expr: SyntaxNode): boolean {
  const e = unparen(expr);
  if (e.type === 'identifier') return e.text !== '_';
  if (e.type !== 'selector_expression') return false;
  const operand = e.childForFieldName('operand');
  return operand !== null && isVariableChain(operand);
}

/** The identifier a chain starts from (`s` in `s.a.b`). */
export function chainRoot(expr: SyntaxNode): SyntaxNode {
  let e = unparen(expr);
  while (e.type === 'selector_expression') e = unparen(e.childForFieldName('operand')!);
  return e;
}

/** The last name of a chain (`b` in `s.a.b`). */
export function chainName(expr: SyntaxNode): string {
  const e = unparen(expr);
  return e.type === 'selector_expression' ? (e.childForFieldName('field')?.text ?? e.text) : e.text;
}

const ATOMIC_FOR_INT: Record<string, string> = {
  int: 'Int64',
  int64: 'Int64',
  int32: 'Int32',
  rune: 'Int32',
  int16: 'Int32',
  int8: 'Int32',
  uint: 'Uint64',
  uint64: 'Uint64',
  uint32: 'Uint32',
  uint16: 'Uint32',
  uint8: 'Uint32',
  byte: 'Uint32',
  uintptr: 'Uintptr',
};

/** The `sync/atomic` type for a written integer or bool type (`int` → `Int64`), or null. */
export function atomicTypeFor(type: TypeInfo): string | null {
  if (type.kind === 'bool') return 'Bool';
  if (type.kind === 'int') return ATOMIC_FOR_INT[type.text] ?? null;
  return null;
}

/** Whether an atomic type name (`Int64`, `Uint32`…) is unsigned. */
export function isUnsignedAtomic(name: string): boolean {
  return name.startsWith('Uint');
}

/** `Int64` → `int64`: the value type of an integer atomic. */
export function valueTypeOf(atomicName: string): string {
  return atomicName.toLowerCase();
}
