/**
 * DMS for Kafka: the instance statuses of the API reference page kafka-api-180514012 ("Instance Status"), with
 * the transitions between them. Sources are files of the Open Telekom Cloud documentation repository
 * opentelekomcloud-docs/distributed-message-service, or public clients where the documentation is silent.
 */
import { setup } from 'xstate';
import { documented, failure, inferred, type StatusMeta, type StatusTag, type TransitionMeta } from './vocabulary.js';

const DOCS = 'opentelekomcloud-docs/distributed-message-service';
const STATUS_PAGE = `${DOCS} api-ref, page kafka-api-180514012 (Instance Status)`;
const RESTART_PAGE = `${DOCS} umn/source/managing_instances/restarting_a_kafka_instance.rst`;
const DELETE_PAGE = `${DOCS} umn/source/managing_instances/deleting_kafka_instances.rst`;
const BATCH_PAGE = `${DOCS} api-ref/source/apis_v2/lifecycle_management/batch_restarting_or_deleting_instances.rst`;
const RESIZE_PAGE = `${DOCS} umn/source/modifying_instance_specifications/modifying_cluster_kafka_instance_specifications.rst`;
const UPGRADE_FAQ = `${DOCS} umn/source/faqs/instances/can_i_upgrade_kafka_instances.rst`;
const TERRAFORM =
  'huaweicloud/terraform-provider-huaweicloud huaweicloud/services/kafka/resource_huaweicloud_dms_kafka_instance.go';

/** The events of the Kafka machine: operations a user requests, and outcomes the service reports. */
export type KafkaEvent =
  | { type: 'RESTART' }
  | { type: 'RESIZE' }
  | { type: 'DELETE' }
  | { type: 'TOP_UP' }
  | { type: 'CREATE_SUCCEEDED' }
  | { type: 'CREATE_FAILED' }
  | { type: 'RESTART_SUCCEEDED' }
  | { type: 'RESTART_FAILED' }
  | { type: 'RESIZE_SUCCEEDED' }
  | { type: 'RESIZE_FAILED' }
  | { type: 'RECOVERED' }
  | { type: 'DELETE_SUCCEEDED' }
  | { type: 'FAULT' }
  | { type: 'FREEZE' }
  | { type: 'UPGRADE_STARTED' }
  | { type: 'UPGRADE_SUCCEEDED' }
  | { type: 'UPGRADE_FAILED' }
  | { type: 'ROLLBACK_SUCCEEDED' }
  | { type: 'ROLLBACK_FAILED' };

