/**
 * DMS for Kafka: the instance statuses of the API reference page kafka-api-180514012 ("Instance Status"), with
 * the transitions between them. Sources are files of the Open Telekom Cloud documentation repository
 * opentelekomcloud-docs/distributed-message-service, Huawei Cloud pages named by their id, or public clients
 * (Terraform providers) where the documentation is silent.
 *
 * The status page changed: its 2022 version lists the 12 statuses modelled here; since July 2024 it lists only six
 * of them (CREATING, RUNNING, ERROR, RESTARTING, EXTENDING, EXTENDEDFAILED). All 12 are kept, and each status says
 * in `meta.documentedIn` which version documents it. FREEZING, STARTING and RECYCLE are in neither version; they
 * are tagged `undocumented`, with their evidence.
 */
import { setup } from 'xstate';
import { documented, failure, inferred, type StatusMeta, type StatusTag, type TransitionMeta } from './vocabulary.js';

const DOCS = 'opentelekomcloud-docs/distributed-message-service';
const STATUS_PAGE_2022 = `${DOCS} api-ref/source/appendix/instance_status.rst, 2022 version (page kafka-api-180514012)`;
const CREATE_PAGE = `${DOCS} umn/source/creating_a_kafka_instance.rst`;
const RESTART_PAGE = `${DOCS} umn/source/managing_instances/restarting_a_kafka_instance.rst`;
const DELETE_PAGE = `${DOCS} umn/source/managing_instances/deleting_kafka_instances.rst`;
const BATCH_PAGE = `${DOCS} api-ref/source/apis_v2_recommended/lifecycle_management/batch_restarting_or_deleting_instances.rst`;
const RESIZE_PAGE = `${DOCS} umn/source/modifying_instance_specifications/modifying_cluster_kafka_instance_specifications.rst`;
const ERROR_CODES = `${DOCS} api-ref/source/appendix/error_codes.rst`;
const OLD_UMN_STATUSES = `${DOCS} umn/source/managing_instances/viewing_an_instance.rst (until July 2024)`;
const BILLING_PAGE = 'Huawei Cloud page kafka-ug-0057 (billing: arrears, grace and retention periods)';
const HW_PROVIDER = 'huaweicloud/terraform-provider-huaweicloud huaweicloud/services/kafka';
const HW_INSTANCE = `${HW_PROVIDER}/resource_huaweicloud_dms_kafka_instance.go`;
const HW_UPGRADE = `${HW_PROVIDER}/resource_huaweicloud_dms_kafka_instance_upgrade.go`;
const HW_BATCH = `${HW_PROVIDER}/resource_huaweicloud_dms_kafka_instance_batch_action.go`;
const HW_RECYCLE_API = 'Huawei Cloud Kafka API pages ShowRecycleInstances and RestoreRecycleInstance (recycle bin)';

/** Where the statuses of the seed table are documented: both versions of the status page, or only the 2022 one. */
const IN_BOTH = 'page kafka-api-180514012: the 2022 table and the current one (since July 2024)';
const IN_2022 = 'page kafka-api-180514012: the 2022 table only (no longer listed since July 2024)';

