/**
 * Cloud Container Engine (CCE) clusters: the cluster phases of the API page cce_02_0238 ("Reading a Specified
 * Cluster", field `status.phase`), with the transitions between them. Sources are files of the Open Telekom Cloud
 * documentation repository opentelekomcloud-docs/cloud-container-engine, or a public client where the documentation
 * is silent.
 *
 * Phases are spelled in mixed case (`ScalingUp`). The phase table leaves out hibernation, which the hibernation
 * and wake-up pages describe with their own phases (Hibernating, Hibernation, Awaking), the Error phase a failed
 * deletion may leave, and the end of a deletion (clients report a cluster that is gone as Deleted): all are
 * modelled, tagged `undocumented`, with their evidence.
 */
import { setup } from 'xstate';
import { documented, failure, inferred, type StatusMeta, type StatusTag, type TransitionMeta } from './vocabulary.js';

const DOCS = 'opentelekomcloud-docs/cloud-container-engine';
const API = `${DOCS} api-ref/source/apis/cluster_management`;
const STATUS_PAGE = `${API}/reading_a_specified_cluster.rst, page cce_02_0238 (status.phase)`;
const DELETE_API = `${API}/deleting_a_specified_cluster.rst (page cce_02_0241)`;
const HIBERNATE_API = `${API}/hibernating_a_cluster.rst (page cce_02_0374)`;
const WAKE_API = `${API}/waking_up_a_cluster.rst (page cce_02_0375)`;
const RESIZE_API = `${API}/modifying_cluster_specifications.rst`;
const UMN = `${DOCS} umn/source/clusters`;
const LIFECYCLE_UMN = `${UMN}/cluster_overview.rst (page cce_10_0430, Cluster Lifecycle)`;
const HIBERNATE_UMN = `${UMN}/managing_clusters/hibernating_or_waking_up_a_cluster.rst (page cce_10_0214)`;
const DELETE_UMN = `${UMN}/managing_clusters/deleting_a_cluster.rst (page cce_10_0212)`;
const UPGRADE_UMN = `${UMN}/upgrading_a_cluster/cluster_upgrade_overview.rst`;
const UPGRADE_CHECK_UMN = `${UMN}/upgrading_a_cluster/performing_post-upgrade_verification/cluster_status.rst`;
const OTC_TERRAFORM =
  'opentelekomcloud/terraform-provider-opentelekomcloud opentelekomcloud/services/cce/resource_opentelekomcloud_cce_cluster_v3.go';

/** The events of the CCE cluster machine: operations a user requests, and outcomes the service reports. */
export type CceEvent =
  | { type: 'ADD_NODES' }
  | { type: 'REMOVE_NODES' }
  | { type: 'RESIZE' }
  | { type: 'UPGRADE' }
  | { type: 'HIBERNATE' }
  | { type: 'WAKE_UP' }
  | { type: 'DELETE' }
  | { type: 'CREATE_SUCCEEDED' }
  | { type: 'CREATE_FAILED' }
  | { type: 'SCALING_SUCCEEDED' }
  | { type: 'LAST_NODE_REMOVED' }
  | { type: 'RESIZE_SUCCEEDED' }
  | { type: 'RESIZE_FAILED' }
  | { type: 'UPGRADE_SUCCEEDED' }
  | { type: 'UPGRADE_FAILED' }
  | { type: 'HIBERNATE_SUCCEEDED' }
  | { type: 'WAKE_UP_SUCCEEDED' }
  | { type: 'WAKE_UP_FAILED' }
  | { type: 'DELETE_SUCCEEDED' }
  | { type: 'DELETE_FAILED' }
  | { type: 'FAULT' }
  | { type: 'RECOVERED' };

const deleteFrom = (what: string) => ({
  target: 'Deleting' as const,
  description: `The user deletes the ${what} cluster.`,
  meta: documented(
    'operation',
    DELETE_UMN,
    'A running or unavailable cluster can be deleted; a hibernated one cannot.',
  ),
});

