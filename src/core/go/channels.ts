/**
 * Channels: unbuffered `make(chan T)` calls, where a channel is stored and how the file uses it
 * (sends, receives, close, `signal.Notify`), computed once per file so that the channel rules
 * agree on every `make(chan T)`; stop channels and select-case receives; the capacity-one fix.
 */
import type { Edit } from '../model.js';
import { ancestors, parentOf } from './ancestry.js';
import { fileMemo } from './file-memo.js';
import { namesImport } from './imports.js';
import { enclosingFunction } from './functions.js';
import { goStatementOfLiteral, isTerminatingCall } from './goroutines.js';
import type { SyntaxNode } from './parser.js';
import { findDeclaration } from './scope.js';
import { lastName, selectorParts } from './selectors.js';
import { callArguments, expressionListItems, fileRoot, hasAncestorBefore, unparen } from './syntax.js';
import { wordOffsets } from './words.js';

/** `make(chan T)` with no capacity argument. */
export interface UnbufferedMake {
  call: SyntaxNode;
  /** The `chan T` type node. */
  type: SyntaxNode;
  /** The element type `T`. */
  elem: SyntaxNode | null;
}

/** From a `channel_type` node: the `make(chan T)` call it is the only argument of, or null. */
export function unbufferedMake(channelType: SyntaxNode): UnbufferedMake | null {
  // Asked by each channel rule of the same node: the parents are remembered.
  const args = parentOf(channelType);
  if (args?.type !== 'argument_list') return null;
  const call = parentOf(args);
  if (call?.type !== 'call_expression') return null;
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'identifier' || fn.text !== 'make') return null;
  if (args.namedChildren.filter((c) => c.type !== 'comment').length !== 1) return null;
  return { call, type: channelType, elem: channelType.childForFieldName('value') };
}

/** Where the new channel is stored: a local or package variable, or a struct field. */
export type ChannelBinding =
  | { kind: 'variable'; name: string; id: SyntaxNode; scope: SyntaxNode; local: boolean }
  | { kind: 'field'; name: string };

function indexIn(list: SyntaxNode, child: SyntaxNode): number {
  return list.namedChildren.filter((c) => c.type !== 'comment').findIndex((c) => c.id === child.id);
}

type VariableBinding = Extract<ChannelBinding, { kind: 'variable' }>;

/** A variable binding scoped like Go scopes it: from the declaration to the end of its block. */
function variable(id: SyntaxNode, declaredAt: SyntaxNode): VariableBinding | null {
  const fn = enclosingFunction(declaredAt);
  if (!fn) {
    return { kind: 'variable', name: id.text, id, scope: fileRoot(declaredAt), local: false };
  }
  let scope: SyntaxNode | null = declaredAt.parent;
  while (scope && scope.type !== 'block' && scope.id !== fn.id) scope = scope.parent;
  return scope && scope.type === 'block' ? { kind: 'variable', name: id.text, id, scope, local: true } : null;
}

