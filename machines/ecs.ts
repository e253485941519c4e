/**
 * Elastic Cloud Server (ECS): the server statuses of the API appendix page en-us_topic_0178420672 ("ECS Statuses"),
 * with the transitions between them. Sources are files of the Open Telekom Cloud documentation repository
 * opentelekomcloud-docs/elastic-cloud-server (the ECS API, its native OpenStack Nova API, and the user guide), or a
 * public client where the documentation is silent.
 *
 * The status an API answer shows is computed from two internal fields, `OS-EXT-STS:vm_state` and
 * `OS-EXT-STS:task_state` (Table 4 of the status page). Several internal pairs map onto one status: a server being
 * stopped is still ACTIVE (vm_state active, task powering-off), one being started is still SHUTOFF (task
 * powering-on), and one being deleted keeps ACTIVE, SHUTOFF or ERROR (task deleting) until it is gone. There is no
 * stopping, starting or deleting status, so here STOP, START and DELETE lead straight to the status that follows.
 *
 * Not modelled: SOFT_DELETED, which public clients accept as the end of a deletion besides DELETED (Nova's deferred
 * deletion): the Open Telekom Cloud table does not list it and no page says when it would show.
 */
import { setup } from 'xstate';
import { documented, failure, inferred, type StatusMeta, type StatusTag, type TransitionMeta } from './vocabulary.js';

const DOCS = 'opentelekomcloud-docs/elastic-cloud-server';
const STATUS_PAGE = `${DOCS} api-ref/source/appendix/ecs_statuses.rst, page en-us_topic_0178420672 (ECS Statuses)`;
const LIFECYCLE_PAGE = `${DOCS} umn/source/service_overview/ecs_types_and_specifications/ecs_lifecycle.rst (page en-us_topic_0140323150)`;
const CREATION_PAGE = `${DOCS} umn/source/instances/viewing_ecs_information/viewing_the_ecs_creation_status.rst`;
const BATCH = `${DOCS} api-ref/source/apis_recommended/batch_operations`;
const STOP_PAGE = `${BATCH}/stopping_ecss_in_a_batch.rst`;
const START_PAGE = `${BATCH}/starting_ecss_in_a_batch.rst`;
const RESTART_PAGE = `${BATCH}/restarting_ecss_in_a_batch.rst`;
const STATUS_UMN = `${DOCS} umn/source/instances/managing_my_ecss/managing_ecs_status.rst`;
const ECS_API = `${DOCS} api-ref/source/apis_recommended/status_management`;
const RESIZE_PAGE = `${ECS_API}/modifying_the_specifications_of_an_ecs.rst`;
const REINSTALL_PAGE = `${ECS_API}/reinstalling_an_ecs_os_using_an_image_with_cloud-init_installed.rst`;
const CHANGE_OS_PAGE = `${ECS_API}/changing_an_ecs_os_using_an_image_with_cloud-init_installed.rst`;
const CHANGE_OS_UMN = `${DOCS} umn/source/instances/reinstalling_or_changing_the_os/changing_the_os.rst`;
const DELETE_PAGE = `${DOCS} api-ref/source/apis_recommended/lifecycle_management/deleting_ecss.rst`;
const NOVA = `${DOCS} api-ref/source/native_openstack_nova_apis/status_management`;
const NATIVE_RESIZE_PAGE = `${NOVA}/modifying_the_specifications_of_an_ecs.rst`;
const CONFIRM_PAGE = `${NOVA}/confirming_the_specifications_modification_of_an_ecs.rst`;
const REVERT_PAGE = `${NOVA}/rolling_back_ecs_specifications_modification.rst`;
const REBUILD_PAGE = `${NOVA}/rebuilding_an_ecs.rst`;
const OTC_TERRAFORM =
  'opentelekomcloud/terraform-provider-opentelekomcloud opentelekomcloud/services/ecs/resource_opentelekomcloud_compute_instance_v2.go';
