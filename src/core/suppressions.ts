/**
 * `//go-standards:ignore <rule-id>[,<rule-id>…] <reason>` on the flagged line or the line
 * above silences those rules there; `//go-standards:ignore-file <rule-id>… <reason>` before the
 * file's first declaration silences them in the whole file. A directive without a reason,
 * naming an unknown rule, or silencing nothing is itself reported.
 */
import type { Finding } from './model.js';

export const DIRECTIVE_RULE = 'ignore-directive';

export interface Directive {
  kind: 'line' | 'file';
  /** 1-based line of the comment. */
  line: number;
  column: number;
  endColumn: number;
  /** Whether the comment is alone on its line (then it covers the next line). */
  standalone: boolean;
  rules: string[];
  reason: string;
  text: string;
}

const DIRECTIVE = /\/\/\s*go-standards:(ignore-file|ignore)(?=\s|$)(.*)$/;

export function readDirectives(source: string): Directive[] {
  if (!source.includes('go-standards:ignore')) return [];
  const out: Directive[] = [];
  source.split(/\r?\n/).forEach((text, i) => {
    const m = DIRECTIVE.exec(text);
    if (!m) return;
    const before = text.slice(0, m.index);
    // A directive inside a string literal is not a comment.
    if ((before.match(/"/g)?.length ?? 0) % 2 === 1 || (before.match(/`/g)?.length ?? 0) % 2 === 1) return;
    const [ids = '', ...reason] = m[2]!.trim().split(/\s+/);
    out.push({
      kind: m[1] === 'ignore-file' ? 'file' : 'line',
      line: i + 1,
      column: m.index + 1,
      endColumn: text.length + 1,
      standalone: before.trim() === '',
      rules: ids.split(',').filter(Boolean),
      reason: reason.join(' '),
      text: m[0],
    });
  });
  return out;
}

export interface SuppressionResult {
  kept: Finding[];
  suppressed: Finding[];
  /** Findings about the directives themselves (no reason, unknown rule, unused). */
  problems: Finding[];
}

export interface SuppressionContext {
  path: string;
  /** Every rule id the bot knows. */
  known: ReadonlySet<string>;
  /** Rules that ran on this file: only their silence can be judged unused. */
  ran: ReadonlySet<string>;
  /** Line of the first top-level declaration after the package clause and imports. */
  firstDeclarationLine: number;
}

function directiveFinding(d: Directive, path: string, message: string): Finding {
  return {
    rule: DIRECTIVE_RULE,
    path,
    span: { startLine: d.line, startColumn: d.column, endLine: d.line, endColumn: d.endColumn },
    severity: 'notice',
    message,
    section: 'Suppressions',
    anchor: `|${d.text.replace(/\s+/g, ' ').trim()}`,
  };
}

export function applySuppressions(findings: readonly Finding[], directives: readonly Directive[], ctx: SuppressionContext): SuppressionResult {
  if (directives.length === 0) return { kept: [...findings], suppressed: [], problems: [] };
  const problems: Finding[] = [];
  const valid: Directive[] = [];
  for (const d of directives) {
    const unknown = d.rules.filter((r) => !ctx.known.has(r));
    if (d.rules.length === 0) {
      problems.push(directiveFinding(d, ctx.path, `\`go-standards:${d.kind === 'file' ? 'ignore-file' : 'ignore'}\` names no rule: write \`//go-standards:ignore <rule-id> <reason>\`.`));
    } else if (unknown.length > 0) {
      problems.push(directiveFinding(d, ctx.path, `Unknown rule ${unknown.map((u) => `\`${u}\``).join(', ')} in an ignore directive: it silences nothing.`));
    } else if (!d.reason) {
      problems.push(directiveFinding(d, ctx.path, `An ignore directive needs a reason after the rule ids (why is ${d.rules.map((r) => `\`${r}\``).join(', ')} wrong here?); it is not applied without one.`));
    } else if (d.kind === 'file' && d.line > ctx.firstDeclarationLine) {
      problems.push(directiveFinding(d, ctx.path, '`go-standards:ignore-file` must stand at the top of the file, before the first declaration; it is not applied here.'));
    } else {
      valid.push(d);
    }
  }
  const used = new Set<Directive>();
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    const by = valid.find(
      (d) =>
        d.rules.includes(f.rule) &&
        (d.kind === 'file' || f.span.startLine === d.line || (d.standalone && f.span.startLine === d.line + 1)),
    );
    if (by) {
      used.add(by);
      suppressed.push(f);
    } else {
      kept.push(f);
    }
  }
  for (const d of valid) {
    if (used.has(d) || !d.rules.some((r) => ctx.ran.has(r))) continue;
    problems.push(directiveFinding(d, ctx.path, `This ignore directive suppresses nothing (${d.rules.map((r) => `\`${r}\``).join(', ')} finds nothing ${d.kind === 'file' ? 'in this file' : 'here'}): remove it.`));
  }
  return { kept, suppressed, problems };
}
