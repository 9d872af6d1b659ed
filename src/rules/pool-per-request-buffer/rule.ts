import { intConstant } from '../../core/go/constants.js';
import { enclosingFunction } from '../../core/go/functions.js';
import { enclosingLoop } from '../../core/go/loops.js';
import { packageCall } from '../../core/go/packages.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration } from '../../core/go/scope.js';
import { isHttpHandler } from '../../core/go/stdlib-types.js';
import { callArguments } from '../../core/go/syntax.js';
import { defineRule } from '../define-rule.js';

/** Buffers smaller than this are cheap to allocate; the catalog's threshold. */
const MIN_POOLED = 1024;

interface Allocation {
  node: SyntaxNode;
  /** How the message names what is allocated; null when it is too small to pool (computed late: it may resolve constants). */
  what: () => string | null;
}

function sizeText(n: number): string {
  return n % 1024 === 0 ? `${n / 1024} KiB` : `${n} bytes`;
}

/** `make([]byte, N)` / `make([]byte, 0, N)`, sized later (constant N ≥ 1024 qualifies). */
function bigByteSlice(call: SyntaxNode): Allocation | null {
  const args = callArguments(call);
  if (args.length < 2 || args.length > 3) return null;
  const elem = args[0]!.type === 'slice_type' ? args[0]!.childForFieldName('element')?.text : null;
  if (elem !== 'byte' && elem !== 'uint8') return null;
  const sizeNode = args[args.length - 1]!;
  const what = (): string | null => {
    const size = intConstant(sizeNode);
    return size === null || size < MIN_POOLED ? null : `a ${sizeText(size)} buffer`;
  };
  return { node: call, what };
}

/**
 * Where the allocated value goes, seen from the expression: `temp` (an argument to a call),
 * a local variable, or somewhere it outlives the request or iteration (returned, stored,
 * sent, appended), in which case a pool does not fit.
 */
type Destination = { kind: 'temp' } | { kind: 'var'; name: string; statement: SyntaxNode } | { kind: 'kept' };

const STATEMENT_END = new Set(['expression_statement', 'short_var_declaration', 'assignment_statement', 'var_spec', 'block', 'statement_list']);
const KEEPS = new Set(['return_statement', 'send_statement', 'literal_element', 'keyed_element', 'go_statement', 'func_literal']);

/** For a value passed to a call: whether the call hands it somewhere it is kept (`append`, a returned or stored wrapper). */
function keptThroughCall(args: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = args; n && !STATEMENT_END.has(n.type); n = n.parent) {
    if (KEEPS.has(n.type)) return true;
    if (n.type === 'argument_list' && n.parent?.childForFieldName('function')?.text === 'append') return true;
  }
  return false;
}

function destinationOf(expr: SyntaxNode): Destination {
  let node = expr;
  while (node.parent?.type === 'parenthesized_expression') node = node.parent;
  const parent = node.parent;
  if (!parent) return { kind: 'kept' };
  if (parent.type === 'argument_list') return keptThroughCall(parent) ? { kind: 'kept' } : { kind: 'temp' };
  if (parent.type !== 'expression_list') return { kind: 'kept' };
  const holder = parent.parent;
  const index = parent.namedChildren.findIndex((c) => c.id === node.id);
  let target: SyntaxNode | undefined;
  if (holder?.type === 'short_var_declaration' || holder?.type === 'assignment_statement') {
    if (holder.childForFieldName('right')?.id !== parent.id) return { kind: 'kept' };
    if (holder.type === 'assignment_statement' && holder.childForFieldName('operator')?.text !== '=') return { kind: 'kept' };
    target = holder.childForFieldName('left')?.namedChildren[index];
  } else if (holder?.type === 'var_spec') {
    target = holder.childrenForFieldName('name')[index];
  } else {
    return { kind: 'kept' }; // returned, sent, …
  }
  if (target?.type !== 'identifier' || target.text === '_') return { kind: 'kept' };
  const statement = holder.type === 'var_spec' ? holder.parent! : holder;
  if (holder.type === 'assignment_statement') {
    // A variable of an enclosing function or the package (a sink, a cache) keeps the buffer.
    const decl = findDeclaration(holder, target.text);
    const fn = enclosingFunction(holder);
    if (!decl || !fn || decl.id.startIndex < fn.startIndex || decl.id.endIndex > fn.endIndex) return { kind: 'kept' };
  }
  return { kind: 'var', name: target.text, statement };
}

