import { it } from 'vitest';
import { lifecycleModel } from '../../src/model/index.js';
import { subStateService } from '../support/subStateService.js';
it('scratch', () => {
const m = lifecycleModel(subStateService);
console.log(JSON.stringify(m.states.map(s=>[s.status,s.subStates,s.aliases])), m.initialLeaf);
for (const t of m.transitions) console.log(t.fromLeaf, t.event, t.toLeaf, t.from, t.to);
const k = lifecycleModel('kafka'); console.log(k.transitions.length, k.leaves.length);
});
