/** What a goroutine body shows about how it ends: an error result, a process exit. */
import { namesImport } from '../../core/go/imports.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { selectorParts } from '../../core/go/selectors.js';

/** Whether a function's last result is `error`. */
export function returnsError(fn: SyntaxNode): boolean {
  const result = fn.childForFieldName('result');
  if (!result) return false;
  if (result.type === 'type_identifier') return result.text === 'error';
  if (result.type !== 'parameter_list') return false;
  const params = result.namedChildren.filter((c) => c.type === 'parameter_declaration');
  const last = params[params.length - 1];
  return last?.childForFieldName('type')?.text === 'error';
}

/** Whether a call ends the process (`os.Exit`, `log.Fatal…`). */
export function isProcessExit(call: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  const sel = selectorParts(call.childForFieldName('function'));
  if (!sel || sel.operand.type !== 'identifier') return false;
  if (namesImport(imports, 'os', sel.operand.text)) return sel.field === 'Exit';
  if (namesImport(imports, 'log', sel.operand.text)) return sel.field.startsWith('Fatal');
  return false;
}
