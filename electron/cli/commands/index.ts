/**
 * The `lantern` commands. To add one: write `commands/<name>.ts` exporting a Command (see
 * ../command.ts) and add one line here.
 */
import type { Command } from '../command.ts';
import { importExercismCommand } from './import-exercism.ts';
import { validateCommand } from './validate.ts';
import { reportCommand } from './report.ts';
import { hintCommand } from './hint.ts';
import { generateCommand } from './generate.ts';
import { modelCommand } from './model.ts';

export const commands: Command[] = [
  validateCommand(),
  importExercismCommand(),
  reportCommand(),
  hintCommand(),
  generateCommand(),
  modelCommand(),
];
