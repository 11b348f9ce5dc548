export * from './common.js';
export * from './errors.js';
export * from './policies.js';
export * from './policy-layers.js';
export * from './incidents.js';
export * from './schedules.js';
export * from './team.js';
export * from './components.js';
