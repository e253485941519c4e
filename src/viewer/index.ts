/**
 * `instance-lifecycle/viewer`: the offline viewer, one self-contained HTML page showing a machine's diagram and
 * histories replayed step by step over it.
 */
// the registered services, which functions taking a service id look up (see src/model/builtInServices.ts)
import '../../machines/index.js';

export {
  type ViewerData,
  type ViewerHistory,
  type ViewerInstance,
  type ViewerObservation,
  type ViewerOptions,
  viewerData,
} from './viewerData.js';
export { viewerHtml, viewerPage } from './viewerHtml.js';
