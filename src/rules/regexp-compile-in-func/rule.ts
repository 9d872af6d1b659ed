import { constness } from '../../core/go/constants.js';
import { enclosingFunction, FUNCTION_TYPES, functionName } from '../../core/go/functions.js';
import { enclosingLoop } from '../../core/go/loops.js';
import { packageCall, qualifiedCallee } from '../../core/go/packages.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { isIgnoredBuild, runsPerItemOrRequest } from '../../core/go/per-request.js';
import { findDeclaration, topLevelDeclarations } from '../../core/go/scope.js';
import { isHttpHandler } from '../../core/go/stdlib-types.js';
import { callArguments } from '../../core/go/syntax.js';
import { isTestFile } from '../../core/go/test-files.js';
import { defineRule } from '../define-rule.js';

const COMPILE = new Set(['MustCompile', 'Compile', 'MustCompilePOSIX', 'CompilePOSIX']);
const MATCH = new Set(['MatchString', 'Match', 'MatchReader']);

/** Entry points that run once per process or test: compiling there costs once. */
const RUN_ONCE = /^(?:init|main|TestMain|(?:Test|Example|Fuzz|Benchmark)(?:$|[^\p{Ll}].*))$/u;

/** `sync.Once.Do(func…)`, `sync.OnceValue(func…)` and friends run their literal once. */
const ONCE_CALL = /(?:^|\.)(?:Do|OnceFunc|OnceValue|OnceValues)$/;

/** `t.Run(name, func…)`, `b.Run`, `b.RunParallel` in tests run their literal where they are written. */
const SUBTEST_CALL = /\.(?:Run|RunParallel)$/;

type Where =
  | { kind: 'once' }
  | { kind: 'loop'; loop: SyntaxNode }
  | { kind: 'handler' }
  | { kind: 'function'; fn: SyntaxNode; name: string };

/** Whether a function literal is called right where it is written: `func() {…}()`. */
function invokedInPlace(literal: SyntaxNode): boolean {
  const parent = literal.parent;
  return parent?.type === 'call_expression' && parent.childForFieldName('function')?.id === literal.id;
}

/**
 * Where the call runs, from the inside out: a loop in its function (every iteration), a
 * literal run once (`sync.Once`, a package-level `var x = func() {…}()`), an HTTP handler, a
 * run-once entry point (init, main, tests), or an ordinary function (every call).
 */
function whereItRuns(call: SyntaxNode, imports: ReadonlyMap<string, string>, testFile: boolean): Where {
  let inner: SyntaxNode = call;
  for (;;) {
    const loop = enclosingLoop(inner);
    if (loop) return { kind: 'loop', loop };
    let fn: SyntaxNode | null = null;
    for (let n = inner.parent; n; n = n.parent) {
      if (FUNCTION_TYPES.has(n.type)) {
        fn = n;
        break;
      }
    }
    if (!fn) return { kind: 'once' }; // package level: initialised once
    if (isHttpHandler(fn, imports)) return { kind: 'handler' };
    if (fn.type !== 'func_literal') {
      const name = functionName(fn);
      if (fn.type === 'function_declaration' && (name === 'init' || name === 'main' || (testFile && RUN_ONCE.test(name)))) {
        return { kind: 'once' };
      }
      return { kind: 'function', fn, name };
    }
    if (invokedInPlace(fn)) {
      inner = fn.parent!; // runs where it is written: look further out
      continue;
    }
    const holder = fn.parent?.type === 'argument_list' ? fn.parent.parent : null;
    const callee = holder?.type === 'call_expression' ? holder.childForFieldName('function')?.text ?? '' : '';
    if (ONCE_CALL.test(callee)) return { kind: 'once' };
    if (testFile && holder && SUBTEST_CALL.test(callee)) {
      inner = holder;
      continue;
    }
    return { kind: 'function', fn, name: '' };
  }
}

/** `re = regexp.MustCompile(…)` into a package-level variable: lazy, once-only initialisation. */
function storedInPackageVariable(call: SyntaxNode): boolean {
  const parent = call.parent;
  if (parent?.type !== 'expression_list' || parent.parent?.type !== 'assignment_statement') return false;
  const assignment = parent.parent;
  if (assignment.childForFieldName('right')?.id !== parent.id) return false;
  const left = assignment.childForFieldName('left')?.namedChildren ?? [];
  const right = parent.namedChildren;
  // `re = regexp.MustCompile(…)`, `re, err = regexp.Compile(…)`, or one of a parallel assignment.
  const target = right.length === 1 ? left[0] : left.length === right.length ? left[right.findIndex((c) => c.id === call.id)] : undefined;
  if (target?.type !== 'identifier') return false;
  return findDeclaration(target, target.text)?.kind === 'package';
}

