/**
 * Every CLI command, in the order `--help` lists them: its name and summary at hand, its module loaded only when
 * it runs (so that a command loads only what it needs, and starts fast). Add a command: one entry here.
 */
import type { CommandEntry } from '../command.js';

export const commands: readonly CommandEntry[] = [
  {
    name: 'services',
    summary: 'list the services and their statuses',
    load: async () => (await import('./services.js')).servicesCommand,
  },
  {
    name: 'graph',
    summary: "print a service's statuses and transitions (JSON or a diagram)",
    load: async () => (await import('./graph.js')).graphCommand,
  },
  {
    name: 'validate',
    summary: 'check observed status histories (one instance or a fleet log) against a machine',
    load: async () => (await import('./validate.js')).validateCommand,
  },
  {
    name: 'report',
    summary: 'fleet conformance report: fitness, transition counts, dwell times, stuck instances, drift',
    load: async () => (await import('./report.js')).reportCommand,
  },
  {
    name: 'simulate',
    summary: 'print a seeded simulated status history (the true one, or what a poller sees)',
    load: async () => (await import('./simulate.js')).simulateCommand,
  },
  {
    name: 'paths',
    summary: 'print paths through a machine: to each status, or covering every transition (test plans)',
    load: async () => (await import('./paths.js')).pathsCommand,
  },
  {
    name: 'view',
    summary: 'write a self-contained HTML page: the diagram, and a step-through of a history',
    load: async () => (await import('./view.js')).viewCommand,
  },
  {
    name: 'inspect',
    summary: 'replay a history through the machine, watched in the Stately inspector',
    load: async () => (await import('./inspect.js')).inspectCommand,
  },
  {
    name: 'expect',
    summary: 'list the pending, target and failure statuses of a wait, derived from the machine',
    load: async () => (await import('./expect.js')).expectCommand,
  },
  {
    name: 'lint',
    summary: 'check the pending, target and failure lists of a hand-written wait against the machine',
    load: async () => (await import('./lint.js')).lintCommand,
  },
  {
    name: 'wait',
    summary: 'poll an instance until a target status (exits at once when it can no longer come)',
    load: async () => (await import('./wait.js')).waitCommand,
  },
  {
    name: 'sql',
    summary: 'print a SQL query that checks the histories in a warehouse table (DuckDB, PostgreSQL, BigQuery, ...)',
    load: async () => (await import('./sql.js')).sqlCommand,
  },
  {
    name: 'check',
    summary: 'check a machine of your own (a module or a JSON config) against the rules of the built-in machines',
    load: async () => (await import('./check.js')).checkCommand,
  },
  {
    name: 'serve',
    summary: 'run a fake cloud: the REST APIs of the services on localhost, lifecycles from the machines, chaos',
    load: async () => (await import('./serve.js')).serveCommand,
  },
];
