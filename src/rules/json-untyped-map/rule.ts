import { enclosingFunction } from '../../core/go/functions.js';
import { importLookup, packageFunction, packageTypeName } from '../../core/go/packages.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration, type TypeInfo, typeOfExpression } from '../../core/go/scope.js';
import { selectorParts } from '../../core/go/selectors.js';
import { callArguments, unparen } from '../../core/go/syntax.js';
import { defineRule } from '../define-rule.js';

const UNTYPED = new Set(['map[string]interface{}', 'map[string]any', 'interface{}', 'any']);

/** Whether `expr` is a `*json.Decoder`: `json.NewDecoder(r)`, or a variable declared as one. */
function isDecoder(expr: SyntaxNode, json: string): boolean {
  const x = unparen(expr);
  if (x.type === 'call_expression') return packageFunction(x, json) === 'NewDecoder';
  if (x.type !== 'identifier') return false;
  const decl = findDeclaration(x, x.text);
  if (!decl) return false;
  if (decl.type) return packageTypeName(decl.type, json) === 'Decoder' && decl.type.type === 'pointer_type';
  return decl.value !== null && unparen(decl.value).type === 'call_expression' && packageFunction(unparen(decl.value), json) === 'NewDecoder';
}

/** The decoded-into expression `v` of `&v`, or null when the argument is not an address-of. */
function addressOperand(arg: SyntaxNode | undefined): SyntaxNode | null {
  if (!arg) return null;
  const x = unparen(arg);
  if (x.type !== 'unary_expression' || !x.text.startsWith('&')) return null;
  const operand = x.childForFieldName('operand');
  return operand && (operand.type === 'identifier' || operand.type === 'selector_expression') ? operand : null;
}

/**
 * An `interface{}` / `any` variable decodes untyped only while it is nil: one that holds a
 * pointer (`var v any = &cfg`, or assigned one before the call) decodes into what it points at.
 */
function nilInterface(target: SyntaxNode): boolean {
  if (target.type !== 'identifier') return false;
  const decl = findDeclaration(target, target.text);
  // A parameter holds whatever the caller passed, usually a pointer.
  if (!decl || !['var', 'result'].includes(decl.kind) || (decl.value && decl.value.text !== 'nil')) return false;
  const fn = enclosingFunction(target);
  const body = fn?.childForFieldName('body');
  if (!body) return false;
  return !body
    .descendantsOfType('assignment_statement')
    .some((a) => a.startIndex < target.startIndex && (a.childForFieldName('left')?.namedChildren ?? []).some((l) => l.text === target.text));
}

function untypedKind(type: TypeInfo | null): string | null {
  if (!type || (type.kind !== 'map' && type.kind !== 'interface')) return null;
  const text = type.text.replace(/\s/g, '');
  return UNTYPED.has(text) ? text : null;
}

/**
 * The fixed keys the function reads from the decoded map after the call (`v["name"]`), or an
 * empty list. Reads that only test presence (`_, ok := v["k"]`) or switch on the value's
 * type (`switch x := v["k"].(type)`, a polymorphic field) are not evidence a struct would do.
 */
function fixedKeyReads(call: SyntaxNode, target: SyntaxNode): string[] {
  if (target.type !== 'identifier') return [];
  const body = enclosingFunction(call)?.childForFieldName('body');
  if (!body || !body.text.includes(`${target.text}[`)) return [];
  // Every later use is a read by a literal key: the map is not ranged, passed on or returned.
  for (const id of body.descendantsOfType('identifier')) {
    if (id.startIndex < call.endIndex || id.text !== target.text) continue;
    const ix = id.parent;
    const key = ix?.type === 'index_expression' && ix.childForFieldName('operand')?.id === id.id ? ix.childForFieldName('index') : null;
    if (key?.type !== 'interpreted_string_literal' && key?.type !== 'raw_string_literal') return [];
  }
  const keys = new Set<string>();
  for (const ix of body.descendantsOfType('index_expression')) {
    if (ix.startIndex < call.endIndex || ix.childForFieldName('operand')?.text !== target.text) continue;
    const key = ix.childForFieldName('index');
    if (key?.type !== 'interpreted_string_literal' && key?.type !== 'raw_string_literal') continue;
    let up = ix.parent;
    if (up?.type === 'type_assertion_expression' && up.childForFieldName('type')?.text === 'type') return []; // type switch
    if (up?.type === 'type_switch_statement' || up?.parent?.type === 'type_switch_header') return [];
    while (up?.type === 'type_assertion_expression' || up?.type === 'parenthesized_expression') up = up.parent;
    if (up?.type === 'expression_list' && up.parent?.type === 'assignment_statement' && up.parent.childForFieldName('left')?.id === up.id) continue; // a write
    const holder = up?.type === 'expression_list' ? up.parent : null;
    const left = holder?.childForFieldName('left')?.namedChildren ?? [];
    if (holder && (holder.type === 'short_var_declaration' || holder.type === 'assignment_statement') && left[0]?.text === '_' && left.length === 2) continue; // presence only
    keys.add(key.text);
  }
  return [...keys];
}

