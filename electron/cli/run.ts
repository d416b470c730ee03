/** Dispatches `lantern <command> [args]` to the command registry; testable without a process. */
import { USAGE_ERROR, type CliIo, type Command } from './command.ts';
import { commands } from './commands/index.ts';

export async function runCli(
  argv: string[],
  io: CliIo,
  registry: readonly Command[] = commands,
): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview(registry));
    return name === undefined ? USAGE_ERROR : 0;
  }
  const command = registry.find((c) => c.name === name);
  if (!command) {
    io.err(`lantern: unknown command "${name}"\n\n${overview(registry)}`);
    return USAGE_ERROR;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${command.usage}\n`);
    return 0;
  }
  return command.run(args, io);
}

function overview(registry: readonly Command[]): string {
  const width = Math.max(...registry.map((c) => c.name.length));
  const lines = registry.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: lantern <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "lantern <command> --help" for its options.\n`;
}
