export * from './domain.js';
export * from './webhooks.js';
export * from './workflows.js';
