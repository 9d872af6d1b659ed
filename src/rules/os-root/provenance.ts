/**
 * Where a joined path component comes from, as far as the function shows: untrusted input
 * (an HTTP request, an HTTP handler's parameter, an archive entry's name), a value that cannot
 * hold `../` (a `%d`-formatted number, an ID, a test's name, a name listed from the same
 * directory, a package variable that is never reassigned), or neither.
 */
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration, type Declaration } from '../../core/go/scope.js';
import { stringLiteralValue } from '../../core/go/constants.js';
import { FUNCTION_TYPES } from '../../core/go/functions.js';
import { packageCall } from '../../core/go/packages.js';
import { selectorParts } from '../../core/go/selectors.js';
import { callArguments, unparen } from '../../core/go/syntax.js';
import { assignmentsIn } from './assignments.js';

/** Where an untrusted value was seen: words for the message. */
export type Untrusted = 'the request' | 'an HTTP handler parameter' | 'an archive entry name';

/** Request fields and methods that carry what the client sent. */
const REQUEST_INPUT = /^(URL|Form|PostForm|MultipartForm|Header|Trailer|RequestURI|Host|FormValue|PostFormValue|FormFile|PathValue|Cookie|Cookies|Referer|UserAgent)$/;

/** Handler context types of the common web frameworks: their values are the client's. */
const HANDLER_CONTEXT = /^\*?(gin\.Context|echo\.Context|fiber\.Ctx|httprouter\.Params)$/;

/** Calls whose result is a number written in decimal, never a path separator. */
const NUMBER_FORMATTERS = new Set(['Itoa', 'FormatInt', 'FormatUint']);

/** Types (and constructors) of identifiers: a UUID, ULID, XID or KSUID prints as letters and digits. */
const ID_PACKAGE = /^(uuid|ulid|xid|ksuid|guuid|gouuid)$/i;

/** Calls listing one directory: the directory is their first argument (`afero.ReadDir(fs, dir)`: the second). */
const LISTINGS: Record<string, number> = { ReadDir: 0, Readdirnames: -1, Readdir: -1 };

const MAX_DEPTH = 4;

function functionOf(decl: Declaration): SyntaxNode | null {
  for (let n = decl.id.parent; n; n = n.parent) if (FUNCTION_TYPES.has(n.type)) return n;
  return null;
}

function parameterTypes(fn: SyntaxNode): string[] {
  const params = fn.childForFieldName('parameters')?.namedChildren ?? [];
  return params.flatMap((p) => {
    const t = p.childForFieldName('type')?.text.replace(/\s/g, '') ?? '';
    return Array(Math.max(1, p.childrenForFieldName('name').length)).fill(t) as string[];
  });
}

/** The single right-hand side of the statement declaring `decl` (also for `a, b := f()`). */
function declaredValue(decl: Declaration): SyntaxNode | null {
  if (decl.value) return decl.value;
  if (decl.kind === 'range') return decl.statement.childForFieldName('right');
  if (decl.statement.type !== 'short_var_declaration') return null;
  const right = decl.statement.childForFieldName('right')?.namedChildren ?? [];
  return right.length === 1 ? right[0]! : null;
}

/** Right-hand sides of later `name = …` assignments in the function, before `before`. */
function assignedValues(decl: Declaration, before: number): SyntaxNode[] {
  const fn = functionOf(decl);
  const body = fn?.childForFieldName('body');
  if (!body) return [];
  const out: SyntaxNode[] = [];
  for (const a of assignmentsIn(body)) {
    if (a.start > before) break;
    const i = a.left.indexOf(decl.name);
    if (i < 0) continue;
    const right = a.statement.childForFieldName('right')?.namedChildren ?? [];
    const value = right.length === a.left.length ? right[i] : right.length === 1 ? right[0] : undefined;
    if (value) out.push(value);
  }
  return out;
}

export interface ProvenanceContext {
  http: string | null;
  /** Whether the file imports `archive/tar` or `archive/zip`. */
  archives: boolean;
  /** The file's name for `archive/tar`, or null. */
  tar: string | null;
  imports: ReadonlyMap<string, string>;
}

