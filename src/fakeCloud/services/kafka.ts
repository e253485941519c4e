/**
 * DMS for Kafka in the fake cloud: the instance lifecycle part of its v2 API (create, list, show, delete, the batch
 * restart/delete action, resize and its background task), with the paths of the API reference and of the official
 * Node SDK, the bodies the reference describes (snake_case), and the error codes of its error-code appendix.
 *
 * Facts used (from the DMS API reference and the SDK): errors are `{"error_code","error_msg"}`; a missing instance
 * is 404 DMS.00404022; an operation the status does not allow is 400 DMS.00400026, a deletion 400 DMS.00400099;
 * there is no single-instance restart (only the batch action, `"action":"restart"`); `created_at` is a string of
 * epoch milliseconds; lists are `{"instances":[...],"instance_num":N}` and need `engine=kafka`; a resize answers
 * `{"job_id"}`, whose task reports EXECUTING, SUCCESS or FAILED.
 */

import { lifecycleModel } from '../../model/index.js';
import { ApiError, type ErrorTable } from '../apiError.js';
import type { CloudInstance } from '../instanceStore.js';
import {
  type Answer,
  batchIds,
  bodyObject,
  creationFailedStatuses,
  fieldReader,
  filterInstances,
  paging,
  param,
  type RouteContext,
  type ServiceApi,
} from '../serviceApi.js';

const SERVICE = 'kafka';

/** The operation events the Kafka API requests. */
const OPERATIONS = { restart: 'RESTART', resize: 'RESIZE', delete: 'DELETE' } as const;

const errors: ErrorTable = {
  notFound: { status: 404, code: 'DMS.00404022', message: 'This instance does not exist.' },
  unknownUrl: { status: 404, code: 'DMS.00404001', message: 'The requested URL does not exist.' },
  methodNotAllowed: { status: 405, code: 'DMS.00405001', message: 'This request method is not allowed.' },
  notAllowed: {
    status: 400,
    code: 'DMS.00400026',
    message: 'This operation is not allowed due to the instance status.',
  },
  deleteNotAllowed: {
    status: 400,
    code: 'DMS.00400099',
    message: 'The following instances in the Creating, Starting, Stopping, or Restarting state cannot be deleted:',
  },
  bodyEmpty: { status: 400, code: 'DMS.00400004', message: 'The request body is empty.' },
  bodyNotJson: {
    status: 400,
    code: 'DMS.00400005',
    message: 'The message body is not in JSON format or contains invalid characters.',
  },
  invalidParameter: { status: 400, code: 'DMS.00400062', message: 'Invalid request parameter.' },
  quota: { status: 400, code: 'DMS.00400035', message: 'DMS instance quota of the tenant is insufficient.' },
  internal: { status: 500, code: 'DMS.00500000', message: 'Internal service error.' },
};

const batchErrors = {
  action: new ApiError(400, 'DMS.00400064', 'The action parameter in the request must be delete or restart.'),
  empty: new ApiError(400, 'DMS.00400065', 'The instances parameter in the request is empty.'),
  tooMany: new ApiError(400, 'DMS.00400100', 'The instances array can contain a maximum of 50 instance IDs.'),
  repeated: new ApiError(400, 'DMS.00400082', 'Instance id is repeated.'),
  invalid: ApiError.of(errors.invalidParameter, '(instances)'),
};
const invalidName = new ApiError(
  400,
  'DMS.00400010',
  'Invalid instance name: 4 to 64 characters, starting with a letter.',
);
const invalidDiskSpace = new ApiError(400, 'DMS.00400500', 'Invalid disk space.');

const NAME = /^[A-Za-z][A-Za-z0-9_-]{3,63}$/;
const OPER_TYPES = ['storage', 'horizontal', 'vertical'];

