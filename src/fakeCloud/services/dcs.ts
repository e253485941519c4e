/**
 * DCS in the fake cloud: the instance lifecycle part of its v2 API (create, list, show, delete, batch delete, the
 * status actions restart / soft restart / flush, resize and restore), with the paths and bodies of the API
 * reference and the error codes of its error-code appendix.
 *
 * Facts used (from the DCS API reference): errors are `{"error_code","error_msg"}` (plus an unused
 * `error_ext_msg`); a missing instance is 404 DCS.3022; an operation the status does not allow is 400 DCS.4026, a
 * deletion 400 DCS.4099; create answers `{"instances":[{"instance_id","instance_name"}]}` (it can create several);
 * `created_at` is ISO 8601 UTC with milliseconds; show names the last change `update_at`, lists `updated_at`;
 * lists are `{"instance_num":N,"instances":[...]}`; batch delete is `DELETE /v2/{project_id}/instances` with
 * `all_failure` in the query or the ids in the body; status actions and batch delete answer per-instance
 * `{"results":[{"result","instance"}]}`; a resize answers 204, a restore `{"restore_id"}`.
 */
import { lifecycleModel, statusesTagged } from '../../model/index.js';
import { ApiError, type ErrorTable } from '../apiError.js';
import type { CloudInstance, InstanceStore } from '../instanceStore.js';
import {
  type Answer,
  batchIds,
  bodyObject,
  creationFailedStatuses,
  fieldReader,
  filterInstances,
  isoTime,
  paging,
  param,
  type RouteContext,
  type ServiceApi,
} from '../serviceApi.js';

const SERVICE = 'dcs';

/** The operation events the DCS API requests. */
const OPERATIONS = { restart: 'RESTART', resize: 'RESIZE', restore: 'RESTORE', delete: 'DELETE' } as const;

const errors: ErrorTable = {
  notFound: { status: 404, code: 'DCS.3022', message: 'This DCS instance does not exist.' },
  unknownUrl: { status: 404, code: 'DCS.4001', message: 'The requested URL does not exist.' },
  // The DCS error table has no code for a wrong method: such a request is a URL that does not exist.
  methodNotAllowed: { status: 404, code: 'DCS.4001', message: 'The requested URL does not exist.' },
  notAllowed: {
    status: 400,
    code: 'DCS.4026',
    message: 'This operation is not allowed when the DCS instance is in the current state.',
  },
  deleteNotAllowed: {
    status: 400,
    code: 'DCS.4099',
    message: 'DCS instances in the Creating, Starting, Stopping, or Restarting state cannot be deleted.',
  },
  bodyEmpty: { status: 400, code: 'DCS.4004', message: 'Empty request body.' },
  bodyNotJson: { status: 400, code: 'DCS.4005', message: 'The request body is not in JSON format.' },
  invalidParameter: { status: 400, code: 'DCS.4800', message: 'Invalid parameter in the request.' },
  quota: { status: 400, code: 'DCS.4035', message: 'DCS instance quota of the tenant is insufficient.' },
  internal: { status: 500, code: 'DCS.5000', message: 'Internal service error.' },
};

const batchErrors = {
  empty: new ApiError(400, 'DCS.4065', 'The instances parameter in the request is empty.'),
  tooMany: new ApiError(400, 'DCS.4100', 'The instances array can contain a maximum of 50 instance IDs.'),
  repeated: ApiError.of(errors.invalidParameter, '(instances: an id is repeated)'),
  invalid: ApiError.of(errors.invalidParameter, '(instances)'),
};
const invalidAction = new ApiError(
  400,
  'DCS.4064',
  'The action parameter in the request must be restart, soft_restart or flush.',
);
const invalidName = new ApiError(400, 'DCS.4010', 'Invalid instance name.');

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{3,63}$/;
const ENGINES = ['Redis', 'Memcached'];
const MAX_PER_CREATE = 100;

/** The DCS API of the fake cloud. */
export const dcsApi: ServiceApi = {
  service: SERVICE,
  errors,
  operations: Object.values(OPERATIONS),
  routes: [
    { action: 'create', method: 'POST', path: '/v2/{project}/instances', body: true, handle: create },
    { action: 'list', method: 'GET', path: '/v2/{project}/instances', handle: list },
    { action: 'batch-delete', method: 'DELETE', path: '/v2/{project}/instances', handle: batchDelete },
    {
      action: 'status-action',
      method: 'PUT',
      path: '/v2/{project}/instances/status',
      body: true,
      handle: statusAction,
    },
    { action: 'show', method: 'GET', path: '/v2/{project}/instances/{id}', handle: show },
    { action: 'delete', method: 'DELETE', path: '/v2/{project}/instances/{id}', handle: remove },
    { action: 'resize', method: 'POST', path: '/v2/{project}/instances/{id}/resize', body: true, handle: resize },
    { action: 'restore', method: 'POST', path: '/v2/{project}/instances/{id}/restores', body: true, handle: restore },
  ],
};

