import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration, typeSpecNamed } from '../../core/go/scope.js';
import { chainName, isVariableChain, typeOfChain } from '../../core/go/selectors.js';
import { callArguments, unparen } from '../../core/go/syntax.js';
import { defineRule } from '../define-rule.js';
import { exportedFieldOfUnseenStruct, fieldOfValueStruct, plainAccessLines } from './plain-access.js';

const FUNCTION = /^(Add|Load|Store|Swap|CompareAndSwap|And|Or)(Int32|Int64|Uint32|Uint64|Uintptr|Pointer)$/;

interface Use {
  call: SyntaxNode;
  /** Where the variable is declared in the file, when it is. */
  declaration: SyntaxNode | null;
  /** The variable as written after `&` (`s.hits`, `counts[i]`). */
  variable: SyntaxNode;
  /** `Add`, `Load`… and `Int64`, `Pointer`… */
  op: string;
  kind: string;
  count: number;
}

/** A key that names the same variable wherever it is written: `Server.hits` for a field. */
function variableKey(variable: SyntaxNode): string | null {
  const v = unparen(variable);
  if (v.type === 'index_expression') {
    const operand = v.childForFieldName('operand');
    return operand && isVariableChain(operand) ? `${variableKey(operand)}[]` : null;
  }
  if (!isVariableChain(v)) return null;
  if (v.type === 'identifier') {
    const decl = findDeclaration(v, v.text);
    return decl ? `${v.text}@${decl.id.startIndex}` : v.text;
  }
  const operand = v.childForFieldName('operand')!;
  const field = v.childForFieldName('field')!.text;
  const base = typeOfChain(operand);
  const name = base ? /^\*?([A-Za-z_]\w*)/.exec(base.text.replace(/\s/g, ''))?.[1] : undefined;
  return name && (base!.kind === 'pointer' || base!.kind === 'named') ? `${name}.${field}` : v.text.replace(/\s/g, '');
}

/** The `field_declaration` of `field` in a struct type node, and the identifier naming it. */
function fieldDeclaration(struct: SyntaxNode | null, field: string): { decl: SyntaxNode; id: SyntaxNode } | null {
  if (struct?.type !== 'struct_type') return null;
  const list = struct.namedChildren.find((c) => c.type === 'field_declaration_list');
  for (const f of list?.namedChildren ?? []) {
    if (f.type !== 'field_declaration') continue;
    const id = f.childrenForFieldName('name').find((n) => n.text === field);
    if (id) return { decl: f, id };
  }
  return null;
}

/**
 * Where the variable is declared, when the file shows it: the identifier that declares it
 * (the finding goes there), 'keep' when retyping it is not the code's own choice (a parameter,
 * receiver or named result: the signature fixes the type, and a typed atomic must not be
 * copied; an exported field with a struct tag: it is marshalled), or null when not visible.
 */
function declarationOf(variable: SyntaxNode): SyntaxNode | 'keep' | null {
  const v = unparen(variable);
  if (v.type === 'identifier') {
    const decl = findDeclaration(v, v.text);
    if (!decl) return null;
    if (decl.kind === 'param' || decl.kind === 'result' || decl.kind === 'receiver') return 'keep';
    return decl.id;
  }
  if (v.type !== 'selector_expression') return null;
  const operand = v.childForFieldName('operand')!;
  const field = v.childForFieldName('field')!.text;
  const base = typeOfChain(operand);
  if (!base) return null;
  let struct: SyntaxNode | null = null;
  if (base.kind === 'struct') struct = base.node;
  else {
    const name = /^\*?([\p{L}_][\p{L}\p{N}_]*)$/u.exec(base.text.replace(/\s/g, ''))?.[1];
    let root = v;
    while (root.parent) root = root.parent;
    const spec = name ? typeSpecNamed(root, name) : null;
    struct = spec?.type === 'type_spec' ? spec.childForFieldName('type') : null;
  }
  const found = fieldDeclaration(struct, field);
  if (!found) return null;
  if (/^\p{Lu}/u.test(field) && found.decl.childForFieldName('tag')) return 'keep';
  return found.id;
}

/** `Int64` → `atomic.Int64`, `Pointer` → `atomic.Pointer[T]`. */
function typedName(atomicName: string, kind: string): string {
  return kind === 'Pointer' ? `${atomicName}.Pointer[T]` : `${atomicName}.${kind}`;
}

/** What a typed atomic gives, said only as far as the file shows it. */
function benefit(use: Use, plainLines: readonly number[]): string {
  const v = unparen(use.variable);
  // For a field the file's type information is partial: say what is seen, a selection of that name.
  const seen = v.type === 'selector_expression' ? `\`.${chainName(v)}\`` : `\`${v.text}\``;
  const lines = plainLines.slice(0, 3).join(', ') + (plainLines.length > 3 ? ', …' : '');
  const access =
    plainLines.length > 0
      ? `the file also uses ${seen} without an atomic call (line${plainLines.length > 1 ? 's' : ''} ${lines}); a typed atomic allows only atomic access, so those would become \`Load\`/\`Store\` calls`
      : 'a typed atomic allows only atomic access';
  if (use.kind === 'Pointer') return `type-safe, no \`unsafe.Pointer\`, and ${access}`;
  return use.kind.endsWith('64') ? `${access}, and 64-bit alignment is guaranteed on 32-bit platforms` : access;
}