/** `if re == nil { re = regexp.MustCompile(…) }`: a lazily filled cache (package variable or field). */
function lazilyCached(call: SyntaxNode): boolean {
  const list = call.parent;
  const assignment = list?.parent;
  if (list?.type !== 'expression_list' || assignment?.type !== 'assignment_statement') return false;
  const target = assignment.childForFieldName('left')?.namedChildren[0];
  const block = assignment.parent?.parent;
  const guard = block?.parent;
  if (!target || block?.type !== 'block' || guard?.type !== 'if_statement') return false;
  const cond = guard.childForFieldName('condition')?.text.replace(/\s+/g, '');
  return cond === `${target.text.replace(/\s+/g, '')}==nil`;
}

/** Constructors run once per value they build: `New…`, `new…`, `Must…` are not reported. */
const CONSTRUCTOR = /^(?:[Nn]ew|Must)(?:$|[^\p{Ll}])/u;

/** Methods of a compiled `*regexp.Regexp` that apply it to a value. */
const APPLY = /\.(?:Match|Find|ReplaceAll|Split)\w*$/;

/**
 * Whether the function applies a pattern to one of its own `string` or `[]byte` parameters
 * (`re.MatchString(name)`): a per-value helper, called once for each value it checks.
 */
function appliesToParameter(fn: SyntaxNode): boolean {
  const params = (fn.childForFieldName('parameters')?.namedChildren ?? []).filter((p) => /^(?:string|\[\]byte)$/.test(p.childForFieldName('type')?.text ?? ''));
  const names = new Set(params.flatMap((p) => p.childrenForFieldName('name').map((n) => n.text)));
  if (names.size === 0) return false;
  const body = fn.childForFieldName('body');
  if (!body) return false;
  return body.descendantsOfType('call_expression').some((c) => {
    if (!APPLY.test(c.childForFieldName('function')?.text ?? '')) return false;
    return callArguments(c).some((a) => a.descendantsOfType('identifier').some((id) => names.has(id.text)) || names.has(a.text));
  });
}

/** Whether a package-level `var` initialiser calls the function: then it runs once, at init. */
function calledByPackageVariable(root: SyntaxNode, name: string): boolean {
  const called = new RegExp(`(?:^|[^\\p{L}\\p{N}_.])${name}\\s*\\(`, 'u');
  return topLevelDeclarations(root).some((decl) => decl.type === 'var_declaration' && called.test(decl.text));
}

