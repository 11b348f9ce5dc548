export * from './common.js';
export * from './errors.js';
export * from './policies.js';
export * from './policy-layers.js';
