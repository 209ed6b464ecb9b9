/** `serialkit sightings record`: where a unit was seen (a marketplace listing, a repair shop). */
import { type Command, skuOf, skuOption, str } from '../command.js';
import { UsageError } from '../io.js';
import { fields } from '../table.js';

const record: Command = {
  name: 'record',
  summary: 'Record where a unit was seen',
  usage: ['sightings record <serial> --source SOURCE [--url URL] [--seen DATE] [--note TEXT]'],
  examples: [
    'serialkit sightings record KB-2024-0000016 --source marketplace --url https://market.example/listing/123',
  ],
  options: {
    ...skuOption,
    source: { type: 'string', value: 'SOURCE', description: 'Where: marketplace, repair shop…' },
    url: { type: 'string', value: 'URL', description: 'The listing or page' },
    seen: { type: 'string', value: 'DATE', description: 'When it was seen (default now)' },
    note: { type: 'string', value: 'TEXT', description: 'A note for the history' },
  },
  async run({ args, options, client, print, note }) {
    const [serial] = args;
    const source = str(options, 'source');
    if (!serial || !source) throw new UsageError('Give the serial and the --source');
    const url = str(options, 'url');
    const seenAt = str(options, 'seen');
    const text = str(options, 'note');
    const event = await (await client()).sightings.record({
      serial,
      source,
      ...skuOf(options),
      ...(url === undefined ? {} : { url }),
      ...(seenAt === undefined ? {} : { seenAt }),
      ...(text === undefined ? {} : { note: text }),
    });
    note('Sighting recorded');
    print(event, () =>
      fields([
        ['serial', event.serial],
        ['sku', event.sku],
        ['at', event.at],
        ['source', source],
      ]),
    );
    return undefined;
  },
};

export const sightings: Command = {
  name: 'sightings',
  summary: 'Record where a unit was seen; `trace` lists its sightings',
  usage: ['sightings record <serial> --source SOURCE [--url URL]'],
  subcommands: [record],
};
