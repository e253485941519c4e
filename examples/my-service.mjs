// A service of your own: one top-level state per status your API reports, each transition with its kind and basis.
// `instance-lifecycle check examples/my-service.mjs` checks it; `--machine examples/my-service.mjs` uses it.
import { defineService } from 'instance-lifecycle';
import { documented, inferred } from 'instance-lifecycle/machines';
import { createMachine } from 'xstate';

const PAGE = 'queue-api-statuses';

export const service = defineService({
  id: 'queue',
  name: 'My message queue',
  page: PAGE,
  machine: createMachine({
    id: 'queue',
    initial: 'CREATING',
    states: {
      CREATING: {
        tags: ['transitional'],
        description: 'The queue is being created.',
        on: {
          CREATE_SUCCEEDED: { target: 'ACTIVE', meta: documented('outcome', PAGE), description: 'Creation ends.' },
          CREATE_FAILED: { target: 'FAILED', meta: documented('outcome', PAGE), description: 'Creation fails.' },
        },
      },
      ACTIVE: {
        tags: ['stable'],
        description: 'The queue accepts messages.',
        on: { DELETE: { target: 'DELETING', meta: documented('operation', PAGE), description: 'A user deletes it.' } },
      },
      FAILED: {
        tags: ['stable', 'failed'],
        description: 'Creation failed; the queue can only be deleted.',
        on: {
          DELETE: { target: 'DELETING', meta: inferred('operation', 'a failed queue can be deleted'), description: 'A user deletes it.' },
        },
      },
      DELETING: {
        tags: ['transitional'],
        description: 'The queue is being deleted.',
        on: { DELETE_SUCCEEDED: { target: 'DELETED', meta: documented('outcome', PAGE), description: 'It is gone.' } },
      },
      DELETED: { tags: ['final'], type: 'final', description: 'Gone: the API answers 404.' },
    },
  }),
});
