/**
 * A B2B account given on the command line (`ship`, `orders create`): its id and name, and whom to
 * reach there, which a recall's contact list joins.
 */
import type { Account } from '@serialkit/core';
import { type OptionValues, str } from './command.js';

/** The options that describe an account, beside `--account ID`. */
export const ACCOUNT_OPTIONS = {
  account: { type: 'string', value: 'ID', description: 'B2B business account id' },
  'account-name': { type: 'string', value: 'NAME', description: 'B2B account name' },
  'account-contact': {
    type: 'string',
    value: 'NAME',
    description: 'Whom to reach at the account (recall contact lists)',
  },
  'account-email': { type: 'string', value: 'EMAIL', description: 'The account contact’s email' },
  'account-phone': { type: 'string', value: 'PHONE', description: 'The account contact’s phone' },
} as const;

/** The account the options give, or undefined without `--account`. */
export function accountFrom(options: OptionValues): Account | undefined {
  const id = str(options, 'account');
  if (!id) return undefined;
  const name = str(options, 'account-name');
  const contactName = str(options, 'account-contact');
  const email = str(options, 'account-email');
  const phone = str(options, 'account-phone');
  return {
    id,
    ...(name ? { name } : {}),
    ...(contactName ? { contactName } : {}),
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
  };
}