const NOVA_SHELVE =
  'Shelving is an action of the OpenStack Nova API, which the native API of ECS follows; no Open Telekom Cloud page documents it, only the two statuses.';

/** The events of the ECS machine: operations a user requests, and outcomes the service reports. */
export type EcsEvent =
  | { type: 'STOP' }
  | { type: 'START' }
  | { type: 'RESTART' }
  | { type: 'FORCE_RESTART' }
  | { type: 'RESIZE' }
  | { type: 'CONFIRM_RESIZE' }
  | { type: 'REVERT_RESIZE' }
  | { type: 'REINSTALL_OS' }
  | { type: 'CHANGE_OS' }
  | { type: 'REBUILD' }
  | { type: 'SHELVE' }
  | { type: 'UNSHELVE' }
  | { type: 'DELETE' }
  | { type: 'CREATE_SUCCEEDED' }
  | { type: 'CREATE_FAILED' }
  | { type: 'RESTART_SUCCEEDED' }
  | { type: 'RESTART_FAILED' }
  | { type: 'RESIZE_SUCCEEDED' }
  | { type: 'RESIZE_FAILED' }
  | { type: 'RESIZE_CONFIRMED' }
  | { type: 'REVERT_SUCCEEDED' }
  | { type: 'REBUILD_SUCCEEDED' }
  | { type: 'REBUILD_FAILED' }
  | { type: 'MIGRATION_STARTED' }
  | { type: 'MIGRATION_SUCCEEDED' }
  | { type: 'MIGRATION_FAILED' }
  | { type: 'OFFLOADED' }
  | { type: 'UNMAPPED' }
  | { type: 'RECOVERED' }
  | { type: 'FAULT' };

const deleteFrom = (what: string) => ({
  target: 'DELETED' as const,
  description: `The user deletes the ${what} server; it keeps its status (task deleting) until it is gone.`,
  meta: documented(
    'operation',
    DELETE_PAGE,
    `The mapping table of ${STATUS_PAGE} has a deleting task under this status; there is no deleting status.`,
  ),
});

const rebuildFrom = (event: 'REINSTALL_OS' | 'CHANGE_OS', what: string) => ({
  target: 'REBUILD' as const,
  description: `The user ${what}; the server is rebuilt.`,
  meta: documented(
    'operation',
    event === 'REINSTALL_OS' ? REINSTALL_PAGE : CHANGE_OS_PAGE,
    'Allowed on a stopped server, or on one whose reinstallation or OS change failed.',
  ),
});

