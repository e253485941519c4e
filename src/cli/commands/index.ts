/** Every CLI command, in the order `--help` lists them. Add a command: one import and one entry. */
import type { Command } from '../command.js';
import { graphCommand } from './graph.js';
import { servicesCommand } from './services.js';
import { validateCommand } from './validate.js';
import { viewCommand } from './view.js';

export const commands: readonly Command[] = [servicesCommand, graphCommand, validateCommand, viewCommand];
