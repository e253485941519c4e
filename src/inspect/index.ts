/**
 * `instance-lifecycle/inspect`: histories replayed into the Stately inspector, served from a local WebSocket
 * session.
 */
export {
  PortInUseError,
  startInspectorSession,
  type InspectorSession,
  type InspectorSessionOptions,
} from './inspectorSession.js';
export { replayHistory, type ReplayedStep, type ReplayOptions, type ReplayResult } from './replayHistory.js';