/** The variable or field a `make(chan T)` is stored in, or null when it goes elsewhere (an argument, a return). */
export function bindingOf(call: SyntaxNode): ChannelBinding | null {
  const parent = parentOf(call);
  if (parent?.type === 'literal_element') {
    const keyed = parentOf(parent);
    if (keyed?.type !== 'keyed_element' || keyed.childForFieldName('value')?.id !== parent.id) return null;
    const key = keyed.childForFieldName('key');
    const id = key?.namedChild(0);
    return id?.type === 'identifier' || id?.type === 'field_identifier' ? { kind: 'field', name: id.text } : null;
  }
  const list = parent?.type === 'expression_list' ? parent : null;
  const holder = (list && parentOf(list)) ?? parent;
  if (!holder) return null;
  const at = list ? indexIn(list, call) : 0;
  switch (holder.type) {
    case 'short_var_declaration': {
      const left = expressionListItems(holder.childForFieldName('left'));
      const right = expressionListItems(holder.childForFieldName('right'));
      const id = left[at];
      return left.length === right.length && id?.type === 'identifier' && id.text !== '_' ? variable(id, holder) : null;
    }
    case 'var_spec': {
      const names = holder.childrenForFieldName('name');
      const values = expressionListItems(holder.childForFieldName('value'));
      const id = names[at];
      return names.length === values.length && id && id.text !== '_' ? variable(id, holder) : null;
    }
    case 'assignment_statement': {
      if (holder.childForFieldName('operator')?.text !== '=') return null;
      const left = expressionListItems(holder.childForFieldName('left'));
      const right = expressionListItems(holder.childForFieldName('right'));
      const target = left[at] ? unparen(left[at]!) : null;
      if (!target || left.length !== right.length) return null;
      if (target.type === 'selector_expression') {
        const field = target.childForFieldName('field');
        return field ? { kind: 'field', name: field.text } : null;
      }
      if (target.type !== 'identifier' || target.text === '_') return null;
      const decl = findDeclaration(target, target.text);
      return decl ? variable(decl.id, decl.statement) : null;
    }
    default:
      return null;
  }
}

export type UseKind = 'send' | 'receive' | 'close' | 'notify' | 'inspect' | 'assign' | 'go-argument' | 'other';

export interface ChannelUse {
  /** The identifier or `x.field` expression naming the channel. */
  node: SyntaxNode;
  kind: UseKind;
  /** For sends and receives: the select case holding the communication, if any. */
  selectCase: SyntaxNode | null;
}

/**
 * The nodes of `type` spelled `name` inside `scope`, found by searching the text and asking the
 * tree only at the matches (far cheaper than materialising every identifier of a large file).
 */
function nodesNamed(scope: SyntaxNode, name: string, type: 'identifier' | 'field_identifier'): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const from = scope.startIndex;
  for (const offset of wordOffsets(scope.text, name)) {
    const start = from + offset;
    const node = scope.descendantForIndex(start, start + name.length);
    if (node.type === type && node.startIndex === start) out.push(node);
  }
  return out;
}

/** Every `x.name` selector in the file. */
function selectorsNamed(root: SyntaxNode, name: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const f of nodesNamed(root, name, 'field_identifier')) {
    const p = f.parent;
    if (p?.type === 'selector_expression') out.push(p);
  }
  return out;
}

function classify(node: SyntaxNode, imports: ReadonlyMap<string, string>): ChannelUse {
  let expr = node;
  let p = parentOf(expr);
  while (p?.type === 'parenthesized_expression') {
    expr = p;
    p = parentOf(expr);
  }
  const use = (kind: UseKind, selectCase: SyntaxNode | null = null): ChannelUse => ({ node, kind, selectCase });
  if (!p) return use('other');
  switch (p.type) {
    case 'send_statement':
      if (p.childForFieldName('channel')?.id !== expr.id) return use('other');
      return use('send', p.parent?.type === 'communication_case' ? p.parent : null);
    case 'unary_expression': {
      if (p.childForFieldName('operator')?.text !== '<-') return use(p.text.startsWith('&') ? 'other' : 'inspect');
      let holder = p.parent;
      while (holder?.type === 'parenthesized_expression') holder = holder.parent;
      if (holder?.type === 'receive_statement' || holder?.type === 'expression_statement') holder = holder.parent;
      return use('receive', holder?.type === 'communication_case' ? holder : null);
    }
    case 'range_clause':
      return use(p.childForFieldName('right')?.id === expr.id ? 'receive' : 'other');
    case 'binary_expression':
      return use('inspect');
    case 'argument_list': {
      const call = p.parent!;
      const fn = call.childForFieldName('function');
      if (fn?.type === 'identifier' && fn.text === 'close') return use('close');
      if (fn?.type === 'identifier' && (fn.text === 'len' || fn.text === 'cap')) return use('inspect');
      if (fn && unparen(fn).type === 'func_literal' && goStatementOfLiteral(unparen(fn))) return use('go-argument');
      const sel = selectorParts(fn);
      if (sel && namesImport(imports, 'os/signal', sel.operand.text) && sel.field === 'Notify' && callArguments(call)[0]?.id === expr.id) return use('notify');
      return use('other');
    }
    case 'expression_list': {
      const holder = p.parent;
      if (holder?.type === 'assignment_statement' && holder.childForFieldName('left')?.id === p.id) return use('assign');
      return use('other');
    }
    default:
      return use('other');
  }
}

