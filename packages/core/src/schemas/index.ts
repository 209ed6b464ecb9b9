export * from './console.js';
export * from './domain.js';
export * from './workflows.js';