/** The Kafka API of the fake cloud. */
export const kafkaApi: ServiceApi = {
  service: SERVICE,
  errors,
  operations: Object.values(OPERATIONS),
  routes: [
    { action: 'create', method: 'POST', path: '/v2/kafka/{project}/instances', body: true, handle: create },
    { action: 'create', method: 'POST', path: '/v2/{project}/kafka/instances', body: true, handle: create },
    { action: 'batch', method: 'POST', path: '/v2/{project}/instances/action', body: true, handle: batch },
    { action: 'create', method: 'POST', path: '/v2/{project}/instances', body: true, handle: create },
    { action: 'list', method: 'GET', path: '/v2/{project}/instances', handle: list },
    { action: 'show', method: 'GET', path: '/v2/{project}/instances/{id}', handle: show },
    { action: 'delete', method: 'DELETE', path: '/v2/{project}/instances/{id}', handle: remove },
    { action: 'resize', method: 'POST', path: '/v2/kafka/{project}/instances/{id}/extend', body: true, handle: resize },
    { action: 'resize', method: 'POST', path: '/v2/{project}/kafka/instances/{id}/extend', body: true, handle: resize },
    { action: 'resize', method: 'POST', path: '/v2/{project}/instances/{id}/extend', body: true, handle: resize },
    { action: 'task', method: 'GET', path: '/v2/{project}/instances/{id}/tasks/{task}', handle: task },
  ],
};

function create(context: RouteContext): Answer {
  const body = bodyObject(context, errors);
  const read = fieldReader(body, errors);
  const name = read.string('name')!;
  if (!NAME.test(name)) throw invalidName;
  if (read.string('engine') !== SERVICE) throw ApiError.of(errors.invalidParameter, '(engine)');
  const fields: Record<string, unknown> = {
    name,
    engine: SERVICE,
    engine_version: read.string('engine_version'),
    broker_num: read.number('broker_num'),
    storage_space: read.number('storage_space'),
    vpc_id: read.string('vpc_id'),
    security_group_id: read.string('security_group_id'),
    subnet_id: read.string('subnet_id'),
    available_zones: read.strings('available_zones'),
    product_id: read.string('product_id'),
    storage_spec_code: read.string('storage_spec_code'),
    description: read.string('description', true) ?? '',
    maintain_begin: read.string('maintain_begin', true) ?? '02:00:00',
    maintain_end: read.string('maintain_end', true) ?? '06:00:00',
    enable_publicip: read.boolean('enable_publicip') ?? false,
    ssl_enable: read.boolean('ssl_enable') ?? false,
    enterprise_project_id: read.string('enterprise_project_id', true) ?? '0',
  };
  const instance = context.store.create(SERVICE, param(context, 'project'), fields, context.chaos, errors);
  return { status: 200, body: { instance_id: instance.id }, instances: [instance.id] };
}

function list(context: RouteContext): Answer {
  const engine = context.query.get('engine');
  if (engine !== SERVICE) throw ApiError.of(errors.invalidParameter, '(engine)');
  const { offset, limit } = paging(context.query, errors, 10, 50);
  const exact = context.query.get('exact_match_name') === 'true';
  const found = filterInstances(context.store, SERVICE, param(context, 'project'), context.query, exact);
  return {
    status: 200,
    body: { instances: found.slice(offset, offset + limit).map(view), instance_num: found.length },
  };
}

function show(context: RouteContext): Answer {
  const instance = context.store.find(SERVICE, param(context, 'project'), param(context, 'id'), errors, true);
  return { status: 200, body: view(instance), instances: [instance.id] };
}

async function remove(context: RouteContext): Promise<Answer> {
  const instance = context.store.find(SERVICE, param(context, 'project'), param(context, 'id'), errors);
  await context.store.operate(instance, OPERATIONS.delete, errors, 'deleteNotAllowed');
  return { status: 204, instances: [instance.id] };
}

