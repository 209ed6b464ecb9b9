/**
 * Every published package is ready to publish: it builds before it is packed, publishes with
 * provenance, says where its source lives, ships its README, changelog and licence, and lists its types
 * first in each export (so TypeScript finds them under every resolution).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const PUBLISHED = ['core', 'node-client', 'widget', 'serialkit'];

interface Manifest {
  name: string;
  private?: boolean;
  scripts?: Record<string, string>;
  publishConfig?: { access?: string; provenance?: boolean };
  repository?: { url?: string; directory?: string };
  files?: string[];
  exports?: Record<string, unknown>;
  license?: string;
}

const read = (path: string) => JSON.parse(readFileSync(`${ROOT}${path}`, 'utf8')) as Manifest;

/** Every condition object in an export entry, nested ones included. */
function conditions(entry: unknown): Record<string, unknown>[] {
  if (typeof entry !== 'object' || entry === null) return [];
  const object = entry as Record<string, unknown>;
  return [object, ...Object.values(object).flatMap(conditions)];
}

describe.each(PUBLISHED)('packages/%s', (name) => {
  const manifest = read(`packages/${name}/package.json`);
  test('is ready to publish', () => {
    expect(manifest.private).toBeUndefined();
    expect(manifest.license).toBe('MIT');
    expect(manifest.publishConfig).toEqual({ access: 'public', provenance: true });
    expect(manifest.repository?.directory).toBe(`packages/${name}`);
    expect(manifest.files).toEqual(
      expect.arrayContaining(['README.md', 'CHANGELOG.md', 'LICENSE']),
    );
    expect(existsSync(`${ROOT}packages/${name}/README.md`)).toBe(true);
    expect(existsSync(`${ROOT}packages/${name}/LICENSE`)).toBe(true);
    if (manifest.scripts?.build) expect(manifest.scripts.prepack).toBe('npm run build');
  });
  test('has a changelog entry for the version it would publish', () => {
    // A version without its entry would reach users undescribed; pending changesets add theirs
    // when `changeset version` bumps the version.
    const version = (manifest as Manifest & { version: string }).version;
    const changelog = readFileSync(`${ROOT}packages/${name}/CHANGELOG.md`, 'utf8');
    expect(changelog.startsWith(`# ${manifest.name}\n`)).toBe(true);
    expect(changelog).toContain(`\n## ${version}\n`);
  });
  test('lists types first in every export condition', () => {
    for (const entry of Object.values(manifest.exports ?? {})) {
      for (const object of conditions(entry)) {
        const keys = Object.keys(object);
        if (keys.includes('types')) expect(keys[0] === 'types' || keys[0] === 'source').toBe(true);
      }
    }
  });
});

test('the examples are private and every published package is a workspace', () => {
  const root = read('package.json') as Manifest & { workspaces: string[] };
  for (const name of PUBLISHED) expect(root.workspaces).toContain(`packages/${name}`);
  for (const example of root.workspaces.filter((w) => w.startsWith('examples/'))) {
    expect(read(`${example}/package.json`).private).toBe(true);
  }
});
