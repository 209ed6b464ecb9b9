export * from './domain.js';
export * from './orders.js';
export * from './workflows.js';
