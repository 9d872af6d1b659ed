import { compileRules } from '../../src/core/engine.js';
import { RULES } from '../../src/rules/index.js';
const rs = compileRules(RULES) as any;
console.log('byKeyword', rs.byKeyword, 'walked', rs.walked, 'foundByText', rs.foundByText?.map?.((x: any) => x.type ?? x));
