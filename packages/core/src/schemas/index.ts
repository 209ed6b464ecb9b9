export * from './corrections.js';
export * from './domain.js';
export * from './workflows.js';