/** Whether a use of the buffer variable lets it outlive the scope (returned, stored, sent, captured). */
function escapes(use: SyntaxNode, name: string, scope: SyntaxNode): boolean {
  for (let n = use.parent; n && n.id !== scope.id; n = n.parent) if (n.type === 'func_literal' || n.type === 'go_statement') return true;
  let child = use;
  for (let n = use.parent; n; child = n, n = n.parent) {
    switch (n.type) {
      case 'return_statement':
      case 'send_statement':
      case 'literal_element':
      case 'keyed_element':
      case 'go_statement':
      case 'func_literal':
        return true;
      case 'unary_expression':
        if (n.text.startsWith('&')) return true;
        break;
      case 'argument_list': {
        const call = n.parent;
        if (call?.childForFieldName('function')?.text === 'append' && n.namedChildren[0]?.id !== child.id) return true;
        // A setter keeps what it is given (`cmd.SetOut(buf)`, `log.SetOutput(buf)`): pooling it would be wrong.
        if (/(?:^|\.)Set[A-Z]\w*$/.test(call?.childForFieldName('function')?.text ?? '')) return true;
        return false; // passed to a call: used, not kept
      }
      case 'expression_list': {
        const holder = n.parent;
        if (holder?.type !== 'assignment_statement' && holder?.type !== 'short_var_declaration') break; // e.g. a return
        if (holder.childForFieldName('right')?.id !== n.id) return false;
        // `x = buf[:n]`: kept unless assigned back to itself.
        const left = holder.childForFieldName('left')?.namedChildren ?? [];
        return !(left.length === 1 && left[0]!.text === name);
      }
      case 'block':
      case 'statement_list':
      case 'expression_statement':
        return false;
    }
  }
  return false;
}

/** Whether the variable holding the buffer is kept beyond `scope`, or is reused lazily. */
function keptOrReused(dest: { name: string; statement: SyntaxNode }, alloc: SyntaxNode, scope: SyntaxNode): boolean {
  const { name } = dest;
  let uses = scope;
  if (dest.statement.type === 'assignment_statement') {
    const decl = findDeclaration(dest.statement, name);
    if (!decl || decl.id.startIndex < scope.startIndex) {
      // Declared outside the loop: (re)made under a condition is a lazy make-once-then-reuse,
      // and the buffer may be kept after the loop, so look at the whole function.
      for (let n = alloc.parent; n && n.id !== scope.id; n = n.parent) if (n.type === 'if_statement') return true;
      uses = enclosingFunction(scope)?.childForFieldName('body') ?? scope;
    }
  }
  if (!uses.text.includes(name)) return false;
  return uses.descendantsOfType('identifier').some((id) => id.text === name && id.startIndex > dest.statement.endIndex && escapes(id, name, uses));
}

/** A benchmark's measuring loop (`b.N`, `b.Loop()`, `pb.Next()`): allocation there is the subject. */
function isBenchmarkLoop(loop: SyntaxNode): boolean {
  const header = loop.namedChildren.find((c) => c.type !== 'block' && c.type !== 'comment');
  if (!header || !/\b\w+\.(?:N\b|Loop\(\)|Next\(\))/.test(header.text)) return false;
  const params = enclosingFunction(loop)?.childForFieldName('parameters')?.text ?? '';
  return /\btesting\.P?B\b/.test(params);
}

/** The loop whose body holds the node (an allocation in a loop's header runs once). */
function loopAround(node: SyntaxNode): SyntaxNode | null {
  const loop = enclosingLoop(node);
  const body = loop?.childForFieldName('body');
  return body && node.startIndex >= body.startIndex && node.endIndex <= body.endIndex ? loop : null;
}