/** What untrusted input the expression carries, or null when the function shows none. */
export function untrustedInput(expr: SyntaxNode, ctx: ProvenanceContext, depth = 0): Untrusted | null {
  if (depth > MAX_DEPTH) return null;
  const nodes = [unparen(expr), ...unparen(expr).descendantsOfType(['identifier', 'selector_expression'])];
  for (const node of nodes) {
    if (node.type === 'selector_expression') {
      if (ctx.archives && isArchiveName(node, ctx.tar)) return 'an archive entry name';
      continue;
    }
    if (node.type !== 'identifier') continue;
    const parent = node.parent;
    // A field name (`x.name`) or a key in a composite literal is not a variable reference.
    if (parent?.type === 'selector_expression' && parent.childForFieldName('field')?.id === node.id) continue;
    const decl = findDeclaration(node, node.text);
    if (!decl) continue;
    const found = declarationInput(decl, node, ctx, depth);
    if (found) return found;
  }
  return null;
}

function declarationInput(decl: Declaration, use: SyntaxNode, ctx: ProvenanceContext, depth: number): Untrusted | null {
  if (decl.kind === 'param') {
    const type = decl.type?.text.replace(/\s/g, '') ?? '';
    if (ctx.http && type === `*${ctx.http}.Request`) return requestInput(use) ? 'the request' : null;
    if (HANDLER_CONTEXT.test(type)) return 'an HTTP handler parameter';
    const fn = functionOf(decl);
    if (ctx.http && fn && type !== `${ctx.http}.ResponseWriter`) {
      const types = parameterTypes(fn);
      if (types.includes(`${ctx.http}.ResponseWriter`) && types.includes(`*${ctx.http}.Request`)) return 'an HTTP handler parameter';
    }
    return null;
  }
  if (decl.kind !== 'short' && decl.kind !== 'var' && decl.kind !== 'range') return null;
  const values = [declaredValue(decl), ...assignedValues(decl, use.startIndex)];
  for (const v of values) {
    if (!v) continue;
    if (decl.kind !== 'range' && ctx.archives && isArchiveEntry(unparen(v), ctx.tar)) continue; // `hdr, err := tr.Next()`: its Name is
    const found = untrustedInput(v, ctx, depth + 1);
    if (found) return found;
  }
  return null;
}

/** `r.URL…`, `r.FormValue(…)`, `r.Header…`: a use of the request that reads client input. */
function requestInput(use: SyntaxNode): boolean {
  const sel = use.parent;
  if (sel?.type !== 'selector_expression' || sel.childForFieldName('operand')?.id !== use.id) {
    return true; // the request handed to something else (`mux.Vars(r)`, `chi.URLParam(r, …)`)
  }
  return REQUEST_INPUT.test(sel.childForFieldName('field')?.text ?? '');
}

/** `tr.Next()` on `tr := tar.NewReader(…)`: the next entry of an archive being read. */
function isArchiveEntry(value: SyntaxNode, tar: string | null): boolean {
  if (value.type !== 'call_expression' || !tar || callArguments(value).length > 0) return false;
  const fn = selectorParts(value.childForFieldName('function'));
  if (fn?.field !== 'Next') return false;
  const reader = unparen(fn.operand);
  if (reader.type !== 'identifier') return false;
  const decl = findDeclaration(reader, reader.text);
  const made = decl ? declaredValue(decl) : null;
  return made !== null && new RegExp(`^${tar}\\s*\\.\\s*NewReader\\s*\\(`).test(unparen(made).text);
}

/**
 * `hdr.Name` / `f.Name` / `hdr.Linkname` where the operand is an entry of an archive being read:
 * a `*zip.File`, or a header from a tar reader's `Next()` (a `*tar.Header` alone may be one
 * the program writes).
 */
function isArchiveName(sel: SyntaxNode, tar: string | null): boolean {
  const field = sel.childForFieldName('field')?.text;
  if (field !== 'Name' && field !== 'Linkname') return false;
  if (sel.parent?.type === 'call_expression' && sel.parent.childForFieldName('function')?.id === sel.id) return false; // `Name()`
  const operand = unparen(sel.childForFieldName('operand')!);
  const entry = operand.type === 'selector_expression' && operand.childForFieldName('field')?.text === 'FileHeader' ? operand.childForFieldName('operand')! : operand;
  if (entry.type !== 'identifier') return false;
  const decl = findDeclaration(entry, entry.text);
  if (!decl) return false;
  const type = decl.type?.text.replace(/\s/g, '') ?? '';
  if (/^\*?zip\.File$/.test(type)) return true;
  const value = declaredValue(decl);
  if (!value) return false;
  if (decl.kind === 'range') {
    // `for _, f := range zr.File`
    const ranged = unparen(value);
    return ranged.type === 'selector_expression' && ranged.childForFieldName('field')?.text === 'File';
  }
  return isArchiveEntry(unparen(value), tar);
}

