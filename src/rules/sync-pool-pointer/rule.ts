import { enclosingFunction } from '../../core/go/functions.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration, type TypeInfo, type TypeKind, typeOfDeclaration, typeOfExpression, typeSpecNamed } from '../../core/go/scope.js';
import { selectorParts } from '../../core/go/selectors.js';
import { blockStatements, callArguments, unparen } from '../../core/go/syntax.js';
import { defineRule } from '../define-rule.js';

/**
 * Kinds whose conversion to `any` copies the value to the heap. (Small integers and constants are
 * boxed without allocating, so only these are reported.)
 */
// Integers and floats box to the heap too (beyond the runtime's static small integers); a bool
// does not allocate, and constants are boxed from static data.
const BOXED: ReadonlySet<TypeKind> = new Set(['slice', 'string', 'array', 'struct', 'int', 'float']);
const DESCRIBED: Partial<Record<TypeKind, string>> = {
  slice: 'a slice',
  string: 'a string',
  array: 'an array',
  struct: 'a struct value',
  int: 'an integer',
  float: 'a float',
};

/** The kind of a type declared in the file (`type T struct{…}`, `type B []byte`), or null. */
function namedKind(root: SyntaxNode, name: string): TypeKind | null {
  if (!/^[A-Za-z_]\w*$/.test(name)) return null;
  const spec = typeSpecNamed(root, name);
  if (spec?.type !== 'type_spec' || spec.childForFieldName('type_parameters')) return null;
  const t = spec.childForFieldName('type');
  switch (t?.type) {
    case 'struct_type':
      return 'struct';
    case 'slice_type':
      return 'slice';
    case 'array_type':
      return 'array';
    default:
      if (t?.text === 'string') return 'string';
      if (t && /^(?:u?int(?:8|16|32|64)?|uintptr|byte|rune)$/.test(t.text)) return 'int';
      return t && /^float(?:32|64)$/.test(t.text) ? 'float' : null;
  }
}

/** Library struct types often (wrongly) pooled by value, by import path and name. */
const LIBRARY_STRUCTS: ReadonlyArray<[string, string]> = [
  ['bytes', 'Buffer'],
  ['strings', 'Builder'],
];

interface Resolver {
  root: SyntaxNode;
  imports: ReadonlyMap<string, string>;
}

/** The kind of a written type: resolves names declared in the file; null when unknown. */
function kindOf(type: TypeInfo | null, at: Resolver): TypeKind | null {
  if (!type) return null;
  if (type.kind !== 'named') return type.kind;
  const text = type.text.replace(/\s/g, '');
  if (LIBRARY_STRUCTS.some(([path, name]) => text === `${at.imports.get(path)}.${name}`)) return 'struct';
  return namedKind(at.root, text);
}

/** What the value passed to Put is, when it is evidently not a pointer. */
function valueKind(arg: SyntaxNode, at: Resolver): TypeKind | null {
  const x = unparen(arg);
  switch (x.type) {
    case 'unary_expression':
      return null; // &v
    case 'slice_expression':
      return 'slice'; // b[:0] (or a substring: boxed all the same)
    case 'interpreted_string_literal':
    case 'raw_string_literal':
      return null; // a constant: boxed from static data, no allocation
    case 'composite_literal': {
      const t = x.childForFieldName('type');
      if (!t || t.type === 'map_type') return null;
      if (t.type === 'slice_type') return 'slice';
      if (t.type === 'array_type' || t.type === 'implicit_length_array_type') return 'array';
      return t.type === 'struct_type' ? 'struct' : kindOf(classifyWritten(t), at);
    }
    case 'call_expression':
      if (x.childForFieldName('function')?.text === 'make') {
        return callArguments(x)[0]?.type === 'slice_type' ? 'slice' : null;
      }
      return null;
    case 'identifier': {
      const decl = findDeclaration(x, x.text);
      if (!decl) return null;
      // b := pool.Get().([]byte)
      if (!decl.type && decl.value?.type === 'type_assertion_expression') {
        const t = decl.value.childForFieldName('type');
        return t ? kindOf(classifyWritten(t), at) : null;
      }
      return kindOf(typeOfDeclaration(decl), at);
    }
    case 'selector_expression':
      return kindOf(typeOfExpression(x), at);
    default:
      return null;
  }
}

