/**
 * `lifecycleModel`: a registered service's machine as plain data (statuses with their hidden sub-states and
 * aliases, leaf states, tags, transitions between leaf states with their basis). Everything is read from the
 * machine itself: the states from its state nodes, and the transitions from xstate's own resolution of each event
 * in each leaf state (`machine.getTransitionData`), so no second table exists.
 */
import type { AnyStateNode } from 'xstate';
import type { Service } from '../../machines/index.js';
import type { StatusMeta, StatusTag, TransitionMeta } from '../../machines/vocabulary.js';
import { leafValue } from './leafValue.js';
import { perService } from './perService.js';
import type { LeafInfo, LifecycleModel, StatusInfo, TransitionInfo } from './types.js';

/**
 * The plain-data model of a service's machine, computed once per service.
 *
 * @example lifecycleModel('kafka').transitions.filter((t) => t.from === 'RUNNING').map((t) => t.event)
 */
export const lifecycleModel: (service: string | Service) => LifecycleModel = perService(buildModel);

function buildModel(entry: Service): LifecycleModel {
  const machine = entry.machine;
  const states: StatusInfo[] = [];
  const leaves: LeafInfo[] = [];
  for (const [status, node] of Object.entries(machine.states)) {
    const info: StatusInfo = {
      status,
      tags: [...node.tags] as StatusTag[],
      description: node.description ?? '',
    };
    const meta = node.meta as StatusMeta | undefined;
    if (meta?.evidence !== undefined) info.evidence = meta.evidence;
    if (meta?.aliases !== undefined) info.aliases = [...meta.aliases];
    if (meta?.documentedIn !== undefined) info.documentedIn = meta.documentedIn;
    const own = leavesOf(node, status, node.description ?? '');
    if (own.length > 1 || own[0]!.leaf !== status) {
      info.subStates = own.map((l) => l.leaf);
      info.initialSubState = initialLeafOf(node);
    }
    states.push(info);
    leaves.push(...own);
  }
  const transitions: TransitionInfo[] = [];
  for (const { leaf, status } of leaves) {
    const snapshot = machine.resolveState({ value: leafValue(leaf), context: undefined });
    for (const event of machine.events) {
      for (const definition of machine.getTransitionData(snapshot, { type: event })) {
        const target = definition.target?.[0];
        if (!target) continue;
        const toLeaf = initialLeafOf(target);
        const meta = definition.meta as TransitionMeta | undefined;
        if (!meta) throw new Error(`machine ${machine.id}: transition ${leaf} --${event}--> ${toLeaf} has no meta`);
        const transition: TransitionInfo = {
          from: status,
          to: toLeaf.split('.')[0]!,
          fromLeaf: leaf,
          toLeaf,
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
  const initial = String(machine.config.initial);
  return {
    service: entry.id,
    name: entry.name,
    page: entry.page,
    initial,
    initialLeaf: initialLeafOf(machine.states[initial]!),
    states,
    leaves,
    transitions,
  };
}

/** The leaf states under a state node (itself when it has no children), in machine order. */
function leavesOf(node: AnyStateNode, id: string, description: string): LeafInfo[] {
  const children = Object.entries(node.states);
  if (children.length === 0) return [{ leaf: id, status: id.split('.')[0]!, description }];
  if (node.type === 'parallel') throw new Error(`state ${id}: parallel states cannot be statuses`);
  return children.flatMap(([key, child]) => leavesOf(child, `${id}.${key}`, child.description ?? ''));
}

/** The leaf entered when a transition targets `node`: the node itself, or its initial descendant. */
function initialLeafOf(node: AnyStateNode): string {
  let current = node;
  while (Object.keys(current.states).length > 0) {
    const initial = current.initial?.target[0];
    if (!initial) throw new Error(`state ${current.path.join('.')}: has sub-states but no initial one`);
    current = initial;
  }
  return current.path.join('.');
}