export default defineRule({
  id: 'pool-per-request-buffer',
  title: 'Take per-request and per-iteration buffers from a `sync.Pool`',
  section: 'Zero-Allocation Patterns (Enforced)',
  severity: 'notice',
  minGo: '1.0',
  fixable: false,
  subjects: ['pool', 'allocat', 'reuse'],
  description:
    'A large byte buffer (`make([]byte, N)` with a constant N of 1 KiB or more) or a `bytes.Buffer` ' +
    '(`new(bytes.Buffer)`, `bytes.NewBuffer(make(…))`) made inside an HTTP handler or a loop is allocated again ' +
    'for every request or iteration, and the garbage collector has to reclaim each one. A `sync.Pool` ' +
    'hands back a buffer from an earlier request instead. Buffers that outlive the request or iteration ' +
    '(returned, stored, sent on a channel, handed to a setter such as `SetOut`) and buffers around an existing ' +
    'slice or string (`bytes.NewBuffer(body)`, `bytes.NewBufferString(s)`) are not reported. In a loop the ' +
    'finding is advisory: the first fix there is to allocate once before the loop and reuse.',
  examples: {
    incorrect: `
import (
	"io"
	"net/http"
)

func upload(w http.ResponseWriter, r *http.Request) {
	buf := make([]byte, 32*1024)
	n, _ := io.ReadFull(r.Body, buf)
	w.Write(buf[:n])
}
`,
    correct: `
import (
	"io"
	"net/http"
	"sync"
)

var bufPool = sync.Pool{New: func() any { b := make([]byte, 32*1024); return &b }}

func upload(w http.ResponseWriter, r *http.Request) {
	bp := bufPool.Get().(*[]byte)
	defer bufPool.Put(bp)
	n, _ := io.ReadFull(r.Body, *bp)
	w.Write((*bp)[:n])
}
`,
  },
  create(context) {
    let bytesName: string | null | undefined;
    const bytesImport = (): string | null => {
      if (bytesName === undefined) bytesName = context.imports().get('bytes') ?? null;
      return bytesName;
    };
    const check = (alloc: Allocation): void => {
      const loop = loopAround(alloc.node);
      let scope: SyntaxNode | null = null;
      let per = '';
      if (loop && !isBenchmarkLoop(loop)) {
        scope = loop;
        per = 'iteration';
      } else {
        const fn = enclosingFunction(alloc.node);
        if (fn && isHttpHandler(fn, context.imports())) {
          scope = fn.childForFieldName('body');
          per = 'request';
        }
      }
      if (!scope) return;
      const what = alloc.what();
      if (!what) return;
      const dest = destinationOf(alloc.node);
      if (dest.kind === 'kept') return;
      if (dest.kind === 'var' && keptOrReused(dest, alloc.node, scope)) return;
      const written = `\`${alloc.node.text.replace(/\s+/g, ' ')}\``;
      if (per === 'iteration') {
        // In a loop the first fix is to allocate once before it and reuse the buffer; a pool
        // pays off only when the function itself runs per request, which the code rarely shows.
        const reuse = alloc.what === BYTES_BUFFER ? 'make one before the loop and `Reset()` it each iteration' : 'make it once before the loop and reuse it';
        context.report({
          node: alloc.node,
          message: `${written} allocates ${what} on every iteration: ${reuse}, or take it from a \`sync.Pool\` if the function runs per request.`,
          tier: 'advisory',
        });
        return;
      }
      context.report({
        node: alloc.node,
        message: `${written} allocates ${what} on every ${per}: take it from a \`sync.Pool\` (pool a pointer such as \`*[]byte\` or \`*bytes.Buffer\`) and put it back when done.`,
      });
    };
    const examine = (node: SyntaxNode): void => {
      if (node.type === 'unary_expression') {
        if (node.text.replace(/\s/g, '') === `&${bytesImport()}.Buffer{}`) check({ node, what: BYTES_BUFFER });
        return;
      }
      const fn = node.childForFieldName('function');
      if (fn?.text === 'make') {
        const alloc = bigByteSlice(node);
        // The slice handed to bytes.NewBuffer is reported as that buffer.
        if (alloc && !isNewBufferArgument(node)) check(alloc);
      } else if (fn?.text === 'new') {
        if (node.text.replace(/\s/g, '') === `new(${bytesImport()}.Buffer)`) check({ node, what: BYTES_BUFFER });
      } else {
        const target = packageCall(node, context.imports());
        // A buffer around an existing slice or string (a reader over it, or `nil` for an empty
        // one) allocates only its small header: only `bytes.NewBuffer(make(…))` is reported.
        if (target?.path === 'bytes' && target.name === 'NewBuffer' && wrapsNewSlice(node)) {
          check({ node, what: BYTES_BUFFER });
        }
      }
    };
    return {
      // Allocations are rare among the file's many calls: find them by text once per file,
      // then confirm each on the tree, instead of visiting every call expression.
      $end() {
        const source = context.source;
        if (!source.includes('make(') && !source.includes('Buffer')) return;
        const bytes = source.includes('"bytes"') ? bytesImport() : null;
        const pattern = bytes && bytes !== '.' && bytes !== '_' ? allocationPattern(bytes) : MAKE_PATTERN;
        for (const match of source.matchAll(pattern)) {
          let node: SyntaxNode | null = context.root.descendantForIndex(match.index);
          while (node && node.startIndex === match.index && node.type !== 'call_expression' && node.type !== 'unary_expression') node = node.parent;
          if (node && node.startIndex === match.index) examine(node);
        }
      },
    };
  },
});

const BYTES_BUFFER = (): string => 'a bytes.Buffer';

const MAKE_PATTERN = /\bmake\(\s*\[\]\s*(?:byte|uint8)\s*,/g;

function allocationPattern(bytes: string): RegExp {
  const b = bytes.replace(/[^\w]/g, '');
  return new RegExp(`\\bmake\\(\\s*\\[\\]\\s*(?:byte|uint8)\\s*,|\\bnew\\(\\s*${b}\\.Buffer\\s*\\)|&\\s*${b}\\.Buffer\\s*\\{|\\b${b}\\.NewBuffer(?:String)?\\(`, 'g');
}

/** `bytes.NewBuffer(make([]byte, …))`: the buffer's storage is allocated here. */
function wrapsNewSlice(call: SyntaxNode): boolean {
  const arg = callArguments(call)[0];
  return arg?.type === 'call_expression' && arg.childForFieldName('function')?.text === 'make';
}

function isNewBufferArgument(call: SyntaxNode): boolean {
  const outer = call.parent?.type === 'argument_list' ? call.parent.parent : null;
  const fn = outer?.childForFieldName('function')?.text ?? '';
  return /\.NewBuffer(?:String)?$/.test(fn);
}

