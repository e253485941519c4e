/**
 * DCS, Distributed Cache Service: the instance statuses of the API reference page dcs-api-0312047 ("DCS Instance
 * Statuses"), with the transitions between them. Sources are files of the Open Telekom Cloud documentation
 * repository opentelekomcloud-docs/distributed-cache-service, or public clients where the documentation is silent.
 *
 * The status table has no deletion status, yet instances are deleted. Real clients observe DELETING and report a
 * vanished instance (HTTP 404) as DELETED, so both are modelled, tagged `undocumented`, with their evidence.
 */
import { setup } from 'xstate';
import { documented, failure, inferred, type StatusMeta, type StatusTag, type TransitionMeta } from './vocabulary.js';

const DOCS = 'opentelekomcloud-docs/distributed-cache-service';
const STATUS_PAGE = `${DOCS} api-ref, page dcs-api-0312047 (DCS Instance Statuses)`;
const RESTART_PAGE = `${DOCS} umn/source/operating_dcs_instances/restarting_dcs_instances.rst`;
const DELETE_PAGE = `${DOCS} umn/source/operating_dcs_instances/deleting_dcs_instances.rst`;
const RESIZE_PAGE = `${DOCS} umn/source/operating_dcs_instances/modifying_dcs_instance_specifications.rst`;
const RESTORE_PAGE = `${DOCS} umn/source/backing_up_and_restoring_instance_data/restoring_a_dcs_instance.rst`;
const V1_STATUS_PAGE = `${DOCS} api-ref/source/outdated_apis_v1/instance_management_apis/querying_dcs_instance_status.rst`;
const OTC_TERRAFORM =
  'opentelekomcloud/terraform-provider-opentelekomcloud opentelekomcloud/services/dcs/resource_opentelekomcloud_dcs_instance_v1.go';

/** The events of the DCS machine: operations a user requests, and outcomes the service reports. */
export type DcsEvent =
  | { type: 'RESTART' }
  | { type: 'RESIZE' }
  | { type: 'RESTORE' }
  | { type: 'DELETE' }
  | { type: 'CREATE_SUCCEEDED' }
  | { type: 'CREATE_FAILED' }
  | { type: 'RESTART_SUCCEEDED' }
  | { type: 'RESTART_FAILED' }
  | { type: 'RESIZE_SUCCEEDED' }
  | { type: 'RESIZE_FAILED' }
  | { type: 'RESTORE_SUCCEEDED' }
  | { type: 'RESTORE_FAILED' }
  | { type: 'DELETE_SUCCEEDED' }
  | { type: 'FAULT' };

const DELETION_EVIDENCE =
  `Not in the status table. The v1 status summary counts instances being deleted (${V1_STATUS_PAGE}), and a ` +
  `provider waits on DELETING until the instance is gone (${OTC_TERRAFORM}).`;

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
  description: 'Lifecycle of a DCS instance, one state per status of page dcs-api-0312047, plus undocumented deletion.',
  initial: 'CREATING',
  states: {
    CREATING: {
      tags: ['transitional'],
      description: 'The instance is being created; it cannot cache anything yet.',
      on: {
        CREATE_SUCCEEDED: {
          target: 'RUNNING',
          description: 'Creation finished and the instance serves.',
          meta: documented('outcome', STATUS_PAGE, 'Creating is described as the status before Running.'),
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
          description: 'The user deletes the failed creation task.',
          meta: documented('operation', DELETE_PAGE, 'Failed creation tasks can be deleted.'),
        },
      },
    },
    RUNNING: {
      tags: ['stable'],
      description: 'The instance runs properly; only now does it provide the cache service.',
      on: {
        RESTART: {
          target: 'RESTARTING',
          description: 'The user restarts the instance.',
          meta: documented('operation', RESTART_PAGE, 'Restart is allowed when the instance is Running or Faulty.'),
        },
        RESIZE: {
          target: 'EXTENDING',
          description: 'The user scales the instance.',
          meta: documented('operation', RESIZE_PAGE, 'Scaling happens while the instance runs.'),
        },
        RESTORE: {
          target: 'RESTORING',
          description: 'The user restores data from a backup.',
          meta: documented('operation', RESTORE_PAGE, 'Restoring needs a Running instance and a succeeded backup.'),
        },
        DELETE: {
          target: 'DELETING',
          description: 'The user deletes the instance.',
          meta: documented(
            'operation',
            DELETE_PAGE,
            'Delete is allowed when the instance is Running or Faulty; the status it enters is not documented.',
          ),
        },
        FAULT: {
          target: 'ERROR',
          description: 'The instance stops running properly without any request.',
          meta: failure(
            inferred('outcome', 'ERROR is documented as an instance not running properly; faults come unasked.'),
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
      },
    },
    RESTARTING: {
      tags: ['transitional'],
      description: 'The instance is being restarted; it can be neither deleted nor scaled meanwhile.',
      on: {
        RESTART_SUCCEEDED: {
          target: 'RUNNING',
          description: 'The restart finished.',
          meta: documented('outcome', RESTART_PAGE, 'After the restart the status changes to Running.'),
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
      description: 'The instance is being scaled; it keeps serving and cannot be deleted meanwhile.',
      on: {
        RESIZE_SUCCEEDED: {
          target: 'RUNNING',
          description: 'Scaling finished.',
          meta: inferred(
            'outcome',
            'Scaling happens while the instance runs, so it returns to Running when done.',
            RESIZE_PAGE,
          ),
        },
        RESIZE_FAILED: {
          target: 'RUNNING',
          description: 'Scaling failed; the instance keeps its old size.',
          meta: failure(
            inferred(
              'outcome',
              'Scaling is documented to fail (memory full, big keys), and DCS has no failed-scaling status: the instance keeps running at its old size.',
              RESIZE_PAGE,
            ),
          ),
        },
      },
    },
    RESTORING: {
      tags: ['transitional'],
      description: 'The instance data is being restored from a backup.',
      on: {
        RESTORE_SUCCEEDED: {
          target: 'RUNNING',
          description: 'The restore finished.',
          meta: inferred(
            'outcome',
            'A restore starts from Running and the instance serves the restored data when done.',
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
            OTC_TERRAFORM,
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
  },
});
