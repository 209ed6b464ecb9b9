/** `serialkit recall close|progress`: a recall campaign's end and its progress. */
import type { Command } from '../command.js';
import { UsageError } from '../io.js';
import { fields } from '../table.js';

export const close: Command = {
  name: 'close',
  summary: 'Close a recall campaign (its units stay flagged)',
  usage: ['close <id>'],
  async run({ args, client, print, note }) {
    if (!args[0]) throw new UsageError('Give the recall id');
    const recall = await (await client()).recalls.close(args[0]);
    note(`Closed recall ${recall.id}`);
    print(recall, () =>
      fields([
        ['id', recall.id],
        ['status', recall.status],
        ['closed', recall.closedAt],
      ]),
    );
    return undefined;
  },
};

export const progress: Command = {
  name: 'progress',
  summary: 'Units affected, returned, replaced and unreachable',
  usage: ['progress <id>'],
  async run({ args, client, print }) {
    if (!args[0]) throw new UsageError('Give the recall id');
    const p = await (await client()).recalls.progress(args[0]);
    print(p, () =>
      fields([
        ['recall', p.recallId],
        ['status', p.status],
        ['affected', p.affected],
        ['returned', p.returned],
        ['replaced', p.replaced],
        ['unreachable', p.unreachable],
      ]),
    );
    return undefined;
  },
};