function create(context: RouteContext): Answer {
  const body = bodyObject(context, errors);
  const read = fieldReader(body, errors);
  const name = read.string('name')!;
  if (!NAME.test(name)) throw invalidName;
  const engine = read.string('engine')!;
  if (!ENGINES.includes(engine)) throw ApiError.of(errors.invalidParameter, '(engine)');
  const count = read.number('instance_num', true) ?? 1;
  if (count > MAX_PER_CREATE) throw ApiError.of(errors.invalidParameter, '(instance_num)');
  const password = read.string('password', true);
  const noPassword = read.boolean('no_password_access') ?? password === undefined;
  const fields: Record<string, unknown> = {
    name,
    engine,
    engine_version: read.string('engine_version', engine !== 'Redis'),
    capacity: read.number('capacity', false, false),
    spec_code: read.string('spec_code'),
    az_codes: read.strings('az_codes'),
    vpc_id: read.string('vpc_id'),
    subnet_id: read.string('subnet_id'),
    security_group_id: read.string('security_group_id', true) ?? '',
    port: read.number('port', true) ?? 6379,
    description: read.string('description', true) ?? '',
    maintain_begin: read.string('maintain_begin', true) ?? '18:00:00',
    maintain_end: read.string('maintain_end', true) ?? '19:00:00',
    enterprise_project_id: read.string('enterprise_project_id', true) ?? '0',
    no_password_access: noPassword,
  };
  const project = param(context, 'project');
  const created: CloudInstance[] = [];
  for (let i = 0; i < count; i++) {
    // Several instances from one request get a numbered name (the fake cloud's own choice).
    const own = count === 1 ? fields : { ...fields, name: `${name}-${i + 1}` };
    created.push(context.store.create(SERVICE, project, own, context.chaos, errors));
  }
  return {
    status: 200,
    body: { instances: created.map((i) => ({ instance_id: i.id, instance_name: i.fields.name })) },
    instances: created.map((i) => i.id),
  };
}

function list(context: RouteContext): Answer {
  const { offset, limit } = paging(context.query, errors, 10, 1000);
  const exact = context.query.get('name_equal') === 'true';
  const found = filterInstances(context.store, SERVICE, param(context, 'project'), context.query, exact);
  const instances = found.slice(offset, offset + limit).map((i) => view(context.store, i, 'updated_at'));
  return { status: 200, body: { instance_num: found.length, instances } };
}

function show(context: RouteContext): Answer {
  const instance = context.store.find(SERVICE, param(context, 'project'), param(context, 'id'), errors, true);
  return { status: 200, body: view(context.store, instance, 'update_at'), instances: [instance.id] };
}

async function remove(context: RouteContext): Promise<Answer> {
  const instance = context.store.find(SERVICE, param(context, 'project'), param(context, 'id'), errors);
  await context.store.operate(instance, OPERATIONS.delete, errors, 'deleteNotAllowed');
  return { status: 204, instances: [instance.id] };
}

async function batchDelete(context: RouteContext): Promise<Answer> {
  const project = param(context, 'project');
  const { store } = context;
  let targets: { id: string; instance: CloudInstance | undefined }[];
  if (context.query.get('all_failure') === 'true') {
    const failedCreation = creationFailedStatuses(lifecycleModel(SERVICE));
    targets = store
      .list(SERVICE, project)
      .filter((i) => failedCreation.has(i.sim.current))
      .map((i) => ({ id: i.id, instance: i }));
  } else {
    if (context.body === undefined) throw ApiError.of(errors.bodyEmpty);
    const ids = batchIds(bodyObject(context, errors).instances, batchErrors);
    targets = ids.map((id) => ({ id, instance: visible(store, project, id) }));
  }
  const results = await perInstance(targets, (instance) =>
    store.operate(instance, OPERATIONS.delete, errors, 'deleteNotAllowed'),
  );
  return { status: 200, body: { results }, instances: targets.map((t) => t.id) };
}

