/** The `lantern` command line: `node electron/cli/main.ts <command>`, `npx lantern`, `npm run lantern --`. */
import { runCli } from './run.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
