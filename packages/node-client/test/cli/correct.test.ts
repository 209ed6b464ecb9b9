import { describe, expect, test } from 'vitest';
import { cliOnTemporaryStore } from './harness.js';

const { cli } = cliOnTemporaryStore('correct');

describe('serialkit correct', () => {
  test('edit, void, and refusals with a non-zero exit', async () => {
    expect(
      (await cli(['sku', 'set', 'KB-1', '--name', 'Keyboard', '--format', 'KB-{D:4}'])).code,
    ).toBe(0);
    const generated = await cli(['generate', 'KB-1', '3', '--lot', 'L1', '--json']);
    const [first, second] = JSON.parse(generated.stdout).serials as string[];

    const edited = await cli([
      'correct',
      'edit',
      first!,
      '--lot',
      'L2',
      '--reason',
      'Typo',
      '--json',
    ]);
    expect(edited.code).toBe(0);
    expect(JSON.parse(edited.stdout)).toMatchObject({ serial: first, lot: 'L2' });
    const cleared = await cli(['correct', 'edit', first!, '--lot', '', '--json']);
    expect(JSON.parse(cleared.stdout).lot).toBeUndefined();

    // Not quarantined: refused, with the reason on stderr.
    const release = await cli(['correct', 'release', second!]);
    expect(release.code).not.toBe(0);
    expect(release.stderr).toContain('only a quarantined unit can be released');

    expect((await cli(['correct', 'void', second!])).code).toBe(2); // --reason is required
    const voided = await cli(['correct', 'void', second!, '--reason', 'Mistake', '--json']);
    expect(voided.code).toBe(0);
    expect(JSON.parse(voided.stdout)).toEqual({ sku: 'KB-1', serial: second, freed: true });
    expect((await cli(['lookup', second!])).code).not.toBe(0);

    const lift = await cli(['correct', 'lift-recall', first!, '--reason', 'Fine']);
    expect(lift.stderr).toContain('under no recall');
  });

  test('sightings record, then trace lists it', async () => {
    await cli(['sku', 'set', 'SG-1', '--name', 'Gadget', '--format', 'SG-{D:4}']);
    const [serial] = JSON.parse((await cli(['generate', 'SG-1', '1', '--json'])).stdout)
      .serials as string[];
    expect((await cli(['sightings', 'record', serial!])).code).toBe(2);
    const recorded = await cli([
      'sightings',
      'record',
      serial!,
      '--source',
      'marketplace',
      '--url',
      'https://market.example/listing/1',
      '--json',
    ]);
    expect(recorded.code).toBe(0);
    expect(JSON.parse(recorded.stdout)).toMatchObject({ type: 'sighted', serial });
    const trace = JSON.parse((await cli(['trace', serial!, '--json'])).stdout);
    expect(trace.sightings.length).toBe(1);
    expect((await cli(['sightings', 'record', 'SG-9999', '--source', 'x'])).code).toBe(3);
  });
});
