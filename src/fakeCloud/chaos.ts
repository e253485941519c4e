/**
 * Chaos: what goes wrong in the fake cloud, seeded so that the same settings and the same requests go wrong the
 * same way on every run.
 *
 * Two kinds:
 * - per request (HTTP): a rate of 429, 500 and 503 answers and added latency, for every request or for the
 *   requests one rule matches (by service, API action and path prefix); a request answered with an error has no
 *   effect. `notFoundAfterCreate` answers 404 to the first polls of a new instance (eventual consistency).
 * - per instance (the lifecycle): a rate of failure outcomes and a rate of getting stuck, per operation (`CREATE`
 *   for the creation, or an operation event of the machine such as `RESIZE`), drawn when the instance is created.
 */
import { BadArgumentError } from '../model/index.js';
import { createRandom, isSeed, MAX_SEED, type Random } from '../simulation/index.js';

/** Rates (from 0 to 1) of error answers; their sum is at most 1. */
export interface ErrorRates {
  429?: number;
  500?: number;
  503?: number;
}

/** Added latency, in real milliseconds, drawn uniformly from `min` to `max`. */
export interface Latency {
  min: number;
  max: number;
}

/** HTTP chaos for the requests a rule matches: every given condition must hold. */
export interface ChaosRule {
  /** Service id (`kafka`, `dcs`). */
  service?: string;
  /** API action, as the request log names it (`create`, `show`, `list`, `resize`, ...). */
  action?: string;
  /** A prefix of the request path (`/kafka/v2/`). */
  path?: string;
  errors?: ErrorRates;
  latency?: Latency;
}

/** Everything chaos does (all optional; `{}` is no chaos). */
export interface ChaosSettings {
  /** Seed of the chaos draws (default: the fake cloud's seed). */
  seed?: number;
  /** Error rates of every request no rule matches. */
  errors?: ErrorRates;
  /** Latency of every request no rule matches. */
  latency?: Latency;
  /** Rules for some requests: the first rule that matches a request replaces `errors` and `latency` for it. */
  rules?: ChaosRule[];
  /** How many polls of a new instance (show) answer 404, and how long lists leave it out. */
  notFoundAfterCreate?: number;
  /** Rate of failure outcomes per operation: `{ "CREATE": 0.2, "RESIZE": 1 }`. */
  failures?: Record<string, number>;
  /** Rate of getting stuck in the status an operation leads to, per operation: `{ "RESIZE": 0.5 }`. */
  stuck?: Record<string, number>;
  /** How long a stuck status lasts, in simulated ms (default {@link DEFAULT_STUCK_FOR}). */
  stuckFor?: number;
}

/** How long a stuck status lasts by default: 30 simulated days. */
export const DEFAULT_STUCK_FOR = 30 * 24 * 3_600_000;

/** The name chaos uses for the creation of an instance (it is no event of the machines). */
export const CREATE = 'CREATE';

/** What chaos does to one request. */
export interface RequestChaos {
  /** An error status to answer with instead (nothing else happens), or undefined. */
  error?: 429 | 500 | 503;
  /** Real milliseconds to wait before answering. */
  latency: number;
}

const SETTINGS_KEYS = new Set([
  'seed',
  'errors',
  'latency',
  'rules',
  'notFoundAfterCreate',
  'failures',
  'stuck',
  'stuckFor',
]);
const RULE_KEYS = new Set(['service', 'action', 'path', 'errors', 'latency']);
const ERROR_STATUSES = ['429', '500', '503'] as const;
const MAX_RULES = 100;
const MAX_LATENCY = 60_000;

/**
 * Chaos settings checked from parsed JSON (a chaos file, or a control request's body): every field has the type
 * and range it needs, and nothing unknown is given. `operations` are the names `failures` and `stuck` may use.
 * Throws a {@link BadArgumentError} naming the field, prefixed by `where`.
 *
 * @example parseChaos({ errors: { 503: 0.1 } }, 'chaos.json', ['CREATE', 'RESIZE']).errors // { 503: 0.1 }
 */
export function parseChaos(value: unknown, where: string, operations: readonly string[]): ChaosSettings {
  const record = object(value, where);
  onlyKeys(record, SETTINGS_KEYS, where);
  const settings: ChaosSettings = {};
  if (record.seed !== undefined) {
    if (typeof record.seed !== 'number' || !isSeed(record.seed))
      throw new BadArgumentError(`${where}: seed must be a whole number from 0 to ${MAX_SEED}`);
    settings.seed = record.seed;
  }
  if (record.errors !== undefined) settings.errors = errorRates(record.errors, `${where}: errors`);
  if (record.latency !== undefined) settings.latency = latency(record.latency, `${where}: latency`);
  if (record.rules !== undefined) {
    if (!Array.isArray(record.rules) || record.rules.length > MAX_RULES)
      throw new BadArgumentError(`${where}: rules must be an array of at most ${MAX_RULES} rules`);
    settings.rules = record.rules.map((rule, i) => chaosRule(rule, `${where}: rules[${i}]`));
  }
  if (record.notFoundAfterCreate !== undefined)
    settings.notFoundAfterCreate = whole(record.notFoundAfterCreate, `${where}: notFoundAfterCreate`, 1000);
  if (record.failures !== undefined) settings.failures = rates(record.failures, `${where}: failures`, operations);
  if (record.stuck !== undefined) settings.stuck = rates(record.stuck, `${where}: stuck`, operations);
  if (record.stuckFor !== undefined) {
    settings.stuckFor = whole(record.stuckFor, `${where}: stuckFor`, Number.MAX_SAFE_INTEGER);
    if (settings.stuckFor < 1) throw new BadArgumentError(`${where}: stuckFor must be at least 1 ms`);
  }
  return settings;
}

