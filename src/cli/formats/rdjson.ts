/** reviewdog's Diagnostic JSON (rdjson), with suggestions, for `reviewdog -f=rdjson`. */
import type { Severity } from '../../core/model.js';
import { isAdvisory, type CheckReport } from '../format.js';

const SEVERITY: Record<Severity, 'ERROR' | 'WARNING' | 'INFO'> = { error: 'ERROR', warning: 'WARNING', notice: 'INFO' };

export function formatRdjson(report: CheckReport): string {
  const diagnostics = report.findings.map(({ finding, json, docsUrl, fixEndColumn }) => {
    const { span } = finding;
    const diagnostic: Record<string, unknown> = {
      message: json.message,
      location: {
        path: json.path,
        range: { start: { line: span.startLine, column: span.startColumn }, end: { line: span.endLine, column: span.endColumn } },
      },
      severity: isAdvisory(finding) ? 'INFO' : SEVERITY[finding.severity],
      code: { value: json.rule, url: docsUrl },
    };
    if (finding.fix) {
      // Whole lines replaced: from the first line's start to past the last one's text; an empty
      // replacement takes the line break too.
      const { line, endLine, replacement } = finding.fix;
      const end = replacement === '' ? { line: endLine + 1, column: 1 } : { line: endLine, column: fixEndColumn ?? 1 };
      diagnostic.suggestions = [{ range: { start: { line, column: 1 }, end }, text: replacement }];
    }
    return diagnostic;
  });
  return `${JSON.stringify({ source: { name: 'go-standards', url: 'https://github.com/go-standards-bot/go-standards-bot' }, diagnostics }, null, 2)}\n`;
}
