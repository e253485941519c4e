/**
 * Relational Database Service (RDS): the DB instance statuses of the API page rds_01_0004 ("Querying DB Instances",
 * field `status`), with the transitions between them. Sources are files of the Open Telekom Cloud documentation
 * repository opentelekomcloud-docs/relational-database-service (API reference and the RDS for MySQL user guide), or
 * a public client where the documentation is silent.
 *
 * Several statuses contain spaces (`CREATE FAIL`, `MODIFYING INSTANCE TYPE`): the state keys are the API's strings.
 * There is no deleting status: a deleted instance leaves the list at once (clients report it as DELETED). The user
 * guide's "Restore failed" has no known API string and is not a state: a failed restore is modelled as FAILED. Its
 * "Parameter change. Pending reboot" is a flag on a running instance, not a status.
 */
import { setup } from 'xstate';
import { documented, failure, inferred, type StatusMeta, type StatusTag, type TransitionMeta } from './vocabulary.js';

const DOCS = 'opentelekomcloud-docs/relational-database-service';
const API = `${DOCS} api-ref/source/api_v3_recommended`;
const STATUS_PAGE = `${API}/db_instance_management/querying_db_instances.rst, page rds_01_0004 (field status)`;
const STATUS_UMN = `${DOCS} umn/source/introduction/db_instance_description/db_instance_statuses.rst (page rds_01_0023)`;
const UMN = `${DOCS} umn/source/working_with_rds_for_mysql`;
const REBOOT_PAGE = `${UMN}/instance_lifecycle/rebooting_db_instances_or_read_replicas.rst (page rds_08_0013)`;
const STOP_PAGE = `${UMN}/instance_lifecycle/stopping_a_db_instance.rst (page rds_05_0057)`;
const START_PAGE = `${UMN}/instance_lifecycle/starting_a_db_instance.rst (page rds_05_0058)`;
const DELETE_PAGE = `${UMN}/instance_lifecycle/deleting_a_db_instance_or_read_replica.rst (page rds_08_0002)`;
const CLASS_API = `${API}/db_instance_management/changing_db_instance_specifications.rst`;
const CLASS_UMN = `${UMN}/instance_modifications/changing_a_db_instance_class.rst`;
const SCALE_API = `${API}/db_instance_management/scaling_up_storage_space_of_a_db_instance.rst`;
const AUTOSCALE_UMN = `${UMN}/instance_modifications/storage_autoscaling.rst`;
const HA_UMN = `${UMN}/instance_modifications/changing_a_db_instance_type_from_single_to_primary_standby.rst`;
const SWITCHOVER_UMN = `${UMN}/instance_modifications/manually_switching_between_primary_and_standby_db_instances.rst`;
const MIGRATE_UMN = `${UMN}/instance_modifications/migrating_a_standby_db_instance.rst`;
const PORT_FAQ = `${DOCS} umn/source/faqs/capacity_expansion_and_specification_change/why_does_the_db_instance_become_faulty_after_the_original_database_port_is_changed.rst`;
const PITR_UMN = `${UMN}/backups_and_restorations/restoring_a_db_instance_to_a_point_in_time.rst`;
const TASKS_PAGE = `${API}/obtaining_task_information/querying_instant_tasks.rst`;
const OTC_TERRAFORM =
  'opentelekomcloud/terraform-provider-opentelekomcloud opentelekomcloud/services/rds/resource_opentelekomcloud_rds_instance_v3.go';

/** The events of the RDS machine: operations a user requests, and outcomes the service reports. */
export type RdsEvent =
  | { type: 'REBOOT' }
  | { type: 'STOP' }
  | { type: 'START' }
  | { type: 'RESIZE' }
  | { type: 'SCALE_STORAGE' }
  | { type: 'CHANGE_TO_HA' }
  | { type: 'SWITCHOVER' }
  | { type: 'MIGRATE_STANDBY' }
  | { type: 'CHANGE_PORT' }
  | { type: 'BACKUP' }
  | { type: 'RESTORE' }
  | { type: 'TOP_UP' }
  | { type: 'DELETE' }
  | { type: 'CREATE_SUCCEEDED' }
  | { type: 'CREATE_FAILED' }
  | { type: 'REBOOT_SUCCEEDED' }
  | { type: 'REBOOT_FAILED' }
  | { type: 'AUTO_STARTED' }
  | { type: 'MODIFY_SUCCEEDED' }
  | { type: 'MODIFY_FAILED' }
  | { type: 'TYPE_CHANGED' }
  | { type: 'FAILOVER' }
  | { type: 'SWITCHOVER_SUCCEEDED' }
  | { type: 'MIGRATION_SUCCEEDED' }
  | { type: 'PORT_CHANGED' }
  | { type: 'PORT_CHANGE_FAILED' }
  | { type: 'BACKUP_STARTED' }
  | { type: 'BACKUP_FINISHED' }
  | { type: 'RESTORE_SUCCEEDED' }
  | { type: 'RESTORE_FAILED' }
  | { type: 'STORAGE_FILLED' }
  | { type: 'STORAGE_FREED' }
  | { type: 'FREEZE' }
  | { type: 'FAULT' };