function advice(use: Use, atomicName: string, plainLines: readonly number[]): string {
  const v = unparen(use.variable);
  const typed = typedName(atomicName, use.kind);
  const method = `${v.text}.${use.op}(${use.op === 'Load' ? '' : '…'})`;
  const target =
    v.type === 'index_expression'
      ? `make the elements of \`${v.childForFieldName('operand')!.text}\` \`${typed}\``
      : `declare \`${chainName(v)}\` as \`${typed}\``;
  const why = benefit(use, plainLines);
  const calls = use.count > 1 ? ` (${use.count} calls in this file)` : '';
  const rest = use.op === 'Load' ? '' : ', …';
  return `\`${atomicName}.${use.op}${use.kind}(&${v.text}${rest})\`${calls} on a plain variable: ${target} and call \`${method}\` — ${why}.`;
}

export default defineRule({
  id: 'atomic-typed',
  title: 'Use the typed atomics of `sync/atomic`',
  section: 'Atomic Operations (Mandatory)',
  severity: 'notice',
  minGo: '1.19',
  fixable: false,
  subjects: ['alignment', 'aligned', 'typed atomic'],
  description:
    'The functions `atomic.AddInt64(&v, …)`, `LoadUint32`, `StoreInt64`, `SwapPointer`, `CompareAndSwapInt32` and ' +
    'their kin operate on a plain variable, which any other code may still read or write non-atomically: a data ' +
    'race the compiler cannot see. The typed atomics of Go 1.19 (`atomic.Int64`, `atomic.Uint32`, `atomic.Bool`, ' +
    '`atomic.Pointer[T]`) allow only atomic access, and `atomic.Int64`/`Uint64` are 64-bit aligned even on 32-bit ' +
    'platforms, where a misaligned `AddInt64` panics. The rule reports each variable once per file, on its ' +
    'declaration when the file has it (otherwise at its first use); not parameters, receivers or named results ' +
    '(their type is part of a signature, and a typed atomic must not be copied), nor fields of a struct the ' +
    'file uses as a value (copied or built by a composite literal), nor exported fields with a ' +
    'struct tag (they are marshalled).',
  examples: {
    incorrect: `
import "sync/atomic"

type Server struct {
	requests int64
}

func (s *Server) Hit() {
	atomic.AddInt64(&s.requests, 1)
}
`,
    correct: `
import "sync/atomic"

type Server struct {
	requests atomic.Int64
}

func (s *Server) Hit() {
	s.requests.Add(1)
}
`,
  },
  // The function-form atomics are in `sync/atomic`.
  requires: ['"sync/atomic"'],
  create(context) {
    const uses = new Map<string, Use>();
    let atomicName: string | null | undefined;
    const relevant = context.source.includes('sync/atomic');
    return {
      $calls: ['Add', 'Load', 'Store', 'Swap', 'CompareAndSwap', 'And', 'Or'].flatMap((op) => ['Int32', 'Int64', 'Uint32', 'Uint64', 'Uintptr', 'Pointer'].map((t) => op + t)),
      call_expression(call) {
        if (!relevant) return;
        if (atomicName === undefined) atomicName = context.imports().get('sync/atomic') ?? null;
        if (!atomicName || !context.source.startsWith(`${atomicName}.`, call.startIndex)) return;
        const fn = call.childForFieldName('function');
        if (fn?.type !== 'selector_expression') return;
        const m = FUNCTION.exec(fn.childForFieldName('field')?.text ?? '');
        if (!m) return;
        const operand = fn.childForFieldName('operand');
        if (operand?.type !== 'identifier') return;
        if (operand.text !== atomicName) return;
        const shadow = findDeclaration(operand, atomicName);
        if (shadow && shadow.kind !== 'package') return; // a local variable named like the package
        const first = callArguments(call)[0];
        if (first?.type !== 'unary_expression' || !first.text.startsWith('&')) return;
        const variable = first.childForFieldName('operand');
        if (!variable) return;
        const key = variableKey(variable);
        if (!key) return;
        const seen = uses.get(key);
        if (seen) {
          seen.count++;
          return;
        }
        const declaration = declarationOf(variable);
        if (declaration === 'keep') return;
        uses.set(key, { call, declaration, variable, op: m[1]!, kind: m[2]!, count: 1 });
      },
      $end() {
        for (const [key, use] of uses) {
          // A field of a struct used as a value: a typed atomic would break its copies and literals.
          const structName = /^([\p{L}_][\p{L}\p{N}_]*)\.[\p{L}_][\p{L}\p{N}_]*$/u.exec(key)?.[1] ?? null;
          if (fieldOfValueStruct(context.root, use.variable, structName)) continue;
          const plain = plainAccessLines(context.root, use.variable);
          // On the declaration when the file has it: that is the line to change.
          context.report({
            node: use.declaration ?? use.call,
            message: advice(use, atomicName!, plain),
            anchor: use.call,
            // An exported field of a struct declared elsewhere: its copies and literals are not visible here.
            ...(exportedFieldOfUnseenStruct(context.root, use.variable) ? { tier: 'advisory' as const } : {}),
          });
        }
      },
    };
  },
});
