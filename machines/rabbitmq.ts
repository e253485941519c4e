/**
 * DMS for RabbitMQ: the instance statuses of Huawei Cloud's API page rabbitmq-api-180514012 ("Instance Status"),
 * with the transitions between them.
 *
 * No Open Telekom Cloud page exists for this service: there is no RabbitMQ repository among the Open Telekom Cloud
 * documentation repositories, so the status table is Huawei Cloud's, and where that table is silent the machine
 * follows the rules its sibling services (DMS for Kafka and RocketMQ) document, and a public client. The rows seen
 * in the table are the documented statuses; CREATEFAILED, DELETING and DELETED were not seen there and are tagged
 * `undocumented`, with their evidence.
 */
import { setup } from 'xstate';
import { documented, failure, inferred, type StatusMeta, type StatusTag, type TransitionMeta } from './vocabulary.js';

const STATUS_PAGE = 'Huawei Cloud page rabbitmq-api-180514012 (Instance Status)';
const BATCH_PAGE = 'Huawei Cloud API page BatchRestartOrDeleteInstances (DMS for RabbitMQ)';
const HW_TERRAFORM =
  'huaweicloud/terraform-provider-huaweicloud huaweicloud/services/rabbitmq/resource_huaweicloud_dms_rabbitmq_instance.go';
const KAFKA_RULES =
  'Open Telekom Cloud documents this for DMS for Kafka and RocketMQ (restart and delete from Running or Faulty), and RabbitMQ is the same DMS family.';

/** The events of the RabbitMQ machine: operations a user requests, and outcomes the service reports. */
export type RabbitmqEvent =
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
  | { type: 'FREEZE_SUCCEEDED' }
  | { type: 'UNFREEZE_SUCCEEDED' }
  | { type: 'UPGRADE_STARTED' }
  | { type: 'UPGRADE_SUCCEEDED' }
  | { type: 'UPGRADE_FAILED' }
  | { type: 'ROLLBACK_SUCCEEDED' }
  | { type: 'ROLLBACK_FAILED' };

const NOT_SEEN = `Not among the rows of ${STATUS_PAGE} that could be read.`;

