/**
 * The official Huawei Cloud Node SDK for Kafka against the fake cloud, pointed at it with `withEndpoint`: a whole
 * lifecycle (create → show until RUNNING → restart → resize → batch delete → show until 404), every response
 * read into the SDK's models, and refusals surfacing as the SDK's exceptions with the documented codes.
 *
 * The SDK's core logs every failed request to stdout through log4js and, without a custom User-Agent, writes
 * ~/.huaweicloud/application_id: the logger is switched off and a User-Agent given.
 */
import { createRequire } from 'node:module';
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import {
  BatchRestartOrDeleteInstanceReq,
  BatchRestartOrDeleteInstancesRequest,
  BatchRestartOrDeleteInstancesResponse,
  CreateInstanceByEngineReq,
  CreateInstanceByEngineRequest,
  CreateInstanceByEngineResponse,
  KafkaClient,
  ListInstancesRequest,
  ListInstancesResponse,
  ResizeEngineInstanceReq,
  ResizeEngineInstanceRequest,
  ResizeEngineInstanceResponse,
  ShowBackgroundTaskRequest,
  ShowBackgroundTaskResponse,
  ShowInstanceRequest,
  ShowInstanceResp,
  ShowInstanceResponse,
} from '@huaweicloud/huaweicloud-sdk-kafka';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeCloud, startFakeCloud } from '../../src/fakeCloud/index.js';
import { validateHistory } from '../../src/index.js';

const require = createRequire(import.meta.url);
require('@huaweicloud/huaweicloud-sdk-core/logger/log4jLogger').Logger4jInstance.level = 'off';

const STEP = 30_000;
let cloud: FakeCloud;
let client: KafkaClient;

beforeAll(async () => {
  cloud = await startFakeCloud({ progression: 'manual', seed: 11 });
  const credentials = new BasicCredentials().withAk('AK').withSk('SK').withProjectId('project-1');
  client = KafkaClient.newBuilder()
    .withCredential(credentials)
    .withEndpoint(cloud.endpoints.kafka!)
    .withOptions({ customUserAgent: 'instance-lifecycle-tests' })
    .build();
});
afterAll(() => cloud.close());

/**
 * A field of an SDK response. The SDK returns the parsed JSON (snake_case keys) and types multi-word fields as
 * private members with camelCase getters that do not exist at run time, so they are read by name.
 */
function raw(response: object, field: string): unknown {
  return (response as Record<string, unknown>)[field];
}

/** The snake_case fields a model class knows: the keys its `withX` setters write. */
function modelFields(Model: new () => object): Set<string> {
  const fields = new Set<string>();
  const proto = Model.prototype as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (!name.startsWith('with') || typeof proto[name] !== 'function') continue;
    const model = new Model() as Record<string, unknown>;
    const before = new Set(Object.keys(model));
    (proto[name] as (value: unknown) => unknown).call(model, 'sentinel');
    for (const key of Object.keys(model)) if (!before.has(key)) fields.add(key);
  }
  return fields;
}

/** The response's fields, less the status code the SDK adds, all known to the model. */
function expectModel(raw: object, Model: new () => object): void {
  const known = modelFields(Model);
  const unknown = Object.keys(raw).filter((key) => key !== 'httpStatusCode' && !known.has(key));
  expect(unknown, `fields ${Model.name} does not know`).toEqual([]);
}

/** An SDK error's parts (the SDK throws ClientRequestException / ServerResponseException). */
async function sdkError(promise: Promise<unknown>): Promise<{ httpStatusCode: number; errorCode: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { httpStatusCode: number; errorCode: string };
  }
  throw new Error('expected the SDK call to fail');
}

async function showUntil(id: string, done: (status: string) => boolean): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < 200; i++) {
    const shown = await client.showInstance(new ShowInstanceRequest().withInstanceId(id));
    expectModel(shown, ShowInstanceResponse);
    seen.push(shown.status!);
    if (done(shown.status!)) return seen;
    cloud.advance(STEP);
  }
  throw new Error(`still ${seen.at(-1)} after 200 polls`);
}

function createRequest(name: string): CreateInstanceByEngineRequest {
  return new CreateInstanceByEngineRequest()
    .withEngine('kafka')
    .withBody(
      new CreateInstanceByEngineReq()
        .withName(name)
        .withEngine('kafka')
        .withEngineVersion('2.7')
        .withBrokerNum(3)
        .withStorageSpace(300)
        .withVpcId('vpc-1')
        .withSecurityGroupId('sg-1')
        .withSubnetId('subnet-1')
        .withAvailableZones(['az-1'])
        .withProductId('c6.2u4g.cluster')
        .withStorageSpecCode('dms.physical.storage.ultra.v2'),
    );
}

