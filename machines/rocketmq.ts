/**
 * DMS for RocketMQ: the instance statuses of the API appendix page hrm-api-0010 ("Instance Statuses"), with the
 * transitions between them. Sources are files of the Open Telekom Cloud documentation repository
 * opentelekomcloud-docs/distributed-message-service-rocketmq, or public clients where the documentation is silent.
 *
 * The status table has neither a failed-creation nor a deleted status. The user guide names a failed creation
 * ("Creation failed"), and clients report a vanished instance (HTTP 404) as DELETED: both are modelled, tagged
 * `undocumented`, with their evidence. Huawei Cloud's version of the page lists more statuses (STARTING, FROZEN,
 * FREEZING, UPGRADING, ROLLBACK) that no Open Telekom Cloud page or client mentions; they are left out.
 */
import { setup } from 'xstate';
import { documented, failure, inferred, type StatusMeta, type StatusTag, type TransitionMeta } from './vocabulary.js';

const DOCS = 'opentelekomcloud-docs/distributed-message-service-rocketmq';
const STATUS_PAGE = `${DOCS} api-ref/source/appendix/instance_statuses.rst, page hrm-api-0010 (Instance Statuses)`;
const STATUS_UMN = `${DOCS} umn/source/managing_instances/viewing_and_modifying_basic_information_of_a_rocketmq_instance.rst (page hrm-ug-004)`;
const CREATE_PAGE = `${DOCS} umn/source/creating_a_rocketmq_instance.rst (page hrm-ug-002)`;
const DELETE_PAGE = `${DOCS} umn/source/managing_instances/deleting_a_rocketmq_instance.rst (page hrm-ug-005)`;
const BATCH_DELETE_PAGE = `${DOCS} api-ref/source/apis_v2_recommended/lifecycle_management/batch_deleting_instances.rst`;
const RESIZE_PAGE = `${DOCS} umn/source/modifying_rocketmq_specifications.rst (page hrm-ug-038)`;
const SSL_PAGE = `${DOCS} umn/source/managing_instances/configuring_ssl_of_a_rocketmq_instance.rst`;
const OTC_TERRAFORM =
  'opentelekomcloud/terraform-provider-opentelekomcloud opentelekomcloud/services/dms/resource_opentelekomcloud_dms_rocketmq_instance_v2.go';
const HW_TERRAFORM =
  'huaweicloud/terraform-provider-huaweicloud huaweicloud/services/rocketmq/resource_huaweicloud_dms_rocketmq_instance.go';
const HW_RESTART =
  'huaweicloud/terraform-provider-huaweicloud huaweicloud/services/rocketmq/resource_huaweicloud_dms_rocketmq_instance_restart.go';

/** The events of the RocketMQ machine: operations a user requests, and outcomes the service reports. */
export type RocketmqEvent =
  | { type: 'RESTART' }
  | { type: 'RESIZE' }
  | { type: 'CHANGE_PUBLIC_ACCESS' }
  | { type: 'DELETE' }
  | { type: 'CREATE_SUCCEEDED' }
  | { type: 'CREATE_FAILED' }
  | { type: 'RESTART_SUCCEEDED' }
  | { type: 'RESTART_FAILED' }
  | { type: 'CHANGE_SUCCEEDED' }
  | { type: 'CHANGE_FAILED' }
  | { type: 'RECOVERED' }
  | { type: 'DELETE_SUCCEEDED' }
  | { type: 'FAULT' };

const CREATEFAILED_EVIDENCE =
  `Not in the API status table. The user guide's status table has "Creation failed" (${STATUS_UMN}); the creation ` +
  `page says a failed instance is to be deleted (${CREATE_PAGE}); the batch API deletes every instance whose ` +
  `creation failed (${BATCH_DELETE_PAGE}); Huawei Cloud's version of hrm-api-0010 lists CREATEFAILED.`;

const DELETED_EVIDENCE =
  `Not in the status table. Clients wait on DELETING until the instance is not found (HTTP 404), which they ` +
  `report as DELETED (${OTC_TERRAFORM}; ${HW_TERRAFORM}).`;