/**
 * The per-request side of chaos: a seeded stream of draws. Each request draws the same number of values whatever
 * it gets, so the answers depend only on the seed and the order of requests.
 */
export class RequestChaosSource {
  private readonly random: Random;

  constructor(
    readonly settings: ChaosSettings,
    seed: number,
  ) {
    this.random = createRandom(settings.seed ?? seed);
  }

  /** What happens to a request of `service` and `action` at `path`. */
  draw(service: string | undefined, action: string, path: string): RequestChaos {
    const rule = this.settings.rules?.find(
      (r) =>
        (r.service === undefined || r.service === service) &&
        (r.action === undefined || r.action === action) &&
        (r.path === undefined || path.startsWith(r.path)),
    );
    const errors = rule ? (rule.errors ?? {}) : (this.settings.errors ?? {});
    const range = rule ? rule.latency : this.settings.latency;
    const point = this.random.next();
    const extra = this.random.next();
    const latency = range === undefined ? 0 : range.min + Math.floor(extra * (range.max - range.min + 1));
    let sum = 0;
    for (const status of ERROR_STATUSES) {
      sum += errors[status] ?? 0;
      if (point < sum) return { error: Number(status) as 429 | 500 | 503, latency };
    }
    return { latency };
  }
}

function chaosRule(value: unknown, where: string): ChaosRule {
  const record = object(value, where);
  onlyKeys(record, RULE_KEYS, where);
  const rule: ChaosRule = {};
  for (const key of ['service', 'action', 'path'] as const) {
    const field = record[key];
    if (field === undefined) continue;
    if (typeof field !== 'string' || field.length > 1000)
      throw new BadArgumentError(`${where}: ${key} must be a string (at most 1000 characters)`);
    rule[key] = field;
  }
  if (record.errors !== undefined) rule.errors = errorRates(record.errors, `${where}: errors`);
  if (record.latency !== undefined) rule.latency = latency(record.latency, `${where}: latency`);
  return rule;
}

function errorRates(value: unknown, where: string): ErrorRates {
  const record = object(value, where);
  onlyKeys(record, new Set(ERROR_STATUSES), where);
  const result: ErrorRates = {};
  let sum = 0;
  for (const status of ERROR_STATUSES) {
    if (record[status] === undefined) continue;
    const rate = rateOf(record[status], `${where}: ${status}`);
    result[status] = rate;
    sum += rate;
  }
  if (sum > 1) throw new BadArgumentError(`${where}: the rates add up to ${sum}, more than 1`);
  return result;
}

function latency(value: unknown, where: string): Latency {
  const record = object(value, where);
  onlyKeys(record, new Set(['min', 'max']), where);
  const min = whole(record.min ?? 0, `${where}: min`, MAX_LATENCY);
  const max = whole(record.max ?? min, `${where}: max`, MAX_LATENCY);
  if (max < min) throw new BadArgumentError(`${where}: max (${max}) is less than min (${min})`);
  return { min, max };
}

function rates(value: unknown, where: string, operations: readonly string[]): Record<string, number> {
  const record = object(value, where);
  const result: Record<string, number> = Object.create(null);
  for (const [operation, rate] of Object.entries(record)) {
    if (!operations.includes(operation)) {
      throw new BadArgumentError(
        `${where}: unknown operation ${JSON.stringify(operation.slice(0, 100))}; known: ${operations.join(', ')}`,
      );
    }
    result[operation] = rateOf(rate, `${where}: ${operation}`);
  }
  return result;
}

function rateOf(value: unknown, where: string): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1))
    throw new BadArgumentError(`${where}: expected a rate from 0 to 1, got ${describe(value)}`);
  return value;
}

function whole(value: unknown, where: string, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > max)
    throw new BadArgumentError(`${where}: expected a whole number from 0 to ${max}, got ${describe(value)}`);
  return value;
}

function object(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BadArgumentError(`${where}: expected an object, got ${describe(value)}`);
  return value as Record<string, unknown>;
}

function onlyKeys(record: Record<string, unknown>, known: ReadonlySet<string>, where: string): void {
  for (const key of Object.keys(record)) {
    if (!known.has(key))
      throw new BadArgumentError(
        `${where}: unknown field ${JSON.stringify(key.slice(0, 100))}; known: ${[...known].join(', ')}`,
      );
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}
