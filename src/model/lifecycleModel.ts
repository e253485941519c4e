/**
 * `lifecycleModel`: a registered service's machine as plain data (statuses, tags, transitions with their basis).
 * Everything is read from the machine itself: the states from its state nodes, and the transitions from xstate's
 * own resolution of each event in each state (`machine.getTransitionData`), so no second table exists.
 */
import type { Service } from '../../machines/index.js';
import type { StatusTag, TransitionMeta } from '../../machines/vocabulary.js';
import { perService } from './perService.js';
import type { LifecycleModel, StatusInfo, TransitionInfo } from './types.js';

/**
 * The plain-data model of a service's machine, computed once per service.
 *
 * @example lifecycleModel('kafka').transitions.filter((t) => t.from === 'RUNNING').map((t) => t.event)
 */
export const lifecycleModel: (service: string | Service) => LifecycleModel = perService(buildModel);

function buildModel(entry: Service): LifecycleModel {
  const machine = entry.machine;
  const states: StatusInfo[] = [];
  const transitions: TransitionInfo[] = [];
  for (const [status, node] of Object.entries(machine.states)) {
    const info: StatusInfo = {
      status,
      tags: [...node.tags] as StatusTag[],
      description: node.description ?? '',
    };
    const evidence = (node.meta as { evidence?: string } | undefined)?.evidence;
    if (evidence !== undefined) info.evidence = evidence;
    states.push(info);
    const snapshot = machine.resolveState({ value: status, context: undefined });
    for (const event of machine.events) {
      for (const definition of machine.getTransitionData(snapshot, { type: event })) {
        const target = definition.target?.[0];
        if (!target) continue;
        const meta = definition.meta as TransitionMeta | undefined;
        if (!meta)
          throw new Error(`machine ${machine.id}: transition ${status} --${event}--> ${target.key} has no meta`);
        const transition: TransitionInfo = {
          from: status,
          to: target.key,
          event,
          kind: meta.kind,
          basis: meta.basis,
          description: definition.description ?? '',
        };
        if (meta.source !== undefined) transition.source = meta.source;
        if (meta.note !== undefined) transition.note = meta.note;
        if (meta.failure) transition.failure = true;
        transitions.push(transition);
      }
    }
  }
  return {
    service: entry.id,
    name: entry.name,
    page: entry.page,
    initial: String(machine.config.initial),
    states,
    transitions,
  };
}
