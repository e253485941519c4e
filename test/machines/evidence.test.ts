/**
 * The evidence, as histories: every fact of the project's evidence about instance lifecycles that says something
 * about a transition becomes histories that the machine must find legal, or illegal, in the stated validation mode.
 * Each test names the fact (in the project's words) and its source, so a machine change that contradicts the
 * evidence fails with the page to read.
 *
 * Sources are files of the Open Telekom Cloud documentation repositories (DMS: distributed-message-service, DCS:
 * distributed-cache-service), Huawei Cloud pages named by id, and public clients (Terraform providers: `HW` is
 * huaweicloud/terraform-provider-huaweicloud, `OTC` is opentelekomcloud/terraform-provider-opentelekomcloud).
 */
import { describe, expect, it } from 'vitest';
import { type Observation, type ValidationMode, validateHistory } from '../../src/index.js';

/** A step of a history: a status seen, or an operation the user requested (from a client's log or audit trail). */
type Step = string | Observation;

/** One history and the verdict the evidence requires for it. */
interface Case {
  mode: ValidationMode;
  history: readonly Step[];
  legal: boolean;
  /** The history is a whole life (`--from-start`). */
  fromStart?: true;
}

/** A fact about transitions, where it comes from, and the histories it decides. */
interface Fact {
  fact: string;
  source: string;
  cases: readonly Case[];
}

const legal = (mode: ValidationMode, ...history: Step[]): Case => ({ mode, history, legal: true });
const illegal = (mode: ValidationMode, ...history: Step[]): Case => ({ mode, history, legal: false });
const life = (mode: ValidationMode, ...history: Step[]): Case => ({ mode, history, legal: true, fromStart: true });
/** An operation record: the user requested this operation here. */
const op = (operation: string): Observation => ({ status: '', operation });

const DMS = 'DMS repo';
const DCS = 'DCS repo';

