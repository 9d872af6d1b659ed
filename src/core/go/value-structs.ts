/**
 * Structs used as values: copied (value receivers and parameters, elements of slices, arrays,
 * maps and channels), built with composite literals, or marshalled (struct tags). Making one of
 * their fields a typed atomic (or any `sync` value) breaks those uses: a copy of an atomic is a
 * `go vet` copylocks error, and a literal cannot set it from a plain number.
 */
import { fileMemo } from './file-memo.js';
import type { SyntaxNode } from './parser.js';
import { topLevelDeclarations } from './scope.js';
import { wordOffsets } from './words.js';

/** Where a type name written as a value (not behind `*`) copies or builds the struct. */
const COPYING_PARENTS = new Set(['parameter_declaration', 'variadic_parameter_declaration', 'slice_type', 'array_type', 'channel_type']);

/** The top-level struct types of the file that declare a field named `field`, by name. */
export function structsWithField(root: SyntaxNode, field: string): { name: string; struct: SyntaxNode }[] {
  const out: { name: string; struct: SyntaxNode }[] = [];
  for (const decl of topLevelDeclarations(root)) {
    if (decl.type !== 'type_declaration') continue;
    for (const spec of decl.namedChildren) {
      const struct = spec.type === 'type_spec' ? spec.childForFieldName('type') : null;
      if (struct?.type !== 'struct_type') continue;
      const list = struct.namedChildren.find((c) => c.type === 'field_declaration_list');
      const has = (list?.namedChildren ?? []).some(
        (f) => f.type === 'field_declaration' && f.childrenForFieldName('name').some((n) => n.text === field),
      );
      if (has) out.push({ name: spec.childForFieldName('name')!.text, struct });
    }
  }
  return out;
}

/** Whether any field of the struct type node carries a tag (`json:"…"`): it is marshalled. */
export function hasTaggedFields(struct: SyntaxNode): boolean {
  const list = struct.namedChildren.find((c) => c.type === 'field_declaration_list');
  return (list?.namedChildren ?? []).some((f) => f.type === 'field_declaration' && f.childForFieldName('tag') !== null);
}

/**
 * Whether the file uses the struct named `name` as a value: a value receiver, parameter or
 * result, an element of a slice/array/map/channel type, a composite literal `T{…}`, or a
 * positional `&T{a, b}`.
 */
export function isValueStruct(root: SyntaxNode, name: string): boolean {
  const perFile = fileMemo(root, 'value-structs', () => new Map<string, boolean>());
  const known = perFile.get(name);
  if (known !== undefined) return known;
  const found = usedAsValue(root, name);
  perFile.set(name, found);
  return found;
}

/** Whether a literal body is positional (`{a, b}`): every field, the atomic one too, is written as a plain value. */
function positional(body: SyntaxNode | null): boolean {
  return (body?.namedChildren ?? []).some((element) => element.type === 'literal_element');
}

function usedAsValue(root: SyntaxNode, name: string): boolean {
  for (const offset of wordOffsets(root.text, name)) {
    const start = root.startIndex + offset;
    const node = root.descendantForIndex(start, start + name.length);
    if (node.type !== 'type_identifier' || node.startIndex !== start) continue;
    let holder = node.parent;
    // A result list `(T, error)` or a single result `func f() T`.
    if (holder?.type === 'parameter_list' || holder?.type === 'function_declaration' || holder?.type === 'method_declaration' || holder?.type === 'func_literal') {
      if (holder.childForFieldName('result')?.id === node.id || holder.type === 'parameter_list') return true;
      continue;
    }
    if (!holder) continue;
    if (holder.type === 'map_type') {
      if (holder.childForFieldName('value')?.id === node.id) return true;
      continue;
    }
    if (holder.type === 'composite_literal') {
      const body = holder.childForFieldName('body');
      const pointer = holder.parent?.type === 'unary_expression' && holder.parent.text.startsWith('&');
      // `&T{name: n}` allocates one value (a keyed field becomes a `Store` after it); `T{…}` is a value
      // that gets copied, and `&T{a, b}` sets every field positionally.
      if (!pointer || positional(body)) return true;
      continue;
    }
    if (COPYING_PARENTS.has(holder.type)) return true;
  }
  return false;
}