async function statusAction(context: RouteContext): Promise<Answer> {
  const body = bodyObject(context, errors);
  const action = body.action;
  if (action !== 'restart' && action !== 'soft_restart' && action !== 'flush') throw invalidAction;
  const project = param(context, 'project');
  const { store } = context;
  const ids = batchIds(body.instances, batchErrors);
  const targets = ids.map((id) => ({ id, instance: visible(store, project, id) }));
  const results = await perInstance(targets, async (instance) => {
    if (action === 'flush') {
      // Clearing data changes no status: allowed where the instance serves (a stable status that is not failed).
      const model = lifecycleModel(SERVICE);
      const current = instance.sim.current;
      if (!statusesTagged(model, 'stable').has(current) || statusesTagged(model, 'failed').has(current))
        throw ApiError.of(errors.notAllowed);
      return;
    }
    await store.operate(instance, OPERATIONS.restart, errors);
  });
  return { status: 200, body: { results }, instances: ids };
}

async function resize(context: RouteContext): Promise<Answer> {
  const instance = context.store.find(SERVICE, param(context, 'project'), param(context, 'id'), errors);
  const read = fieldReader(bodyObject(context, errors), errors);
  const changes = { spec_code: read.string('spec_code'), capacity: read.number('new_capacity', false, false) };
  await context.store.operate(instance, OPERATIONS.resize, errors, 'notAllowed', changes);
  return { status: 204, instances: [instance.id] };
}

async function restore(context: RouteContext): Promise<Answer> {
  const instance = context.store.find(SERVICE, param(context, 'project'), param(context, 'id'), errors);
  fieldReader(bodyObject(context, errors), errors).string('backup_id');
  const job = await context.store.operate(instance, OPERATIONS.restore, errors);
  return { status: 200, body: { restore_id: job.id }, instances: [instance.id] };
}

/** An instance the API can see (not deleted, not hidden by chaos), or undefined. */
function visible(store: InstanceStore, project: string, id: string): CloudInstance | undefined {
  const instance = store.get(SERVICE, project, id);
  return instance && instance.hiddenPolls === 0 ? instance : undefined;
}

/** Do something to each instance of a batch: `success` where it worked, `failed` where it was refused or absent. */
async function perInstance(
  targets: { id: string; instance: CloudInstance | undefined }[],
  act: (instance: CloudInstance) => Promise<unknown>,
): Promise<{ result: 'success' | 'failed'; instance: string }[]> {
  const results: { result: 'success' | 'failed'; instance: string }[] = [];
  for (const { id, instance } of targets) {
    let ok = false;
    if (instance) {
      try {
        await act(instance);
        ok = true;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
      }
    }
    results.push({ result: ok ? 'success' : 'failed', instance: id });
  }
  return results;
}

/** An instance as show (`update_at`) and list (`updated_at`) answer it. */
function view(store: InstanceStore, instance: CloudInstance, updatedField: string): Record<string, unknown> {
  const f = instance.fields;
  const capacity = f.capacity as number;
  const whole = Math.floor(capacity);
  const spec = String(f.spec_code);
  const cacheMode = ['single', 'ha', 'cluster', 'proxy'].find((mode) => spec.includes(`.${mode}.`)) ?? 'ha';
  const view: Record<string, unknown> = {
    instance_id: instance.id,
    name: f.name,
    status: instance.sim.current,
    engine: f.engine,
    engine_version: f.engine_version,
    spec_code: f.spec_code,
    capacity: whole,
    ...(whole === capacity ? {} : { capacity_minor: String(capacity - whole).replace(/^0/, '') }),
    max_memory: Math.round(capacity * 1024),
    used_memory: 0,
    cache_mode: cacheMode,
    created_at: isoTime(instance.createdAt),
    [updatedField]: isoTime(store.updatedAt(instance)),
    // An address from TEST-NET-1 (RFC 5737) and a name under .invalid: there is no data plane behind them.
    ip: '192.0.2.10',
    domain_name: `redis-${instance.id}.dcs.invalid`,
    port: f.port,
    vpc_id: f.vpc_id,
    subnet_id: f.subnet_id,
    security_group_id: f.security_group_id,
    az_codes: f.az_codes,
    available_zones: f.az_codes,
    charging_mode: 0,
    maintain_begin: f.maintain_begin,
    maintain_end: f.maintain_end,
    no_password_access: String(f.no_password_access),
    sub_status: 'normal',
    enterprise_project_id: f.enterprise_project_id,
    description: f.description,
    tags: [],
  };
  return view;
}
