/**
 * The attack corpus (tests/fixtures/attacks/): every attempt to make a wrong solution pass Check,
 * run through the Node sandbox host. Prints the corpus size per language and how many stayed
 * failing, beside the target (all of them), and the time the corpus took.
 */
import { SandboxPool } from '../electron/core/runner-host/index.ts';
import { attackVerdict, loadAttacks } from '../tests/fixtures/attacks/load.ts';

const pool = new SandboxPool({ size: 1 });
try {
  await pool.warm();
  for (const language of ['javascript', 'python'] as const) {
    const attacks = loadAttacks(language);
    const started = performance.now();
    const broke: string[] = [];
    for (const attack of attacks) {
      const verdict = attackVerdict(await pool.run(attack.request));
      if (verdict) broke.push(`${attack.name}: ${verdict}`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const held = attacks.length - broke.length;
    console.log(
      `  ${language.padEnd(11)} ${held} of ${attacks.length} attacks stay failing (target: all) in ${seconds} s`,
    );
    for (const line of broke) console.log(`    FAKED A PASS ${line}`);
  }
} finally {
  await pool.close();
}
