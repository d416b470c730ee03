/**
 * The `lantern` commands. To add one: write `commands/<name>.ts` exporting a Command (see
 * ../command.ts) and add one line here.
 */
import type { Command } from '../command.ts';
import { validateCommand } from './validate.ts';

export const commands: Command[] = [validateCommand()];
