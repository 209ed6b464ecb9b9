/**
 * The prototype shared by lazily built Requests and Responses (lazy-request.ts, lazy-response.ts):
 * an object that is an instance of `base` whose every accessor and method, except the `own` ones
 * the lazy object answers itself, forwards to the real object `realOf` builds on first use.
 */
export function forwardingPrototype<T extends object, Real extends object>(
  base: { prototype: Real },
  own: ReadonlySet<string>,
  realOf: (self: T) => Real,
): object {
  const prototype: object = Object.create(base.prototype);
  for (const name of Object.getOwnPropertyNames(base.prototype)) {
    if (own.has(name)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(base.prototype, name)!;
    if (descriptor.get) {
      Object.defineProperty(prototype, name, {
        get(this: T) {
          return Reflect.get(realOf(this), name);
        },
        configurable: true,
      });
    } else if (typeof descriptor.value === 'function') {
      Object.defineProperty(prototype, name, {
        value(this: T, ...args: unknown[]) {
          const real = realOf(this) as unknown as Record<string, (...a: unknown[]) => unknown>;
          return real[name]!.apply(real, args);
        },
        writable: true,
        configurable: true,
      });
    }
  }
  return prototype;
}
