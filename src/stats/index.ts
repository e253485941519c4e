/** Statistics that stream: a mergeable quantile sketch with a stated relative error. */
export { DEFAULT_ALPHA, MAX_BUCKETS, MIN_VALUE, QuantileSketch, type SketchData } from './quantileSketch.js';
