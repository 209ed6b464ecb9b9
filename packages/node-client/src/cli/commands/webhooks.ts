/** `serialkit webhooks create|list|get|update|delete|deliveries|dead-letters|replay`. */
import {
  type WebhookDeadLetter,
  type WebhookDelivery,
  type WebhookEventType,
  type WebhookSubscription,
  webhookEventTypeSchema,
} from '@serialkit/core';
import { webhookMessageSubject } from '../../webhooks/messages.js';
import { type Command, str, strs } from '../command.js';
import { UsageError } from '../io.js';
import { fields, table } from '../table.js';

function hookFields(hook: WebhookSubscription & { secret?: string }): string {
  return fields([
    ['id', hook.id],
    ['url', hook.url],
    ['events', hook.eventTypes.join(', ')],
    ['enabled', hook.enabled ? 'yes' : 'no'],
    ['description', hook.description],
    ['secret', hook.secret],
    ['created', hook.createdAt],
    ['updated', hook.updatedAt],
  ]);
}

function enabledOption(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'true' || value === 'yes') return true;
  if (value === 'false' || value === 'no') return false;
  throw new UsageError('--enabled takes true or false');
}

const eventOption = {
  event: {
    type: 'string',
    multiple: true,
    value: 'TYPE',
    description: `An event type: ${webhookEventTypeSchema.options.join(', ')}`,
  },
} as const;

const create: Command = {
  name: 'create',
  summary: 'Subscribe a URL to event types; prints the signing secret once',
  usage: ['create --url URL --event TYPE... [--secret whsec_…] [--description TEXT]'],
  examples: [
    'serialkit webhooks create --url https://erp.example/hooks --event unit.shipped --event unit.recalled',
  ],
  options: {
    url: { type: 'string', value: 'URL', description: 'Where messages are POSTed' },
    ...eventOption,
    secret: {
      type: 'string',
      value: 'SECRET',
      description: 'A whsec_ secret (default: generated)',
    },
    description: { type: 'string', value: 'TEXT', description: 'A note for people' },
    disabled: { type: 'boolean', description: 'Create it switched off' },
  },
  async run({ options, client, print, note }) {
    const url = str(options, 'url');
    const events = strs(options, 'event');
    if (!url || events.length === 0)
      throw new UsageError('Give the --url and at least one --event');
    const secret = str(options, 'secret');
    const description = str(options, 'description');
    const hook = await (await client()).webhooks.create({
      url,
      eventTypes: events as WebhookEventType[],
      ...(secret ? { secret } : {}),
      ...(description ? { description } : {}),
      ...(options.disabled ? { enabled: false } : {}),
    });
    note(`Webhook ${hook.id} created: keep its secret, it is not shown again`);
    print(hook, () => hookFields(hook));
    return undefined;
  },
};

const list: Command = {
  name: 'list',
  summary: 'List subscriptions',
  usage: ['list'],
  async run({ client, print }) {
    const hooks = await (await client()).webhooks.list();
    print(hooks, () =>
      hooks.length === 0
        ? 'No webhook subscriptions.\n'
        : table(
            ['id', 'url', 'events', 'enabled'],
            hooks.map((h) => [h.id, h.url, h.eventTypes.join(','), h.enabled ? 'yes' : 'no']),
          ),
    );
    return undefined;
  },
};

const get: Command = {
  name: 'get',
  summary: 'Show a subscription',
  usage: ['get <id>'],
  async run({ args, client, print }) {
    if (!args[0]) throw new UsageError('Give the subscription id');
    const hook = await (await client()).webhooks.get(args[0]);
    print(hook, () => hookFields(hook));
    return undefined;
  },
};

const update: Command = {
  name: 'update',
  summary: 'Change a subscription (URL, events, secret, on/off)',
  usage: ['update <id> [--url URL] [--event TYPE...] [--secret whsec_…] [--enabled true|false]'],
  options: {
    url: { type: 'string', value: 'URL', description: 'New URL' },
    ...eventOption,
    secret: { type: 'string', value: 'SECRET', description: 'New whsec_ secret' },
    enabled: { type: 'string', value: 'BOOL', description: 'true or false' },
    description: { type: 'string', value: 'TEXT', description: 'A note for people' },
  },
  async run({ args, options, client, print }) {
    if (!args[0]) throw new UsageError('Give the subscription id');
    const url = str(options, 'url');
    const events = strs(options, 'event');
    const secret = str(options, 'secret');
    const description = str(options, 'description');
    const enabled = enabledOption(str(options, 'enabled'));
    const hook = await (await client()).webhooks.update(args[0], {
      ...(url ? { url } : {}),
      ...(events.length ? { eventTypes: events as WebhookEventType[] } : {}),
      ...(secret ? { secret } : {}),
      ...(description ? { description } : {}),
      ...(enabled === undefined ? {} : { enabled }),
    });
    print(hook, () => hookFields(hook));
    return undefined;
  },
};