/** The lifecycle of a DMS for RabbitMQ instance. */
export const rabbitmqMachine = setup({
  types: {
    events: {} as RabbitmqEvent,
    tags: {} as StatusTag,
    meta: {} as StatusMeta,
    transitionMeta: {} as TransitionMeta,
  },
}).createMachine({
  id: 'rabbitmq',
  description:
    "Lifecycle of a DMS for RabbitMQ instance, one state per status of Huawei Cloud's page rabbitmq-api-180514012 (no Open Telekom Cloud page exists), plus undocumented failed creation and deletion.",
  initial: 'CREATING',
  states: {
    CREATING: {
      tags: ['transitional'],
      description: 'The instance is being created; it cannot be used yet.',
      on: {
        CREATE_SUCCEEDED: {
          target: 'RUNNING',
          description: 'Creation finished and the instance serves.',
          meta: inferred('outcome', 'Clients wait from CREATING until RUNNING.', HW_TERRAFORM),
        },
        CREATE_FAILED: {
          target: 'CREATEFAILED',
          description: 'Creation failed.',
          meta: failure(
            inferred(
              'outcome',
              'The batch API deletes instances whose creation failed, so such instances stay listed.',
              BATCH_PAGE,
            ),
          ),
        },
      },
    },
    CREATEFAILED: {
      tags: ['failed', 'stable', 'undocumented'],
      description: 'Creation failed; the instance never served. It stays until it is deleted.',
      meta: {
        evidence: `${NOT_SEEN} The batch API deletes every RabbitMQ instance whose creation failed (${BATCH_PAGE}), and the sibling DMS services list CREATEFAILED.`,
      },
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
          meta: inferred('operation', KAFKA_RULES, STATUS_PAGE),
        },
        RESIZE: {
          target: 'EXTENDING',
          description: 'The user changes the instance specifications (flavor, brokers or storage).',
          meta: inferred(
            'operation',
            'Clients request a specification change on a running instance and wait for RUNNING.',
            HW_TERRAFORM,
          ),
        },
        DELETE: {
          target: 'DELETING',
          description: 'The user deletes the instance.',
          meta: inferred('operation', KAFKA_RULES, HW_TERRAFORM),
        },
        FAULT: {
          target: 'ERROR',
          description: 'The instance stops running properly without any request.',
          meta: failure(
            inferred('outcome', 'ERROR is documented as an instance not running properly; faults come unasked.'),
          ),
        },
        FREEZE: {
          target: 'FREEZING',
          description: 'The account is in arrears and the instance starts to be frozen.',
          meta: documented('outcome', STATUS_PAGE, 'FREEZING is the way from running to frozen.'),
        },
        UPGRADE_STARTED: {
          target: 'UPGRADING',
          description: 'An upgrade of the instance starts.',
          meta: inferred(
            'outcome',
            'UPGRADING is documented; the user upgrade API of Huawei Cloud is deprecated, so upgrades are taken as maintenance.',
            STATUS_PAGE,
          ),
        },
      },
    },
    ERROR: {
      tags: ['failed', 'stable'],
      description: 'The instance does not run properly (Faulty).',
      on: {
        RESTART: {
          target: 'RESTARTING',
          description: 'The user restarts the faulty instance.',
          meta: inferred('operation', KAFKA_RULES, STATUS_PAGE),
        },
        DELETE: {
          target: 'DELETING',
          description: 'The user deletes the faulty instance.',
          meta: inferred('operation', KAFKA_RULES, HW_TERRAFORM),
        },
        DELETE_SUCCEEDED: {
          target: 'DELETED',
          description: 'A deletion that reported ERROR on its way completes.',
          meta: inferred(
            'outcome',
            'Clients waiting for deletion accept ERROR before DELETED, noting the status may turn ERROR during deletion.',
            HW_TERRAFORM,
          ),
        },
      },
    },
    RESTARTING: {
      tags: ['transitional'],
      description: 'The instance is being restarted.',
      on: {
        RESTART_SUCCEEDED: {
          target: 'RUNNING',
          description: 'The restart finished.',
          meta: inferred('outcome', 'A finished restart leaves the instance serving again.'),
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
          meta: inferred('outcome', 'Clients wait for RUNNING after a specification change.', HW_TERRAFORM),
        },
        RESIZE_FAILED: {
          target: 'EXTENDEDFAILED',
          description: 'The specification change failed.',
          meta: failure(documented('outcome', STATUS_PAGE, 'EXTENDEDFAILED is a failed specification change.')),
        },
      },
    },
    EXTENDEDFAILED: {
      tags: ['failed', 'stable'],
      description: 'The specification change failed; the instance waits for a repair.',
      on: {
        RECOVERED: {
          target: 'RUNNING',
          description: 'The instance is repaired and runs again.',
          meta: inferred(
            'outcome',
            'No RabbitMQ page says how a failed change ends; Kafka returns to Running and RocketMQ asks for customer service, both end in Running.',
          ),
        },
      },
    },
    DELETING: {
      tags: ['transitional', 'undocumented'],
      description: 'The instance is being deleted.',
      meta: {
        evidence: `${NOT_SEEN} The sibling DMS status pages list DELETING, and clients wait on DELETING until the instance is gone (${HW_TERRAFORM}).`,
      },
      on: {
        DELETE_SUCCEEDED: {
          target: 'DELETED',
          description: 'Deletion finished: the instance is gone (HTTP 404, reported as DELETED by clients).',
          meta: inferred('outcome', 'Clients wait on DELETING until the instance is not found.', HW_TERRAFORM),
        },
        FAULT: {
          target: 'ERROR',
          description: 'The instance reports ERROR while it is being deleted.',
          meta: failure(
            inferred('outcome', 'Clients note that the status may change to ERROR during deletion.', HW_TERRAFORM),
          ),
        },
      },
    },
    DELETED: {
      type: 'final',
      tags: ['final', 'undocumented'],
      description: 'The instance is gone (not a status of the table; clients report a 404 as DELETED).',
      meta: {
        evidence: `${NOT_SEEN} Clients report an instance that is not found (HTTP 404) as DELETED (${HW_TERRAFORM}).`,
      },
    },
    FREEZING: {
      tags: ['transitional'],
      description: 'The instance is being frozen.',
      on: {
        FREEZE_SUCCEEDED: {
          target: 'FROZEN',
          description: 'The instance is frozen.',
          meta: documented('outcome', STATUS_PAGE, 'FREEZING is the way from running to frozen.'),
        },
      },
    },
    FROZEN: {
      tags: ['stable'],
      description: 'The instance is frozen because the account is in arrears.',
      on: {
        TOP_UP: {
          target: 'STARTING',
          description: 'The user renews or tops up and the instance is unfrozen.',
          meta: documented(
            'operation',
            STATUS_PAGE,
            'Renewing unfreezes a frozen instance; STARTING is the way back to running.',
          ),
        },
      },
    },
    STARTING: {
      tags: ['transitional'],
      description: 'The instance is being unfrozen.',
      on: {
        UNFREEZE_SUCCEEDED: {
          target: 'RUNNING',
          description: 'The instance runs again.',
          meta: documented('outcome', STATUS_PAGE, 'STARTING is the way from frozen to running.'),
        },
      },
    },
    UPGRADING: {
      tags: ['transitional'],
      description: 'The instance is being upgraded.',
      on: {
        UPGRADE_SUCCEEDED: {
          target: 'RUNNING',
          description: 'The upgrade finished.',
          meta: inferred('outcome', 'A finished upgrade leaves the instance serving again.'),
        },
        UPGRADE_FAILED: {
          target: 'ROLLINGBACK',
          description: 'The upgrade failed and is being rolled back.',
          meta: failure(
            inferred('outcome', 'ROLLINGBACK is documented as a roll-back, and an upgrade is what gets rolled back.'),
          ),
        },
      },
    },
    ROLLINGBACK: {
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