export default defineRule({
  id: 'json-untyped-map',
  title: 'Decode JSON into typed structs, not `map[string]any`',
  section: 'Production-Scale Optimization Patterns (2M+ Users)',
  severity: 'warning',
  minGo: '1.0',
  fixable: false,
  subjects: ['generic', 'arbitrary', 'untyped', 'schema'],
  description:
    'Decoding JSON into `map[string]interface{}`, `map[string]any`, `interface{}` or `any` builds a map ' +
    'per object and boxes every value in an interface (numbers become `float64`), which allocates far more ' +
    'and runs several times slower than decoding into a struct; every later read needs a type assertion ' +
    'that can fail at run time. Decode into a struct with the fields you use (`json.RawMessage` for parts ' +
    'you pass through).',
  examples: {
    incorrect: `
import "encoding/json"

func parseEvent(raw []byte) (string, error) {
	var data map[string]interface{}
	if err := json.Unmarshal(raw, &data); err != nil {
		return "", err
	}
	name, _ := data["name"].(string)
	return name, nil
}
`,
    correct: `
import "encoding/json"

type Event struct {
	Name string \`json:"name"\`
}

func parseEvent(raw []byte) (string, error) {
	var ev Event
	if err := json.Unmarshal(raw, &ev); err != nil {
		return "", err
	}
	return ev.Name, nil
}
`,
  },
  notes:
    'Only `json.Unmarshal(b, &v)` and `Decode(&v)` on a `json.Decoder` are checked, with `v` declared in the ' +
    'same file. An `interface{}` variable that already holds a pointer (`var v any = &cfg`) decodes into ' +
    'that value and is not reported.',
  create(context) {
    // A type switch after the decode: some value is polymorphic, which a plain struct does not hold.
    const hasTypeSwitchOn = (call: SyntaxNode): boolean => {
      const body = enclosingFunction(call)?.childForFieldName('body');
      return !!body && body.descendantsOfType('type_switch_statement').some((sw) => sw.startIndex > call.endIndex);
    };
    const jsonName = importLookup(() => context.imports(), 'encoding/json');
    return {
      $calls: ['Unmarshal', 'Decode'],
      call_expression(call) {
        const json = jsonName();
        if (!json) return;
        const fn = selectorParts(call.childForFieldName('function'));
        if (!fn || (fn.field !== 'Unmarshal' && fn.field !== 'Decode')) return;
        const args = callArguments(call);
        let target: SyntaxNode | null = null;
        if (fn.field === 'Unmarshal') {
          if (args.length === 2 && packageFunction(call, json) === 'Unmarshal') target = addressOperand(args[1]);
        } else if (args.length === 1 && isDecoder(fn.operand, json)) {
          target = addressOperand(args[0]);
        }
        if (!target) return;
        const type = typeOfExpression(target);
        const kind = untypedKind(type);
        if (!kind || (type!.kind === 'interface' && !nilInterface(target))) return;
        const what = fn.field === 'Unmarshal' ? `${json}.Unmarshal` : 'Decode';
        const keys = type!.kind === 'map' ? fixedKeyReads(call, target) : [];
        if (keys.length > 0 && !hasTypeSwitchOn(call)) {
          const named = keys.slice(0, 3).join(', ') + (keys.length > 3 ? ', …' : '');
          context.report({
            node: call,
            message: `\`${what}\` into \`${kind}\`, then only fixed keys are read (${named}): a struct with those fields decodes them without a map per object or a type assertion per read.`,
          });
          return;
        }
        // Without fixed-key reads the generic value may be the point (arbitrary documents, a
        // pass-through, a generic transform): advisory.
        context.report({
          node: call,
          message: `\`${what}\` into \`${kind}\` allocates a map per object and boxes every value in an interface; if the document has a fixed shape, a typed struct decodes faster and needs no type assertions.`,
          tier: 'advisory',
        });
      },
    };
  },
});