const remove: Command = {
  name: 'delete',
  summary: 'Delete a subscription with its delivery log and dead letters',
  usage: ['delete <id>'],
  async run({ args, client, print }) {
    if (!args[0]) throw new UsageError('Give the subscription id');
    await (await client()).webhooks.delete(args[0]);
    print({ deleted: args[0] }, () => `Deleted ${args[0]}\n`);
    return undefined;
  },
};

const deliveries: Command = {
  name: 'deliveries',
  summary: 'Delivery attempts of a subscription, newest first',
  usage: ['deliveries <id> [--limit N]'],
  options: { limit: { type: 'string', value: 'N', description: 'How many (default 50)' } },
  async run({ args, options, client, print }) {
    if (!args[0]) throw new UsageError('Give the subscription id');
    const limit = Number(str(options, 'limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a number');
    const { items } = await (await client()).webhooks.deliveries(args[0], { limit });
    print(items, () =>
      items.length === 0
        ? 'No deliveries yet.\n'
        : table(
            ['at', 'message', 'type', 'attempt', 'status', 'ms', 'error'],
            items.map((d: WebhookDelivery) => [
              d.at,
              d.messageId,
              d.type,
              d.attempt,
              d.status ?? '',
              d.latencyMs,
              d.error ?? '',
            ]),
          ),
    );
    return undefined;
  },
};

const deadLetters: Command = {
  name: 'dead-letters',
  summary: 'Messages given up after their retries',
  usage: ['dead-letters <id>'],
  async run({ args, client, print }) {
    if (!args[0]) throw new UsageError('Give the subscription id');
    const all: WebhookDeadLetter[] = [];
    for await (const letter of (await client()).webhooks.deadLetters(args[0])) all.push(letter);
    print(all, () =>
      all.length === 0
        ? 'No dead letters.\n'
        : table(
            ['message', 'type', 'about', 'attempts', 'failed', 'last error'],
            all.map((l) => [
              l.messageId,
              l.message.type,
              webhookMessageSubject(l.message),
              l.attempts,
              l.failedAt,
              l.lastError,
            ]),
          ),
    );
    return undefined;
  },
};

const replay: Command = {
  name: 'replay',
  summary: 'Send dead letters again (one, or --all)',
  usage: ['replay <id> <messageId>', 'replay <id> --all'],
  options: {
    all: { type: 'boolean', description: 'Every dead letter of the subscription' },
    'allow-private': {
      type: 'boolean',
      description: 'Allow private, loopback and link-local targets',
    },
  },
  async run({ args, options, client, print }) {
    const [id, messageId] = args;
    if (!id || (!messageId && !options.all)) {
      throw new UsageError('Give the subscription id and a message id (or --all)');
    }
    const c = await client();
    const ids: string[] = [];
    if (messageId) ids.push(messageId);
    else for await (const letter of c.webhooks.deadLetters(id)) ids.push(letter.messageId);
    const results: WebhookDelivery[] = [];
    for (const one of ids) results.push(await c.webhooks.replay(id, one));
    print(results, () =>
      results.length === 0
        ? 'No dead letters.\n'
        : table(
            ['message', 'status', 'ok', 'error'],
            results.map((d) => [d.messageId, d.status ?? '', d.ok ? 'yes' : 'no', d.error ?? '']),
          ),
    );
    return results.every((d) => d.ok) ? undefined : 1;
  },
};

export const webhooks: Command = {
  name: 'webhooks',
  summary: 'Outbound webhook subscriptions, their deliveries and dead letters',
  usage: [
    'webhooks create --url URL --event unit.shipped',
    'webhooks list',
    'webhooks deliveries <id>',
    'webhooks replay <id> --all',
  ],
  subcommands: [create, list, get, update, remove, deliveries, deadLetters, replay],
};
