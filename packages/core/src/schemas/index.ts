export * from './domain.js';
export * from './workflows.js';
