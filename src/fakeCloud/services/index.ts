/** The services the fake cloud serves, each under its own path prefix (`/kafka/...`, `/dcs/...`). */
import { knownEvent, lifecycleModel } from '../../model/index.js';
import type { ServiceApi } from '../serviceApi.js';
import { dcsApi } from './dcs.js';
import { kafkaApi } from './kafka.js';

/** Every service API of the fake cloud. */
export const SERVICE_APIS: readonly ServiceApi[] = [kafkaApi, dcsApi];

/**
 * Check that every operation event a service's routes request is an operation of its machine; throws an
 * `UnknownOperationError` otherwise (the machine changed and the route table did not follow).
 */
export function checkServiceApi(api: ServiceApi): void {
  const model = lifecycleModel(api.service);
  for (const event of api.operations) knownEvent(model, event, 'operation');
}

export { dcsApi, kafkaApi };