/** A written type node as TypeInfo (slice, array, pointer, …, or named). */
function classifyWritten(t: SyntaxNode): TypeInfo {
  const kinds: Record<string, TypeKind> = {
    slice_type: 'slice',
    array_type: 'array',
    pointer_type: 'pointer',
    map_type: 'map',
    channel_type: 'chan',
    function_type: 'func',
    interface_type: 'interface',
    struct_type: 'struct',
  };
  const kind = kinds[t.type] ?? (t.text === 'string' ? 'string' : 'named');
  return { kind, text: t.text, node: t };
}

/** The written type of the pool expression: `p`, `x.p`, or an element of an array of pools `ps[i]`. */
function poolTypeText(pool: SyntaxNode): string | null {
  if (pool.type === 'identifier' || pool.type === 'selector_expression') return typeOfExpression(pool)?.text.replace(/\s/g, '') ?? null;
  if (pool.type !== 'index_expression') return null;
  const operand = pool.childForFieldName('operand');
  if (operand?.type !== 'identifier' && operand?.type !== 'selector_expression') return null;
  const container = typeOfExpression(operand);
  if (container?.kind !== 'array' && container?.kind !== 'slice') return null;
  return container.node?.childForFieldName('element')?.text.replace(/\s/g, '') ?? null;
}

/** The value `New` returns in a `sync.Pool{New: func() any { return … }}` literal, or null. */
function poolNewResult(pool: SyntaxNode): SyntaxNode | null {
  if (pool.type !== 'identifier') return null;
  const decl = findDeclaration(pool, pool.text);
  let value = decl?.value ?? null;
  if (value?.type === 'unary_expression') value = value.childForFieldName('operand');
  if (value?.type !== 'composite_literal') return null;
  const body = value.childForFieldName('body');
  for (const el of body?.namedChildren ?? []) {
    if (el.type !== 'keyed_element' || el.namedChild(0)?.text !== 'New') continue;
    let fn = el.namedChild(1);
    if (fn?.type === 'literal_element') fn = fn.namedChild(0);
    if (fn?.type !== 'func_literal') return null;
    const stmts = blockStatements(fn.childForFieldName('body'));
    const ret = stmts.length === 1 && stmts[0]!.type === 'return_statement' ? stmts[0]! : null;
    const values = ret?.namedChildren[0];
    return values?.type === 'expression_list' && values.namedChildCount === 1 ? values.namedChild(0) : (values ?? null);
  }
  return null;
}

