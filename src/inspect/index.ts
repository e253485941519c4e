/**
 * `instance-lifecycle/inspect`: histories replayed into the Stately inspector, served from a local WebSocket
 * session.
 */
export {
  type InspectorSession,
  type InspectorSessionOptions,
  PortInUseError,
  startInspectorSession,
} from './inspectorSession.js';
export { type ReplayedStep, type ReplayOptions, type ReplayResult, replayHistory } from './replayHistory.js';
