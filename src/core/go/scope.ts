/**
 * A syntactic scope helper: from a node, find the declaration of an identifier in the
 * enclosing functions or the file, and read the type written there. Without a type checker
 * this is deliberately conservative: when the type cannot be read, the answer is null and
 * rules stay silent.
 */
import { fileMemo } from './file-memo.js';
import { ancestors, topLevelDeclarations } from './ancestry.js';
import type { SyntaxNode } from './parser.js';
import { expressionListItems, fileRoot } from './syntax.js';
import { mayDeclareWord } from './words.js';

export type DeclarationKind = 'param' | 'result' | 'receiver' | 'var' | 'const' | 'short' | 'range' | 'package';

export interface Declaration {
  name: string;
  kind: DeclarationKind;
  /** The identifier node that declares the name. */
  id: SyntaxNode;
  /** The written type node, when the declaration has one. */
  type: SyntaxNode | null;
  /** The initial value expression for this name, when there is a one-to-one value. */
  value: SyntaxNode | null;
  /** The statement or clause holding the declaration. */
  statement: SyntaxNode;
}

export type TypeKind =
  | 'slice'
  | 'array'
  | 'map'
  | 'chan'
  | 'func'
  | 'string'
  | 'int'
  | 'float'
  | 'bool'
  | 'pointer'
  | 'interface'
  | 'struct'
  | 'named';

export interface TypeInfo {
  kind: TypeKind;
  /** The type as written (for `named`: the qualified name, e.g. `strings.Builder`). */
  text: string;
  node: SyntaxNode | null;
}