/** The lifecycle of an Elastic Cloud Server. */
export const ecsMachine = setup({
  types: {
    events: {} as EcsEvent,
    tags: {} as StatusTag,
    meta: {} as StatusMeta,
    transitionMeta: {} as TransitionMeta,
  },
}).createMachine({
  id: 'ecs',
  description: 'Lifecycle of an Elastic Cloud Server, one state per status of page en-us_topic_0178420672.',
  initial: 'BUILD',
  states: {
    BUILD: {
      tags: ['transitional'],
      description: 'The server is being created (scheduled, disks and network prepared, spawned); it does not run yet.',
      on: {
        CREATE_SUCCEEDED: {
          target: 'ACTIVE',
          description: 'Creation finished and the server runs.',
          meta: documented('outcome', CREATION_PAGE, 'A created server goes from Creating to Running.'),
        },
        CREATE_FAILED: {
          target: 'ERROR',
          description: 'Creation failed and was rolled back.',
          meta: failure(
            documented('outcome', CREATION_PAGE, 'A failed creation shows the server as Faulty, with an error code.'),
          ),
        },
      },
    },
    ACTIVE: {
      tags: ['stable'],
      description: 'The server runs properly. It still shows ACTIVE while it is being stopped or deleted.',
      on: {
        STOP: {
          target: 'SHUTOFF',
          description: 'The user stops the server (it shows ACTIVE, task powering-off, until it is stopped).',
          meta: documented('operation', STOP_PAGE, 'The mapping table puts powering-off under vm_state active.'),
        },
        RESTART: {
          target: 'REBOOT',
          description: 'The user restarts the server (soft restart).',
          meta: documented('operation', RESTART_PAGE, 'Restart type SOFT.'),
        },
        FORCE_RESTART: {
          target: 'HARD_REBOOT',
          description: 'The user forcibly restarts the server.',
          meta: documented('operation', RESTART_PAGE, 'Restart type HARD.'),
        },
        RESIZE: {
          target: 'RESIZE',
          description: 'The user changes the flavor of the running server with the native API.',
          meta: documented('operation', NATIVE_RESIZE_PAGE, 'A running server is stopped, migrated and restarted.'),
        },
        REBUILD: {
          target: 'REBUILD',
          description: 'The user rebuilds the server with the native API.',
          meta: documented('operation', REBUILD_PAGE, 'A server can be rebuilt unless it is in error.'),
        },
        SHELVE: {
          target: 'SHELVED',
          description: 'The server is shelved.',
          meta: inferred('operation', NOVA_SHELVE, STATUS_PAGE),
        },
        DELETE: deleteFrom('running'),
        MIGRATION_STARTED: {
          target: 'MIGRATING',
          description: 'The platform starts a live migration of the server to another host.',
          meta: inferred(
            'outcome',
            'No user API live-migrates a server; MIGRATING is a task under vm_state active, so the platform starts it.',
            STATUS_PAGE,
          ),
        },
        UNMAPPED: {
          target: 'UNKNOWN',
          description: 'The internal vm_state and task_state form a pair the mapping table does not list.',
          meta: failure(documented('outcome', STATUS_PAGE, 'A pair outside the mapping table is reported as UNKNOWN.')),
        },
        FAULT: {
          target: 'ERROR',
          description: 'An error occurs on the server without any request.',
          meta: failure(inferred('outcome', 'ERROR is documented as an error on the server; faults come unasked.')),
        },
      },
    },
    SHUTOFF: {
      tags: ['stable'],
      description: 'The server is stopped. It still shows SHUTOFF while it is being started or deleted.',
      on: {
        START: {
          target: 'ACTIVE',
          description: 'The user starts the server (it shows SHUTOFF, task powering-on, until it runs).',
          meta: documented('operation', START_PAGE, 'The mapping table puts powering-on under vm_state stopped.'),
        },
        RESIZE: {
          target: 'RESIZE',
          description: 'The user changes the flavor of the stopped server.',
          meta: documented('operation', RESIZE_PAGE, 'The ECS API changes the flavor only of a stopped server.'),
        },
        REINSTALL_OS: rebuildFrom('REINSTALL_OS', 'reinstalls the OS of the stopped server'),
        CHANGE_OS: rebuildFrom('CHANGE_OS', 'changes the OS of the stopped server'),
        REBUILD: {
          target: 'REBUILD',
          description: 'The user rebuilds the stopped server with the native API.',
          meta: documented('operation', REBUILD_PAGE, 'A server can be rebuilt unless it is in error.'),
        },
        SHELVE: {
          target: 'SHELVED',
          description: 'The stopped server is shelved.',
          meta: inferred('operation', NOVA_SHELVE, STATUS_PAGE),
        },
        DELETE: deleteFrom('stopped'),
        UNMAPPED: {
          target: 'UNKNOWN',
          description: 'The internal vm_state and task_state form a pair the mapping table does not list.',
          meta: failure(documented('outcome', STATUS_PAGE, 'A pair outside the mapping table is reported as UNKNOWN.')),
        },
      },
    },
    REBOOT: {
      tags: ['transitional'],
      description: 'The server is being restarted.',
      on: {
        RESTART_SUCCEEDED: {
          target: 'ACTIVE',
          description: 'The restart finished.',
          meta: inferred(
            'outcome',
            'A restart happens under vm_state active, which maps to ACTIVE once the task ends.',
          ),
        },
        RESTART_FAILED: {
          target: 'ERROR',
          description: 'The restart left the server in error.',
          meta: failure(inferred('outcome', 'A restart that fails leaves a server that does not run properly.')),
        },
        FORCE_RESTART: {
          target: 'HARD_REBOOT',
          description: 'The user forcibly restarts a server whose restart takes too long.',
          meta: documented('operation', STATUS_UMN, 'A server stuck in Restarting can be forcibly restarted.'),
        },
      },
    },
    HARD_REBOOT: {
      tags: ['transitional'],
      description: 'The server is being forcibly restarted.',
      on: {
        RESTART_SUCCEEDED: {
          target: 'ACTIVE',
          description: 'The forced restart finished.',
          meta: inferred(
            'outcome',
            'A restart happens under vm_state active, which maps to ACTIVE once the task ends.',
          ),
        },
        RESTART_FAILED: {
          target: 'ERROR',
          description: 'The forced restart left the server in error.',
          meta: failure(inferred('outcome', 'A restart that fails leaves a server that does not run properly.')),
        },
      },
    },
    REBUILD: {
      tags: ['transitional'],
      description: 'The server is being rebuilt: its OS is reinstalled or changed.',
      on: {
        REBUILD_SUCCEEDED: {
          target: 'ACTIVE',
          description: 'The rebuild finished and the server was started.',
          meta: documented('outcome', CHANGE_OS_UMN, 'After an OS change the server is started automatically.'),
        },
        REBUILD_FAILED: {
          target: 'ERROR',
          description: 'The reinstallation or OS change failed.',
          meta: failure(
            inferred(
              'outcome',
              'The console shows "Reinstallation failed" or "Failed to change the OS", which have no API status; the mapping table lets a rebuild start from vm_state error, so a failed one most likely reports ERROR.',
              LIFECYCLE_PAGE,
            ),
          ),
        },
      },
    },
    MIGRATING: {
      tags: ['transitional'],
      description: 'The server is being live-migrated to another host; it keeps running.',
      on: {
        MIGRATION_SUCCEEDED: {
          target: 'ACTIVE',
          description: 'The live migration finished.',
          meta: inferred('outcome', 'Migrating is a task under vm_state active, which maps to ACTIVE once it ends.'),
        },
        MIGRATION_FAILED: {
          target: 'ACTIVE',
          description: 'The live migration failed and the server keeps running on its old host.',
          meta: failure(inferred('outcome', 'A live migration that fails is rolled back; vm_state stays active.')),
        },
      },
    },
    RESIZE: {
      tags: ['transitional'],
      description: 'The server flavor is being changed (resources prepared, the server migrated).',
      on: {
        RESIZE_SUCCEEDED: {
          target: 'VERIFY_RESIZE',
          description: 'The new flavor is in place and waits to be confirmed.',
          meta: documented(
            'outcome',
            NATIVE_RESIZE_PAGE,
            `A changed flavor waits to be confirmed or rolled back; clients wait from RESIZE to VERIFY_RESIZE (${OTC_TERRAFORM}).`,
          ),
        },
        RESIZE_FAILED: {
          target: 'SHUTOFF',
          description: 'The change failed and was rolled back; the server keeps its old flavor.',
          meta: failure(
            inferred(
              'outcome',
              'The native resize page says a change is rolled back automatically when resources are short; the ECS API resizes stopped servers only, so the server is left stopped.',
              NATIVE_RESIZE_PAGE,
            ),
          ),
        },
      },
    },
    VERIFY_RESIZE: {
      tags: ['transitional'],
      description: 'The flavor change is done and waits to be confirmed or rolled back.',
      on: {
        CONFIRM_RESIZE: {
          target: 'ACTIVE',
          description: 'The user confirms the new flavor (native API).',
          meta: documented(
            'operation',
            CONFIRM_PAGE,
            `Confirming needs VERIFY_RESIZE; clients then wait for ACTIVE (${OTC_TERRAFORM}).`,
          ),
        },
        REVERT_RESIZE: {
          target: 'REVERT_RESIZE',
          description: 'The user rolls the flavor change back (native API).',
          meta: documented('operation', REVERT_PAGE, 'Rolling back needs VERIFY_RESIZE.'),
        },
        RESIZE_CONFIRMED: {
          target: 'SHUTOFF',
          description: 'The ECS API confirms the change itself; the stopped server stays stopped.',
          meta: inferred(
            'outcome',
            'The ECS API reports its resize job done without a user confirmation, and it resizes stopped servers only; the console tags Verifying resizing as intermediate.',
            LIFECYCLE_PAGE,
          ),
        },
      },
    },
    REVERT_RESIZE: {
      tags: ['transitional'],
      description: 'A flavor change is being rolled back.',
      on: {
        REVERT_SUCCEEDED: {
          target: 'ACTIVE',
          description: 'The roll-back finished; the server runs with its old flavor.',
          meta: inferred(
            'outcome',
            'Only the native API rolls back, after it resized a running server; the server returns to running.',
            REVERT_PAGE,
          ),
        },
      },
    },
    ERROR: {
      tags: ['failed', 'stable'],
      description: 'An error occurred on the server. It still shows ERROR while it is being deleted.',
      on: {
        REINSTALL_OS: rebuildFrom('REINSTALL_OS', 'reinstalls the OS after a failed reinstallation'),
        CHANGE_OS: rebuildFrom('CHANGE_OS', 'changes the OS after a failed reinstallation or OS change'),
        DELETE: deleteFrom('faulty'),
      },
    },
    DELETED: {
      type: 'final',
      tags: ['final'],
      description:
        'The server has been deleted (soon it is not found at all: HTTP 404, which clients read as DELETED).',
    },
    SHELVED: {
      tags: ['stable'],
      description: 'A server booted from an image is shelved: kept, but not running on a host.',
      on: {
        OFFLOADED: {
          target: 'SHELVED_OFFLOADED',
          description: 'The shelved server is removed from its host.',
          meta: inferred('outcome', `${NOVA_SHELVE} Nova offloads a shelved server after a configured time.`),
        },
        UNSHELVE: {
          target: 'ACTIVE',
          description: 'The server is unshelved and runs again.',
          meta: inferred('operation', NOVA_SHELVE, STATUS_PAGE),
        },
        DELETE: {
          target: 'DELETED',
          description: 'The user deletes the shelved server.',
          meta: inferred('operation', 'A shelved server is still a server, and deleting one needs no running host.'),
        },
      },
    },
    SHELVED_OFFLOADED: {
      tags: ['stable'],
      description: 'A server booted from a volume is shelved and holds no host resources.',
      on: {
        UNSHELVE: {
          target: 'ACTIVE',
          description: 'The server is unshelved onto a host and runs again.',
          meta: inferred('operation', NOVA_SHELVE, STATUS_PAGE),
        },
        DELETE: {
          target: 'DELETED',
          description: 'The user deletes the shelved server.',
          meta: inferred('operation', 'A shelved server is still a server, and deleting one needs no running host.'),
        },
      },
    },
    UNKNOWN: {
      tags: ['failed', 'stable'],
      description: 'The internal vm_state and task_state form a pair outside the mapping table.',
      on: {
        RECOVERED: {
          target: 'ACTIVE',
          description: 'The internal states return to a pair the table maps.',
          meta: inferred(
            'outcome',
            'UNKNOWN only reports an unlisted pair of internal states; once the task ends the pair is mapped again.',
          ),
        },
        DELETE: {
          target: 'DELETED',
          description: 'The user deletes the server in an unknown status.',
          meta: inferred(
            'operation',
            'Deleting is documented from every status the mapping table gives a deleting task; a server whose internal states fall outside the table is taken to accept it too.',
            DELETE_PAGE,
          ),
        },
      },
    },
  },
});
