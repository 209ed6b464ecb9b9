/**
 * A merchant backend using serialkit: every workflow, end to end, through one `SerialClient`.
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

/** The store protocol key (scope `store`; admin keys cannot use the store protocol). */
function storeKey(): string {
  if (process.env.SERIALKIT_STORE_KEY) return process.env.SERIALKIT_STORE_KEY;
  // The key `npm start` keeps for the demo service.
  const file = fileURLToPath(new URL('../../.data/store-key', import.meta.url));
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  console.error('No store key: set SERIALKIT_STORE_KEY, or start the demo with npm start.');
  process.exit(2);
}

let store: SerialStore;
let where: string;
if (values.sqlite) {
  store = sqliteStore({ filename: values.sqlite });
  where = `SQLite ${values.sqlite}`;
} else {
  const baseUrl = values.remote ?? `http://127.0.0.1:${process.env.PORT ?? 8787}`;
  store = httpStore({ baseUrl, apiKey: storeKey(), timeout: 5_000, retries: 3 });
  where = `the service at ${baseUrl} (httpStore)`;
}

const client = createSerialClient({ store });
// Webhooks to a receiver in this process (on 127.0.0.1, so private targets are allowed here).
// Against the service, its own `serialkit serve` delivers them; this example shows them on SQLite.
let webhooks: Awaited<ReturnType<typeof subscribeReceiver>> | null = null;
let dispatcher: ReturnType<typeof createWebhookDispatcher> | null = null;

/** Subscribes a local receiver to shipments, returns and recalls. */
async function subscribeReceiver() {
  const hook = await client.webhooks.create({
    url: 'http://127.0.0.1:9/pending',
    eventTypes: ['unit.shipped', 'unit.returned', 'recall.created'],
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
  if (values.sqlite) {
    webhooks = await subscribeReceiver();
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

  if (webhooks) {
    const { receiver } = webhooks;
    step('10. Webhooks: the receiver got the shipments, returns and the recall, signed');
    const deadline = Date.now() + 10_000;
    while (!receiver.messages.some((m) => m.type === 'recall.created') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const m of receiver.messages.filter((m) => m.data.sku === sku)) {
      const extra = m.data.verdict ?? m.data.details?.orderId ?? m.data.details?.recallId ?? '';
      console.log(`${m.type.padEnd(15)} ${m.data.serial} ${extra}`);
    }
    await client.webhooks.delete(webhooks.id);
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