/** The lifecycle of a DMS for RocketMQ instance. */
export const rocketmqMachine = setup({
  types: {
    events: {} as RocketmqEvent,
    tags: {} as StatusTag,
    meta: {} as StatusMeta,
    transitionMeta: {} as TransitionMeta,
  },
}).createMachine({
  id: 'rocketmq',
  description:
    'Lifecycle of a DMS for RocketMQ instance, one state per status of page hrm-api-0010, plus undocumented failed creation and deletion.',
  initial: 'CREATING',
  states: {
    CREATING: {
      tags: ['transitional'],
      description: 'The instance is being created (it takes minutes); it cannot be used yet.',
      on: {
        CREATE_SUCCEEDED: {
          target: 'RUNNING',
          description: 'Creation finished and the instance serves.',
          meta: documented('outcome', CREATE_PAGE, 'A created instance goes from Creating to Running.'),
        },
        CREATE_FAILED: {
          target: 'CREATEFAILED',
          description: 'Creation failed.',
          meta: failure(documented('outcome', CREATE_PAGE, 'A creation that fails leaves an instance marked failed.')),
        },
      },
    },
    CREATEFAILED: {
      tags: ['failed', 'stable', 'undocumented'],
      description: 'Creation failed; the instance never served. It stays until it is deleted.',
      meta: { evidence: CREATEFAILED_EVIDENCE },
      on: {
        DELETE: {
          target: 'DELETING',
          description: 'The user deletes the failed instance.',
          meta: documented(
            'operation',
            BATCH_DELETE_PAGE,
            'The batch API deletes every instance whose creation failed.',
          ),
        },
      },
    },
    RUNNING: {
      tags: ['stable'],
      description: 'The instance runs properly; only now does it serve clients.',
      on: {
        RESTART: {
          target: 'RESTARTING',
          description: 'The instance is restarted (a restart request, or a switch to SSL that restarts it).',
          meta: inferred(
            'operation',
            `RESTARTING is documented, Huawei Cloud has a restart API (${HW_RESTART}), and switching an instance to SSL restarts it (${SSL_PAGE}); no Open Telekom Cloud page documents a restart request.`,
            STATUS_PAGE,
          ),
        },
        RESIZE: {
          target: 'EXTENDING',
          description: 'The user changes the instance specifications.',
          meta: documented('operation', RESIZE_PAGE, 'Specifications change while the instance is Running.'),
        },
        CHANGE_PUBLIC_ACCESS: {
          target: 'EXTENDING',
          description: 'The user enables or disables public access.',
          meta: documented('operation', STATUS_UMN, 'The Changing status covers a change of public access too.'),
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
      },
    },
    ERROR: {
      tags: ['failed', 'stable'],
      description: 'The instance does not run properly (Faulty).',
      on: {
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
            'Clients waiting for deletion accept ERROR before DELETED, noting the status may turn ERROR during deletion.',
            OTC_TERRAFORM,
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
      description: 'The specifications or the public access of the instance are being changed (Changing).',
      on: {
        CHANGE_SUCCEEDED: {
          target: 'RUNNING',
          description: 'The change succeeded.',
          meta: documented('outcome', RESIZE_PAGE, 'The instance goes from Changing back to Running.'),
        },
        CHANGE_FAILED: {
          target: 'EXTENDEDFAILED',
          description: 'The change failed.',
          meta: failure(documented('outcome', STATUS_PAGE, 'EXTENDEDFAILED is a failed specification change.')),
        },
      },
    },
    EXTENDEDFAILED: {
      tags: ['failed', 'stable'],
      description:
        'The change failed (Change failed); the instance can be neither restarted, modified nor deleted until support repairs it.',
      on: {
        RECOVERED: {
          target: 'RUNNING',
          description: 'Customer service repairs the instance and it runs again.',
          meta: inferred(
            'outcome',
            'The user guide says to contact customer service, and no page says the status returns to Running by itself.',
            STATUS_UMN,
          ),
        },
      },
    },
    DELETING: {
      tags: ['transitional'],
      description: 'The instance is being deleted.',
      on: {
        DELETE_SUCCEEDED: {
          target: 'DELETED',
          description: 'Deletion finished: the instance is gone (HTTP 404, reported as DELETED by clients).',
          meta: inferred('outcome', 'Clients wait on DELETING until the instance is not found.', OTC_TERRAFORM),
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
      description: 'The instance is gone (status not in the table; clients report a 404 as DELETED).',
      meta: { evidence: DELETED_EVIDENCE },
    },
  },
});