/** The events of the Kafka machine: operations a user requests, and outcomes the service reports. */
export type KafkaEvent =
  | { type: 'RESTART' }
  | { type: 'RESIZE' }
  | { type: 'DELETE' }
  | { type: 'DELETE_TO_RECYCLE_BIN' }
  | { type: 'UPGRADE' }
  | { type: 'TOP_UP' }
  | { type: 'RESTORE_FROM_RECYCLE_BIN' }
  | { type: 'CREATE_SUCCEEDED' }
  | { type: 'CREATE_FAILED' }
  | { type: 'RESTART_SUCCEEDED' }
  | { type: 'RESTART_FAILED' }
  | { type: 'RESIZE_SUCCEEDED' }
  | { type: 'RESIZE_FAILED' }
  | { type: 'RECOVERED' }
  | { type: 'DELETE_SUCCEEDED' }
  | { type: 'RECYCLE_EXPIRED' }
  | { type: 'FAULT' }
  | { type: 'FREEZE' }
  | { type: 'FREEZE_SUCCEEDED' }
  | { type: 'UNFREEZE_SUCCEEDED' }
  | { type: 'RELEASED' }
  | { type: 'SCHEDULED_UPGRADE_STARTED' }
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
  description:
    'Lifecycle of a DMS for Kafka instance: the 12 statuses of page kafka-api-180514012 (2022), plus FREEZING, STARTING and RECYCLE (undocumented).',
  initial: 'CREATING',
  states: {
    CREATING: {
      tags: ['transitional'],
      description: 'The instance is being created; it cannot be used yet.',
      meta: { documentedIn: IN_BOTH },
      on: {
        CREATE_SUCCEEDED: {
          target: 'RUNNING',
          description: 'Creation finished and the instance serves.',
          meta: documented('outcome', CREATE_PAGE, 'An instance that is created successfully changes to Running.'),
        },
        CREATE_FAILED: {
          target: 'CREATEFAILED',
          description: 'Creation failed.',
          meta: failure(
            documented(
              'outcome',
              STATUS_PAGE_2022,
              'CREATEFAILED is described as an instance that failed to be created.',
            ),
          ),
        },
      },
    },
    CREATEFAILED: {
      tags: ['failed', 'stable'],
      description: 'Creation failed; the instance never served. It stays until it is deleted.',
      meta: { documentedIn: IN_2022 },
      on: {
        DELETE: {
          target: 'DELETING',
          description: 'The user deletes the failed instance.',
          meta: documented(
            'operation',
            BATCH_PAGE,
            'The batch API deletes every instance whose creation failed; the creation page says to delete a failed instance.',
          ),
        },
      },
    },
    RUNNING: {
      tags: ['stable'],
      description: 'The instance runs properly and serves clients.',
      meta: { documentedIn: IN_BOTH },
      on: {
        RESTART: {
          target: 'RESTARTING',
          description: 'The user restarts the instance.',
          meta: documented('operation', RESTART_PAGE, 'Restart is allowed when the instance is Running or Faulty.'),
        },
        RESIZE: {
          target: 'EXTENDING',
          description:
            'The user changes the instance specifications (or its public access configuration, which shows the same status).',
          meta: documented('operation', RESIZE_PAGE, 'The specifications of a Running instance are changed.'),
        },
        DELETE: {
          target: 'DELETING',
          description: 'The user deletes the instance.',
          meta: documented('operation', DELETE_PAGE, 'Delete is allowed when the instance is Running or Faulty.'),
        },
        DELETE_TO_RECYCLE_BIN: {
          target: 'RECYCLE',
          description: 'The user deletes the instance without force while the recycle bin is enabled.',
          meta: inferred(
            'operation',
            'A provider documents that an instance deleted without force shows RECYCLE when the recycle bin is enabled (the deletion request says whether to force it); whether DELETING shows first is not known.',
            HW_BATCH,
          ),
        },
        UPGRADE: {
          target: 'UPGRADING',
          description: 'The user upgrades the instance (an API Huawei Cloud offers).',
          meta: documented(
            'operation',
            ERROR_CODES,
            `Error DMS.00400052 says only a running instance can upgrade; the upgrade request is in ${HW_UPGRADE}.`,
          ),
        },
        SCHEDULED_UPGRADE_STARTED: {
          target: 'UPGRADING',
          description: 'An upgrade the user scheduled earlier starts at its set time.',
          meta: inferred(
            'outcome',
            'An upgrade can be scheduled for a later time, so it starts without a request at that moment, as an outcome does.',
            HW_UPGRADE,
          ),
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
          description: 'The account balance ran out and the instance is being frozen.',
          meta: inferred(
            'outcome',
            'FROZEN is documented as a consequence of insufficient balance, which no request on the instance causes; the older user guide puts Freezing between Running and Frozen.',
            OLD_UMN_STATUSES,
          ),
        },
      },
    },
    ERROR: {
      tags: ['failed', 'stable'],
      description:
        'The instance does not run properly. The API shows ERROR in two situations, told apart as hidden sub-states: a fault of an instance nobody is deleting, and a fault during a deletion, which still completes.',
      meta: { documentedIn: IN_BOTH },
      initial: 'faulted',
      states: {
        faulted: {
          description: 'A fault of a running, restarting or rolled-back instance: it stays until the user acts.',
        },
        whileDeleting: {
          description: 'A fault shown during a deletion: the deletion goes on and completes.',
          on: {
            DELETE_SUCCEEDED: {
              target: '#kafka.DELETED',
              description: 'The deletion that reported ERROR on its way completes.',
              meta: inferred(
                'outcome',
                'Providers waiting for deletion accept ERROR before DELETED, noting the status may change to ERROR during deletion, and users of one met ERROR on the way to DELETED (huaweicloud/terraform-provider-huaweicloud issue 1863).',
                HW_INSTANCE,
              ),
            },
          },
        },
      },
      // written on the status, so both sub-states allow them: the API decides by the status it shows
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
        DELETE_TO_RECYCLE_BIN: {
          target: 'RECYCLE',
          description: 'The user deletes the faulty instance without force while the recycle bin is enabled.',
          meta: inferred(
            'operation',
            'Delete is allowed when the instance is Faulty; without force and with the recycle bin enabled, a deleted instance shows RECYCLE.',
            HW_BATCH,
          ),
        },
      },
    },
    RESTARTING: {
      tags: ['transitional'],
      description: 'The instance is being restarted (it takes minutes); it cannot be deleted meanwhile.',
      meta: { documentedIn: IN_BOTH },
      on: {
        RESTART_SUCCEEDED: {
          target: 'RUNNING',
          description: 'The restart finished.',
          meta: documented('outcome', RESTART_PAGE, 'After a restart the status should be Running.'),
        },
        RESTART_FAILED: {
          target: 'ERROR',
          description: 'The restart did not bring the instance back.',
          meta: failure(
            inferred(
              'outcome',
              'A restart that fails leaves an instance that does not run properly, which is what ERROR means; clients waiting for a restart treat ERROR as its failure.',
              HW_INSTANCE,
            ),
          ),
        },
      },
    },
    EXTENDING: {
      tags: ['transitional'],
      description:
        'The instance specifications (or its public access configuration) are being changed; shown as Changing in the console.',
      meta: { documentedIn: IN_BOTH },
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
        'The specification change failed; the instance cannot be restarted, modified or deleted (the user may contact support), and returns to Running by itself.',
      meta: { documentedIn: IN_BOTH },
      on: {
        RECOVERED: {
          target: 'RUNNING',
          description: 'The service returns the instance to Running after a failed change.',
          meta: documented(
            'outcome',
            RESIZE_PAGE,
            'A Change failed instance goes back to Running automatically (contact support if it does not).',
          ),
        },
      },
    },
    DELETING: {
      tags: ['transitional'],
      description: 'The instance is being deleted.',
      meta: { documentedIn: IN_2022 },
      on: {
        DELETE_SUCCEEDED: {
          target: 'DELETED',
          description: 'Deletion finished (clients also see the instance disappear: HTTP 404).',
          meta: documented('outcome', STATUS_PAGE_2022, 'DELETING is the deletion in progress and DELETED its end.'),
        },
        FAULT: {
          target: 'ERROR.whileDeleting',
          description: 'The instance reports ERROR while it is being deleted; the deletion goes on.',
          meta: failure(
            inferred('outcome', 'Providers note that the status may change to ERROR during deletion.', HW_INSTANCE),
          ),
        },
      },
    },
    DELETED: {
      type: 'final',
      tags: ['final'],
      description: 'The instance has been deleted (clients report HTTP 404 as DELETED).',
      meta: { documentedIn: IN_2022 },
    },
    FROZEN: {
      tags: ['stable'],
      description:
        'The instance is frozen because the account balance is insufficient; it is released when the retention period ends.',
      meta: { documentedIn: IN_2022 },
      on: {
        TOP_UP: {
          target: 'STARTING',
          description: 'The user tops up the account and the instance is being unfrozen.',
          meta: documented(
            'operation',
            STATUS_PAGE_2022,
            `Topping up the account unfreezes the instance; the older user guide puts Starting between Frozen and Running (${OLD_UMN_STATUSES}).`,
          ),
        },
        DELETE: {
          target: 'DELETING',
          description: 'The user deletes the frozen instance.',
          meta: documented('operation', BILLING_PAGE, 'Instances in the grace or retention period can be deleted.'),
        },
        RELEASED: {
          target: 'DELETED',
          description: 'The retention period ended and the service released the instance.',
          meta: documented(
            'outcome',
            BILLING_PAGE,
            'Frozen instances are released when the retention period ends; clients then see it gone (404, DELETED).',
          ),
        },
      },
    },
    UPGRADING: {
      tags: ['transitional'],
      description: 'The instance is being upgraded.',
      meta: { documentedIn: IN_2022 },
      on: {
        UPGRADE_SUCCEEDED: {
          target: 'RUNNING',
          description: 'The upgrade finished.',
          meta: inferred(
            'outcome',
            'Only a running instance can upgrade (DMS.00400052), and a finished upgrade leaves it serving again.',
            ERROR_CODES,
          ),
        },
        UPGRADE_FAILED: {
          target: 'ROLLBACK',
          description: 'The upgrade failed and is being rolled back.',
          meta: failure(
            inferred(
              'outcome',
              'The status page lists ROLLBACK (a roll-back in progress) next to UPGRADING, and an upgrade is the change there is to roll back.',
              STATUS_PAGE_2022,
            ),
          ),
        },
      },
    },
    ROLLBACK: {
      tags: ['transitional'],
      description: 'A failed upgrade is being rolled back.',
      meta: {
        documentedIn: IN_2022,
        // Huawei Cloud's current status page (kafka-api-180514012) spells it ROLLINGBACK; so does its RabbitMQ table
        aliases: ['ROLLINGBACK'],
      },
      on: {
        ROLLBACK_SUCCEEDED: {
          target: 'RUNNING',
          description: 'The roll-back finished on the previous version.',
          meta: inferred('outcome', 'A finished roll-back restores the version that was running before.'),
        },
        ROLLBACK_FAILED: {
          target: 'ERROR',
          description: 'The roll-back failed.',
          meta: failure(
            inferred(
              'outcome',
              'A roll-back that fails leaves an instance that does not run properly, which is what ERROR means.',
            ),
          ),
        },
      },
    },
    FREEZING: {
      tags: ['transitional', 'undocumented'],
      description: 'The instance is being frozen (between Running and Frozen).',
      meta: {
        evidence: `Not in either version of the status page. The older user guide lists Freezing as the status between Running and Frozen (${OLD_UMN_STATUSES}); Huawei Cloud's status table lists FREEZING.`,
      },
      on: {
        FREEZE_SUCCEEDED: {
          target: 'FROZEN',
          description: 'The instance is frozen.',
          meta: documented('outcome', OLD_UMN_STATUSES, 'Freezing is the status between Running and Frozen.'),
        },
      },
    },
    STARTING: {
      tags: ['transitional', 'undocumented'],
      description: 'The instance is being unfrozen (between Frozen and Running); it cannot be deleted meanwhile.',
      meta: {
        evidence: `Not in either version of the status page. The older user guide lists Starting as the status between Frozen and Running (${OLD_UMN_STATUSES}); error DMS.00400099 names Starting instances (${ERROR_CODES}).`,
      },
      on: {
        UNFREEZE_SUCCEEDED: {
          target: 'RUNNING',
          description: 'The instance runs again.',
          meta: documented('outcome', OLD_UMN_STATUSES, 'Starting is the status between Frozen and Running.'),
        },
      },
    },
    RECYCLE: {
      tags: ['stable', 'undocumented'],
      description:
        'The instance was deleted with the recycle bin enabled: it is kept for the retention period (1 to 7 days), then removed.',
      meta: {
        evidence: `Not in either version of the status page. A provider documents that an instance deleted without force shows RECYCLE when the recycle bin is enabled (${HW_BATCH}); ${HW_RECYCLE_API} list such instances with their retention and automatic deletion time.`,
      },
      on: {
        RESTORE_FROM_RECYCLE_BIN: {
          target: 'RUNNING',
          description: 'The user restores the instance from the recycle bin.',
          meta: inferred(
            'operation',
            'Huawei Cloud offers an API that restores instances from the recycle bin; a restored instance serves again.',
            HW_RECYCLE_API,
          ),
        },
        RECYCLE_EXPIRED: {
          target: 'DELETED',
          description: 'The retention period ended and the instance is removed for good.',
          meta: inferred(
            'outcome',
            'Instances in the recycle bin have an automatic deletion time at the end of their retention period.',
            HW_RECYCLE_API,
          ),
        },
      },
    },
  },
});
