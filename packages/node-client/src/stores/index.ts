/** Store adapters: one factory per backend. Each returns a `SerialStore`. */
export { memoryStore } from './memory.js';
