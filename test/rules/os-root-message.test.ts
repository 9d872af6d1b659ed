/** os-root's messages: they quote what is short, describe what is not, and say what the evidence is. */
import { describe, expect, it } from 'vitest';
import { analyzeFile, compileRules } from '../../src/core/engine.js';
import { RULES } from '../../src/rules/index.js';

const rules = compileRules(RULES.filter((r) => r.id === 'os-root'));

function messages(body: string): string[] {
  const source = `package p\n\nimport (\n\t"net/http"\n\t"os"\n\t"path/filepath"\n)\n\n${body}\n`;
  return analyzeFile({ path: 'p.go', source }, rules, {}).findings.map((f) => f.message);
}

describe('os-root messages', () => {
  it('describe a base too long to quote instead of leaking a placeholder', () => {
    const [m] = messages(`type W struct{ settings struct{ volumes []struct{ mountRoot string } } }

func (w *W) read(volumeIndex int, name string) ([]byte, error) {
	return os.ReadFile(filepath.Join(w.settings.volumes[volumeIndex].mountRoot, name))
}`);
    expect(m).toContain('onto a base directory');
    expect(m).toContain('`os.OpenInRoot` on that directory');
    expect(m).not.toMatch(/the base directory|the joined name/);
  });

  it('say where untrusted input comes from', () => {
    const [m] = messages(`func serve(w http.ResponseWriter, r *http.Request) {
	os.Remove(filepath.Join("/srv/uploads", r.FormValue("file")))
}`);
    expect(m).toContain('comes from the request');
  });

  it('say that the origin is inferred when the function does not show it', () => {
    const [m] = messages(`func remove(dir, name string) error {
	return os.Remove(filepath.Join(dir, name))
}`);
    expect(m).toContain('if `name` can come from outside the program');
  });
});