const DECLARING_PARENTS = new Set(['parameter_declaration', 'variadic_parameter_declaration', 'var_spec', 'const_spec']);

/** Whether an identifier declares a name (`x :=`, `var x`, a parameter, a range variable). */
function declares(id: SyntaxNode): boolean {
  const p = parentOf(id);
  if (!p) return false;
  if (DECLARING_PARENTS.has(p.type)) return p.childrenForFieldName('name').some((n) => n.id === id.id);
  if (p.type !== 'expression_list') return false;
  const holder = parentOf(p);
  if (holder?.type !== 'short_var_declaration' && holder?.type !== 'range_clause') return false;
  if (holder.childForFieldName('left')?.id !== p.id) return false;
  return holder.type === 'short_var_declaration' || /^\s*:=/.test(holder.text.slice(p.endIndex - holder.startIndex));
}

/** The uses of a bound channel that the file shows (the binding's own left-hand side excluded). */
export function channelUses(binding: ChannelBinding, root: SyntaxNode, imports: ReadonlyMap<string, string>): ChannelUse[] {
  if (binding.kind === 'field') return selectorsNamed(root, binding.name).map((s) => classify(s, imports));
  const named: SyntaxNode[] = [];
  let shadowed = false;
  for (const id of nodesNamed(binding.scope, binding.name, 'identifier')) {
    if (id.id === binding.id.id) continue;
    if (binding.local && id.startIndex < binding.id.startIndex) continue;
    if (declares(id)) {
      shadowed = true;
      continue;
    }
    named.push(id);
  }
  const out: ChannelUse[] = [];
  for (const id of named) {
    // Another declaration of the name inside the scope: resolve each use (slow, and rare).
    if (shadowed || !binding.local) {
      const decl = findDeclaration(id, id.text);
      if (decl && decl.id.id !== binding.id.id) continue;
      if (!decl && binding.local) continue;
    }
    out.push(classify(id, imports));
  }
  return out;
}

interface ChannelFacts {
  binding: ChannelBinding | null;
  uses: ChannelUse[];
}

/** The binding and uses of a made channel, computed once per file for all the channel rules. */
export function channelFacts(make: UnbufferedMake, root: SyntaxNode, imports: ReadonlyMap<string, string>): ChannelFacts {
  const perFile = fileMemo(root, 'channel-facts', () => new Map<number, ChannelFacts>());
  const cached = perFile.get(make.call.id);
  if (cached) return cached;
  const binding = bindingOf(make.call);
  const facts = { binding, uses: binding ? channelUses(binding, root, imports) : [] };
  perFile.set(make.call.id, facts);
  return facts;
}

/** `make(chan os.Signal)` (with the file's name for package os). */
export function isSignalElement(elem: SyntaxNode | null, imports: ReadonlyMap<string, string>): boolean {
  const m = elem && /^([\p{L}_][\p{L}\p{N}_]*)\.Signal$/u.exec(elem.text.replace(/\s/g, ''));
  return !!m && namesImport(imports, 'os', m[1]);
}

/** For signal-channel-unbuffered: an unbuffered `chan os.Signal` the file passes to `signal.Notify`. */
export function signalNotifyChannel(make: UnbufferedMake, imports: ReadonlyMap<string, string>, root: SyntaxNode): boolean {
  if (!isSignalElement(make.elem, imports) || !imports.get('os/signal')) return false;
  return channelFacts(make, root, imports).uses.some((u) => u.kind === 'notify');
}

