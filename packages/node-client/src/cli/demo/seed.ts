/**
 * Demo data: four SKUs with different serial formats, 100,000 units, B2C and B2B orders, a
 * battery recall, returns and a marketplace sighting. Deterministic (seeded PRNG and a fixed
 * clock), so the sample serials it prints are the same on every machine.
 */
import { compileFormat, type SerialFormat } from '@serialkit/core';
import { createSerialClient } from '../../client.js';
import type { SerialStore } from '../../store.js';

export interface DemoOptions {
  /** Units in total (split over the SKUs). Default 100,000. */
  units?: number;
  /** PRNG seed. Default 2024. */
  seed?: number;
  /** Called with a short message at each step. */
  onStep?: (message: string) => void;
}

export interface DemoSamples {
  /** Shipped to a customer: `genuine`. */
  genuine: string;
  /** In a recalled battery lot: `recalled`. */
  recalled: string;
  /** Valid format and check digit, never registered: `unknown`. */
  unknown: string;
  /** `genuine` with the letter O typed for a zero: the storefront suggests the fix. */
  mistyped: string;
  /** `genuine` with one digit mistyped: the check digit catches it. */
  wrongDigit: string;
  /** `genuine` typed loosely (lower case, spaces for dashes): still read as `genuine`. */
  loose: string;
  /** A random, non-guessable gift card serial. */
  giftCard: string;
  /** A B2C order to try the customer return check with. */
  returnCheck: { orderId: string; email: string; postcode: string; serial: string };
  /** A unit sold to a reseller and then seen on a marketplace. */
  traced: string;
}

export interface DemoSummary {
  skus: string[];
  units: number;
  orders: { b2c: number; b2b: number };
  shippedUnits: number;
  recall: { id: string; sku: string; lot: string; affected: number; shipped: number };
  returns: { accepted: number; rejected: number };
  samples: DemoSamples;
  seconds: number;
}

/** Mulberry32: a tiny, fast, seedable PRNG (not for secrets: demo data only). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gtin13(twelve: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(twelve[i]) * (i % 2 === 0 ? 1 : 3);
  return twelve + ((10 - (sum % 10)) % 10);
}

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Edsger',
  'Barbara',
  'Donald',
  'Frances',
  'Ken',
  'Margaret',
  'Linus',
  'Radia',
  'Tim',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Allen',
  'Thompson',
  'Hamilton',
  'Torvalds',
  'Perlman',
  'Berners-Lee',
];
const ACCOUNTS = [
  { id: 'RES-001', name: 'Nordic Audio Resellers' },
  { id: 'RES-002', name: 'PowerHub Distribution' },
  { id: 'RES-003', name: 'Campus Tech Store' },
  { id: 'RES-004', name: 'GiftCards Wholesale' },
];

const DAY = 86_400_000;

/**
 * Seeds a store with the demo data set.
 *
 * @example
 * const store = sqliteStore({ filename: '.data/demo.db' });
 * const summary = await seedDemo(store);
 * console.log(summary.samples.genuine);
 */
