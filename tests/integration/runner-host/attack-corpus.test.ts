/**
 * The attack corpus (tests/fixtures/attacks/) through Check in the Node sandbox host: every
 * attempt to make a wrong solution pass stays failing, and the runner stays usable after it.
 */
import { describe, expect, it } from 'vitest';
import { attackVerdict, loadAttacks } from '../../fixtures/attacks/load.ts';
import { useSandbox } from './helpers.ts';

const sandbox = useSandbox();
const javascript = loadAttacks('javascript');
const python = loadAttacks('python');

describe('the attack corpus in the Node sandbox host', () => {
  it('has at least 40 JavaScript and 20 Python attacks', () => {
    expect(javascript.length).toBeGreaterThanOrEqual(40);
    expect(python.length).toBeGreaterThanOrEqual(20);
  });

  it.each([...javascript, ...python].map((attack) => [attack.name, attack] as const))(
    '%s stays failing',
    async (_name, attack) => {
      const result = await sandbox.run(attack.request);
      expect(attackVerdict(result), JSON.stringify(result.tests)).toBeNull();
      const language = attack.request.language;
      const probe = language === 'python' ? 'print("still here")' : 'console.log("still here")';
      const next = await sandbox.run({
        mode: 'run',
        module: 'main',
        language,
        code: probe,
        timeLimitMs: 5000,
      });
      expect(next).toMatchObject({ status: 'pass', stdout: 'still here\n' });
    },
  );
});
