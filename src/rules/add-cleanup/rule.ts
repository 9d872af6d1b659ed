import { packageCall, qualifiedCallee } from '../../core/go/packages.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration } from '../../core/go/scope.js';
import { callArguments, unparen } from '../../core/go/syntax.js';
import { defineRule } from '../define-rule.js';

/**
 * For a finalizer literal `func(p *T) { … }`: the fields of `p` its body reads when it reads
 * nothing else of `p` (no method call, no passing `p` on); null when it uses the object itself
 * or the finalizer is not a literal (a function value gets the object).
 */
function fieldsOnly(fn: SyntaxNode): string[] | null {
  if (fn.type !== 'func_literal') return null;
  const params = fn.childForFieldName('parameters')?.namedChildren.filter((p) => p.type === 'parameter_declaration') ?? [];
  const name = params[0]?.childrenForFieldName('name')[0]?.text;
  const body = fn.childForFieldName('body');
  if (!body) return null;
  if (!name || name === '_') return [];
  const fields = new Set<string>();
  for (const id of body.descendantsOfType('identifier')) {
    if (id.text !== name) continue;
    const sel = id.parent;
    if (sel?.type !== 'selector_expression' || sel.childForFieldName('operand')?.id !== id.id) return null;
    if (sel.parent?.type === 'call_expression' && sel.parent.childForFieldName('function')?.id === sel.id) return null; // a method
    fields.add(sel.childForFieldName('field')!.text);
  }
  return [...fields];
}

export default defineRule({
  id: 'add-cleanup',
  title: 'Use `runtime.AddCleanup` instead of `runtime.SetFinalizer`',
  section: 'Go 1.24 Core Features (Mandatory)',
  severity: 'notice',
  minGo: '1.24',
  fixable: false,
  description:
    'A finalizer set with `runtime.SetFinalizer` receives the object itself, so the object is resurrected ' +
    'and freed one GC cycle later; an object in a reference cycle with a finalizer is never freed; and an ' +
    'object can have only one finalizer. Go 1.24 `runtime.AddCleanup(obj, fn, arg)` runs `fn(arg)` after ' +
    '`obj` is unreachable: it never sees `obj`, cycles are collected, and several cleanups may be attached ' +
    'to one object. Clearing a finalizer with `runtime.SetFinalizer(obj, nil)` is not reported.',
  notes: `
The change is not mechanical, so no suggestion is offered: the cleanup must not reference \`obj\`
(it would keep it alive forever), so pass what it needs as \`arg\` (typically the underlying
handle, such as a file descriptor), and keep the returned \`runtime.Cleanup\` if the code later
cancels it (\`cleanup.Stop()\` replaces \`SetFinalizer(obj, nil)\`).
`,
  examples: {
    incorrect: `
import "runtime"

type File struct{ fd int }

func open(fd int) *File {
	f := &File{fd: fd}
	runtime.SetFinalizer(f, func(f *File) { closeFD(f.fd) })
	return f
}
`,
    correct: `
import "runtime"

type File struct{ fd int }

func open(fd int) *File {
	f := &File{fd: fd}
	runtime.AddCleanup(f, closeFD, fd)
	return f
}
`,
  },
  subjects: ['resurrect', 'finaliz'],
  create(context) {
    let runtime: string | undefined = context.source.includes('SetFinalizer') ? undefined : '';
    return {
      $calls: ['SetFinalizer'],
      call_expression(call) {
        runtime ??= context.imports().get('runtime') ?? '';
        if (!runtime || runtime === '_' || runtime === '.') return;
        if (qualifiedCallee(context.source, call, runtime) !== 'SetFinalizer') return;
        if (packageCall(call, context.imports())?.path !== 'runtime') return;
        const args = callArguments(call);
        if (args.length !== 2 || unparen(args[1]!).type === 'nil') return; // clearing a finalizer
        if (findDeclaration(call, runtime)) return; // a local value shadows the package
        const fields = fieldsOnly(unparen(args[1]!));
        const how =
          fields === null
            ? ` The finalizer uses the object itself, which a cleanup must not reach (that would keep the object alive): pass what it needs (a handle, a field) as \`arg\`; the change is not mechanical.`
            : fields.length > 0
              ? ` The finalizer reads only ${fields.map((f) => `\`.${f}\``).join(', ')} of the object: pass ${fields.length === 1 ? 'that' : 'those'} as \`arg\`.`
              : '';
        context.report({
          node: call,
          message:
            `\`${runtime}.SetFinalizer\` resurrects \`${args[0]!.text.length <= 30 ? args[0]!.text : 'the object'}\` for a GC cycle, leaks it in a reference cycle and allows one per object: ` +
            `use \`${runtime}.AddCleanup(obj, fn, arg)\` (Go 1.24), whose \`fn\` gets \`arg\`, not the object.${how}`,
        });
      },
    };
  },
});