const DELETED_EVIDENCE =
  `Not in the status list. The user guide's status table has "Deleted" (${STATUS_UMN}); no deleting status ` +
  `exists, and clients report an instance that is no longer found as DELETED (${OTC_TERRAFORM}).`;

const deleteFrom = (what: string, basis: 'documented' | 'inferred') => ({
  target: 'DELETED' as const,
  description: `The user deletes the ${what} instance; it leaves the list (to the recycle bin unless it was stopped).`,
  meta:
    basis === 'documented'
      ? documented('operation', DELETE_PAGE, 'An instance can be deleted when no operation is running on it.')
      : inferred(
          'operation',
          'No operation runs on an instance in this status, so the deletion rule allows it.',
          DELETE_PAGE,
        ),
});

/** The lifecycle of an RDS DB instance. */
export const rdsMachine = setup({
  types: {
    events: {} as RdsEvent,
    tags: {} as StatusTag,
    meta: {} as StatusMeta,
    transitionMeta: {} as TransitionMeta,
  },
}).createMachine({
  id: 'rds',
  description: 'Lifecycle of an RDS DB instance, one state per status of page rds_01_0004, plus undocumented ones.',
  initial: 'BUILD',
  states: {
    BUILD: {
      tags: ['transitional'],
      description: 'The instance is being created (Creating).',
      on: {
        CREATE_SUCCEEDED: {
          target: 'ACTIVE',
          description: 'Creation finished and the instance is available.',
          meta: documented('outcome', PITR_UMN, 'A new instance goes from Creating to Available.'),
        },
        CREATE_FAILED: {
          target: 'CREATE FAIL',
          description: 'Creation failed.',
          meta: failure(documented('outcome', STATUS_PAGE, 'CREATE FAIL is an instance that failed to be created.')),
        },
      },
    },
    'CREATE FAIL': {
      tags: ['failed', 'stable'],
      description: 'Creation failed (Creation failed); the instance stays listed until it is deleted.',
      on: {
        DELETE: {
          target: 'DELETED',
          description: 'The user deletes the failed instance.',
          meta: inferred('operation', 'A failed creation keeps a listed instance, and deleting is what removes one.'),
        },
      },
    },
    ACTIVE: {
      tags: ['stable'],
      description: 'The instance is available and runs normally.',
      on: {
        REBOOT: {
          target: 'REBOOTING',
          description: 'The user reboots the instance.',
          meta: documented('operation', REBOOT_PAGE),
        },
        STOP: {
          target: 'SHUTDOWN',
          description: 'The user stops the instance (its read replicas stop too).',
          meta: documented(
            'operation',
            STOP_PAGE,
            'An available instance can be stopped; no stopping status is documented.',
          ),
        },
        RESIZE: {
          target: 'MODIFYING',
          description: 'The user changes the instance class (CPU and memory); the instance reboots on the way.',
          meta: documented(
            'operation',
            CLASS_API,
            'Only an available instance can change its class; MODIFYING as its status is inferred, no other string fits.',
          ),
        },
        SCALE_STORAGE: {
          target: 'MODIFYING',
          description: 'The user scales up the storage space.',
          meta: documented('operation', SCALE_API, 'Scaling up storage shows as MODIFYING.'),
        },
        CHANGE_TO_HA: {
          target: 'MODIFYING INSTANCE TYPE',
          description: 'The user changes a single instance into a primary/standby pair.',
          meta: documented('operation', HA_UMN),
        },
        SWITCHOVER: {
          target: 'SWITCHOVER',
          description: 'The user switches the primary and the standby.',
          meta: documented('operation', SWITCHOVER_UMN),
        },
        FAILOVER: {
          target: 'SWITCHOVER',
          description: 'The primary fails and the standby takes over.',
          meta: inferred('outcome', 'A primary/standby pair fails over by itself when the primary fails.'),
        },
        MIGRATE_STANDBY: {
          target: 'MIGRATING',
          description: 'The user migrates the standby to another availability zone.',
          meta: documented('operation', MIGRATE_UMN),
        },
        CHANGE_PORT: {
          target: 'MODIFYING DATABASE PORT',
          description: 'The user changes the database port.',
          meta: documented(
            'operation',
            OTC_TERRAFORM,
            'The client changes the port and waits from MODIFYING DATABASE PORT to ACTIVE.',
          ),
        },
        BACKUP: {
          target: 'BACKING UP',
          description: 'The user starts a manual backup.',
          meta: documented('operation', STATUS_PAGE, 'BACKING UP is an instance being backed up.'),
        },
        BACKUP_STARTED: {
          target: 'BACKING UP',
          description: 'An automated backup starts, as the backup policy says.',
          meta: inferred('outcome', 'Automated backups run unasked, in the window of the backup policy.'),
        },
        RESTORE: {
          target: 'RESTORING',
          description: 'The user restores the instance from a backup or to a point in time.',
          meta: documented('operation', PITR_UMN, 'A restored instance is Restoring, then Available.'),
        },
        STORAGE_FILLED: {
          target: 'STORAGE FULL',
          description: 'The storage space is used up; data can no longer be written.',
          meta: failure(
            inferred(
              'outcome',
              'The user guide lists Storage full; the space fills up by use, not by a request.',
              STATUS_UMN,
            ),
          ),
        },
        FREEZE: {
          target: 'FROZEN',
          description: 'The account is in arrears and the instance is frozen.',
          meta: inferred('outcome', 'Freezing follows from the account, not from a request on the instance.'),
        },
        DELETE: deleteFrom('available', 'documented'),
        FAULT: {
          target: 'FAILED',
          description: 'The instance becomes abnormal without any request.',
          meta: failure(inferred('outcome', 'FAILED is documented as an abnormal instance; faults come unasked.')),
        },
      },
    },
    FAILED: {
      tags: ['failed', 'stable'],
      description: 'The instance is abnormal (Abnormal).',
      on: {
        REBOOT: {
          target: 'REBOOTING',
          description: 'The user reboots the abnormal instance (it may fail).',
          meta: documented(
            'operation',
            REBOOT_PAGE,
            'An abnormal instance can be rebooted, though the reboot may fail.',
          ),
        },
        DELETE: deleteFrom('abnormal', 'inferred'),
      },
    },
    MODIFYING: {
      tags: ['transitional'],
      description: 'The storage space or the instance class is being changed.',
      on: {
        MODIFY_SUCCEEDED: {
          target: 'ACTIVE',
          description: 'The change finished.',
          meta: documented('outcome', CLASS_UMN, 'The instance goes from Changing instance class back to Available.'),
        },
        MODIFY_FAILED: {
          target: 'ACTIVE',
          description: 'The change failed; the instance keeps its old class or storage.',
          meta: failure(
            inferred('outcome', 'No failed-change status exists, so a failed change leaves the instance available.'),
          ),
        },
      },
    },
    REBOOTING: {
      tags: ['transitional'],
      description: 'The instance is being rebooted.',
      on: {
        REBOOT_SUCCEEDED: {
          target: 'ACTIVE',
          description: 'The reboot finished.',
          meta: documented('outcome', REBOOT_PAGE, 'After a reboot the instance is Available.'),
        },
        REBOOT_FAILED: {
          target: 'FAILED',
          description: 'The reboot left the instance abnormal.',
          meta: failure(inferred('outcome', 'A reboot that fails leaves an abnormal instance.')),
        },
      },
    },
    RESTORING: {
      tags: ['transitional'],
      description: 'Data is being restored from a backup; the instance is unavailable meanwhile.',
      on: {
        RESTORE_SUCCEEDED: {
          target: 'ACTIVE',
          description: 'The restore finished.',
          meta: documented('outcome', PITR_UMN, 'A restored instance is Restoring, then Available.'),
        },
        RESTORE_FAILED: {
          target: 'FAILED',
          description: 'The restore failed (the console shows Restore failed).',
          meta: failure(
            inferred(
              'outcome',
              'The user guide lists Restore failed, which has no API string of its own; FAILED is the API status of an abnormal instance.',
              STATUS_UMN,
            ),
          ),
        },
      },
    },
    'MODIFYING INSTANCE TYPE': {
      tags: ['transitional'],
      description: 'A single instance is being changed into a primary/standby pair.',
      on: {
        TYPE_CHANGED: {
          target: 'ACTIVE',
          description: 'The standby is in place.',
          meta: inferred('outcome', 'The change ends with an available primary/standby instance.', HA_UMN),
        },
      },
    },
    SWITCHOVER: {
      tags: ['transitional'],
      description: 'The primary and the standby are being switched.',
      on: {
        SWITCHOVER_SUCCEEDED: {
          target: 'ACTIVE',
          description: 'The switchover finished.',
          meta: inferred('outcome', 'The standby becomes the primary and the instance is available again.'),
        },
      },
    },
    MIGRATING: {
      tags: ['transitional'],
      description: 'The standby is being migrated to another availability zone.',
      on: {
        MIGRATION_SUCCEEDED: {
          target: 'ACTIVE',
          description: 'The migration finished.',
          meta: inferred(
            'outcome',
            'The primary keeps serving, so the instance is available when the standby is back.',
          ),
        },
      },
    },
    'BACKING UP': {
      tags: ['transitional'],
      description: 'The instance is being backed up.',
      on: {
        BACKUP_FINISHED: {
          target: 'ACTIVE',
          description: 'The backup finished (or failed: a failed backup shows on the backup, not the instance).',
          meta: inferred('outcome', 'A backup does not change the instance, which is available again when it ends.'),
        },
      },
    },
    'MODIFYING DATABASE PORT': {
      tags: ['transitional'],
      description: 'The database port is being changed.',
      on: {
        PORT_CHANGED: {
          target: 'ACTIVE',
          description: 'The port change finished.',
          meta: documented('outcome', OTC_TERRAFORM, 'The client waits from MODIFYING DATABASE PORT to ACTIVE.'),
        },
        PORT_CHANGE_FAILED: {
          target: 'FAILED',
          description: 'The new port is taken and the instance becomes abnormal.',
          meta: failure(documented('outcome', PORT_FAQ, 'An instance can become faulty after its port is changed.')),
        },
      },
    },
    SHUTDOWN: {
      tags: ['stable'],
      description: 'The instance is stopped; it is started again automatically after at most seven days.',
      on: {
        START: {
          target: 'ACTIVE',
          description: 'The user starts the instance.',
          meta: documented('operation', START_PAGE, 'Only a stopped instance can be started.'),
        },
        AUTO_STARTED: {
          target: 'ACTIVE',
          description: 'The service starts the instance after seven days stopped.',
          meta: documented(
            'outcome',
            STOP_PAGE,
            'A stopped instance is started in the maintenance window after 7 days.',
          ),
        },
        DELETE: deleteFrom('stopped', 'documented'),
      },
    },
    'STORAGE FULL': {
      tags: ['failed', 'stable', 'undocumented'],
      description: 'The storage space is full; the instance is read-only.',
      meta: {
        evidence: `Not in the status list of rds_01_0004. The task pages list STORAGE FULL as an instance status (${TASKS_PAGE}); the user guide lists Storage full (${STATUS_UMN}); autoscaling runs on instances that are Available or Storage full (${AUTOSCALE_UMN}).`,
      },
      on: {
        SCALE_STORAGE: {
          target: 'MODIFYING',
          description: 'The user (or autoscaling) scales up the storage space.',
          meta: documented('operation', AUTOSCALE_UMN, 'Storage can be scaled up from Storage full.'),
        },
        STORAGE_FREED: {
          target: 'ACTIVE',
          description: 'Enough space is freed and the instance is writable again.',
          meta: inferred('outcome', 'Read-only ends when the used space drops below the threshold.'),
        },
        DELETE: deleteFrom('full', 'inferred'),
      },
    },
    FROZEN: {
      tags: ['stable', 'undocumented'],
      description: 'The instance is frozen because the account is in arrears.',
      meta: {
        evidence: `Not in the status list of rds_01_0004. The task pages list FROZEN as an instance status (${TASKS_PAGE}), and an error code refuses operations on frozen instances (DBS.280449, api-ref/source/appendix/error_codes.rst).`,
      },
      on: {
        TOP_UP: {
          target: 'ACTIVE',
          description: 'The user tops up the account and the instance is unfrozen.',
          meta: inferred('operation', 'Freezing follows from arrears, so settling them unfreezes the instance.'),
        },
      },
    },
    DELETED: {
      type: 'final',
      tags: ['final', 'undocumented'],
      description: 'The instance is deleted and no longer listed.',
      meta: { evidence: DELETED_EVIDENCE },
    },
  },
});