export interface ResultLeak {
  /** The goroutine that sends the one result. */
  go: SyntaxNode;
  /** The select that can give up on the result. */
  select: SyntaxNode;
  /** The competing case that wins and leaves (its communication, or `default`). */
  exit: SyntaxNode;
  name: string;
}

const FUNCTION_LITERAL: ReadonlySet<string> = new Set(['func_literal']);
const LOOP: ReadonlySet<string> = new Set(['for_statement']);

/** Whether the statements of a select case leave the function or end the goroutine. */
function caseLeaves(commCase: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  for (const n of commCase.descendantsOfType(['return_statement', 'goto_statement', 'call_expression'])) {
    if (n.type === 'call_expression' ? isTerminatingCall(n, imports) : true) {
      if (!hasAncestorBefore(n, FUNCTION_LITERAL, commCase)) return true;
    }
  }
  return false;
}

/** The `go func(…) { … }(…)` literal a node runs in, when that literal is started in `fn`. */
function goroutineIn(node: SyntaxNode, fn: SyntaxNode): SyntaxNode | null {
  const fnId = fn.id;
  for (const n of ancestors(node)) {
    if (n.id === fnId) break;
    if (n.type !== 'func_literal') continue;
    const go = goStatementOfLiteral(n);
    return go && enclosingFunction(go)?.id === fn.id ? n : null;
  }
  return null;
}

/**
 * For result-channel-leak: a local `ch := make(chan T)` that exactly one goroutine sends one
 * value on, while the function receives it only in a select with another case that gives up
 * (returns, or ends a select that is not retried in a loop). Then the sender blocks forever.
 */
export function resultLeak(make: UnbufferedMake, root: SyntaxNode, imports: ReadonlyMap<string, string>): ResultLeak | null {
  if (make.type.text.replace(/\s/g, '').startsWith('chan<-') || make.type.text.startsWith('<-')) return null;
  const { binding, uses } = channelFacts(make, root, imports);
  if (binding?.kind !== 'variable' || !binding.local) return null;
  const fn = enclosingFunction(make.call);
  if (!fn) return null;
  let goroutine: SyntaxNode | null = null;
  const sends: ChannelUse[] = [];
  const receives: ChannelUse[] = [];
  const addSender = (literal: SyntaxNode): boolean => {
    if (goroutine && goroutine.id !== literal.id) return false;
    goroutine = literal;
    return true;
  };
  for (const use of uses) {
    switch (use.kind) {
      case 'send': {
        const literal = goroutineIn(use.node, fn);
        if (!literal || use.selectCase || !addSender(literal)) return null;
        sends.push(use);
        break;
      }
      case 'go-argument': {
        // go func(out chan<- T) { out <- v }(ch): follow the parameter.
        const call = use.node.parent!.parent!;
        const literal = unparen(call.childForFieldName('function')!);
        const param = parameterFor(literal, call, use.node);
        if (!param || !addSender(literal)) return null;
        for (const inner of channelUses(param, param.scope, imports)) {
          if (inner.kind === 'send' && !inner.selectCase) sends.push(inner);
          else if (inner.kind !== 'close' && inner.kind !== 'inspect') return null;
        }
        break;
      }
      case 'receive':
        if (goroutineIn(use.node, fn) || enclosingFunction(use.node)?.id !== fn.id) return null;
        receives.push(use);
        break;
      case 'close':
        if (!goroutineIn(use.node, fn)) return null;
        break;
      case 'inspect':
        break;
      default:
        return null;
    }
  }
  const sender: SyntaxNode | null = goroutine;
  if (!sender || sends.length === 0 || receives.length !== 1) return null;
  const go = goStatementOfLiteral(sender)!;
  // One goroutine per channel: not started in a loop, unless the channel is made in that loop too.
  if (hasAncestorBefore(go, LOOP, binding.scope)) return null;
  if (sends.some((s) => hasAncestorBefore(s.node, LOOP, sender))) return null;
  const commCase = receives[0]!.selectCase;
  const select = commCase?.parent;
  if (!commCase || select?.type !== 'select_statement') return null;
  // A select retried in a loop comes back to the receive, unless the channel is new each round.
  const inLoop = hasAncestorBefore(select, LOOP, binding.scope);
  for (const other of select.namedChildren) {
    if (other.id === commCase.id || (other.type !== 'communication_case' && other.type !== 'default_case')) continue;
    if (inLoop && !caseLeaves(other, imports)) continue;
    return { go, select, exit: other.type === 'default_case' ? other : (other.childForFieldName('communication') ?? other), name: binding.name };
  }
  return null;
}

