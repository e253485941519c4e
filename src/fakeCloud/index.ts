/**
 * The fake cloud (`instance-lifecycle/fake-cloud`): the services' REST APIs on 127.0.0.1, with each instance's
 * lifecycle run by its service's machine, seeded chaos, a control API under `/_lifecycle/`, and a request log. For
 * testing clients (SDKs, Terraform-like providers, pollers) without a cloud account. No data plane, no
 * authentication: any signature is accepted.
 */
// the registered services, which functions taking a service id look up (see src/model/builtInServices.ts)
import '../../machines/index.js';

export { ApiError, type ErrorCode, type ErrorTable, FAKE_CLOUD_ERRORS } from './apiError.js';
export {
  type ChaosRule,
  type ChaosSettings,
  CREATE,
  DEFAULT_STUCK_FOR,
  type ErrorRates,
  type Latency,
  parseChaos,
} from './chaos.js';
export type { CloudOptions, HistoryRecord, InstanceSummary } from './cloud.js';
export { CONTROL_PREFIX } from './control.js';
export { operationTargets } from './outcomeChaos.js';
export { DEFAULT_SPEED, PROGRESSIONS, type Progression } from './progression.js';
export type { RequestLogEntry } from './requestLog.js';
export { type FakeCloud, type FakeCloudOptions, startFakeCloud } from './server.js';
export { SERVICE_APIS } from './services/index.js';
