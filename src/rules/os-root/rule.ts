import { constness } from '../../core/go/constants.js';
import { enclosingFunction } from '../../core/go/functions.js';
import { packageCall, qualifiedCallee } from '../../core/go/packages.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration } from '../../core/go/scope.js';
import { callArguments, mentions, unparen } from '../../core/go/syntax.js';
import { goAtLeast, NEWEST_GO } from '../../core/go-version.js';
import { defineRule } from '../define-rule.js';
import { assignmentsIn } from './assignments.js';
import { checkedInFunction, harmlessComponent, type ProvenanceContext, underTestdata, type Untrusted, untrustedInput } from './provenance.js';

/** `os` functions taking a path first, and what an `*os.Root` offers instead (Go 1.24 / 1.25). */
const ROOTED: Record<string, { go124: string; go125?: string }> = {
  Open: { go124: 'root.Open' },
  OpenFile: { go124: 'root.OpenFile' },
  Create: { go124: 'root.Create' },
  Remove: { go124: 'root.Remove' },
  Mkdir: { go124: 'root.Mkdir' },
  Stat: { go124: 'root.Stat' },
  Lstat: { go124: 'root.Lstat' },
  ReadFile: { go124: 'os.OpenInRoot', go125: 'root.ReadFile' },
  WriteFile: { go124: 'root.OpenFile', go125: 'root.WriteFile' },
  MkdirAll: { go124: 'root.Mkdir', go125: 'root.MkdirAll' },
  RemoveAll: { go124: 'root.Remove', go125: 'root.RemoveAll' },
};

interface JoinedPath {
  /** The directory the access should stay in. */
  base: SyntaxNode;
  /** The components after the base. */
  components: SyntaxNode[];
  /** The components after the base that are certainly not constants (at least one). */
  variables: SyntaxNode[];
}

/** Operands of a `+` chain, left to right. */
function concatenation(node: SyntaxNode): SyntaxNode[] {
  const n = unparen(node);
  if (n.type !== 'binary_expression' || n.childForFieldName('operator')?.text !== '+') return [n];
  const left = n.childForFieldName('left');
  const right = n.childForFieldName('right');
  return left && right ? [...concatenation(left), unparen(right)] : [n];
}

/**
 * `filepath.Join(base, …)` / `path.Join(base, …)` or `base + "/" + …` with a component after
 * the base that is certainly not a constant.
 */
function joinedPath(expr: SyntaxNode, joins: ReadonlySet<string>, imports: ReadonlyMap<string, string>): JoinedPath | null {
  const node = unparen(expr);
  if (node.type === 'call_expression') {
    const call = packageCall(node, imports);
    if (!call || call.name !== 'Join' || !joins.has(call.path)) return null;
    const args = callArguments(node);
    if (args.length < 2 || node.childForFieldName('arguments')!.text.trimEnd().endsWith('...)')) return null;
    const components = args.slice(1);
    const variables = components.filter((a) => constness(a) === 'variable');
    return variables.length > 0 ? { base: args[0]!, components, variables } : null;
  }
  if (node.type !== 'binary_expression') return null;
  const parts = concatenation(node);
  // The base is everything before the first string literal starting with a slash.
  const slash = parts.findIndex(
    (p, i) => i > 0 && (p.type === 'interpreted_string_literal' || p.type === 'raw_string_literal') && p.text.slice(1).startsWith('/'),
  );
  if (slash !== 1) return null; // `base + "/" + name`: a single-operand base
  const base = parts[0]!;
  if (base.type === 'interpreted_string_literal' || base.type === 'raw_string_literal') return null;
  const components = parts.slice(slash);
  const variables = components.filter((p) => constness(p) === 'variable');
  return variables.length > 0 ? { base, components, variables } : null;
}

/**
 * `p := filepath.Join(dir, name)` earlier in the same function, and `p` not reassigned since:
 * the join `p` holds, or null.
 */