/** The parameter of a goroutine literal that receives `arg`, as a binding scoped to the literal's body. */
function parameterFor(literal: SyntaxNode, call: SyntaxNode, arg: SyntaxNode): VariableBinding | null {
  const index = callArguments(call).findIndex((a) => a.id === arg.id || unparen(a).id === arg.id);
  const names = (literal.childForFieldName('parameters')?.namedChildren ?? [])
    .filter((p) => p.type === 'parameter_declaration')
    .flatMap((p) => p.childrenForFieldName('name'));
  const id = names[index];
  const body = literal.childForFieldName('body');
  return id && body && id.text !== '_' ? { kind: 'variable', name: id.text, id, scope: body, local: true } : null;
}

/** Words that name a channel which stops a goroutine: done, quit, stop, shutdown, closing, exit… */
const STOP_WORD =
  /^(done|quit|stop|stopping|stopped|shutdown|close|closed|closing|exit|exiting|cancel|canceled|cancelled|die|dying|terminate|kill|abort|finish|finished|halt)(c|ch|chan|s)?$|^q(c|ch|chan)$/;

/** Whether a name is a stop channel's: `done`, `quitCh`, `stopc`, `qch`, `workerDone`, `shutdown_ch`. */
export function isStopName(name: string): boolean {
  return name
    .split(/_|(?=[A-Z][a-z])/)
    .some((w) => STOP_WORD.test(w.toLowerCase()));
}

/** Whether receiving from `channel` waits for cancellation: `ctx.Done()` or a done/quit/stop channel. */
export function isStopChannel(channel: SyntaxNode): boolean {
  const n = unparen(channel);
  if (n.type === 'call_expression') {
    const sel = selectorParts(n.childForFieldName('function'));
    return sel?.field === 'Done' || sel?.field === 'Dying' || sel?.field === 'Closed';
  }
  const name = lastName(n);
  return name !== '' && isStopName(name);
}

/** The channel a `<-x` unary expression receives from, or null when it is not a receive. */
export function receivedChannel(unary: SyntaxNode): SyntaxNode | null {
  if (unary.type !== 'unary_expression') return null;
  const op = unary.childForFieldName('operator');
  if (op?.text !== '<-') return null;
  return unary.childForFieldName('operand');
}

/** The channel of a select case's communication when it receives, else null. */
export function caseReceive(commCase: SyntaxNode): SyntaxNode | null {
  const comm = commCase.childForFieldName('communication');
  if (!comm) return null;
  const unary = comm.type === 'receive_statement' ? comm.childForFieldName('right') : comm.type === 'expression_statement' ? comm.namedChild(0) : comm;
  return unary ? receivedChannel(unparen(unary)) : null;
}

/** `make(chan T)` → `make(chan T, 1)`, when the call sits on one line. */
export function capacityOneFix(make: UnbufferedMake): Edit[] | undefined {
  const args = make.call.childForFieldName('arguments');
  if (!args || make.call.startPosition.row !== make.call.endPosition.row || !args.text.endsWith(`${make.type.text})`)) return undefined;
  return [{ start: args.endIndex - 1, end: args.endIndex - 1, text: ', 1' }];
}