/** The lifecycle of a CCE cluster. */
export const cceMachine = setup({
  types: {
    events: {} as CceEvent,
    tags: {} as StatusTag,
    meta: {} as StatusMeta,
    transitionMeta: {} as TransitionMeta,
  },
}).createMachine({
  id: 'cce',
  description:
    'Lifecycle of a CCE cluster, one state per phase of page cce_02_0238, plus the undocumented hibernation, error and deleted phases.',
  initial: 'Creating',
  states: {
    Creating: {
      tags: ['transitional'],
      description: 'The cluster is being created.',
      on: {
        CREATE_SUCCEEDED: {
          target: 'Available',
          description: 'Creation finished and the cluster runs.',
          meta: documented(
            'outcome',
            STATUS_PAGE,
            `Creating is the phase before Available; clients wait from Creating to Available (${OTC_TERRAFORM}).`,
          ),
        },
        CREATE_FAILED: {
          target: 'Unavailable',
          description: 'Creation failed and the cluster does not work.',
          meta: failure(
            inferred(
              'outcome',
              'No failed-creation phase exists, and the page advises deleting an Unavailable cluster.',
            ),
          ),
        },
      },
    },
    Available: {
      tags: ['stable'],
      description: 'The cluster runs properly (Running in the console).',
      on: {
        ADD_NODES: {
          target: 'ScalingUp',
          description: 'Nodes are added to the cluster.',
          meta: inferred(
            'operation',
            'ScalingUp is documented as nodes being added, which the user or autoscaling asks for.',
            STATUS_PAGE,
          ),
        },
        REMOVE_NODES: {
          target: 'ScalingDown',
          description: 'Nodes are removed from the cluster.',
          meta: inferred(
            'operation',
            'ScalingDown is documented as nodes being removed, which the user or autoscaling asks for.',
            STATUS_PAGE,
          ),
        },
        RESIZE: {
          target: 'Resizing',
          description: 'The user changes the cluster scale (the number of nodes its masters can manage).',
          meta: documented(
            'operation',
            RESIZE_API,
            'Resizing is the phase of a cluster whose flavor is being changed.',
          ),
        },
        UPGRADE: {
          target: 'Upgrading',
          description: 'The user upgrades the cluster version (from the console).',
          meta: documented('operation', UPGRADE_UMN, 'The pre-upgrade check requires a running cluster.'),
        },
        HIBERNATE: {
          target: 'Hibernating',
          description: 'The user hibernates the cluster.',
          meta: documented('operation', HIBERNATE_API, 'A running cluster can be hibernated.'),
        },
        DELETE: deleteFrom('running'),
        FAULT: {
          target: 'Unavailable',
          description: 'The cluster stops working properly without any request.',
          meta: failure(
            inferred('outcome', 'Unavailable is documented as a cluster behaving unexpectedly; faults come unasked.'),
          ),
        },
      },
    },
    Unavailable: {
      tags: ['failed', 'stable'],
      description: 'The cluster behaves unexpectedly; the page advises deleting it.',
      on: {
        RECOVERED: {
          target: 'Available',
          description: 'The cluster works properly again.',
          meta: inferred(
            'outcome',
            'The page suggests asking the administrator, so an unavailable cluster may be repaired.',
          ),
        },
        DELETE: deleteFrom('unavailable'),
      },
    },
    ScalingUp: {
      tags: ['transitional'],
      description: 'Nodes are being added to the cluster.',
      on: {
        SCALING_SUCCEEDED: {
          target: 'Available',
          description: 'The nodes were added.',
          meta: inferred('outcome', 'Adding nodes ends with the cluster running.'),
        },
      },
    },
    ScalingDown: {
      tags: ['transitional'],
      description: 'Nodes are being removed from the cluster.',
      on: {
        SCALING_SUCCEEDED: {
          target: 'Available',
          description: 'The nodes were removed.',
          meta: inferred('outcome', 'Removing nodes ends with the cluster running.'),
        },
        LAST_NODE_REMOVED: {
          target: 'Empty',
          description: 'The last node was removed: the cluster has no resources left.',
          meta: inferred(
            'outcome',
            'Empty is documented as a cluster without resources, and removing every node leaves a cluster so.',
            STATUS_PAGE,
          ),
        },
      },
    },
    Empty: {
      tags: ['stable'],
      description: 'The cluster has no resources (no nodes).',
      on: {
        ADD_NODES: {
          target: 'ScalingUp',
          description: 'Nodes are added to the empty cluster.',
          meta: inferred('operation', 'Adding nodes gives an empty cluster resources again.'),
        },
        DELETE: {
          target: 'Deleting',
          description: 'The user deletes the empty cluster.',
          meta: inferred('operation', 'An empty cluster runs nothing that would block its deletion.', DELETE_UMN),
        },
      },
    },
    Resizing: {
      tags: ['transitional'],
      description: 'The cluster scale is being changed (it only grows).',
      on: {
        RESIZE_SUCCEEDED: {
          target: 'Available',
          description: 'The new scale is in place.',
          meta: inferred('outcome', 'Changing the scale leaves the cluster running.'),
        },
        RESIZE_FAILED: {
          target: 'Available',
          description: 'The change failed; the cluster keeps its old scale.',
          meta: failure(
            inferred('outcome', 'No failed-resize phase exists, so a failed change leaves the cluster running.'),
          ),
        },
      },
    },
    Upgrading: {
      tags: ['transitional'],
      description: 'The cluster version is being upgraded.',
      on: {
        UPGRADE_SUCCEEDED: {
          target: 'Available',
          description: 'The upgrade finished.',
          meta: documented('outcome', UPGRADE_CHECK_UMN, 'After an upgrade the cluster is checked to be Running.'),
        },
        UPGRADE_FAILED: {
          target: 'Unavailable',
          description: 'The upgrade failed and the cluster does not work properly.',
          meta: failure(
            inferred('outcome', 'No failed-upgrade phase exists; a broken upgrade leaves an unavailable cluster.'),
          ),
        },
      },
    },
    Hibernating: {
      tags: ['transitional', 'undocumented'],
      description: 'The cluster is being hibernated.',
      meta: {
        evidence: `Not in the phase table of cce_02_0238. The user guide's Cluster Lifecycle table lists Hibernating (${LIFECYCLE_UMN}).`,
      },
      on: {
        HIBERNATE_SUCCEEDED: {
          target: 'Hibernation',
          description: 'The cluster is hibernated.',
          meta: documented('outcome', HIBERNATE_API, 'The status is polled until it is Hibernation.'),
        },
      },
    },
    Hibernation: {
      tags: ['stable', 'undocumented'],
      description: 'The cluster is hibernated: no workloads can be created or managed, and it cannot be deleted.',
      meta: {
        evidence: `Not in the phase table of cce_02_0238. The hibernation API page says to poll until the status is Hibernation (${HIBERNATE_API}).`,
      },
      on: {
        WAKE_UP: {
          target: 'Awaking',
          description: 'The user wakes the cluster up.',
          meta: documented('operation', WAKE_API, 'A hibernated cluster is woken up.'),
        },
      },
    },
    Awaking: {
      tags: ['transitional', 'undocumented'],
      description: 'The cluster is being woken up (Waking up in the console; minutes).',
      meta: {
        evidence: `Not in the phase table of cce_02_0238. The user guide's Cluster Lifecycle table lists Awaking (${LIFECYCLE_UMN}); the hibernation page calls it Waking up (${HIBERNATE_UMN}).`,
      },
      on: {
        WAKE_UP_SUCCEEDED: {
          target: 'Available',
          description: 'The cluster runs again.',
          meta: documented('outcome', WAKE_API, 'The status is polled until it is Available.'),
        },
        WAKE_UP_FAILED: {
          target: 'Hibernation',
          description: 'Waking up failed (no master resources); the cluster stays hibernated.',
          meta: failure(
            inferred(
              'outcome',
              'The user guide says waking up may fail for lack of resources and is retried later, so the cluster stays hibernated.',
              HIBERNATE_UMN,
            ),
          ),
        },
      },
    },
    Deleting: {
      tags: ['transitional'],
      description: 'The cluster is being deleted.',
      on: {
        DELETE_SUCCEEDED: {
          target: 'Deleted',
          description: 'Deletion finished: the cluster is gone (HTTP 404, reported as Deleted by clients).',
          meta: inferred(
            'outcome',
            'Clients wait on Deleting until the cluster is not found, which they report as Deleted.',
            OTC_TERRAFORM,
          ),
        },
        DELETE_FAILED: {
          target: 'Error',
          description: 'Deletion failed and the cluster was set to Error.',
          meta: failure(
            documented(
              'outcome',
              DELETE_API,
              'A deletion request may ask that a failed deletion leave the cluster in Error.',
            ),
          ),
        },
      },
    },
    Error: {
      tags: ['failed', 'stable', 'undocumented'],
      description: 'A deletion failed and left the cluster in error.',
      meta: {
        evidence: `Not in the phase table of cce_02_0238. The deletion API's errorStatus parameter sets a cluster whose deletion fails to Error (${DELETE_API}).`,
      },
      on: {
        DELETE: {
          target: 'Deleting',
          description: 'The user retries the deletion.',
          meta: inferred('operation', 'A failed deletion is retried by deleting again.', DELETE_API),
        },
      },
    },
    Deleted: {
      type: 'final',
      tags: ['final', 'undocumented'],
      description: 'The cluster is gone (not a phase; clients report a 404 as Deleted).',
      meta: {
        evidence: `Not in the phase table of cce_02_0238. Clients report a cluster that is not found (HTTP 404) as Deleted (${OTC_TERRAFORM}).`,
      },
    },
  },
});