export default defineRule({
  id: 'regexp-compile-in-func',
  title: 'Compile constant regular expressions once, at package level',
  section: 'The Three Optimization Questions (go-perfbook Core Framework)',
  severity: 'warning',
  minGo: '1.0',
  fixable: false,
  subjects: ['compil', 'precompil'],
  description:
    '`regexp.MustCompile` / `regexp.Compile` parse the pattern and build a matcher: microseconds and a ' +
    'dozen allocations. With a constant pattern inside a function, a loop or an HTTP handler that work ' +
    'is redone on every call although the result never changes. "Do we have to do this at all?": compile ' +
    'it once into a package-level variable (`var reID = regexp.MustCompile(…)`); a `*regexp.Regexp` is safe ' +
    'for concurrent use. `regexp.MatchString(pattern, s)` compiles its pattern on every call, so inside a ' +
    'loop it is reported too.',
  notes: `
A comment where the compile visibly repeats: in a loop, in an HTTP handler (or a function taking
the request), or in a helper that applies the pattern to its own string argument (\`func valid(id
string) bool\`). Elsewhere the function may well run once (config parsing, setup), so the finding
is advisory. One finding per function, naming the other lines.

Not reported: compiling in \`init\`, \`main\` (outside a loop), in constructors (\`New…\`, \`Must…\`), in test, example, fuzz and benchmark
functions of a \`_test.go\` file and their \`t.Run\` subtests (outside a loop), inside
\`sync.Once.Do\` / \`sync.OnceValue\`, in a
function literal invoked in place at package level, in a function whose result initialises a
package-level variable in the same file, and lazy initialisation of a package-level variable
or of a field (\`if p.re == nil { p.re = regexp.MustCompile(…) }\`). Patterns built at run time
(\`"^" + name + "$"\`) are not constant and not reported.
`,
  examples: {
    incorrect: `
import "regexp"

func validID(id string) bool {
	return regexp.MustCompile(\`^[a-z0-9-]{3,32}$\`).MatchString(id)
}
`,
    correct: `
import "regexp"

var idPattern = regexp.MustCompile(\`^[a-z0-9-]{3,32}$\`)

func validID(id string) bool {
	return idPattern.MatchString(id)
}
`,
  },
  // Compiling needs the `regexp` package.
  requires: ['"regexp"'],
  create(context) {
    let regexp: string | undefined = context.source.includes('"regexp"') ? undefined : '';
    const testFile = isTestFile(context.path);
    const pending: Array<{ call: SyntaxNode; fn: SyntaxNode | null; name: string; message: string; repeats: boolean }> = [];
    return {
      $calls: [...COMPILE, ...MATCH],
      call_expression(call) {
        regexp ??= context.imports().get('regexp') ?? '';
        if (!regexp || regexp === '_' || regexp === '.') return;
        const fnName = qualifiedCallee(context.source, call, regexp);
        if (!fnName || (!COMPILE.has(fnName) && !MATCH.has(fnName))) return;
        const imports = context.imports();
        if (packageCall(call, imports)?.path !== 'regexp') return;
        const pattern = callArguments(call)[0];
        if (!pattern || constness(pattern) !== 'constant') return;
        if (findDeclaration(call, regexp)) return; // a local value shadows the package
        const where = whereItRuns(call, imports, testFile);
        const fn = `${regexp}.${fnName}`;
        if (MATCH.has(fnName)) {
          if (where.kind !== 'loop') return;
          pending.push({
            call,
            fn: null,
            name: '',
            repeats: true,
            message: `\`${fn}\` compiles its constant pattern on every iteration: compile it once into a package-level \`var re = ${regexp}.MustCompile(…)\` and call \`re.${fnName}\`.`,
          });
          return;
        }
        if (where.kind === 'once' || storedInPackageVariable(call) || lazilyCached(call)) return;
        if (where.kind === 'function' && CONSTRUCTOR.test(where.name)) return;
        const message =
          where.kind === 'loop'
            ? `\`${fn}\` with a constant pattern recompiles it on every iteration (parsing and allocating each time): compile it once into a package-level \`var\`.`
            : where.kind === 'handler'
              ? `\`${fn}\` with a constant pattern recompiles it on every request (parsing and allocating each time): compile it once into a package-level \`var\`.`
              : `\`${fn}\` with a constant pattern recompiles it on every call (parsing and allocating each time): compile it once into a package-level \`var\`.`;
        // A comment where the compile visibly repeats: in a loop, per request, or in a helper that
        // applies the pattern to its own string argument. Elsewhere the function may run once
        // (config parsing, setup): advisory.
        const repeats = !isIgnoredBuild(context.source) && (where.kind !== 'function' || appliesToParameter(where.fn) || runsPerItemOrRequest(where.fn, imports));
        pending.push({ call, fn: where.kind === 'function' ? where.fn : null, name: where.kind === 'function' && where.fn.type === 'function_declaration' ? where.name : '', message, repeats });
      },
      $end() {
        // One finding per function, on its first compile; it names the others.
        const byFunction = new Map<number, typeof pending>();
        for (const p of pending) {
          if (p.name && calledByPackageVariable(context.root, p.name)) continue;
          const owner = p.fn ?? enclosingFunction(p.call);
          const key = owner ? owner.id : p.call.id;
          const list = byFunction.get(key);
          if (list) list.push(p);
          else byFunction.set(key, [p]);
        }
        for (const list of byFunction.values()) {
          const first = list.find((p) => p.repeats) ?? list[0]!;
          const others = list.filter((p) => p !== first).map((p) => p.call.startPosition.row + 1);
          const more = others.length > 0 ? ` The same function also compiles constant patterns on line${others.length > 1 ? 's' : ''} ${others.join(', ')}.` : '';
          const message = first.repeats
            ? first.message
            : first.message.replace('recompiles it on every call (parsing and allocating each time): compile', 'recompiles it each time this function runs: if it runs more than once (per item or request), compile');
          context.report({ node: first.call, message: message + more, ...(first.repeats ? {} : { tier: 'advisory' as const }) });
        }
      },
    };
  },
});
