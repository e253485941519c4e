/**
 * DCS, Distributed Cache Service: the instance statuses of the API reference page dcs-api-0312047 ("DCS Instance
 * Statuses"), with the transitions between them. Sources are files of the Open Telekom Cloud documentation
 * repository opentelekomcloud-docs/distributed-cache-service, Huawei Cloud pages named by their id, or public
 * clients (Terraform providers) where the documentation is silent.
 *
 * The status table lists seven statuses. Real instances show more: a deletion status (the table has none, yet
 * instances are deleted), freezing for arrears, clearing data, minor-version upgrades, and stopping and starting of
 * old instances. Each is modelled as a state tagged `undocumented`, with its evidence, so that a poller's real
 * history is not reported as "unknown status".
 */
import { setup } from 'xstate';
import { documented, failure, inferred, type StatusMeta, type StatusTag, type TransitionMeta } from './vocabulary.js';

const DOCS = 'opentelekomcloud-docs/distributed-cache-service';
const STATUS_PAGE = `${DOCS} api-ref/source/appendix/dcs_instance_statuses.rst (page dcs-api-0312047)`;
const CREATE_PAGE = `${DOCS} umn/source/getting_started/creating_an_instance/creating_a_dcs_redis_instance.rst`;
const RESTART_PAGE = `${DOCS} umn/source/operating_dcs_instances/restarting_dcs_instances.rst`;
const DELETE_PAGE = `${DOCS} umn/source/operating_dcs_instances/deleting_dcs_instances.rst`;
const RESIZE_PAGE = `${DOCS} umn/source/operating_dcs_instances/modifying_dcs_instance_specifications.rst`;
const RESTORE_PAGE = `${DOCS} umn/source/backing_up_and_restoring_instance_data/restoring_a_dcs_instance.rst`;
const CLEAR_PAGE = `${DOCS} umn/source/operating_dcs_instances/clearing_dcs_instance_data.rst`;
const UPGRADE_PAGE = `${DOCS} umn/source/operating_dcs_instances/upgrading_the_minor_or_proxy_version_of_a_dcs_instance.rst`;
const START_PAGE = `${DOCS} umn/source/operating_dcs_instances/starting_dcs_instances.rst`;
const ERROR_CODES = `${DOCS} api-ref/source/appendix/error_codes.rst`;
const V1_STATUS_PAGE = `${DOCS} api-ref/source/outdated_apis_v1/instance_management_apis/querying_dcs_instance_status.rst`;
const OTC_PROVIDER = 'opentelekomcloud/terraform-provider-opentelekomcloud opentelekomcloud/services/dcs';
const OTC_V1 = `${OTC_PROVIDER}/resource_opentelekomcloud_dcs_instance_v1.go`;
const OTC_V2 = `${OTC_PROVIDER}/resource_opentelekomcloud_dcs_instance_v2.go`;
const HW_PROVIDER = 'huaweicloud/terraform-provider-huaweicloud huaweicloud/services/dcs';
const HW_STATUS_PAGE = 'Huawei Cloud page dcs-api-0312047 (its version of the status table)';

/** Where the seven statuses of the seed table are documented (the page has one version, of 2022). */
const SEED_TABLE = 'page dcs-api-0312047 (its only version, 2022)';

/** The events of the DCS machine: operations a user requests, and outcomes the service reports. */
export type DcsEvent =
  | { type: 'RESTART' }
  | { type: 'RESIZE' }
  | { type: 'RESTORE' }
  | { type: 'DELETE' }
  | { type: 'FLUSH' }
  | { type: 'UPGRADE' }
  | { type: 'TOP_UP' }
  | { type: 'STOP' }
  | { type: 'START' }
  | { type: 'CREATE_SUCCEEDED' }
  | { type: 'CREATE_FAILED' }
  | { type: 'CREATE_FAULTED' }
  | { type: 'RESTART_SUCCEEDED' }
  | { type: 'RESTART_FAILED' }
  | { type: 'RESIZE_SUCCEEDED' }
  | { type: 'RESIZE_FAILED' }
  | { type: 'SINGLE_NODE_RESIZE_FAILED' }
  | { type: 'RESIZE_RESTARTING' }
  | { type: 'RESTORE_SUCCEEDED' }
  | { type: 'RESTORE_FAILED' }
  | { type: 'FLUSH_SUCCEEDED' }
  | { type: 'UPGRADE_SUCCEEDED' }
  | { type: 'UPGRADE_FAILED' }
  | { type: 'DELETION_STARTED' }
  | { type: 'DELETE_SUCCEEDED' }
  | { type: 'FREEZE' }
  | { type: 'FREEZE_SUCCEEDED' }
  | { type: 'RELEASED' }
  | { type: 'STOP_SUCCEEDED' }
  | { type: 'START_SUCCEEDED' }
  | { type: 'FAULT' };

