export * from './corrections.js';
export * from './domain.js';
export * from './orders.js';
export * from './owners.js';
export * from './unit-shipments.js';
export * from './warranty.js';
export * from './webhooks.js';
export * from './workflows.js';