export async function seedDemo(
  store: SerialStore,
  options: DemoOptions = {},
): Promise<DemoSummary> {
  const started = performance.now();
  const step = options.onStep ?? (() => {});
  const random = prng(options.seed ?? 2024);
  const fill = (array: Uint32Array) => {
    for (let i = 0; i < array.length; i++) array[i] = Math.floor(random() * 4294967296);
    return array;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // Units are made in late 2023 and January 2024, registered in February, shipped from March.
  let clock = Date.UTC(2024, 1, 15, 9);
  const client = createSerialClient({ store, now: () => new Date(clock) });
  await store.migrate();

  const total = options.units ?? 100_000;
  const plan = {
    headphones: Math.round(total * 0.3),
    chargers: Math.round(total * 0.3),
    batteries: Math.round(total * 0.2),
    giftCards: 0,
  };
  plan.giftCards = total - plan.headphones - plan.chargers - plan.batteries;

  step('Creating SKUs');
  const skus = {
    headphones: {
      id: 'HP-200',
      name: 'Aurora ANC headphones',
      format: 'SN-{YYYY}-{D:6}{check:luhn}',
      gtin: gtin13('401234500001'),
    },
    chargers: { id: 'CH-65W', name: '65 W USB-C charger', format: '{A:3}{D:7}' },
    batteries: {
      id: 'BAT-18650',
      name: '18650 battery pack',
      format: '{lot=X:4}-{D:5}{check:mod37-36}',
    },
    giftCards: { id: 'GIFT-50', name: 'Gift card 50 EUR', format: '{C:10}{check:crockford}' },
  } as const;
  for (const sku of Object.values(skus)) {
    await client.skus.update(sku.id, {
      name: sku.name,
      ...('gtin' in sku ? { gtin: sku.gtin } : {}),
      serialTracking: { enabled: true, format: sku.format, uniqueness: 'sku' },
    });
  }
  await client.skus.update('MANUAL-1', {
    name: 'Printed user manual',
    serialTracking: { enabled: false, uniqueness: 'sku' },
  });

  const formats: Record<keyof typeof skus, SerialFormat> = {
    headphones: compileFormat(skus.headphones.format),
    chargers: compileFormat(skus.chargers.format),
    batteries: compileFormat(skus.batteries.format),
    giftCards: compileFormat(skus.giftCards.format),
  };
  const made2024 = new Date(Date.UTC(2024, 0, 2));
  const serialsBySku = new Map<string, string[]>();

  async function register(
    key: keyof typeof skus,
    rows: { serial: string; lot?: string; manufacturedAt?: string }[],
  ): Promise<void> {
    const summary = await client.serials.register(skus[key].id, rows);
    const kept = new Set(rows.map((r) => r.serial));
    for (const rejected of summary.rejected) if ('serial' in rejected) kept.delete(rejected.serial);
    serialsBySku.set(skus[key].id, [...(serialsBySku.get(skus[key].id) ?? []), ...kept]);
  }

  step(`Registering ${total.toLocaleString('en')} units`);
  await register(
    'headphones',
    Array.from({ length: plan.headphones }, (_, i) => ({
      serial: formats.headphones.generate({ sequence: i + 1, date: made2024 }),
      lot: `HP24-${String(Math.floor(i / 5000) + 1).padStart(2, '0')}`,
      manufacturedAt: new Date(made2024.getTime() + Math.floor(i / 1000) * DAY)
        .toISOString()
        .slice(0, 10),
    })),
  );
  await register(
    'chargers',
    Array.from({ length: plan.chargers }, (_, i) => ({
      serial: formats.chargers.generate({ sequence: i + 1, random: true, getRandomValues: fill }),
      manufacturedAt: '2024-02-01',
    })),
  );
  const lots = ['A1F4', 'B7C2', 'K3M9', 'P5X8'];
  const perLot = Math.ceil(plan.batteries / lots.length);
  await register(
    'batteries',
    Array.from({ length: plan.batteries }, (_, i) => {
      const lot = lots[Math.floor(i / perLot)]!;
      return {
        serial: formats.batteries.generate({ sequence: (i % perLot) + 1, fields: { lot } }),
        lot,
        manufacturedAt: `2023-${String(Math.floor(i / perLot) + 9).padStart(2, '0')}-15`,
      };
    }),
  );
  await register(
    'giftCards',
    Array.from({ length: plan.giftCards }, () => ({
      serial: formats.giftCards.generate({ random: true, getRandomValues: fill }),
    })),
  );

  // ── Orders ──
  step('Shipping B2C and B2B orders');
  const cursor = new Map<string, number>();
  // Batteries leave from the end of lot B7C2 on, so the recalled lot K3M9 has units with customers.
  cursor.set(skus.batteries.id, Math.max(0, perLot * 2 - 50));
  const take = (sku: string, count: number): string[] => {
    const all = serialsBySku.get(sku) ?? [];
    const start = cursor.get(sku) ?? 0;
    cursor.set(sku, start + count);
    return all.slice(start, start + count);
  };
  clock = Date.UTC(2024, 2, 1, 8);
  const b2cOrders: {
    orderId: string;
    email: string;
    postcode: string;
    serial: string;
    sku: string;
  }[] = [];
  const b2cCount = Math.min(2400, Math.floor(total / 40));
  let shippedUnits = 0;
  for (let n = 0; n < b2cCount; n++) {
    clock += Math.floor(random() * 3 * 3_600_000) + 60_000;
    const first = pick(FIRST);
    const last = pick(LAST);
    const email = `${first}.${last}.${n + 1}@example.com`.toLowerCase();
    const postcode = String(10000 + Math.floor(random() * 89999));
    const lines: { sku: string; serials: string[] }[] = [];
    const r = random();
    const main =
      r < 0.45
        ? skus.headphones.id
        : r < 0.75
          ? skus.chargers.id
          : r < 0.85
            ? skus.batteries.id
            : skus.giftCards.id;
    lines.push({ sku: main, serials: take(main, random() < 0.15 ? 2 : 1) });
    if (main === skus.headphones.id && random() < 0.3)
      lines.push({ sku: skus.chargers.id, serials: take(skus.chargers.id, 1) });
    const orderId = `ORD-${100001 + n}`;
    const shipment = await client.shipments.create({
      orderId,
      channel: 'b2c',
      customer: { id: `CUS-${50001 + n}`, email, name: `${first} ${last}`, postcode },
      lines: lines.filter((line) => line.serials.length > 0),
    });
    shippedUnits += shipment.units.length;
    b2cOrders.push({
      orderId,
      email,
      postcode,
      serial: shipment.units[0]!.serial,
      sku: shipment.units[0]!.sku,
    });
  }
  const b2bCount = Math.min(60, Math.max(4, Math.floor(total / 2000)));
  const b2bOrders: { orderId: string; account: string; serials: string[]; sku: string }[] = [];
  for (let n = 0; n < b2bCount; n++) {
    clock += Math.floor(random() * 2 * DAY);
    const account = ACCOUNTS[n % ACCOUNTS.length]!;
    const sku =
      account.id === 'RES-001'
        ? skus.headphones.id
        : account.id === 'RES-002'
          ? skus.batteries.id
          : account.id === 'RES-003'
            ? skus.chargers.id
            : skus.giftCards.id;
    const serials = take(sku, 20 + Math.floor(random() * 80));
    if (!serials.length) continue;
    const orderId = `PO-${5001 + n}`;
    await client.shipments.create({ orderId, channel: 'b2b', account, lines: [{ sku, serials }] });
    shippedUnits += serials.length;
    b2bOrders.push({ orderId, account: account.id, serials, sku });
  }

  // ── Recall: one battery lot ──
  step('Recalling battery lot K3M9');
  clock += 7 * DAY;
  const recall = await client.recalls.create({
    sku: skus.batteries.id,
    lot: 'K3M9',
    notice:
      'Battery packs of lot K3M9 can overheat while charging. Stop using them and contact us for a free replacement.',
    url: 'https://example.com/recalls/bat-18650-k3m9',
  });

  // ── Returns ──
  step('Processing returns');
  clock += DAY;
  const headphoneOrders = b2cOrders.filter((o) => o.sku === skus.headphones.id);
  const returnable = headphoneOrders.slice(10, 15);
  let accepted = 0;
  let rejected = 0;
  for (const [i, order] of returnable.entries()) {
    if (i < 3) {
      await client.returns.accept({
        orderId: order.orderId,
        serial: order.serial,
        disposition: i === 2 ? 'quarantine' : 'restock',
        reason: i === 2 ? 'Left ear cup rattles' : 'Changed my mind',
      });
      accepted++;
    } else {
      // The customer sends back a different unit than the one shipped on this order.
      const other = headphoneOrders[headphoneOrders.length - i]!;
      await client.returns.reject({
        orderId: order.orderId,
        serial: other.serial,
        reason: 'Returned unit left in another order',
      });
      rejected++;
    }
  }

  // ── Sighting: a reseller's unit listed on a marketplace ──
  step('Recording a marketplace sighting');
  const resold = b2bOrders.find((o) => o.sku === skus.headphones.id)!;
  const traced = resold.serials[0]!;
  clock += DAY;
  await client.sightings.record({
    serial: traced,
    sku: skus.headphones.id,
    source: 'marketplace',
    url: 'https://marketplace.example/listing/123456',
    note: 'Listed as new, below reseller price',
  });

  // ── Orders to pack: open orders of tracked SKUs with units in stock, for the pack station ──
  step('Creating open orders to pack');
  clock += DAY;
  const packable = [skus.headphones.id, skus.chargers.id, skus.batteries.id];
  for (let n = 0; n < 5; n++) {
    clock += 3_600_000;
    const first = pick(FIRST);
    const last = pick(LAST);
    const lines = [
      { sku: packable[n % packable.length]!, quantity: 1 + (n % 2) },
      { sku: packable[(n + 1) % packable.length]!, quantity: 1 },
      ...(n % 2 === 0 ? [{ sku: 'MANUAL-1', quantity: 1 }] : []),
    ];
    await client.orders.create({
      id: `ORD-${2001 + n}`,
      channel: 'b2c',
      customer: {
        id: `CUS-${60001 + n}`,
        email: `${first}.${last}.order${n + 1}@example.com`.toLowerCase(),
        name: `${first} ${last}`,
      },
      lines,
      source: 'manual',
    });
  }

  const genuine = headphoneOrders[0]!.serial;
  const recalledBattery =
    (
      await client.serials.list(
        { sku: skus.batteries.id, lot: 'K3M9', status: 'shipped' },
        { limit: 1 },
      )
    ).items[0] ??
    (await client.serials.list({ sku: skus.batteries.id, lot: 'K3M9' }, { limit: 1 })).items[0]!;
  const unknown = formats.headphones.generate({ sequence: 999_999, date: made2024 });
  const giftCard =
    b2cOrders.find((o) => o.sku === skus.giftCards.id)?.serial ??
    serialsBySku.get(skus.giftCards.id)![0]!;
  const returnOrder = headphoneOrders[1]!;

  return {
    skus: [...Object.values(skus).map((s) => s.id), 'MANUAL-1'],
    units: [...serialsBySku.values()].reduce((sum, list) => sum + list.length, 0),
    orders: { b2c: b2cOrders.length, b2b: b2bOrders.length },
    shippedUnits,
    recall: {
      id: recall.id,
      sku: recall.sku,
      lot: 'K3M9',
      affected: recall.counts.affected,
      shipped: recall.counts.shipped,
    },
    returns: { accepted, rejected },
    samples: {
      genuine,
      recalled: recalledBattery.serial,
      unknown,
      mistyped: lookalike(genuine),
      wrongDigit: mistype(genuine),
      loose: genuine.toLowerCase().replace(/-/g, ' '),
      giftCard,
      returnCheck: {
        orderId: returnOrder.orderId,
        email: returnOrder.email,
        postcode: returnOrder.postcode,
        serial: returnOrder.serial,
      },
      traced,
    },
    seconds: (performance.now() - started) / 1000,
  };
}

/** The serial with one digit of its number part changed, as a customer might mistype it. */
/** The first zero of the serial's number typed as the letter O. */
function lookalike(serial: string): string {
  const i = serial.indexOf('0', serial.lastIndexOf('-') + 1);
  return i < 0 ? serial : `${serial.slice(0, i)}O${serial.slice(i + 1)}`;
}

function mistype(serial: string): string {
  const i = serial.length - 3;
  const digit = serial[i]!;
  const changed = digit === '9' ? '8' : String(Number(digit) + 1);
  return serial.slice(0, i) + changed + serial.slice(i + 1);
}
