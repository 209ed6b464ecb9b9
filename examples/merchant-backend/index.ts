/**
 * A merchant backend using serialkit: every workflow, end to end, through one `SerialClient`,
 * and the shop's story around it: a Shopify order comes in by webhook, the pack station ships
 * it, and the merchant's own webhook receiver gets the signed `unit.shipped`, `recall.created`,
 * `recall.closed` and `import.finished` messages.
 *
 *   npm start                                   # against the service of `npm start` at the root
 *   SERIALKIT_STORE_KEY=sk_store_… npm start -- --remote http://127.0.0.1:8787
 *   npm start -- --sqlite ./merchant.db         # no service: SQLite in this process
 *
 * With --remote the workflows run here and the data lives in the service, reached over its store
 * protocol with `httpStore` (retries, idempotency keys, timeouts). With --sqlite the same code
 * runs on a local file. Only the store differs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  createSerialClient,
  createWebhookDispatcher,
  httpStore,
  SerialkitError,
  type SerialStore,
  sqliteStore,
} from '@serialkit/node-client';
import { clientPackStation, httpPackStation, type PackStation } from './pack-station.js';
import { shopifyOrderCreated } from './shopify-order.js';
import { startWebhookReceiver } from './webhook-receiver.js';

const { values } = parseArgs({
  options: {
    remote: { type: 'string' },
    sqlite: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('Usage: [SERIALKIT_STORE_KEY=…] npm start -- [--remote URL | --sqlite FILE]');
  process.exit(0);
}

/** A secret from its variable, or from the file `npm start` keeps it in for the demo service. */
function kept(variable: string, name: string): string | undefined {
  if (process.env[variable]) return process.env[variable];
  const file = fileURLToPath(new URL(`../../.data/${name}`, import.meta.url));
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

/** A secret the run against the service cannot do without. */
function required(variable: string, name: string): string {
  const value = kept(variable, name);
  if (value !== undefined) return value;
  console.error(`No ${variable}: set it, or start the demo with npm start.`);
  process.exit(2);
}

let store: SerialStore;
let where: string;
/** The service's URL and admin key, when running against it. */
let service: { baseUrl: string; adminKey: string; shopifySecret: string | undefined } | null = null;
if (values.sqlite) {
  store = sqliteStore({ filename: values.sqlite });
  where = `SQLite ${values.sqlite}`;
} else {
  const baseUrl = values.remote ?? `http://127.0.0.1:${process.env.PORT ?? 8787}`;
  // The store protocol takes a key of scope `store` (admin keys cannot use it).
  const apiKey = required('SERIALKIT_STORE_KEY', 'store-key');
  store = httpStore({ baseUrl, apiKey, timeout: 5_000, retries: 3 });
  where = `the service at ${baseUrl} (httpStore)`;
  service = {
    baseUrl,
    // The orders API (the pack station's) and the Shopify endpoint are the service's own.
    adminKey: required('SERIALKIT_API_KEY', 'admin-key'),
    shopifySecret: kept('SERIALKIT_SHOPIFY_SECRET', 'shopify-secret'),
  };
}

const client = createSerialClient({ store });
const station: PackStation = service
  ? httpPackStation(service.baseUrl, service.adminKey)
  : clientPackStation(client);
// Webhooks to a receiver in this process, on 127.0.0.1. Against the service, its own `serialkit
// serve` delivers them (started with --webhooks-allow-private, as `npm start` does); on SQLite
// this example runs a dispatcher beside the client.
let webhooks: Awaited<ReturnType<typeof subscribeReceiver>> | null = null;
let dispatcher: ReturnType<typeof createWebhookDispatcher> | null = null;

/** The messages the receiver subscribes to. */
const EVENT_TYPES = [
  'unit.shipped',
  'unit.returned',
  'recall.created',
  'recall.closed',
  'warranty.claimed',
  'owner.registered',
  'import.finished',
] as const;

/** Subscribes a local receiver to shipments, returns, recalls, claims, owners and imports. */
async function subscribeReceiver() {
  const hook = await client.webhooks.create({
    url: 'http://127.0.0.1:9/pending',
    eventTypes: [...EVENT_TYPES],
    description: 'merchant-backend example',
  });
  // The secret comes with the new subscription only: the receiver verifies with it.
  const receiver = await startWebhookReceiver(hook.secret);
  await client.webhooks.update(hook.id, { url: receiver.url });
  return { id: hook.id, receiver };
}
const step = (title: string) => console.log(`\n── ${title}`);
const show = (value: unknown) =>
  console.log(JSON.stringify(value, null, 2).split('\n').slice(0, 14).join('\n'));

try {
  console.log(`Running every workflow against ${where}`);
  await store.migrate();
  webhooks = await subscribeReceiver();
  if (!service) {
    dispatcher = createWebhookDispatcher({ store, allowPrivate: true, pollMs: 100 });
    dispatcher.start();
  }
  // A fresh SKU per run, so the example can run again and again on the same data.
  const sku = `KB-${Date.now().toString(36).toUpperCase()}`;

  step('1. SKU settings: turn serial tracking on with a format');
  show(
    await client.skus.update(sku, {
      name: 'Mechanical keyboard',
      gtin: '4012345000023',
      serialTracking: { enabled: true, format: 'KB-{YYYY}-{D:6}{check:luhn}', uniqueness: 'sku' },
      warranty: { months: 24, startsAt: 'shipment' },
    }),
  );
  const tracked = await client.skus.list({ tracking: true }, { limit: 5 });
  console.log(`tracked SKUs (first page): ${tracked.items.map((s) => s.sku).join(', ')}`);

  step('2. Register units: generate sequential serials, then import a CSV');
  const { serials } = await client.serials.generate(sku, 8, { mode: 'sequential', lot: 'L1' });
  console.log(`generated ${serials.join(', ')}`);
  // CSV imports stream any size; every line is validated and reported on its own.
  const cables = `${sku}-CABLE`;
  await client.skus.update(cables, {
    name: 'Coiled USB-C cable',
    serialTracking: { enabled: true, format: 'KC-{D:6}', uniqueness: 'sku' },
  });
  const csv = 'serial,lot\nKC-000101,C1\nkc 000102,C1\nKC-12AB,C1\nKC-000101,C1\n';
  const report = await client.imports.serials(csv, { sku: cables });
  console.log(
    `import: ${report.registered} registered, ${report.invalid} invalid, ${report.duplicates} duplicates`,
  );
  for (const error of report.errors) console.log(`  line ${error.line}: ${error.message}`);

  step('3. Ship: B2C to a customer, B2B to a reseller (atomic)');
  show(
    await client.shipments.create({
      orderId: `${sku}-ORD-1`,
      channel: 'b2c',
      customer: { id: 'CUS-1', email: 'ada@example.com', name: 'Ada Lovelace', postcode: '10115' },
      lines: [{ sku, serials: [serials[0]!, serials[1]!] }],
    }),
  );
  await client.shipments.create({
    orderId: `${sku}-PO-1`,
    channel: 'b2b',
    account: { id: 'RES-1', name: 'Keyboard Resellers Ltd' },
    lines: [{ sku, serials: serials.slice(2, 6) }],
  });
  try {
    await client.shipments.create({
      orderId: `${sku}-ORD-2`,
      channel: 'b2c',
      customer: { email: 'bob@example.com' },
      lines: [{ sku, serials: [serials[0]!] }],
    });
  } catch (error) {
    console.log(`shipping a unit twice is refused: ${(error as Error).message}`);
  }

  step('4. Look up a unit');
  const found = await client.serials.lookup(serials[0]!.toLowerCase(), { sku });
  console.log(
    `${found.record.serial}: ${found.record.status}, order ${found.record.shipment?.orderId}, ${found.events.length} events`,
  );

  step('5. Returns: check, accept one, reject another');
  console.log(await client.returns.check({ orderId: `${sku}-ORD-1`, serial: serials[0]!, sku }));
  console.log(await client.returns.check({ orderId: `${sku}-ORD-1`, serial: serials[3]!, sku }));
  const accepted = await client.returns.accept({
    orderId: `${sku}-ORD-1`,
    serial: serials[0]!,
    sku,
    disposition: 'restock',
  });
  console.log(`accepted: ${accepted.serial} is ${accepted.status}`);
  const rejected = await client.returns.reject({
    orderId: `${sku}-ORD-1`,
    serial: serials[1]!,
    sku,
    reason: 'Coffee damage',
  });
  console.log(`rejected: ${rejected.type} at ${rejected.at}`);

  step('6. Recall a range, and whom to contact');
  const recall = await client.recalls.create({
    sku,
    range: { from: serials[2]!, to: serials[4]! },
    notice: 'Some switches may stick; we will replace the keyboard.',
  });
  console.log(
    `recall ${recall.id}: ${recall.counts.affected} units, ${recall.counts.shipped} with customers`,
  );
  for await (const line of client.recalls.affectedCsv(recall.id)) process.stdout.write(line);

  step('7. Reseller tracing: a unit seen on a marketplace');
  await client.sightings.record({
    serial: serials[5]!,
    sku,
    source: 'marketplace',
    url: 'https://market.example/item/42',
  });
  const trace = await client.trace(serials[5]!, { sku });
  console.log(
    `sold to ${trace.soldTo?.account?.name} in ${trace.soldTo?.orderId}; ${trace.sightings.length} sighting(s)`,
  );

  step('8. Public verification (what the storefront widget shows)');
  const last = serials[1]!.at(-1)!;
  const mistyped = serials[1]!.slice(0, -1) + (last === '9' ? '0' : String(Number(last) + 1));
  for (const input of [serials[1]!, serials[3]!, serials[6]!, mistyped]) {
    const result = await client.verify(input, { fingerprint: 'merchant-backend-example', sku });
    const why = [...result.reasons, ...result.issues.map((issue) => issue.message)].join('; ');
    console.log(`${input.padEnd(18)} → ${result.status}${why ? ` (${why})` : ''}`);
  }

  step('9. Events, EPCIS and CSV export');
  const events = await client.events.list({ sku }, { limit: 100 });
  console.log(
    `${events.items.length} events: ${[...new Set(events.items.map((e) => e.type))].join(', ')}`,
  );
  const epcis = (await client.events.exportEpcis({ sku })) as {
    eventList?: unknown[];
    epcisBody?: { eventList?: unknown[] };
  };
  console.log(
    `EPCIS document with ${(epcis.epcisBody?.eventList ?? epcis.eventList ?? []).length} ObjectEvents`,
  );
  let lines = 0;
  for await (const chunk of client.exports.serials({ sku })) lines += chunk.split('\n').length - 1;
  console.log(`serials.csv: ${lines} lines`);

  step('10. A Shopify order arrives: the orders/create webhook, signed like Shopify signs it');
  let orderId: string;
  if (service?.shopifySecret) {
    const delivery = shopifyOrderCreated(service.shopifySecret, sku, 2);
    const url = `${service.baseUrl}/v1/platforms/shopify/webhooks`;
    for (const attempt of ['delivered', 'delivered again (same X-Shopify-Webhook-Id)']) {
      const answer = await fetch(url, {
        method: 'POST',
        headers: delivery.headers,
        body: delivery.body,
      });
      const { outcome } = (await answer.json()) as { outcome?: string };
      // A repeated delivery gets the first answer again, and changes nothing.
      const replayed = answer.headers.get('idempotent-replayed') === 'true' ? ' (replayed)' : '';
      console.log(`${attempt}: ${answer.status} ${outcome}${replayed}`);
    }
    const forged = await fetch(url, {
      method: 'POST',
      headers: { ...delivery.headers, 'x-shopify-hmac-sha256': 'bm90IHRoZSBzaWduYXR1cmU=' },
      body: delivery.body,
    });
    console.log(`a forged signature: ${forged.status}`);
    orderId = delivery.orderId;
  } else {
    // No Shopify endpoint here (SQLite, or a service without SERIALKIT_SHOPIFY_SECRET): the
    // order the webhook would make, made directly.
    orderId = `shopify-${Date.now()}`;
    await client.orders.create({
      id: orderId,
      channel: 'b2c',
      customer: { email: 'grace@example.com', name: 'Grace Hopper', postcode: '10115' },
      lines: [{ sku, quantity: 2 }],
      source: 'shopify',
    });
    console.log('no Shopify endpoint: the order is created directly');
  }
  const incoming = await client.orders.get(orderId);
  console.log(
    `order ${incoming.id}: ${incoming.status}, ${incoming.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')}, for ${incoming.customer?.name}`,
  );

  step('11. Pack station: scan the units against the order, then ship it');
  for (const input of [serials[2]!, serials[6]!, serials[7]!.toLowerCase()]) {
    const pick = await station.pick(orderId, input);
    console.log(`scan ${input.padEnd(18)} → ${pick.outcome}`);
  }
  const shipment = await station.ship(orderId);
  const shopifyUnits = shipment.units.map((u) => u.serial);
  console.log(`shipped ${shipment.shipmentId}: ${shopifyUnits.join(', ')}`);

  step('12. Corrections: a shipment made by mistake is cancelled, its unit back in stock');
  const mistaken = await client.orders.create({
    id: `${sku}-ORD-3`,
    channel: 'b2c',
    customer: { email: 'bob@example.com' },
    lines: [{ sku, quantity: 1 }],
  });
  await client.orders.pick(mistaken.id, serials[0]!);
  const { order: shippedByMistake } = await client.orders.ship(mistaken.id);
  const wrong = shippedByMistake.shipments.at(-1)!;
  const corrected = await client.orders.cancelShipment(mistaken.id, wrong.shipmentId);
  const unit = await client.serials.lookup(serials[0]!, { sku });
  console.log(
    `shipment ${wrong.shipmentId} cancelled: order ${corrected.status}, ${serials[0]} ${unit.record.status}`,
  );

  step('13. Warranty and owners: the customer registers the unit, then claims');
  const registered = await client.owners.register({
    input: serials[6]!,
    sku,
    name: 'Grace Hopper',
    email: 'grace@example.com',
    consent: true,
  });
  console.log(`owner registration: ${registered.status}`);
  const coverage = await client.warranty.coverage(serials[6]!, { sku });
  console.log(`covered: ${coverage?.active} until ${coverage?.end.slice(0, 10)}`);
  const claim = await client.warranty.claim(
    serials[6]!,
    { decision: 'accepted', reason: 'Key chatter', resolution: 'repaired' },
    { sku },
  );
  console.log(`claim ${claim.decision} (${claim.resolution}), covered: ${claim.covered}`);

  step('14. The recall campaign ends: close it');
  const closed = await client.recalls.close(recall.id);
  console.log(`recall ${closed.id}: ${closed.status} at ${closed.closedAt}`);

  if (webhooks) {
    const { receiver } = webhooks;
    step('15. Webhooks: what the receiver got, each verified with the Standard Webhooks library');
    // This run's: its SKU's units, and the import of its cables.
    const mine = () =>
      receiver.messages.filter((m) => m.data.sku === sku || m.data.import?.sku === cables);
    const expected = () => {
      const got = mine();
      const shipped = new Set(
        got.filter((m) => m.type === 'unit.shipped').map((m) => m.data.serial),
      );
      return (
        shopifyUnits.every((serial) => shipped.has(serial)) &&
        EVENT_TYPES.every((type) => got.some((m) => m.type === type))
      );
    };
    const deadline = Date.now() + 20_000;
    while (!expected() && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const m of mine()) {
      if (m.data.import) {
        const { kind, rows, registered, errorCount } = m.data.import;
        console.log(
          `${m.type.padEnd(17)} ${kind} ${cables}: ${rows} rows, ${registered} registered, ${errorCount} errors`,
        );
        continue;
      }
      const extra =
        m.data.verdict ??
        m.data.details?.orderId ??
        m.data.details?.recallId ??
        m.data.details?.decision ??
        m.data.details?.ownerId ??
        '';
      console.log(`${m.type.padEnd(17)} ${m.data.serial} ${extra}`);
    }
    await client.webhooks.delete(webhooks.id);
    if (!expected()) {
      throw new Error(
        service
          ? 'The receiver did not get every message in 20 s. Does the service deliver to 127.0.0.1 (serialkit serve --webhooks-allow-private)?'
          : 'The receiver did not get every message in 20 s.',
      );
    }
  }
  console.log('\nDone.');
} catch (error) {
  if (SerialkitError.isInstance(error) && error.code === 'unavailable') {
    console.error(`\n${error.message}\nIs the service running (npm start at the repository root)?`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
} finally {
  await dispatcher?.stop();
  await webhooks?.receiver.close();
  await client.close();
}