/**
 * Why the component cannot carry `../`, or null: a number, an ID, a test's name, a name from a
 * listing of `base` itself, a constant-valued package variable, or parts that all are.
 */
export function harmlessComponent(expr: SyntaxNode, base: SyntaxNode, imports: ReadonlyMap<string, string>, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const x = unparen(expr);
  switch (x.type) {
    case 'interpreted_string_literal':
    case 'raw_string_literal':
    case 'int_literal':
      return true;
    case 'binary_expression': {
      const left = x.childForFieldName('left');
      const right = x.childForFieldName('right');
      return !!left && !!right && harmlessComponent(left, base, imports, depth + 1) && harmlessComponent(right, base, imports, depth + 1);
    }
    case 'identifier': {
      const decl = findDeclaration(x, x.text);
      if (!decl) return false;
      if (decl.kind === 'const') return true;
      if (decl.kind === 'package') return decl.statement.type === 'const_declaration' || unassignedLiteral(decl, x);
      if (decl.kind === 'range') return listedName(decl, base, false);
      if (decl.kind !== 'short' && decl.kind !== 'var') return false;
      if (assignedValues(decl, x.startIndex).length > 0) return false;
      const value = declaredValue(decl);
      return value !== null && decl.value !== null && harmlessComponent(value, base, imports, depth + 1);
    }
    case 'call_expression':
      return harmlessCall(x, base, imports);
    default:
      return false;
  }
}

function harmlessCall(call: SyntaxNode, base: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  const pkg = packageCall(call, imports);
  const args = callArguments(call);
  if (pkg?.path === 'strconv' && NUMBER_FORMATTERS.has(pkg.name)) return true;
  if (pkg?.path === 'fmt' && pkg.name === 'Sprintf' && args[0]) {
    const format = constantText(args[0]);
    return format !== null && numericFormat(format);
  }
  const pkgName = pkg ? (pkg.path.split('/').pop() ?? '') : '';
  if (pkg && ID_PACKAGE.test(pkgName) && /^New(String)?$/.test(pkg.name)) return true; // `uuid.NewString()`
  const fn = selectorParts(call.childForFieldName('function'));
  if (!fn || args.length > 0) return false;
  const operand = unparen(fn.operand);
  if (fn.field === 'String') return isIdValue(operand, imports);
  if (fn.field === 'Name' && operand.type === 'identifier') {
    const decl = findDeclaration(operand, operand.text);
    if (!decl) return false;
    if (/testing\.(T|B|F|TB)\b/.test(decl.type?.text ?? '')) return true; // `t.Name()`
    return decl.kind === 'range' && listedName(decl, base, true);
  }
  return false;
}

/** A UUID/ULID value: declared with such a type, or made by such a package's constructor. */
function isIdValue(operand: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  if (operand.type === 'call_expression') {
    const pkg = packageCall(operand, imports);
    return pkg !== null && ID_PACKAGE.test(pkg.path.split('/').pop() ?? '');
  }
  if (operand.type !== 'identifier') return false;
  const decl = findDeclaration(operand, operand.text);
  if (!decl) return false;
  const type = decl.type?.text.replace(/^\*/, '') ?? '';
  if (/^(\w+)\./.test(type)) return ID_PACKAGE.test(type.split('.')[0]!);
  const value = declaredValue(decl);
  return value !== null && unparen(value).type === 'call_expression' && isIdValue(unparen(value), imports);
}

