export * from './domain.js';
export * from './orders.js';
export * from './platforms.js';
export * from './webhooks.js';
export * from './workflows.js';
