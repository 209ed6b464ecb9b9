export * from './domain.js';
export * from './workflows.js';
export * from './orders.js';
