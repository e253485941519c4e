/**
 * `instance-lifecycle/diagram`: a service's machine as a diagram: Graphviz DOT, Mermaid, and SVG rendered by
 * Graphviz compiled to WebAssembly (loaded on first use), all in one palette.
 */
// the registered services, which functions taking a service id look up (see src/model/builtInServices.ts)
import '../../machines/index.js';

export {
  type DotOverlay,
  EXTRA_EDGE_COLOUR,
  stateElementId,
  subStateElementId,
  toDot,
  transitionElementId,
} from './dot.js';
export { toMermaid } from './mermaid.js';
export { OPERATION_COLOUR, OUTCOME_COLOUR, type StateColours, stateColours } from './palette.js';
export { inlineSvg, lifecycleSvg, renderSvg } from './svg.js';
