/**
 * Makes `@serialkit/core` resolve to its TypeScript sources (the `source` export condition, as
 * vitest and the tsconfig do) for modules imported after this one runs, so the benchmark always
 * measures the working tree rather than a stale `dist` build. Only dynamic imports that follow
 * are affected: the benchmark loads the client and stores with `await import(…)`.
 */
import { register } from 'node:module';

const hook = `export async function resolve(specifier, context, next) {
  const conditions = context.conditions.includes('source')
    ? context.conditions
    : [...context.conditions, 'source'];
  return next(specifier, { ...context, conditions });
}`;

let registered = false;

export function resolveCoreFromSource(): void {
  if (registered) return;
  registered = true;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