/** Go's integer types. */
export const INTEGER_TYPES: ReadonlySet<string> = new Set(['int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'byte', 'rune']);
/** Go's floating-point types. */
export const FLOAT_TYPES: ReadonlySet<string> = new Set(['float32', 'float64']);

function identifiersOf(list: SyntaxNode | null): SyntaxNode[] {
  if (!list) return [];
  if (list.type === 'identifier') return [list];
  return list.namedChildren.filter((c) => c.type === 'identifier');
}

function fromSpec(spec: SyntaxNode, name: string, kind: DeclarationKind, statement: SyntaxNode): Declaration | null {
  const names = spec.childrenForFieldName('name');
  const index = names.findIndex((n) => n.text === name);
  if (index < 0) return null;
  const values = expressionListItems(spec.childForFieldName('value'));
  return {
    name,
    kind,
    id: names[index]!,
    type: spec.childForFieldName('type'),
    value: values.length === names.length ? values[index]! : null,
    statement,
  };
}

/** The var or const specs of a declaration, whether written alone or in a parenthesised list. */
function specsOf(statement: SyntaxNode): SyntaxNode[] {
  return statement.namedChildren
    .flatMap((c) => (c.type === 'var_spec_list' || c.type === 'const_spec_list' ? c.namedChildren : [c]))
    .filter((spec) => spec.type === 'var_spec' || spec.type === 'const_spec');
}

/** Declarations made by one statement (var, const, short variable declaration). */
function declaredBy(statement: SyntaxNode, name: string, kind: 'var' | 'const' | 'package' = 'var'): Declaration | null {
  switch (statement.type) {
    case 'var_declaration':
    case 'const_declaration': {
      const k = kind === 'package' ? 'package' : statement.type === 'const_declaration' ? 'const' : 'var';
      for (const spec of specsOf(statement)) {
        const d = fromSpec(spec, name, k, statement);
        if (d) return d;
      }
      return null;
    }
    case 'short_var_declaration': {
      const left = identifiersOf(statement.childForFieldName('left'));
      const index = left.findIndex((n) => n.text === name);
      if (index < 0) return null;
      const right = expressionListItems(statement.childForFieldName('right'));
      return { name, kind: 'short', id: left[index]!, type: null, value: right.length === left.length ? right[index]! : null, statement };
    }
    default:
      return null;
  }
}

/**
 * The names a function's parameters, results and receiver declare, each with its declaration
 * (the first one, in that order), read once per function: a function's names are looked up
 * for every identifier in it.
 */
function fromFunction(fn: SyntaxNode, name: string): Declaration | null {
  const perFile = fileMemo(fn, 'function-parameters', () => new Map<SyntaxNode, Map<string, Declaration>>());
  let names = perFile.get(fn);
  if (!names) {
    names = new Map();
    const lists: Array<[string, DeclarationKind]> = [
      ['parameters', 'param'],
      ['result', 'result'],
      ['receiver', 'receiver'],
    ];
    for (const [field, kind] of lists) {
      const list = fn.childForFieldName(field);
      if (!list) continue;
      for (const p of list.namedChildren) {
        if (p.type !== 'parameter_declaration' && p.type !== 'variadic_parameter_declaration') continue;
        const ids = p.childrenForFieldName('name');
        if (ids.length === 0) continue;
        const type = p.type === 'variadic_parameter_declaration' ? p : p.childForFieldName('type');
        for (const n of ids) {
          const text = n.text;
          if (!names.has(text)) names.set(text, { name: text, kind, id: n, type, value: null, statement: p });
        }
      }
    }
    perFile.set(fn, names);
  }
  return names.get(name) ?? null;
}

function fromRangeOrClause(stmt: SyntaxNode, name: string): Declaration | null {
  for (const child of stmt.namedChildren) {
    if (child.type === 'range_clause') {
      const left = child.childForFieldName('left');
      // `for k, v = range` assigns; only `:=` declares.
      if (!left || !child.text.slice(left.endIndex - child.startIndex).trimStart().startsWith(':=')) continue;
      const ids = identifiersOf(left);
      const id = ids.find((i) => i.text === name);
      if (id) return { name, kind: 'range', id, type: null, value: null, statement: child };
    } else if (child.type === 'for_clause') {
      const init = child.childForFieldName('initializer');
      if (init) {
        const d = declaredBy(init, name);
        if (d) return d;
      }
    }
  }
  return null;
}

/** Statement types that declare names (see `declaredBy`). */
const DECLARING: ReadonlySet<string> = new Set(['var_declaration', 'const_declaration', 'short_var_declaration']);

export { topLevelDeclarations } from './ancestry.js';

/** The `type_spec` or `type_alias` declaring `name` at the top of the file, or null. */
export function typeSpecNamed(root: SyntaxNode, name: string): SyntaxNode | null {
  const index = fileIndex(root);
  if (!index.types) {
    index.types = new Map();
    for (const decl of index.declarations) {
      if (decl.type !== 'type_declaration') continue;
      for (const spec of decl.namedChildren) {
        if (spec.type !== 'type_spec' && spec.type !== 'type_alias') continue;
        const id = spec.childForFieldName('name')?.text;
        if (id && !index.types.has(id)) index.types.set(id, spec);
      }
    }
  }
  return index.types.get(name) ?? null;
}

interface FileIndex {
  declarations: readonly SyntaxNode[];
  /** Type name → its spec, built on first use. */
  types?: Map<string, SyntaxNode>;
  /** Package-level var or const name → its spec, built on first use. */
  values?: Map<string, { spec: SyntaxNode; statement: SyntaxNode }>;
  /** Package-level name → its declaration (null: none), as looked up. */
  found?: Map<string, Declaration | null>;
}

function fileIndex(node: SyntaxNode): FileIndex {
  return fileMemo(node, 'declarations', () => ({ declarations: topLevelDeclarations(node) }));
}

function packageDeclaration(sourceFile: SyntaxNode, name: string): Declaration | null {
  const index = fileIndex(sourceFile);
  if (!index.values) {
    index.values = new Map();
    for (const statement of index.declarations) {
      if (statement.type !== 'var_declaration' && statement.type !== 'const_declaration') continue;
      for (const spec of specsOf(statement)) {
        for (const id of spec.childrenForFieldName('name')) if (!index.values.has(id.text)) index.values.set(id.text, { spec, statement });
      }
    }
  }
  // Package-level names are looked up again and again (every use of a package variable or
  // constant climbs here): each declaration is read once.
  index.found ??= new Map();
  let d = index.found.get(name);
  if (d === undefined) {
    const found = index.values.get(name);
    d = found ? fromSpec(found.spec, name, 'package', found.statement) : null;
    index.found.set(name, d);
  }
  return d;
}

/**
 * Finds the declaration `name` refers to at `from`: earlier statements of each enclosing
 * block, if/for/switch initialisers, function parameters and results, then the file's
 * top-level declarations. Returns null when not found or when a type switch rebinds it.
 */
export function findDeclaration(from: SyntaxNode, name: string): Declaration | null {
  let child: SyntaxNode = from;
  for (const n of ancestors(from)) {
    switch (n.type) {
      case 'statement_list': {
        // Earlier statements of the block, nearest first; none when the name is not written
        // before `child` in the block, or only as `name.` (a package or a value being used).
        const before = child.startIndex;
        if (!mayDeclareWord(n.text, name, before - n.startIndex)) break;
        const d = declaredInBlock(n, child, before, name);
        if (d) return d;
        break;
      }
      case 'for_statement':
        if (child.type === 'block') {
          const d = fromRangeOrClause(n, name);
          if (d) return d;
        }
        break;
      case 'if_statement':
      case 'expression_switch_statement': {
        const init = n.childForFieldName('initializer');
        if (init && init.id !== child.id && init.startIndex < child.startIndex) {
          const d = declaredBy(init, name);
          if (d) return d;
        }
        break;
      }
      case 'type_switch_statement': {
        const alias = n.childForFieldName('alias');
        if (alias && identifiersOf(alias).some((i) => i.text === name)) return null;
        break;
      }
      case 'function_declaration':
      case 'method_declaration':
      case 'func_literal': {
        const d = fromFunction(n, name);
        if (d) return d;
        break;
      }
      case 'source_file':
        return packageDeclaration(n, name);
    }
    child = n;
  }
  return null;
}

/**
 * The declaration of `name` by a statement of the block before `child` (which starts at
 * `before`), nearest first. A block's declaring statements and their offsets are read once per
 * file: the binding finds a sibling by way of the parent, so stepping back statement by
 * statement costs a walk from the root per step.
 */
function declaredInBlock(list: SyntaxNode, child: SyntaxNode, before: number, name: string): Declaration | null {
  if (child.endIndex === before) {
    // An empty node's offset does not order it among its siblings: step back from it.
    for (let s = child.previousNamedSibling; s; s = s.previousNamedSibling) {
      const d = DECLARING.has(s.type) ? declaredBy(s, name) : null;
      if (d) return d;
    }
    return null;
  }
  const perFile = fileMemo(list, 'block-declarations', () => new Map<SyntaxNode, Array<{ statement: SyntaxNode; start: number }>>());
  let declaring = perFile.get(list);
  if (!declaring) {
    declaring = list.namedChildren.filter((s) => DECLARING.has(s.type)).map((statement) => ({ statement, start: statement.startIndex }));
    perFile.set(list, declaring);
  }
  for (let i = declaring.length - 1; i >= 0; i--) {
    const { statement, start } = declaring[i]!;
    if (start >= before) continue;
    const d = declaredBy(statement, name);
    if (d) return d;
  }
  return null;
}

export function classifyTypeNode(node: SyntaxNode): TypeInfo {
  switch (node.type) {
    case 'slice_type':
      return { kind: 'slice', text: node.text, node };
    case 'array_type':
    case 'implicit_length_array_type':
      return { kind: 'array', text: node.text, node };
    case 'map_type':
      return { kind: 'map', text: node.text, node };
    case 'channel_type':
      return { kind: 'chan', text: node.text, node };
    case 'function_type':
      return { kind: 'func', text: node.text, node };
    case 'pointer_type':
      return { kind: 'pointer', text: node.text, node };
    case 'interface_type':
      return { kind: 'interface', text: node.text, node };
    case 'struct_type':
      return { kind: 'struct', text: node.text, node };
    case 'variadic_parameter_declaration':
      return { kind: 'slice', text: node.text, node };
    case 'parenthesized_type':
      return node.namedChild(0) ? classifyTypeNode(node.namedChild(0)!) : { kind: 'named', text: node.text, node };
    default: {
      const text = node.text;
      if (text === 'string') return { kind: 'string', text, node };
      if (INTEGER_TYPES.has(text)) return { kind: 'int', text, node };
      if (FLOAT_TYPES.has(text)) return { kind: 'float', text, node };
      if (text === 'bool') return { kind: 'bool', text, node };
      if (text === 'any') return { kind: 'interface', text, node };
      return { kind: 'named', text, node };
    }
  }
}

/** The type of an expression when the expression itself says it (literal, make, composite). */
export function typeOfValue(value: SyntaxNode): TypeInfo | null {
  switch (value.type) {
    case 'interpreted_string_literal':
    case 'raw_string_literal':
      return { kind: 'string', text: 'string', node: null };
    case 'int_literal':
      return { kind: 'int', text: 'int', node: null };
    case 'float_literal':
      return { kind: 'float', text: 'float64', node: null };
    case 'true':
    case 'false':
      return { kind: 'bool', text: 'bool', node: null };
    case 'composite_literal': {
      const type = value.childForFieldName('type');
      return type ? classifyTypeNode(type) : null;
    }
    case 'unary_expression': {
      const operand = value.childForFieldName('operand');
      if (value.text.startsWith('&') && operand?.type === 'composite_literal') {
        const t = operand.childForFieldName('type');
        return t ? { kind: 'pointer', text: `*${t.text}`, node: null } : null;
      }
      return null;
    }
    case 'call_expression': {
      const fn = value.childForFieldName('function');
      const args = value.childForFieldName('arguments')?.namedChildren ?? [];
      if (fn?.text === 'make' && args[0]) return classifyTypeNode(args[0]);
      if (fn?.text === 'len' || fn?.text === 'cap') return { kind: 'int', text: 'int', node: null };
      if (fn?.text === 'new' && args[0]) return { kind: 'pointer', text: `*${args[0].text}`, node: null };
      return null;
    }
    case 'func_literal':
      return { kind: 'func', text: 'func', node: value };
    default:
      return null;
  }
}

/** The written or evident type of a declaration, or null when it cannot be read. */
export function typeOfDeclaration(decl: Declaration): TypeInfo | null {
  if (decl.type) return classifyTypeNode(decl.type);
  if (decl.value) return typeOfValue(decl.value);
  return null;
}

/** Finds `type Name struct {…}` in the file and the written type of its field. */
export function fieldType(root: SyntaxNode, typeName: string, field: string): TypeInfo | null {
  const spec = typeSpecNamed(root, typeName);
  if (spec?.type !== 'type_spec') return null;
  const struct = spec.childForFieldName('type');
  if (struct?.type !== 'struct_type') return null;
  const t = structFieldTypeNode(struct, field);
  return t ? classifyTypeNode(t) : null;
}

/** The written type node of a named field of a struct type node, or null. */
export function structFieldTypeNode(struct: SyntaxNode, field: string): SyntaxNode | null {
  const list = struct.namedChildren.find((c) => c.type === 'field_declaration_list');
  for (const f of list?.namedChildren ?? []) {
    if (f.type !== 'field_declaration') continue;
    if (f.childrenForFieldName('name').some((n) => n.text === field)) return f.childForFieldName('type');
  }
  return null;
}

/**
 * The type of an identifier or `x.field` expression at its position, read from declarations
 * in the same file; null when unknown.
 */
export function typeOfExpression(expr: SyntaxNode): TypeInfo | null {
  if (expr.type === 'identifier') {
    const decl = findDeclaration(expr, expr.text);
    return decl ? typeOfDeclaration(decl) : null;
  }
  if (expr.type === 'selector_expression') {
    const operand = expr.childForFieldName('operand');
    const field = expr.childForFieldName('field');
    if (operand?.type !== 'identifier' || !field) return null;
    const decl = findDeclaration(expr, operand.text);
    if (!decl) return null;
    const t = typeOfDeclaration(decl);
    if (!t) return null;
    const base = t.kind === 'pointer' ? t.text.replace(/^\*/, '') : t.kind === 'named' ? t.text : null;
    if (!base || !/^[A-Za-z_]\w*$/.test(base)) return null;
    const root = fileRoot(expr);
    return fieldType(root, base, field.text);
  }
  return typeOfValue(expr);
}
