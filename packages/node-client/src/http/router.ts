/**
 * A small path router: static paths are found in a map, paths with `:params` by a scan over
 * pre-split segments (a few dozen routes). It tells "no such path" (404) from "path exists, not
 * with this method" (405 with the allowed methods).
 */
import { BadRequestError } from '../errors.js';

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

interface Entry<R> {
  segments: string[];
  byMethod: Map<string, R>;
}

export type Match<R> =
  | { kind: 'found'; route: R; params: Record<string, string>; allow: string[] }
  | { kind: 'method_not_allowed'; allow: string[]; routes: R[] }
  | { kind: 'not_found' };

export class Router<R> {
  readonly #static = new Map<string, Entry<R>>();
  readonly #dynamic: Entry<R>[] = [];

  add(method: Method, path: string, route: R): this {
    const isDynamic = path.includes('/:');
    const existing = isDynamic
      ? this.#dynamic.find((entry) => entry.segments.join('/') === split(path).join('/'))
      : this.#static.get(path);
    const entry = existing ?? { segments: split(path), byMethod: new Map<string, R>() };
    if (entry.byMethod.has(method)) throw new Error(`Duplicate route ${method} ${path}`);
    entry.byMethod.set(method, route);
    if (!existing) {
      if (isDynamic) this.#dynamic.push(entry);
      else this.#static.set(path, entry);
    }
    return this;
  }

  match(method: string, path: string): Match<R> {
    const found = this.#static.get(path);
    if (found) return resolve(found, method, {});
    const segments = split(path);
    for (const entry of this.#dynamic) {
      const params = matchSegments(entry.segments, segments);
      if (params) return resolve(entry, method, params);
    }
    return { kind: 'not_found' };
  }
}

function resolve<R>(entry: Entry<R>, method: string, params: Record<string, string>): Match<R> {
  const allow = allowed(entry);
  const route =
    entry.byMethod.get(method) ?? (method === 'HEAD' ? entry.byMethod.get('GET') : undefined);
  if (route) return { kind: 'found', route, params, allow };
  return { kind: 'method_not_allowed', allow, routes: [...entry.byMethod.values()] };
}

function allowed<R>(entry: Entry<R>): string[] {
  const methods = [...entry.byMethod.keys()];
  if (methods.includes('GET')) methods.push('HEAD');
  methods.push('OPTIONS');
  return methods;
}

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function matchSegments(pattern: string[], segments: string[]): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  let params: Record<string, string> | null = null;
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!;
    const actual = segments[i]!;
    if (expected.startsWith(':')) {
      params ??= {};
      params[expected.slice(1)] = decodeSegment(actual);
    } else if (expected !== actual) {
      return null;
    }
  }
  return params ?? {};
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new BadRequestError(`Malformed percent-encoding in path segment "${segment}"`);
  }
}