/** A range variable over a listing of the directory `base` (`for _, e := range os.ReadDir(base)`). */
function listedName(decl: Declaration, base: SyntaxNode, entry: boolean): boolean {
  const left = decl.statement.childForFieldName('left')?.namedChildren ?? [];
  if (left.length !== 2 || left[1]!.id !== decl.id.id) return false; // the element, not the index
  let ranged = decl.statement.childForFieldName('right');
  if (!ranged) return false;
  ranged = unparen(ranged);
  if (ranged.type === 'identifier') {
    const d = findDeclaration(ranged, ranged.text);
    if (!d || d.kind !== 'short' || d.statement.childForFieldName('left')?.namedChildren[0]?.id !== d.id.id) return false;
    const right = d.statement.childForFieldName('right')?.namedChildren ?? [];
    if (right.length !== 1) return false;
    ranged = unparen(right[0]!);
  }
  if (ranged.type !== 'call_expression') return false;
  const fn = selectorParts(ranged.childForFieldName('function'));
  if (!fn || !Object.hasOwn(LISTINGS, fn.field)) return false;
  // `Readdirnames` yields names; `ReadDir`/`Readdir` yield entries whose `Name()` is read.
  if ((fn.field === 'Readdirnames') === entry) return false;
  const args = callArguments(ranged);
  let dir: SyntaxNode | null;
  if (LISTINGS[fn.field] === -1) {
    // `f.Readdir(-1)` on `f, err := os.Open(dir)`
    const f = unparen(fn.operand);
    const d = f.type === 'identifier' ? findDeclaration(f, f.text) : null;
    const open = d ? declaredValue(d) : null;
    const opened = open && unparen(open).type === 'call_expression' ? selectorParts(unparen(open).childForFieldName('function')) : null;
    dir = opened?.field === 'Open' ? (callArguments(unparen(open!))[0] ?? null) : null;
  } else {
    dir = args.length === 2 ? args[1]! : (args[0] ?? null); // `afero.ReadDir(fs, dir)`
  }
  return dir !== null && sameText(dir, base);
}

function sameText(a: SyntaxNode, b: SyntaxNode): boolean {
  return unparen(a).text.replace(/\s/g, '') === unparen(b).text.replace(/\s/g, '');
}

/** A package `var` initialised with a literal and never assigned in the file. */
function unassignedLiteral(decl: Declaration, use: SyntaxNode): boolean {
  if (!decl.value || stringLiteralValue(unparen(decl.value)) === null) return false;
  let root: SyntaxNode = use;
  while (root.parent) root = root.parent;
  const name = decl.name;
  if (!new RegExp(`(?<![\\p{L}\\p{N}_.])${name}\\s*(=[^=]|,[^\\n]*=[^=]|\\+=)`, 'u').test(root.text.slice(decl.statement.endIndex))) return true;
  return !assignmentsIn(root).some((a) => a.left.includes(name));
}

/** The value of a string constant: a literal, or a name declared `const` in the file with one. */
function constantText(node: SyntaxNode): string | null {
  const x = unparen(node);
  const literal = stringLiteralValue(x);
  if (literal !== null) return literal;
  if (x.type !== 'identifier') return null;
  const decl = findDeclaration(x, x.text);
  if (!decl?.value) return null;
  const isConst = decl.kind === 'const' || (decl.kind === 'package' && decl.statement.type === 'const_declaration');
  return isConst ? stringLiteralValue(unparen(decl.value)) : null;
}

/** A format whose verbs all print integers (`%d`, `%05d`, `%x`). */
function numericFormat(format: string): boolean {
  const verbs = [...format.replace(/%%/g, '').matchAll(/%[-+# 0]*\d*(?:\.\d+)?([a-zA-Z])/g)].map((m) => m[1]!);
  return verbs.length > 0 && verbs.every((v) => 'dxXob'.includes(v));
}

/** `testdata` as a path element of a constant part of the path. */
export function underTestdata(parts: readonly SyntaxNode[]): boolean {
  return parts.some((p) => {
    const text = constantText(p);
    return text !== null && /(^|\/)testdata(\/|$)/.test(text);
  });
}

/** `filepath.IsLocal(name)`, `strings.Contains(name, "..")`, `filepath.Rel(…)`: the function checks the name or path. */
export function checkedInFunction(fn: SyntaxNode | null, names: readonly string[], before: number): boolean {
  const body = fn?.childForFieldName('body');
  if (!body || names.length === 0) return false;
  const text = body.text.slice(0, Math.max(0, before - body.startIndex));
  const CHECKS = /\b(IsLocal|ValidPath|Rel|SecureJoin|HasPrefix|Contains)\s*\(([^()]*(?:\([^()]*\))?[^()]*)\)/g;
  for (const m of text.matchAll(CHECKS)) {
    const args = m[2]!;
    if (m[1] === 'Contains' && !args.includes('".."')) continue;
    if (names.some((n) => new RegExp(`(?<![\\p{L}\\p{N}_.])${n}(?![\\p{L}\\p{N}_])`, 'u').test(args))) return true;
  }
  return false;
}
