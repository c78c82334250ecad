import { it } from 'vitest';
import { parsePage } from '../src/parse/parsePage.js';
it('x', () => { const p = parsePage('4 December, 2017\n\nTitle A\n\nSummary A.\n\nNext title that\nwraps\n1 December, 2017\n\nSummary B.\n', 'w.txt'); console.log(JSON.stringify(p.items)); });
