/**
 * A small test-only service whose machine uses the whole modelling language: a status with hidden sub-states
 * (BROKEN: faulted, whileResizing, whileDeleting), a hidden move between two of them, a transition written on the
 * status itself (so it leaves every sub-state), targets into a sub-state from another status, and aliases. Tests of
 * the library's generic code run on it, so they do not depend on the content of the real machines.
 */
import { setup } from 'xstate';
import type { Service } from '../../machines/index.js';
import { inferred, type StatusMeta, type StatusTag, type TransitionMeta } from '../../machines/vocabulary.js';

const op = (note: string) => inferred('operation', note);
const outcome = (note: string) => inferred('outcome', note);

/** The fixture's machine. */
export const subStateMachine = setup({
  types: {
    events: {} as
      | { type: 'CREATE_SUCCEEDED' }
      | { type: 'CREATE_FAILED' }
      | { type: 'RESIZE' }
      | { type: 'RESIZE_SUCCEEDED' }
      | { type: 'RESIZE_FAILED' }
      | { type: 'RECOVERED' }
      | { type: 'GIVE_UP' }
      | { type: 'REPAIR' }
      | { type: 'DELETE' }
      | { type: 'DELETE_SUCCEEDED' }
      | { type: 'FAULT' },
    tags: {} as StatusTag,
    meta: {} as StatusMeta,
    transitionMeta: {} as TransitionMeta,
  },
}).createMachine({
  id: 'fixture',
  initial: 'CREATING',
  states: {
    CREATING: {
      tags: ['transitional'],
      description: 'Being created.',
      on: {
        CREATE_SUCCEEDED: { target: 'ACTIVE', meta: outcome('fixture') },
        CREATE_FAILED: { target: 'BROKEN', meta: outcome('fixture') },
      },
    },
    ACTIVE: {
      tags: ['stable'],
      description: 'Serves.',
      meta: { aliases: ['AVAILABLE'] },
      on: {
        RESIZE: { target: 'RESIZING', meta: op('fixture') },
        DELETE: { target: 'DELETING', meta: op('fixture') },
        FAULT: { target: 'BROKEN', meta: outcome('fixture') },
      },
    },
    RESIZING: {
      tags: ['transitional'],
      description: 'Being resized.',
      meta: { aliases: ['SCALING', 'Resize-Pending'] },
      on: {
        RESIZE_SUCCEEDED: { target: 'ACTIVE', meta: outcome('fixture') },
        RESIZE_FAILED: { target: 'BROKEN.whileResizing', meta: outcome('fixture') },
      },
    },
    BROKEN: {
      tags: ['failed', 'stable'],
      description: 'Does not work; why is not shown.',
      initial: 'faulted',
      on: {
        DELETE: { target: 'DELETING', meta: op('fixture: written on the status, so every sub-state allows it') },
      },
      states: {
        faulted: {
          description: 'A fault of a working instance.',
          on: { REPAIR: { target: '#fixture.ACTIVE', meta: op('fixture') } },
        },
        whileResizing: {
          description: 'A failed resize; the service recovers it, or gives up.',
          on: {
            RECOVERED: { target: '#fixture.ACTIVE', meta: outcome('fixture') },
            GIVE_UP: { target: 'faulted', meta: outcome('fixture: a hidden move') },
          },
        },
        whileDeleting: {
          description: 'A fault during deletion; the deletion completes.',
          on: { DELETE_SUCCEEDED: { target: '#fixture.GONE', meta: outcome('fixture') } },
        },
      },
    },
    DELETING: {
      tags: ['transitional'],
      description: 'Being deleted.',
      on: {
        DELETE_SUCCEEDED: { target: 'GONE', meta: outcome('fixture') },
        FAULT: { target: 'BROKEN.whileDeleting', meta: outcome('fixture') },
      },
    },
    GONE: { type: 'final', tags: ['final'], description: 'Deleted.' },
  },
});

/** The fixture as a service object, for every function that takes one. */
export const subStateService: Service<typeof subStateMachine> = {
  id: 'fixture',
  name: 'Sub-state fixture',
  page: 'none',
  machine: subStateMachine,
};