const KAFKA: readonly Fact[] = [
  {
    fact: 'a created instance changes to Running',
    source: `${DMS} umn/source/creating_a_kafka_instance.rst`,
    cases: [life('strict', 'CREATING', 'RUNNING')],
  },
  {
    fact: 'a creation can fail, and the failed instance is to be deleted (the batch API deletes all failed creations)',
    source: `${DMS} api-ref/source/apis_v2_recommended/lifecycle_management/batch_restarting_or_deleting_instances.rst`,
    cases: [
      life('strict', 'CREATING', 'CREATEFAILED', 'DELETING', 'DELETED'),
      illegal('strict', 'CREATEFAILED', 'RUNNING'),
    ],
  },
  {
    fact: 'restart is allowed on a Running or Faulty instance, and ends in Running',
    source: `${DMS} umn/source/managing_instances/restarting_a_kafka_instance.rst`,
    cases: [
      legal('strict', 'RUNNING', 'RESTARTING', 'RUNNING'),
      legal('strict', 'ERROR', 'RESTARTING', 'RUNNING'),
      illegal('strict', 'FROZEN', 'RESTARTING'),
      illegal('strict', 'CREATEFAILED', 'RESTARTING'),
    ],
  },
  {
    fact: 'delete is allowed on a Running or Faulty instance',
    source: `${DMS} umn/source/managing_instances/deleting_kafka_instances.rst`,
    cases: [legal('strict', 'RUNNING', 'DELETING', 'DELETED'), legal('strict', 'ERROR', 'DELETING', 'DELETED')],
  },
  {
    fact: 'instances that are Creating, Starting or Restarting cannot be deleted (error DMS.00400099)',
    source: `${DMS} api-ref/source/appendix/error_codes.rst`,
    cases: [
      illegal('strict', 'CREATING', 'DELETING'),
      illegal('sampled', 'CREATING', 'DELETING'),
      illegal('strict', 'RESTARTING', 'DELETING'),
      illegal('sampled', 'RESTARTING', 'DELETING'),
      illegal('strict', 'STARTING', 'DELETING'),
      illegal('sampled', 'STARTING', 'DELETING'),
    ],
  },
  {
    fact: 'a specification change goes from Changing to Running on success, or to Change failed',
    source: `${DMS} umn/source/modifying_instance_specifications/modifying_cluster_kafka_instance_specifications.rst`,
    cases: [
      legal('strict', 'RUNNING', 'EXTENDING', 'RUNNING'),
      legal('strict', 'RUNNING', 'EXTENDING', 'EXTENDEDFAILED'),
    ],
  },
  {
    fact: 'a Change failed instance cannot be restarted, modified or deleted, and returns to Running by itself',
    source: `${DMS} umn/source/managing_instances/viewing_and_modifying_basic_information_of_a_kafka_instance.rst`,
    cases: [
      legal('strict', 'EXTENDING', 'EXTENDEDFAILED', 'RUNNING'),
      illegal('strict', 'EXTENDEDFAILED', 'RESTARTING'),
      illegal('sampled', 'EXTENDEDFAILED', 'RESTARTING'),
      illegal('strict', 'EXTENDEDFAILED', 'EXTENDING'),
      illegal('sampled', 'EXTENDEDFAILED', 'EXTENDING'),
      illegal('strict', 'EXTENDEDFAILED', 'DELETING'),
      illegal('sampled', 'EXTENDEDFAILED', 'DELETING'),
      illegal('sampled', 'EXTENDEDFAILED', 'DELETED'),
    ],
  },
  {
    fact: 'only a running instance can upgrade (error DMS.00400052); a user can request it (Huawei Cloud upgrade API)',
    source: `${DMS} api-ref/source/appendix/error_codes.rst; HW huaweicloud/services/kafka/resource_huaweicloud_dms_kafka_instance_upgrade.go`,
    cases: [
      legal('strict', 'RUNNING', 'UPGRADING', 'RUNNING'),
      illegal('strict', 'ERROR', 'UPGRADING'),
      illegal('sampled', 'ERROR', 'UPGRADING'),
      illegal('strict', 'FROZEN', 'UPGRADING'),
    ],
  },
  {
    fact: 'the 2022 status page lists Upgrading and Rolling back: a failed upgrade is rolled back',
    source: `${DMS} api-ref/source/appendix/instance_status.rst (2022 version)`,
    cases: [legal('strict', 'RUNNING', 'UPGRADING', 'ROLLBACK', 'RUNNING'), legal('sampled', 'UPGRADING', 'ERROR')],
  },
  {
    fact: 'a frozen instance (insufficient balance) is unfrozen by a top-up',
    source: `${DMS} api-ref/source/appendix/instance_status.rst (2022 version)`,
    cases: [legal('sampled', 'FROZEN', 'RUNNING')],
  },
  {
    fact: 'Freezing is the status between Running and Frozen, Starting the one between Frozen and Running',
    source: `${DMS} umn/source/managing_instances/viewing_an_instance.rst (until July 2024)`,
    cases: [
      legal('strict', 'RUNNING', 'FREEZING', 'FROZEN', 'STARTING', 'RUNNING'),
      legal('sampled', 'RUNNING', 'FROZEN', 'RUNNING'),
      illegal('strict', 'RUNNING', 'FROZEN'),
      illegal('strict', 'FROZEN', 'RUNNING'),
    ],
  },
  {
    fact: 'instances in the grace or retention period can be deleted by the user, and are released when it ends',
    source: 'Huawei Cloud page kafka-ug-0057',
    cases: [legal('strict', 'FROZEN', 'DELETING', 'DELETED'), legal('strict', 'FROZEN', 'DELETED')],
  },
  {
    fact: 'with the recycle bin enabled, an instance deleted without force shows RECYCLE (kept 1 to 7 days, or restored)',
    source: 'HW huaweicloud/services/kafka/resource_huaweicloud_dms_kafka_instance_batch_action.go',
    cases: [
      legal('strict', 'RUNNING', 'RECYCLE'),
      legal('strict', 'ERROR', 'RECYCLE'),
      legal('strict', 'RECYCLE', 'DELETED'),
      legal('strict', 'RECYCLE', 'RUNNING'),
    ],
  },
  {
    fact: 'deletion waits accept DELETING, RUNNING and ERROR until DELETED (a 404): the status may turn ERROR during deletion',
    source:
      'HW huaweicloud/services/kafka/resource_huaweicloud_dms_kafka_instance.go; OTC opentelekomcloud/services/dms/resource_opentelekomcloud_dms_dedicated_instance_v2.go',
    cases: [
      legal('strict', 'RUNNING', 'DELETING', 'ERROR', 'DELETED'),
      legal('sampled', 'RUNNING', 'RUNNING', 'DELETING', 'ERROR', 'DELETED'),
      legal('sampled', 'RUNNING', 'DELETED'),
      // right after the request the status it was made in may still show, until another one does
      legal('strict', 'RUNNING', op('DELETE'), 'RUNNING', 'RUNNING', 'DELETING', 'DELETED'),
      legal('sampled', 'RUNNING', op('DELETE'), 'RUNNING', 'ERROR', 'DELETED'),
      illegal('strict', 'RUNNING', op('DELETE'), 'RUNNING', 'RESTARTING'),
    ],
  },
  {
    fact: 'users meet ERROR on the way to DELETED when deleting (unexpected state ERROR, wanted DELETED)',
    source: 'HW issue 1863',
    cases: [legal('sampled', 'DELETING', 'ERROR', 'DELETED')],
  },
  {
    fact: 'RUNNING waits after create and restart meet ERROR, EXTENDEDFAILED and FROZEN, which they treat as failures',
    source: 'HW huaweicloud/services/kafka/resource_huaweicloud_dms_kafka_instance.go',
    cases: [
      legal('strict', 'RESTARTING', 'ERROR'),
      legal('sampled', 'RUNNING', 'EXTENDEDFAILED'),
      legal('sampled', 'RUNNING', 'FROZEN'),
    ],
  },
  {
    fact: 'ERROR is shown by a fault of an instance and by a fault during a deletion, which completes: a fault alone deletes nothing',
    source: 'HW huaweicloud/services/kafka/resource_huaweicloud_dms_kafka_instance.go; HW issue 1863',
    cases: [
      illegal('strict', 'RUNNING', 'ERROR', 'DELETED'),
      illegal('strict', 'RUNNING', 'RESTARTING', 'ERROR', 'DELETED'),
      illegal('strict', 'RUNNING', op('DELETE'), 'DELETING', 'RUNNING'),
      legal('strict', 'RUNNING', op('DELETE'), 'ERROR', 'DELETED'),
      legal('strict', 'RUNNING', op('DELETE'), 'DELETING', 'ERROR', 'DELETED'),
      // without the operation, a poller may have missed DELETING between RUNNING and ERROR
      legal('sampled', 'RUNNING', 'ERROR', 'DELETED'),
    ],
  },
  {
    fact: 'a delete request on an instance that is Creating or Restarting is refused (error DMS.00400099)',
    source: `${DMS} api-ref/source/appendix/error_codes.rst`,
    cases: [illegal('strict', 'CREATING', op('DELETE')), illegal('strict', 'RESTARTING', op('DELETE'))],
  },
  {
    fact: 'a Change failed instance refuses restart, modification and deletion requests',
    source: `${DMS} umn/source/managing_instances/viewing_and_modifying_basic_information_of_a_kafka_instance.rst`,
    cases: [
      illegal('strict', 'EXTENDEDFAILED', op('RESTART')),
      illegal('strict', 'EXTENDEDFAILED', op('RESIZE')),
      illegal('strict', 'EXTENDEDFAILED', op('DELETE')),
    ],
  },
  {
    fact: 'an upgrade is requested on a running instance only (error DMS.00400052; Huawei Cloud upgrade API)',
    source: `${DMS} api-ref/source/appendix/error_codes.rst; HW huaweicloud/services/kafka/resource_huaweicloud_dms_kafka_instance_upgrade.go`,
    cases: [
      legal('strict', 'RUNNING', op('UPGRADE'), 'UPGRADING', 'RUNNING'),
      illegal('strict', 'ERROR', op('UPGRADE')),
    ],
  },
  {
    fact: "Huawei Cloud's status page spells the rollback status ROLLINGBACK",
    source: 'Huawei Cloud page kafka-api-180514012',
    cases: [legal('strict', 'RUNNING', 'UPGRADING', 'ROLLINGBACK', 'RUNNING')],
  },
  {
    fact: 'a deletion without force, with the recycle bin enabled, ends in RECYCLE',
    source: 'HW huaweicloud/services/kafka/resource_huaweicloud_dms_kafka_instance_batch_action.go',
    cases: [legal('strict', 'RUNNING', op('DELETE_TO_RECYCLE_BIN'), 'RECYCLE')],
  },
];