/** The lifecycle of a DMS for Kafka instance. */
export const kafkaMachine = setup({
  types: {
    events: {} as KafkaEvent,
    tags: {} as StatusTag,
    meta: {} as StatusMeta,
    transitionMeta: {} as TransitionMeta,
  },
}).createMachine({
  id: 'kafka',
  description: 'Lifecycle of a DMS for Kafka instance, one state per status of page kafka-api-180514012.',
  initial: 'CREATING',
  states: {
    CREATING: {
      tags: ['transitional'],
      description: 'The instance is being created; it cannot be used yet.',
      on: {
        CREATE_SUCCEEDED: {
          target: 'RUNNING',
          description: 'Creation finished and the instance serves.',
          meta: inferred(
            'outcome',
            'The status page describes RUNNING as the only status that serves, and clients wait from CREATING until RUNNING.',
            TERRAFORM,
          ),
        },
        CREATE_FAILED: {
          target: 'CREATEFAILED',
          description: 'Creation failed.',
          meta: failure(
            documented('outcome', STATUS_PAGE, 'CREATEFAILED is described as an instance that failed to be created.'),
          ),
        },
      },
    },
    CREATEFAILED: {
      tags: ['failed', 'stable'],
      description: 'Creation failed; the instance never served. It stays until it is deleted.',
      on: {
        DELETE: {
          target: 'DELETING',
          description: 'The user deletes the failed instance.',
          meta: documented('operation', BATCH_PAGE, 'The batch API deletes every instance whose creation failed.'),
        },
      },
    },
    RUNNING: {
      tags: ['stable'],
      description: 'The instance runs properly and serves clients.',
      on: {
        RESTART: {
          target: 'RESTARTING',
          description: 'The user restarts the instance.',
          meta: documented('operation', RESTART_PAGE, 'Restart is allowed when the instance is Running or Faulty.'),
        },
        RESIZE: {
          target: 'EXTENDING',
          description: 'The user changes the instance specifications.',
          meta: documented('operation', RESIZE_PAGE),
        },
        DELETE: {
          target: 'DELETING',
          description: 'The user deletes the instance.',
          meta: documented('operation', DELETE_PAGE, 'Delete is allowed when the instance is Running or Faulty.'),
        },
        FAULT: {
          target: 'ERROR',
          description: 'The instance stops running properly without any request.',
          meta: failure(
            inferred('outcome', 'ERROR is documented as an instance not running properly; faults come unasked.'),
          ),
        },
        FREEZE: {
          target: 'FROZEN',
          description: 'The account balance ran out and the instance is frozen.',
          meta: inferred(
            'outcome',
            'FROZEN is documented as a consequence of insufficient balance, which no request on the instance causes.',
            STATUS_PAGE,
          ),
        },
        UPGRADE_STARTED: {
          target: 'UPGRADING',
          description: 'The operator starts an upgrade (maintenance).',
          meta: inferred(
            'outcome',
            'Users cannot upgrade Kafka instances themselves, so an upgrade is started by the operator.',
            UPGRADE_FAQ,
          ),
        },
      },
    },
    ERROR: {
      tags: ['failed', 'stable'],
      description: 'The instance does not run properly.',
      on: {
        RESTART: {
          target: 'RESTARTING',
          description: 'The user restarts the faulty instance.',
          meta: documented('operation', RESTART_PAGE, 'Restart is allowed when the instance is Running or Faulty.'),
        },
        DELETE: {
          target: 'DELETING',
          description: 'The user deletes the faulty instance.',
          meta: documented('operation', DELETE_PAGE, 'Delete is allowed when the instance is Running or Faulty.'),
        },
        DELETE_SUCCEEDED: {
          target: 'DELETED',
          description: 'A deletion that reported ERROR on its way completes.',
          meta: inferred(
            'outcome',
            'Providers waiting for deletion accept ERROR before DELETED, noting the status may turn ERROR during deletion; the status alone cannot tell whether a deletion was requested.',
            TERRAFORM,
          ),
        },
      },
    },
    RESTARTING: {
      tags: ['transitional'],
      description: 'The instance is being restarted (it takes minutes).',
      on: {
        RESTART_SUCCEEDED: {
          target: 'RUNNING',
          description: 'The restart finished.',
          meta: documented('outcome', RESTART_PAGE, 'After a restart the status should be Running.'),
        },
        RESTART_FAILED: {
          target: 'ERROR',
          description: 'The restart did not bring the instance back.',
          meta: failure(inferred('outcome', 'A restart that fails leaves an instance that does not run properly.')),
        },
      },
    },
    EXTENDING: {
      tags: ['transitional'],
      description: 'The instance specifications are being changed.',
      on: {
        RESIZE_SUCCEEDED: {
          target: 'RUNNING',
          description: 'The specification change succeeded.',
          meta: documented('outcome', RESIZE_PAGE, 'Changing goes to Running on success.'),
        },
        RESIZE_FAILED: {
          target: 'EXTENDEDFAILED',
          description: 'The specification change failed.',
          meta: failure(documented('outcome', RESIZE_PAGE, 'Changing goes to Change failed on failure.')),
        },
      },
    },
    EXTENDEDFAILED: {
      tags: ['failed', 'transitional'],
      description:
        'The specification change failed; the instance cannot be restarted, modified or deleted, and returns to Running by itself.',
      on: {
        RECOVERED: {
          target: 'RUNNING',
          description: 'The service returns the instance to Running after a failed change.',
          meta: documented('outcome', RESIZE_PAGE, 'A Change failed instance goes back to Running automatically.'),
        },
      },
    },
    DELETING: {
      tags: ['transitional'],
      description: 'The instance is being deleted.',
      on: {
        DELETE_SUCCEEDED: {
          target: 'DELETED',
          description: 'Deletion finished (clients also see the instance disappear: HTTP 404).',
          meta: documented('outcome', STATUS_PAGE, 'DELETING is the deletion in progress and DELETED its end.'),
        },
        FAULT: {
          target: 'ERROR',
          description: 'The instance reports ERROR while it is being deleted.',
          meta: failure(
            inferred('outcome', 'Providers note that the status may change to ERROR during deletion.', TERRAFORM),
          ),
        },
      },
    },
    DELETED: {
      type: 'final',
      tags: ['final'],
      description: 'The instance has been deleted.',
    },
    FROZEN: {
      tags: ['stable'],
      description: 'The instance is frozen because the account balance is insufficient.',
      on: {
        TOP_UP: {
          target: 'RUNNING',
          description: 'The user tops up the account and the instance is unfrozen.',
          meta: documented('operation', STATUS_PAGE, 'Topping up the account unfreezes the instance.'),
        },
      },
    },
    UPGRADING: {
      tags: ['transitional'],
      description: 'The instance is being upgraded by the operator.',
      on: {
        UPGRADE_SUCCEEDED: {
          target: 'RUNNING',
          description: 'The upgrade finished.',
          meta: inferred('outcome', 'A finished maintenance upgrade leaves the instance serving again.'),
        },
        UPGRADE_FAILED: {
          target: 'ROLLBACK',
          description: 'The upgrade failed and is being rolled back.',
          meta: failure(
            inferred(
              'outcome',
              'ROLLBACK is documented as a roll-back in progress, and an upgrade is what gets rolled back.',
              UPGRADE_FAQ,
            ),
          ),
        },
      },
    },
    ROLLBACK: {
      tags: ['transitional'],
      description: 'A failed upgrade is being rolled back.',
      on: {
        ROLLBACK_SUCCEEDED: {
          target: 'RUNNING',
          description: 'The roll-back finished on the previous version.',
          meta: inferred('outcome', 'A finished roll-back restores the version that was running before.'),
        },
        ROLLBACK_FAILED: {
          target: 'ERROR',
          description: 'The roll-back failed.',
          meta: failure(inferred('outcome', 'A roll-back that fails leaves an instance that does not run properly.')),
        },
      },
    },
  },
});