function joinedVariable(id: SyntaxNode, call: SyntaxNode, joins: ReadonlySet<string>, imports: ReadonlyMap<string, string>): JoinedPath | null {
  const decl = findDeclaration(id, id.text);
  if (!decl?.value || (decl.kind !== 'short' && decl.kind !== 'var')) return null;
  // The value first: it is seldom a join, and reading it is cheaper than the function's assignments.
  if (mentions(decl.value, id.text)) return null;
  const joined = joinedPath(decl.value, joins, imports);
  if (!joined) return null;
  const fn = enclosingFunction(call);
  if (!fn || enclosingFunction(decl.id)?.id !== fn.id) return null;
  const body = fn.childForFieldName('body');
  if (!body) return null;
  const name = id.text;
  const after = decl.statement.endIndex;
  const before = call.startIndex;
  const reassigned = assignmentsIn(body).some((a) => a.start > after && a.start < before && a.left.includes(name));
  return reassigned ? null : joined;
}

/** The expression's text when it is short enough to quote, else null (the message then describes it). */
const short = (node: SyntaxNode): string | null => (node.text.length <= 40 && !node.text.includes('\n') && !node.text.includes('`') ? node.text : null);

export default defineRule({
  id: 'os-root',
  title: 'Confine joined file paths with `os.Root`',
  section: 'Go 1.24 Core Features (Mandatory)',
  severity: 'warning',
  minGo: '1.24',
  fixable: false,
  description:
    'A file operation on `filepath.Join(dir, name)` (or `path.Join`, or `dir + "/" + name`) where `name` ' +
    'is not a constant can leave `dir`: a `name` holding `../` or a symlink pointing outside reaches any ' +
    'file the process may touch (path traversal). Go 1.24 `os.OpenRoot(dir)` returns an `*os.Root` whose ' +
    'methods (`Open`, `OpenFile`, `Create`, `Remove`, `Mkdir`, `Stat`, `Lstat`) refuse to escape the ' +
    'directory, symlinks included; `os.OpenInRoot(dir, name)` opens one file that way.',
  notes: `
The comment tier needs evidence that the name is untrusted, visible in the function: a value read
from an \`*http.Request\` (URL, form, header, path value; also through a local variable), a
parameter of an HTTP handler, or an archive entry's name (\`hdr.Name\` after a tar reader's
\`Next()\`, a \`*zip.File\`'s \`Name\`). Without it the finding is advisory: the message says the
name's origin is not shown. Never reported: joins whose components after the base are constants
(also a package variable that keeps its literal), numbers formatted with \`%d\` or \`strconv\`, UUID/ULID
values, names listed from the same directory, \`t.Name()\`, paths under \`testdata\`, names the
function checks first (\`filepath.IsLocal\`, \`strings.Contains(name, "..")\`, \`filepath.Rel\`), and
paths passed straight through from a parameter. A variable assigned once from such a join in the
same function counts as the join. \`ReadFile\`, \`WriteFile\`, \`MkdirAll\` and \`RemoveAll\` became
methods of \`*os.Root\` in Go 1.25; for a Go 1.24 module the message names the Go 1.24 equivalent.
`,
  subjects: ['traversal', 'sanitiz', 'validated', 'symlink', 'trusted', 'OpenRoot', 'IsLocal'],
  peers: ['gosec:G304', 'gosec:G305'],
  examples: {
    incorrect: `
import (
	"net/http"
	"os"
	"path/filepath"
)

func avatar(w http.ResponseWriter, r *http.Request) {
	data, err := os.ReadFile(filepath.Join("/srv/avatars", r.FormValue("user")+".png"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write(data)
}
`,
    correct: `
import (
	"io"
	"net/http"
	"os"
)

func avatar(w http.ResponseWriter, r *http.Request) {
	f, err := os.OpenInRoot("/srv/avatars", r.FormValue("user")+".png")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	io.Copy(w, f)
}
`,
  },
  // Only the `os` package's calls are read.
  requires: ['"os"'],
  create(context) {
    let os: string | undefined = context.source.includes('"os"') ? undefined : '';
    let joins: Set<string> | undefined;
    return {
      $calls: Object.keys(ROOTED),
      call_expression(call) {
        const imports = context.imports();
        os ??= imports.get('os') ?? '';
        if (!os || os === '_' || os === '.') return;
        const field = qualifiedCallee(context.source, call, os);
        if (!field || !Object.hasOwn(ROOTED, field)) return;
        joins ??= new Set(['path/filepath', 'path'].filter((p) => imports.has(p)));
        const arg = callArguments(call)[0];
        if (!arg) return;
        const path = unparen(arg);
        // The joined path first: most calls have none, and it is cheaper to see than whether
        // a local variable shadows the package (the scope walk of `packageCall`).
        const joined = path.type === 'identifier' ? joinedVariable(path, call, joins, imports) : joinedPath(path, joins, imports);
        if (!joined || packageCall(call, imports)?.path !== 'os') return;
        const rooted = ROOTED[field]!;
        const advice = rooted.go125 && goAtLeast(context.goVersion ?? NEWEST_GO, '1.25') ? rooted.go125 : rooted.go124;
        const later = rooted.go125 && advice !== rooted.go125 ? ` (\`${rooted.go125}\` from Go 1.25)` : '';
        const provenance: ProvenanceContext = {
          http: [imports.get('net/http')].find((n) => n !== undefined && n !== '_' && n !== '.') ?? null,
          archives: imports.has('archive/tar') || imports.has('archive/zip'),
          tar: imports.get('archive/tar') ?? null,
          imports,
        };
        const fn = enclosingFunction(call);
        const checkedNames = (nodes: SyntaxNode[]): string[] => [
          ...(path.type === 'identifier' ? [path.text] : []),
          ...nodes.flatMap((n) => (n.type === 'identifier' ? [n] : n.descendantsOfType('identifier'))).map((n) => n.text),
        ];
        if (underTestdata([joined.base, ...joined.components])) return;
        const open = joined.variables.filter((v) => !harmlessComponent(v, joined.base, imports));
        if (open.length === 0) return;
        let untrusted: { component: SyntaxNode; source: Untrusted } | null = null;
        for (const component of open) {
          const source = untrustedInput(component, provenance);
          if (source) {
            untrusted = { component, source };
            break;
          }
        }
        if (checkedInFunction(fn, checkedNames(untrusted ? [untrusted.component] : open), call.startIndex)) return;
        const shown = untrusted?.component ?? open[0]!;
        const base = short(joined.base);
        const name = short(shown);
        const onto = `${name ? `\`${name}\`` : 'a name that varies'} onto ${base ? `\`${base}\`` : 'a base directory'}`;
        const root =
          advice === 'os.OpenInRoot'
            ? base
              ? `read it via \`${os}.OpenInRoot(${base}, …)\`${later}.`
              : `read it via \`${os}.OpenInRoot\` on that directory${later}.`
            : base
              ? `open \`root, err := ${os}.OpenRoot(${base})\` and call \`${advice}\`${later}.`
              : `open that directory with \`${os}.OpenRoot\` and call \`${advice}\`${later}.`;
        context.report({
          node: call,
          message: untrusted
            ? `\`${os}.${field}\` joins ${onto}, and it comes from ${untrusted.source}: \`../\` or a symlink in it escapes the directory (path traversal); ${root}`
            : `\`${os}.${field}\` joins ${onto}: if ${name ? `\`${name}\`` : 'that name'} can come from outside the program (a request, an archive, a user), \`../\` or a symlink in it escapes the directory (path traversal); ${root}`,
          anchor: call,
          tier: untrusted ? undefined : 'advisory',
        });
      },
    };
  },
});