const PUT_CALL = /\.Put\(/g;

/**
 * `func (b *bufferPool) Put(buf []byte) { b.pool.Put(buf) }`: a method whose signature an
 * interface such as `httputil.BufferPool` fixes to a slice; pooling a pointer would need a new
 * allocation per Put there too.
 */
function implementsSlicePool(call: SyntaxNode): boolean {
  const fn = enclosingFunction(call);
  if (fn?.type !== 'method_declaration' || fn.childForFieldName('name')?.text !== 'Put') return false;
  const params = fn.childForFieldName('parameters')?.namedChildren.filter((p) => p.type === 'parameter_declaration') ?? [];
  const param = params.length === 1 ? params[0]! : null;
  const names = param?.childrenForFieldName('name') ?? [];
  const arg = callArguments(call)[0];
  return param?.childForFieldName('type')?.type === 'slice_type' && names.length === 1 && !!arg && unparen(arg).text === names[0]!.text;
}

export default defineRule({
  id: 'sync-pool-pointer',
  title: 'Pool pointers, not values, in `sync.Pool`',
  section: 'Zero-Allocation Patterns (Enforced)',
  severity: 'warning',
  minGo: '1.0',
  fixable: false,
  subjects: ['allocat', 'boxing', 'interface conversion'],
  peers: ['staticcheck:SA6002'],
  description:
    '`sync.Pool` stores `any`. Putting a non-pointer value (a `[]byte` slice, a string, a struct value, a ' +
    'number the file declares) ' +
    'converts it to an interface, which copies it to the heap: every `Put` allocates, the very cost the pool ' +
    'exists to remove (staticcheck SA6002). Pool pointers instead (`*[]byte`, `*bytes.Buffer`, `*T`), and ' +
    'reset the length (`*bp = (*bp)[:0]`) or call `Reset()` before putting them back.',
  notes: `
The standard's own example pools \`make([]byte, 0, 4096)\` and calls \`bufPool.Put(buf)\` with the slice: that
is the defect this rule reports. The correct form stores a pointer:

\`\`\`go
var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

func process() {
	bp := bufPool.Get().(*[]byte)
	buf := (*bp)[:0]
	// use buf (appends may grow it)
	*bp = buf[:0]
	bufPool.Put(bp)
}
\`\`\`
`,
  examples: {
    incorrect: `
import "sync"

var bufPool = sync.Pool{New: func() any { return make([]byte, 0, 4096) }}

func process(data []byte) int {
	buf := bufPool.Get().([]byte)
	defer func() {
		buf = buf[:0]
		bufPool.Put(buf)
	}()
	buf = append(buf, data...)
	return len(buf)
}
`,
    correct: `
import "sync"

var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

func process(data []byte) int {
	bp := bufPool.Get().(*[]byte)
	buf := append((*bp)[:0], data...)
	n := len(buf)
	*bp = buf[:0]
	bufPool.Put(bp)
	return n
}
`,
  },
  create(context) {
    const examine = (call: SyntaxNode, syncName: string): void => {
      if (implementsSlicePool(call)) return;
      const sel = selectorParts(call.childForFieldName('function'));
      if (sel?.field !== 'Put') return;
      const args = callArguments(call);
      if (args.length !== 1) return;
      const pool = sel.operand;
      const poolType = poolTypeText(pool);
      const qualified = syncName === '.' ? 'Pool' : `${syncName}.Pool`;
      if (poolType !== qualified && poolType !== `*${qualified}`) return;
      let kind = valueKind(args[0]!, { root: context.root, imports: context.imports() });
      if (!kind && unparen(args[0]!).type === 'identifier') {
        // The pool hands out slices (`New` returns make([]T, …)): what comes back is one.
        const made = poolNewResult(pool);
        if (made?.type === 'call_expression' && made.childForFieldName('function')?.text === 'make' && callArguments(made)[0]?.type === 'slice_type') {
          kind = 'slice';
        }
      }
      if (!kind || !BOXED.has(kind)) return;
      const what = DESCRIBED[kind] ?? 'a value';
      const arg = args[0]!.text.length <= 30 ? args[0]!.text : '…';
      context.report({
        node: call,
        message: `\`${pool.text}.Put(${arg})\` puts ${what} into a sync.Pool: converting it to \`any\` allocates on every Put, the cost the pool should save; pool a pointer (\`*[]byte\`, \`*bytes.Buffer\`, \`*T\`) instead.`,
      });
    };
    return {
      // Put calls are rare among the file's calls: find them by text once per file, then
      // confirm each on the tree, instead of visiting every call expression.
      $end() {
        if (!context.source.includes('.Put(')) return;
        const syncName = context.imports().get('sync');
        if (!syncName || syncName === '_') return;
        for (const match of context.source.matchAll(PUT_CALL)) {
          let node: SyntaxNode | null = context.root.descendantForIndex(match.index);
          while (node && node.type !== 'call_expression' && node.endIndex <= match.index + match[0].length) node = node.parent;
          if (node?.type === 'call_expression') examine(node, syncName);
        }
      },
    };
  },
});