describe('the Kafka SDK against the fake cloud', () => {
  it('reads the fields of a model class (the check below can fail)', () => {
    const fields = modelFields(ShowInstanceResponse);
    expect(fields).toContain('created_at');
    expect(fields).not.toContain('createdAt');
    expect(() => expectModel({ instance_id: 'a', bogus: 1 }, ShowInstanceResponse)).toThrow(/bogus/);
  });

  it('drives a whole lifecycle, and every response reads into the SDK models', async () => {
    const created = await client.createInstanceByEngine(createRequest('sdk-life'));
    expectModel(created, CreateInstanceByEngineResponse);
    const id = raw(created, 'instance_id') as string;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    // Refused while creating: the documented codes, as the SDK's exception.
    const early = await sdkError(
      client.batchRestartOrDeleteInstances(
        new BatchRestartOrDeleteInstancesRequest().withBody(
          new BatchRestartOrDeleteInstanceReq().withAction('delete').withInstances([id]),
        ),
      ),
    );
    expect([early.httpStatusCode, early.errorCode]).toEqual([400, 'DMS.00400099']);

    expect((await showUntil(id, (s) => s === 'RUNNING')).at(-1)).toBe('RUNNING');
    const shown = Object.assign(
      new ShowInstanceResponse(),
      await client.showInstance(new ShowInstanceRequest().withInstanceId(id)),
    );
    expect(shown.engineVersion).toBe('2.7'); // the model's getter reads the snake_case field
    expect(shown.createdAt).toMatch(/^\d{13}$/); // epoch milliseconds, as a string
    expect([shown.name, shown.engine, shown.storageSpace]).toEqual(['sdk-life', 'kafka', 300]);

    const listed = await client.listInstances(new ListInstancesRequest().withEngine('kafka'));
    expectModel(listed, ListInstancesResponse);
    for (const instance of listed.instances ?? []) expectModel(instance, ShowInstanceResp);
    expect(raw(listed, 'instance_num')).toBe(1);

    const restarted = await client.batchRestartOrDeleteInstances(
      new BatchRestartOrDeleteInstancesRequest().withBody(
        new BatchRestartOrDeleteInstanceReq().withAction('restart').withInstances([id]),
      ),
    );
    expectModel(restarted, BatchRestartOrDeleteInstancesResponse);
    expect(restarted.results).toEqual([{ result: 'success', instance: id }]);
    const resizing = await sdkError(
      client.resizeEngineInstance(
        new ResizeEngineInstanceRequest()
          .withEngine('kafka')
          .withInstanceId(id)
          .withBody(new ResizeEngineInstanceReq().withOperType('storage').withNewStorageSpace(600)),
      ),
    );
    expect([resizing.httpStatusCode, resizing.errorCode]).toEqual([400, 'DMS.00400026']); // still restarting
    await showUntil(id, (s) => s === 'RUNNING');

    const resized = await client.resizeEngineInstance(
      new ResizeEngineInstanceRequest()
        .withEngine('kafka')
        .withInstanceId(id)
        .withBody(new ResizeEngineInstanceReq().withOperType('storage').withNewStorageSpace(600)),
    );
    expectModel(resized, ResizeEngineInstanceResponse);
    const task = () =>
      client.showBackgroundTask(
        new ShowBackgroundTaskRequest().withInstanceId(id).withTaskId(raw(resized, 'job_id') as string),
      );
    expectModel(await task(), ShowBackgroundTaskResponse);
    expect((await task()).tasks?.[0]?.status).toBe('EXECUTING');
    await showUntil(id, (s) => s === 'RUNNING');
    expect((await task()).tasks?.[0]?.status).toBe('SUCCESS');
    const after = await client.showInstance(new ShowInstanceRequest().withInstanceId(id));
    expect(raw(after, 'storage_space')).toBe(600); // the new size shows once the resize succeeded

    const deleted = await client.batchRestartOrDeleteInstances(
      new BatchRestartOrDeleteInstancesRequest().withBody(
        new BatchRestartOrDeleteInstanceReq().withAction('delete').withInstances([id]),
      ),
    );
    expect(deleted.results).toEqual([{ result: 'success', instance: id }]);
    let gone: { httpStatusCode: number; errorCode: string } | undefined;
    for (let i = 0; i < 200 && !gone; i++) {
      try {
        await client.showInstance(new ShowInstanceRequest().withInstanceId(id));
        cloud.advance(STEP);
      } catch (error) {
        gone = error as typeof gone;
      }
    }
    expect([gone?.httpStatusCode, gone?.errorCode]).toEqual([404, 'DMS.00404022']);
    const listedAfter = await client.listInstances(new ListInstancesRequest().withEngine('kafka'));
    expect(listedAfter.instances).toEqual([]);

    const history = cloud.histories({ instance: id }).map((r) => r.status);
    expect(validateHistory('kafka', history, { fromStart: true }).ok).toBe(true);
    expect(history.at(-1)).toBe('DELETED');
  });

  it('answers an unknown instance with 404 DMS.00404022', async () => {
    const error = await sdkError(client.showInstance(new ShowInstanceRequest().withInstanceId('no-such-id')));
    expect([error.httpStatusCode, error.errorCode]).toEqual([404, 'DMS.00404022']);
  });

  it('creates through the SDK’s other create path too', async () => {
    const { CreatePostPaidKafkaInstanceRequest } = await import('@huaweicloud/huaweicloud-sdk-kafka');
    const body = createRequest('sdk-postpaid').body!;
    const created = await client.createPostPaidKafkaInstance(new CreatePostPaidKafkaInstanceRequest().withBody(body));
    expect(cloud.instances().map((i) => i.instance_id)).toContain(raw(created, 'instance_id'));
  });
});
