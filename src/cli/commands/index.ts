/** Every CLI command, in the order `--help` lists them. Add a command: one import and one entry. */
import type { Command } from '../command.js';
import { checkCommand } from './check.js';
import { expectCommand } from './expect.js';
import { graphCommand } from './graph.js';
import { inspectCommand } from './inspect.js';
import { lintCommand } from './lint.js';
import { pathsCommand } from './paths.js';
import { reportCommand } from './report.js';
import { serveCommand } from './serve.js';
import { servicesCommand } from './services.js';
import { simulateCommand } from './simulate.js';
import { sqlCommand } from './sql.js';
import { validateCommand } from './validate.js';
import { viewCommand } from './view.js';
import { waitCommand } from './wait.js';

export const commands: readonly Command[] = [
  servicesCommand,
  graphCommand,
  validateCommand,
  reportCommand,
  simulateCommand,
  pathsCommand,
  viewCommand,
  inspectCommand,
  expectCommand,
  lintCommand,
  waitCommand,
  sqlCommand,
  checkCommand,
  serveCommand,
];