const DCS_FACTS: readonly Fact[] = [
  {
    fact: 'a created instance enters Running; creation can fail (CREATEFAILED)',
    source: `${DCS} umn/source/getting_started/creating_an_instance/creating_a_dcs_redis_instance.rst; status page dcs-api-0312047`,
    cases: [life('strict', 'CREATING', 'RUNNING'), life('strict', 'CREATING', 'CREATEFAILED')],
  },
  {
    fact: 'if creation fails with the tenant plane unreachable, the instance status changes to Faulty',
    source: `${DCS} umn/source/getting_started/creating_an_instance/creating_a_dcs_redis_instance.rst`,
    cases: [life('strict', 'CREATING', 'ERROR'), life('sampled', 'CREATING', 'ERROR', 'DELETED')],
  },
  {
    fact: 'restart is allowed on a Running or Faulty instance, and ends in Running',
    source: `${DCS} umn/source/operating_dcs_instances/restarting_dcs_instances.rst`,
    cases: [
      legal('strict', 'RUNNING', 'RESTARTING', 'RUNNING'),
      legal('strict', 'ERROR', 'RESTARTING', 'RUNNING'),
      illegal('strict', 'CREATEFAILED', 'RESTARTING'),
    ],
  },
  {
    fact: 'delete is allowed on a Running or Faulty instance, and on a failed creation',
    source: `${DCS} umn/source/operating_dcs_instances/deleting_dcs_instances.rst`,
    cases: [
      legal('sampled', 'RUNNING', 'DELETED'),
      legal('sampled', 'ERROR', 'DELETED'),
      legal('sampled', 'CREATEFAILED', 'DELETED'),
    ],
  },
  {
    fact: 'no instance can be deleted or scaled while it restarts, nor deleted while it is scaled',
    source: `${DCS} umn/source/faqs/instance_scaling_and_upgrade/why_cant_i_modify_specifications_for_a_dcs_redis_instance.rst`,
    cases: [
      illegal('strict', 'RESTARTING', 'DELETING'),
      illegal('sampled', 'RESTARTING', 'DELETING'),
      illegal('sampled', 'RESTARTING', 'DELETED'),
      illegal('strict', 'RESTARTING', 'EXTENDING'),
      illegal('sampled', 'RESTARTING', 'EXTENDING'),
      illegal('strict', 'EXTENDING', 'DELETING'),
      illegal('sampled', 'EXTENDING', 'DELETING'),
      illegal('sampled', 'EXTENDING', 'DELETED'),
    ],
  },
  {
    fact: 'instances that are Creating, Starting, Stopping or Restarting cannot be deleted (error DCS.4099)',
    source: `${DCS} api-ref/source/appendix/error_codes.rst`,
    cases: [
      illegal('sampled', 'CREATING', 'DELETING'),
      illegal('sampled', 'STARTING', 'DELETING'),
      illegal('sampled', 'CLOSING', 'DELETING'),
      illegal('sampled', 'RESTARTING', 'DELETING'),
    ],
  },
  {
    fact: 'scaling runs while the instance runs and ends in Running; a failed master/standby or cluster scaling leaves it usable at its old size',
    source: `${DCS} umn/source/operating_dcs_instances/modifying_dcs_instance_specifications.rst`,
    cases: [legal('strict', 'RUNNING', 'EXTENDING', 'RUNNING'), illegal('strict', 'ERROR', 'EXTENDING')],
  },
  {
    fact: 'resize waits accept EXTENDING and RESTARTING until RUNNING',
    source:
      'OTC opentelekomcloud/services/dcs/resource_opentelekomcloud_dcs_instance_v2.go; HW huaweicloud/services/dcs/resource_huaweicloud_dcs_instance.go',
    cases: [legal('strict', 'RUNNING', 'EXTENDING', 'RESTARTING', 'RUNNING'), legal('sampled', 'EXTENDING', 'RUNNING')],
  },
  {
    fact: 'a restore needs a Running instance (and a succeeded backup)',
    source: `${DCS} umn/source/backing_up_and_restoring_instance_data/restoring_a_dcs_instance.rst`,
    cases: [
      legal('strict', 'RUNNING', 'RESTORING', 'RUNNING'),
      illegal('strict', 'ERROR', 'RESTORING'),
      illegal('sampled', 'ERROR', 'RESTORING'),
    ],
  },
  {
    fact: 'clearing data needs a Running instance; the v1 summary counts instances whose data is being cleared',
    source: `${DCS} umn/source/operating_dcs_instances/clearing_dcs_instance_data.rst; api-ref/source/outdated_apis_v1/instance_management_apis/querying_dcs_instance_status.rst`,
    cases: [legal('strict', 'RUNNING', 'FLUSHING', 'RUNNING'), illegal('strict', 'ERROR', 'FLUSHING')],
  },
  {
    fact: 'the v1 summary counts instances being deleted, and a client waits on DELETING until the instance is gone (404)',
    source: 'OTC opentelekomcloud/services/dcs/resource_opentelekomcloud_dcs_instance_v1.go',
    cases: [
      legal('strict', 'RUNNING', 'DELETING', 'DELETED'),
      legal('strict', 'RUNNING', op('DELETE'), 'DELETING', 'DELETED'),
      legal('strict', 'RUNNING', op('DELETE'), 'RUNNING', 'DELETING', 'DELETED'),
    ],
  },
  {
    fact: 'newer clients wait on RUNNING alone until the instance is gone: DELETING may not show (RUNNING hides the accepted deletion)',
    source: 'OTC opentelekomcloud/services/dcs/resource_opentelekomcloud_dcs_instance_v2.go',
    cases: [
      legal('sampled', 'RUNNING', 'RUNNING', 'DELETED'),
      legal('strict', 'RUNNING', 'RUNNING', 'DELETED'),
      legal('strict', 'RUNNING', op('DELETE'), 'RUNNING', 'RUNNING', 'DELETED'),
      legal('sampled', 'RUNNING', op('DELETE'), 'RUNNING', 'DELETED'),
      // an accepted deletion is not followed by a restart or a resize (no more than DELETING is)
      illegal('strict', 'RUNNING', op('DELETE'), 'RUNNING', 'RESTARTING'),
      illegal('sampled', 'RUNNING', op('DELETE'), 'RUNNING', 'EXTENDING'),
    ],
  },
  {
    fact: 'the minor or proxy version can be upgraded (no roll-back); the instance keeps serving',
    source: `${DCS} umn/source/operating_dcs_instances/upgrading_the_minor_or_proxy_version_of_a_dcs_instance.rst`,
    cases: [legal('strict', 'RUNNING', 'UPGRADING', 'RUNNING'), illegal('strict', 'UPGRADING', 'ERROR')],
  },
  {
    fact: 'stopped old instances can be started: Stopped, then Running (CLOSING, CLOSED, STARTING in the v1 summary)',
    source: `${DCS} umn/source/operating_dcs_instances/starting_dcs_instances.rst`,
    cases: [
      legal('strict', 'RUNNING', 'CLOSING', 'CLOSED', 'STARTING', 'RUNNING'),
      legal('sampled', 'CLOSED', 'RUNNING'),
    ],
  },
  {
    fact: 'instances freeze for arrears and are unfrozen by a recharge; frozen instances are released when the retention period ends',
    source: `${DCS} api-ref/source/appendix/error_codes.rst; Huawei Cloud page dcs-api-0312047`,
    cases: [
      legal('strict', 'RUNNING', 'FREEZING', 'FROZEN', 'RUNNING'),
      legal('strict', 'FROZEN', 'DELETED'),
      illegal('strict', 'FREEZING', 'RUNNING'),
    ],
  },
  {
    fact: 'RUNNING waits treat CREATEFAILED, ERROR and FROZEN as failures: statuses a wait for RUNNING can meet',
    source: 'HW huaweicloud/services/dcs/common.go',
    cases: [
      legal('strict', 'CREATING', 'CREATEFAILED'),
      legal('strict', 'RESTARTING', 'ERROR'),
      legal('sampled', 'RUNNING', 'FROZEN'),
    ],
  },
  {
    fact: 'delete and resize requests on a restarting instance, and delete requests on a scaling one, are refused',
    source: `${DCS} umn/source/faqs/instance_scaling_and_upgrade/why_cant_i_modify_specifications_for_a_dcs_redis_instance.rst; api-ref/source/appendix/error_codes.rst`,
    cases: [
      illegal('strict', 'RESTARTING', op('DELETE')),
      illegal('strict', 'RESTARTING', op('RESIZE')),
      illegal('strict', 'EXTENDING', op('DELETE')),
      illegal('strict', 'CREATING', op('DELETE')),
    ],
  },
  {
    fact: 'a failed scaling of a single-node instance is finished in the background: it ends with the new specification',
    source: `${DCS} umn/source/operating_dcs_instances/modifying_dcs_instance_specifications.rst`,
    cases: [legal('strict', 'RUNNING', op('RESIZE'), 'EXTENDING', 'RUNNING')],
  },
];

function describeFacts(service: string, facts: readonly Fact[]): void {
  const rows = facts.flatMap(({ fact, source, cases }) =>
    cases.map((c) => {
      const verdict = c.legal ? 'legal' : 'illegal';
      const scope = c.fromStart ? ', from the start' : '';
      const shown = c.history.map((step) => (typeof step === 'string' ? step : `(${step.operation})`));
      const name = `${c.mode}${scope}: ${shown.join(' → ')} is ${verdict}: ${fact} (${source})`;
      return [name, c] as const;
    }),
  );
  describe(`evidence: ${service}`, () => {
    it.each(rows)('%s', (_, c) => {
      const verdict = validateHistory(service, c.history, { mode: c.mode, fromStart: c.fromStart === true });
      // every status of the evidence is known to the machine: a verdict is about transitions, never about names
      const kinds = ['illegal-transition', 'operation-not-allowed'];
      expect(verdict.violations.filter((v) => !kinds.includes(v.kind))).toEqual([]);
      expect(verdict.ok, verdict.violations.map((v) => v.message).join('; ')).toBe(c.legal);
    });
  });
}

describeFacts('kafka', KAFKA);
describeFacts('dcs', DCS_FACTS);
