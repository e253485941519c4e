/**
 * `instance-lifecycle/viewer`: the offline viewer, one self-contained HTML page showing a machine's diagram and
 * histories replayed step by step over it.
 */
export {
  type ViewerData,
  type ViewerHistory,
  type ViewerInstance,
  type ViewerObservation,
  type ViewerOptions,
  viewerData,
} from './viewerData.js';
export { viewerHtml, viewerPage } from './viewerHtml.js';