const DELETION_EVIDENCE =
  `Not in the status table. The v1 status summary counts instances being deleted (${V1_STATUS_PAGE}), and a ` +
  `provider waits on DELETING until the instance is gone (${OTC_V1}). Newer clients wait on RUNNING alone until ` +
  `the instance is gone (${OTC_V2}), so DELETING may not show at all in the current API.`;

const FREEZE_EVIDENCE =
  `Not in the status table. Errors 111400120 (the instance is Freezing) and 111400045 (already unfrozen) exist ` +
  `(${ERROR_CODES}); ${HW_STATUS_PAGE} lists FROZEN (low balance; recharge to unfreeze); a provider's status list ` +
  `has both (${HW_PROVIDER}/data_source_huaweicloud_dcs_instance_status.go).`;

const STOP_START_EVIDENCE =
  `Not in the status table. The v1 status summary counts instances being stopped, stopped and being started ` +
  `(CLOSING, CLOSED, STARTING: ${V1_STATUS_PAGE}); old instances that were stopped can be started (${START_PAGE}).`;

/** The lifecycle of a DCS instance. */
export const dcsMachine = setup({
  types: {
    events: {} as DcsEvent,
    tags: {} as StatusTag,
    meta: {} as StatusMeta,
    transitionMeta: {} as TransitionMeta,
  },
}).createMachine({
  id: 'dcs',
  description:
    'Lifecycle of a DCS instance: the 7 statuses of page dcs-api-0312047, plus undocumented deletion, freezing, clearing, upgrading, stopping and starting.',
  initial: 'CREATING',
  states: {
    CREATING: {
      tags: ['transitional'],
      description: 'The instance is being created; it cannot cache anything yet, nor be deleted.',
      meta: { documentedIn: SEED_TABLE },
      on: {
        CREATE_SUCCEEDED: {
          target: 'RUNNING',
          description: 'Creation finished and the instance serves.',
          meta: documented(
            'outcome',
            CREATE_PAGE,
            'A created instance enters Running; the status table calls Creating the status before Running.',
          ),
        },
        CREATE_FAILED: {
          target: 'CREATEFAILED',
          description: 'Creation failed.',
          meta: failure(
            documented('outcome', STATUS_PAGE, 'CREATEFAILED is described as an instance that failed to be created.'),
          ),
        },
        CREATE_FAULTED: {
          target: 'ERROR',
          description: 'Creation failed with the instance left faulty (the management plane cannot reach it).',
          meta: failure(
            documented('outcome', CREATE_PAGE, 'If creation fails this way, the instance status changes to Faulty.'),
          ),
        },
      },
    },
    CREATEFAILED: {
      tags: ['failed', 'stable'],
      description: 'Creation failed; the instance never served. It stays until it is deleted.',
      meta: { documentedIn: SEED_TABLE },
      on: {
        DELETE: {
          target: 'DELETING',
          description: 'The user deletes the failed creation task.',
          meta: documented('operation', DELETE_PAGE, 'Failed creation tasks can be deleted.'),
        },
      },
    },
    RUNNING: {
      tags: ['stable'],
      description:
        'The instance runs properly; only now does it provide the cache service. After a deletion request the current API may still show it (a hidden sub-state) until the instance is gone.',
      meta: { documentedIn: SEED_TABLE },
      initial: 'serving',
      states: {
        serving: {
          description: 'The instance serves; no deletion has been requested.',
          on: {
            RESTART: {
              target: '#dcs.RESTARTING',
              description: 'The user restarts the instance.',
              meta: documented('operation', RESTART_PAGE, 'Restart is allowed when the instance is Running or Faulty.'),
            },
            RESIZE: {
              target: '#dcs.EXTENDING',
              description: 'The user scales the instance.',
              meta: documented('operation', RESIZE_PAGE, 'Scaling happens while the instance runs.'),
            },
            RESTORE: {
              target: '#dcs.RESTORING',
              description: 'The user restores data from a backup.',
              meta: documented('operation', RESTORE_PAGE, 'Restoring needs a Running instance and a succeeded backup.'),
            },
            DELETE: {
              target: 'deletionAccepted',
              description: 'The user deletes the instance; the current API may go on showing Running until it is gone.',
              meta: documented(
                'operation',
                DELETE_PAGE,
                'Delete is allowed when the instance is Running or Faulty; the status it enters is not documented (v1 clients see DELETING, newer clients only RUNNING until a 404).',
              ),
            },
            FLUSH: {
              target: '#dcs.FLUSHING',
              description: 'The user clears all data of the instance.',
              meta: documented(
                'operation',
                CLEAR_PAGE,
                'Clearing data needs a Running instance; the v1 status summary counts instances whose data is being cleared.',
              ),
            },
            UPGRADE: {
              target: '#dcs.UPGRADING',
              description: 'The user upgrades the minor or proxy version.',
              meta: documented(
                'operation',
                UPGRADE_PAGE,
                'The user upgrades the minor or proxy version of an instance.',
              ),
            },
            STOP: {
              target: '#dcs.CLOSING',
              description: 'The instance (an old one) is stopped.',
              meta: inferred(
                'operation',
                'Old instances can be in Stopped, and the v1 status summary counts instances being stopped; recent instances can no longer be stopped.',
                START_PAGE,
              ),
            },
            FAULT: {
              target: '#dcs.ERROR',
              description: 'The instance stops running properly without any request.',
              meta: failure(
                inferred('outcome', 'ERROR is documented as an instance not running properly; faults come unasked.'),
              ),
            },
            FREEZE: {
              target: '#dcs.FREEZING',
              description: 'The account balance ran out and the instance is being frozen.',
              meta: inferred(
                'outcome',
                'Freezing follows from arrears, which no request on the instance causes (error 111400120 names a Freezing instance).',
                ERROR_CODES,
              ),
            },
          },
        },
        deletionAccepted: {
          description:
            'A deletion was requested and accepted, but the API still shows Running (newer clients wait on Running alone until the instance is gone).',
          on: {
            DELETION_STARTED: {
              target: '#dcs.DELETING',
              description: 'The deletion shows as DELETING (the v1 API, and older clients).',
              meta: inferred(
                'outcome',
                'The v1 status summary counts instances being deleted, and the v1 client waits on DELETING or RUNNING until the instance is gone.',
                `${V1_STATUS_PAGE}; ${OTC_V1}`,
              ),
            },
            DELETE_SUCCEEDED: {
              target: '#dcs.DELETED',
              description: 'Deletion finished without the instance ever showing DELETING: it is gone (HTTP 404).',
              meta: inferred(
                'outcome',
                'Newer clients wait on RUNNING alone until the query answers 404 (reported as DELETED), so DELETING may not show at all in the current API.',
                OTC_V2,
              ),
            },
          },
        },
      },
    },
    ERROR: {
      tags: ['failed', 'stable'],
      description: 'The instance does not run properly.',
      meta: { documentedIn: SEED_TABLE },
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
      },
    },
    RESTARTING: {
      tags: ['transitional'],
      description:
        'The instance is being restarted (on request, or as part of a resize); it can be neither deleted nor scaled meanwhile.',
      meta: { documentedIn: SEED_TABLE },
      on: {
        RESTART_SUCCEEDED: {
          target: 'RUNNING',
          description: 'The restart finished.',
          meta: documented('outcome', RESTART_PAGE, 'After the restart the status changes to Running.'),
        },
        RESTART_FAILED: {
          target: 'ERROR',
          description: 'The restart did not bring the instance back.',
          meta: failure(
            inferred(
              'outcome',
              'A restart that fails leaves an instance that does not run properly, which is what ERROR means; clients waiting for RUNNING treat ERROR as a failure.',
              `${HW_PROVIDER}/common.go`,
            ),
          ),
        },
      },
    },
    EXTENDING: {
      tags: ['transitional'],
      description:
        'The instance is being scaled; it cannot be deleted meanwhile. A failed scaling of a single-node instance goes on in the background (a hidden sub-state).',
      meta: { documentedIn: SEED_TABLE },
      initial: 'scaling',
      states: {
        scaling: {
          description: 'The specification change runs; master/standby and cluster instances keep serving.',
          on: {
            RESIZE_SUCCEEDED: {
              target: '#dcs.RUNNING',
              description: 'Scaling finished with the new specification.',
              meta: documented(
                'outcome',
                RESIZE_PAGE,
                'After a successful modification the instance changes to Running.',
              ),
            },
            RESIZE_FAILED: {
              target: '#dcs.RUNNING',
              description: 'Scaling of a master/standby or cluster instance failed; it keeps serving at its old size.',
              meta: failure(
                documented(
                  'outcome',
                  RESIZE_PAGE,
                  'A master/standby or cluster instance whose modification fails stays usable with its original specifications (DCS has no failed-scaling status).',
                ),
              ),
            },
            SINGLE_NODE_RESIZE_FAILED: {
              target: 'finishingInBackground',
              description: 'Scaling of a single-node instance failed; the change is completed in the background.',
              meta: failure(
                documented(
                  'outcome',
                  RESIZE_PAGE,
                  'A single-node instance whose modification fails is unavailable for a while with its old specification, until the change completes in the background; the page names no status for this, so the instance keeps showing EXTENDING (clients wait on it until RUNNING).',
                ),
              ),
            },
            RESIZE_RESTARTING: {
              target: '#dcs.RESTARTING',
              description: 'The resize restarts the instance before it runs again.',
              meta: inferred(
                'outcome',
                'Public clients wait on EXTENDING and RESTARTING until RUNNING after a resize (one widened its list from EXTENDING alone in a fix); the page warns that services may be interrupted during the modification.',
                `${OTC_V2}; ${HW_PROVIDER}/resource_huaweicloud_dcs_instance.go`,
              ),
            },
          },
        },
        finishingInBackground: {
          description: 'A single-node instance whose scaling failed: unavailable until the change completes.',
          on: {
            RESIZE_SUCCEEDED: {
              target: '#dcs.RUNNING',
              description: 'The change completed in the background: the instance runs with the new specification.',
              meta: documented(
                'outcome',
                RESIZE_PAGE,
                'After the modification is completed in the background, the instance has the new specification and is available again.',
              ),
            },
          },
        },
      },
    },
    RESTORING: {
      tags: ['transitional'],
      description: 'The instance data is being restored from a backup.',
      meta: { documentedIn: SEED_TABLE },
      on: {
        RESTORE_SUCCEEDED: {
          target: 'RUNNING',
          description: 'The restore finished.',
          meta: inferred(
            'outcome',
            'A restore starts from Running and the instance serves the restored data when done.',
            RESTORE_PAGE,
          ),
        },
        RESTORE_FAILED: {
          target: 'RUNNING',
          description: 'The restore failed; the failure shows on the restore record.',
          meta: failure(
            inferred('outcome', 'DCS has no failed-restore status, so a failed restore leaves the instance Running.'),
          ),
        },
      },
    },
    DELETING: {
      tags: ['transitional', 'undocumented'],
      description: 'The instance is being deleted (status not in the table; seen by clients).',
      meta: { evidence: DELETION_EVIDENCE },
      on: {
        DELETE_SUCCEEDED: {
          target: 'DELETED',
          description: 'Deletion finished: the instance is gone (HTTP 404, reported as DELETED by clients).',
          meta: inferred(
            'outcome',
            'Clients wait on DELETING until the query answers 404, which they report as DELETED.',
            OTC_V1,
          ),
        },
      },
    },
    DELETED: {
      type: 'final',
      tags: ['final', 'undocumented'],
      description: 'The instance is gone (status not in the table; clients report a 404 as DELETED).',
      meta: { evidence: DELETION_EVIDENCE },
    },
    FLUSHING: {
      tags: ['transitional', 'undocumented'],
      description: 'The data of the instance is being cleared.',
      meta: {
        evidence: `Not in the status table. Clearing data is an instance action (${DOCS} api-ref/source/apis_v2_recommended/instance_management/restarting_dcs_instances_or_clearing_dcs_instance_data.rst), and the v1 status summary counts instances whose data is being cleared (${V1_STATUS_PAGE}); ${HW_STATUS_PAGE} lists FLUSHING.`,
      },
      on: {
        FLUSH_SUCCEEDED: {
          target: 'RUNNING',
          description: 'The data is cleared and the instance serves (empty).',
          meta: inferred(
            'outcome',
            'Clearing data starts from Running and removes data only, so the instance runs again when done.',
            CLEAR_PAGE,
          ),
        },
      },
    },
    UPGRADING: {
      tags: ['transitional', 'undocumented'],
      description: 'The minor or proxy version is being upgraded (no roll-back exists).',
      meta: {
        evidence: `Not in the status table. The user guide describes minor and proxy version upgrades (${UPGRADE_PAGE}); error 111400116 says the instance is upgrading (${ERROR_CODES}); the v1 status summary counts upgrading instances (${V1_STATUS_PAGE}).`,
      },
      on: {
        UPGRADE_SUCCEEDED: {
          target: 'RUNNING',
          description: 'The upgrade finished.',
          meta: inferred(
            'outcome',
            'The upgrade migrates nodes while the instance keeps serving, so it runs again on the new version when done.',
            UPGRADE_PAGE,
          ),
        },
        UPGRADE_FAILED: {
          target: 'RUNNING',
          description: 'The upgrade failed; the instance keeps its old version.',
          meta: failure(
            inferred(
              'outcome',
              'The page says an upgrade may fail under load and should be tried again later, and that there is no roll-back: the instance stays usable on its version.',
              UPGRADE_PAGE,
            ),
          ),
        },
      },
    },
    FREEZING: {
      tags: ['transitional', 'undocumented'],
      description: 'The instance is being frozen for arrears.',
      meta: { evidence: FREEZE_EVIDENCE },
      on: {
        FREEZE_SUCCEEDED: {
          target: 'FROZEN',
          description: 'The instance is frozen.',
          meta: inferred('outcome', 'Freezing ends in the frozen status the Huawei Cloud status table lists.'),
        },
      },
    },
    FROZEN: {
      tags: ['stable', 'undocumented'],
      description:
        'The instance is frozen for arrears; a top-up unfreezes it, and it is released when the retention period ends.',
      meta: { evidence: FREEZE_EVIDENCE },
      on: {
        TOP_UP: {
          target: 'RUNNING',
          description: 'The user tops up the account and the instance is unfrozen.',
          meta: documented('operation', HW_STATUS_PAGE, 'A frozen instance is unfrozen by recharging the account.'),
        },
        DELETE: {
          target: 'DELETING',
          description: 'The user deletes the frozen instance.',
          meta: inferred(
            'operation',
            "Huawei Cloud's billing rules let users delete instances in the grace or retention period (documented for DMS on page kafka-ug-0057); nothing says DCS differs.",
          ),
        },
        RELEASED: {
          target: 'DELETED',
          description: 'The retention period ended and the service released the instance.',
          meta: documented(
            'outcome',
            HW_STATUS_PAGE,
            'Frozen instances are released when the retention period ends; clients then see them gone (404, DELETED).',
          ),
        },
      },
    },
    CLOSING: {
      tags: ['transitional', 'undocumented'],
      description: 'An old instance is being stopped; it cannot be deleted meanwhile.',
      meta: { evidence: STOP_START_EVIDENCE },
      on: {
        STOP_SUCCEEDED: {
          target: 'CLOSED',
          description: 'The instance is stopped.',
          meta: inferred('outcome', 'Stopping ends in the stopped status (CLOSED) the v1 status summary counts.'),
        },
      },
    },
    CLOSED: {
      tags: ['stable', 'undocumented'],
      description: 'An old instance is stopped (Stopped in the console) until it is started.',
      meta: { evidence: STOP_START_EVIDENCE },
      on: {
        START: {
          target: 'STARTING',
          description: 'The user starts the stopped instance.',
          meta: documented('operation', START_PAGE, 'Only instances in the Stopped state can be started.'),
        },
      },
    },
    STARTING: {
      tags: ['transitional', 'undocumented'],
      description: 'An old instance is being started (1 to 30 minutes); it cannot be deleted meanwhile.',
      meta: { evidence: STOP_START_EVIDENCE },
      on: {
        START_SUCCEEDED: {
          target: 'RUNNING',
          description: 'The instance runs again.',
          meta: documented('outcome', START_PAGE, 'Once started, the status changes from Stopped to Running.'),
        },
      },
    },
  },
});
