export * from './domain.js';
export * from './owners.js';
export * from './warranty.js';
export * from './workflows.js';
