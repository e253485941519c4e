/** Time: the clocks waiting and simulation run on, and observation times as comparable numbers. */
export { type Clock, createVirtualClock, type FullClock, systemClock, type VirtualClock } from './clock.js';
export { createScaledClock } from './scaledClock.js';
export { timeValue } from './timeValue.js';
