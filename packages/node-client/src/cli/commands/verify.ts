/** `serialkit verify`: a serial checked as a customer would check it. */
import type { VerifyResult } from '@serialkit/core';
import { type Command, skuOf, skuOption } from '../command.js';
import { UsageError } from '../io.js';
import { fields } from '../table.js';

export const verify: Command = {
  name: 'verify',
  summary: 'Check a serial as a customer would (genuine, unknown, recalled, suspicious, invalid)',
  usage: ['verify <serial or GS1 Digital Link> [--sku SKU]'],
  description: 'Exit code: 0 genuine, 3 unknown, 4 invalid, 1 recalled or suspicious.',
  options: skuOption,
  async run({ args, options, client, print }) {
    const [input] = args;
    if (!input) throw new UsageError('Give the serial to verify');
    const result: VerifyResult = await (await client()).verify(input, {
      fingerprint: 'serialkit-cli',
      ...skuOf(options),
    });
    print(result, () => {
      let out = fields([
        ['status', result.status],
        ['serial', result.serial],
        ['product', result.product ? `${result.product.name} (${result.product.sku})` : undefined],
        ['recall', result.recall ? result.recall.notice : undefined],
        ['reasons', result.reasons.length ? result.reasons.join(', ') : undefined],
      ]);
      for (const issue of result.issues) out += `  - ${issue.message}\n`;
      return out;
    });
    return result.status === 'genuine'
      ? 0
      : result.status === 'unknown'
        ? 3
        : result.status === 'invalid'
          ? 4
          : 1;
  },
};
