export * from './domain.js';
export * from './workflows.js';
export * from './webhooks.js';