async function batch(context: RouteContext): Promise<Answer> {
  const body = bodyObject(context, errors);
  const action = body.action;
  if (action !== 'restart' && action !== 'delete') throw batchErrors.action;
  const project = param(context, 'project');
  const { store } = context;
  if (action === 'delete' && (body.all_failure === 'kafka' || body.all_failure === true)) {
    const failedCreation = creationFailedStatuses(lifecycleModel(SERVICE));
    const failed = store.list(SERVICE, project).filter((i) => failedCreation.has(i.sim.current));
    for (const instance of failed) await store.operate(instance, OPERATIONS.delete, errors, 'deleteNotAllowed');
    return { status: 204, instances: failed.map((i) => i.id) };
  }
  const ids = batchIds(body.instances, batchErrors);
  const found = ids.map((id) => store.get(SERVICE, project, id)).map((i) => (i && i.hiddenPolls === 0 ? i : undefined));
  if (action === 'delete') {
    const refused = found.filter(
      (i): i is CloudInstance => !!i && !i.sim.allowedOperations().includes(OPERATIONS.delete),
    );
    if (refused.length > 0) throw ApiError.of(errors.deleteNotAllowed, `(${refused.map((i) => i.id).join(', ')})`);
  }
  const event = action === 'delete' ? OPERATIONS.delete : OPERATIONS.restart;
  const results: { result: 'success' | 'failed'; instance: string }[] = [];
  for (const [index, instance] of found.entries()) {
    let ok = false;
    if (instance) {
      try {
        await store.operate(instance, event, errors);
        ok = true;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
      }
    }
    results.push({ result: ok ? 'success' : 'failed', instance: ids[index]! });
  }
  return { status: 200, body: { results }, instances: ids };
}

async function resize(context: RouteContext): Promise<Answer> {
  const instance = context.store.find(SERVICE, param(context, 'project'), param(context, 'id'), errors);
  const read = fieldReader(bodyObject(context, errors), errors);
  const operType = read.string('oper_type')!;
  if (!OPER_TYPES.includes(operType)) throw ApiError.of(errors.invalidParameter, '(oper_type)');
  const current = instance.fields;
  const changes: Record<string, unknown> = {};
  if (operType === 'storage' || operType === 'horizontal') {
    const brokers = operType === 'horizontal' ? read.number('new_broker_num')! : (current.broker_num as number);
    if (operType === 'horizontal' && brokers <= (current.broker_num as number))
      throw ApiError.of(errors.invalidParameter, '(new_broker_num)');
    const storage = read.number('new_storage_space', operType === 'horizontal') ?? (current.storage_space as number);
    if (operType === 'storage' && storage <= (current.storage_space as number)) throw invalidDiskSpace;
    Object.assign(changes, { broker_num: brokers, storage_space: storage });
  } else {
    changes.product_id = read.string('new_product_id');
  }
  const job = await context.store.operate(instance, OPERATIONS.resize, errors, 'notAllowed', changes);
  return { status: 200, body: { job_id: job.id }, instances: [instance.id] };
}

function task(context: RouteContext): Answer {
  const instance = context.store.find(SERVICE, param(context, 'project'), param(context, 'id'), errors);
  const job = instance.jobs.find((j) => j.id === param(context, 'task'));
  if (!job) throw ApiError.of(errors.unknownUrl, '(no such task)');
  const event = instance.sim.events()[job.index];
  const body = {
    task_count: '1',
    tasks: [
      {
        id: job.id,
        name: job.event.toLowerCase(),
        status: context.store.jobStatus(instance, job),
        created_at: event ? String(Date.parse(event.time)) : '',
      },
    ],
  };
  return { status: 200, body, instances: [instance.id] };
}

/** An instance as show and list answer it. */
function view(instance: CloudInstance): Record<string, unknown> {
  const status = instance.sim.current;
  const f = instance.fields;
  const brokers = f.broker_num as number;
  return {
    instance_id: instance.id,
    name: f.name,
    engine: f.engine,
    engine_version: f.engine_version,
    status,
    type: 'cluster',
    product_id: f.product_id,
    broker_num: brokers,
    storage_space: f.storage_space,
    total_storage_space: f.storage_space,
    used_storage_space: 0,
    storage_spec_code: f.storage_spec_code,
    // Addresses from TEST-NET-1 (RFC 5737): there is no data plane behind them.
    connect_address: Array.from({ length: Math.min(brokers, 50) }, (_, i) => `192.0.2.${i + 1}`).join(','),
    port: 9092,
    created_at: String(instance.createdAt),
    charging_mode: 1,
    vpc_id: f.vpc_id,
    subnet_id: f.subnet_id,
    security_group_id: f.security_group_id,
    available_zones: f.available_zones,
    maintain_begin: f.maintain_begin,
    maintain_end: f.maintain_end,
    enable_publicip: f.enable_publicip,
    ssl_enable: f.ssl_enable,
    enterprise_project_id: f.enterprise_project_id,
    description: f.description,
    tags: [],
  };
}
