/**
 * `instance-lifecycle/inspect`: histories replayed into the Stately inspector, served from a local WebSocket
 * session.
 */
// the registered services, which functions taking a service id look up (see src/model/builtInServices.ts)
import '../../machines/index.js';

export {
  type InspectorSession,
  type InspectorSessionOptions,
  PortInUseError,
  startInspectorSession,
} from './inspectorSession.js';
export { type ReplayedStep, type ReplayOptions, type ReplayResult, replayHistory } from './replayHistory.js';
