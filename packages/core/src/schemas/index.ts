export * from './corrections.js';
export * from './domain.js';
export * from './owners.js';
export * from './workflows.js';
