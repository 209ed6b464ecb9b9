/**
 * The SQLite schema, as versioned migrations. Each runs once, in its own transaction, and is
 * recorded in `serialkit_migrations`; applied migrations are never edited, only followed by new
 * ones.
 *
 * Layout choices (as of migration 3, which halved the bytes a unit takes):
 * - `serials` is WITHOUT ROWID, clustered on (sku, serial): a unit lookup is one B-tree descent and
 *   a SKU's units are contiguous for range scans and keyset pages.
 * - A unit's `registered_at` and `updated_at` are integers (ms since the epoch, see
 *   `shared/timestamps.ts`); `updated_at` stays NULL until the unit first changes. Dates a user
 *   gives (manufactured, received, shipped) and event times stay ISO 8601 text, kept as given.
 * - Uniqueness: (sku, serial) is the primary key, which is all 'sku' uniqueness needs;
 *   `unique_global` is 1 for units of 'global' SKUs, whose serial one partial unique index holds.
 *   `serials_serial` serves lookups by serial, in SKU order.
 * - Indexes on shipment and recall columns are partial (`WHERE … IS NOT NULL`): units are
 *   registered without them, so bulk registration maintains only the primary key and the
 *   `serial` and `lot` indexes.
 * - `verification_outcomes` holds each verified unit's last public outcome, so verification
 *   never reads a unit's history to decide whether its outcome changed.
 * - `sequence_counters` holds the last number each counter reserved: one upsert reserves a run.
 */
import type { Migration } from '../shared/migration.js';

/** A legacy ISO 8601 text timestamp as milliseconds (NULL when it does not parse). */
const millis = (column: string) => `CAST(round(unixepoch(${column}, 'subsec') * 1000) AS INTEGER)`;

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
CREATE TABLE skus (
  sku TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  gtin TEXT,
  tracking_enabled INTEGER NOT NULL CHECK (tracking_enabled IN (0, 1)),
  format TEXT,
  regex TEXT,
  uniqueness TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE serials (
  sku TEXT NOT NULL,
  serial TEXT NOT NULL,
  unique_key TEXT NOT NULL,
  status TEXT NOT NULL,
  recall_id TEXT,
  lot TEXT,
  manufactured_at TEXT,
  received_at TEXT,
  registered_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  order_id TEXT,
  shipment_id TEXT,
  channel TEXT,
  customer_id TEXT,
  customer_email TEXT,
  customer_name TEXT,
  customer_postcode TEXT,
  account_id TEXT,
  account_name TEXT,
  shipped_at TEXT,
  PRIMARY KEY (sku, serial)
) WITHOUT ROWID;
CREATE UNIQUE INDEX serials_unique_key ON serials (unique_key);
CREATE INDEX serials_serial ON serials (serial);
CREATE INDEX serials_lot ON serials (sku, lot) WHERE lot IS NOT NULL;
CREATE INDEX serials_order ON serials (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX serials_recall ON serials (recall_id) WHERE recall_id IS NOT NULL;
CREATE INDEX serials_customer ON serials (customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX serials_customer_email ON serials (customer_email) WHERE customer_email IS NOT NULL;
CREATE INDEX serials_account ON serials (account_id) WHERE account_id IS NOT NULL;

CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  sku TEXT NOT NULL,
  serial TEXT NOT NULL,
  type TEXT NOT NULL,
  at TEXT NOT NULL,
  data TEXT
);
-- Both indexes end with the rowid (id), so they serve ORDER BY at, id.
CREATE INDEX events_unit ON events (sku, serial, at);
CREATE INDEX events_at ON events (at);

CREATE TABLE recalls (
  id TEXT NOT NULL PRIMARY KEY,
  sku TEXT NOT NULL,
  created_at TEXT NOT NULL,
  body TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX recalls_created ON recalls (created_at, id);
CREATE INDEX recalls_sku ON recalls (sku, created_at, id);

CREATE TABLE verifications (
  sku TEXT NOT NULL,
  serial TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  first_at TEXT NOT NULL,
  last_at TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (sku, serial, fingerprint)
) WITHOUT ROWID;
`,
  },
  {
    version: 2,
    name: 'verification outcomes',
    sql: `
CREATE TABLE verification_outcomes (
  sku TEXT NOT NULL,
  serial TEXT NOT NULL,
  outcome TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (sku, serial)
) WITHOUT ROWID;
-- Units verified before outcomes were kept: the outcome of their newest verified event.
INSERT INTO verification_outcomes (sku, serial, outcome, at)
SELECT sku, serial, json_extract(data, '$.outcome'), at
FROM (
  SELECT sku, serial, data, at,
         row_number() OVER (PARTITION BY sku, serial ORDER BY at DESC, id DESC) AS newest
  FROM events
  WHERE type = 'verified'
)
WHERE newest = 1 AND json_type(data, '$.outcome') = 'text';
`,
  },
  {
    version: 3,
    name: 'compact units',
    sql: `
CREATE TABLE serials_compact (
  sku TEXT NOT NULL,
  serial TEXT NOT NULL,
  status TEXT NOT NULL,
  lot TEXT,
  registered_at INTEGER NOT NULL,
  updated_at INTEGER,
  unique_global INTEGER CHECK (unique_global = 1),
  recall_id TEXT,
  manufactured_at TEXT,
  received_at TEXT,
  order_id TEXT,
  shipment_id TEXT,
  channel TEXT,
  customer_id TEXT,
  customer_email TEXT,
  customer_name TEXT,
  customer_postcode TEXT,
  account_id TEXT,
  account_name TEXT,
  shipped_at TEXT,
  PRIMARY KEY (sku, serial)
) WITHOUT ROWID;
INSERT INTO serials_compact
SELECT sku, serial, status, lot, ${millis('registered_at')},
       nullif(${millis('updated_at')}, ${millis('registered_at')}),
       CASE WHEN unique_key = serial THEN 1 END,
       recall_id, manufactured_at, received_at, order_id, shipment_id, channel, customer_id,
       customer_email, customer_name, customer_postcode, account_id, account_name, shipped_at
FROM serials ORDER BY sku, serial;
DROP TABLE serials;
ALTER TABLE serials_compact RENAME TO serials;
CREATE INDEX serials_serial ON serials (serial);
CREATE UNIQUE INDEX serials_global ON serials (serial) WHERE unique_global IS NOT NULL;
CREATE INDEX serials_lot ON serials (sku, lot) WHERE lot IS NOT NULL;
CREATE INDEX serials_order ON serials (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX serials_recall ON serials (recall_id) WHERE recall_id IS NOT NULL;
CREATE INDEX serials_customer ON serials (customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX serials_customer_email ON serials (customer_email) WHERE customer_email IS NOT NULL;
CREATE INDEX serials_account ON serials (account_id) WHERE account_id IS NOT NULL;
`,
  },
  {
    version: 4,
    name: 'webhooks',
    // A subscription's cursor and lease live on its row, so moving the cursor is one
    // compare-and-set; deliveries and dead letters are JSON bodies read back as written.
    sql: `
CREATE TABLE webhook_subscriptions (
  id TEXT NOT NULL PRIMARY KEY,
  created_at TEXT NOT NULL,
  body TEXT NOT NULL,
  position INTEGER,
  lease_owner TEXT,
  lease_until TEXT
) WITHOUT ROWID;
CREATE TABLE webhook_deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  subscription_id TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, id);
CREATE TABLE webhook_dead_letters (
  subscription_id TEXT NOT NULL,
  message_id TEXT NOT NULL,
  failed_at TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (subscription_id, message_id)
) WITHOUT ROWID;
CREATE INDEX webhook_dead_letters_order ON webhook_dead_letters (subscription_id, failed_at, message_id);
`,
  },
  {
    version: 5,
    name: 'orders',
    sql: `
-- An order is one JSON document, changed as a whole under a revision (compare-and-set).
CREATE TABLE orders (
  id TEXT NOT NULL PRIMARY KEY,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revision INTEGER NOT NULL,
  body TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX orders_newest ON orders (created_at, id);
CREATE INDEX orders_status ON orders (status, created_at, id);
-- The SKUs of an order's lines, for listing orders by SKU (lines never change SKU).
CREATE TABLE order_skus (
  sku TEXT NOT NULL,
  order_id TEXT NOT NULL REFERENCES orders (id),
  PRIMARY KEY (sku, order_id)
) WITHOUT ROWID;
`,
  },
  {
    version: 6,
    name: 'warranties and registered owners',
    sql: `
ALTER TABLE skus ADD COLUMN warranty TEXT;
CREATE TABLE owners (
  id TEXT NOT NULL PRIMARY KEY,
  sku TEXT NOT NULL,
  serial TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'pending_review', 'erased')),
  name TEXT,
  email TEXT,
  registered_at TEXT NOT NULL,
  erased_at TEXT
) WITHOUT ROWID;
-- At most one active owner per unit; insertOwner relies on it (ON CONFLICT … DO NOTHING).
CREATE UNIQUE INDEX owners_active ON owners (sku, serial) WHERE status = 'active';
CREATE INDEX owners_unit ON owners (sku, serial, registered_at, id);
CREATE INDEX owners_registered ON owners (registered_at, id);
CREATE INDEX owners_email ON owners (email) WHERE email IS NOT NULL;
`,
  },
  {
    version: 7,
    name: 'sequence counters',
    sql: `
-- The last number reserved of each counter (SerialStore.nextSequence), by its opaque key.
CREATE TABLE sequence_counters (
  id TEXT NOT NULL PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
`,
  },
  {
    version: 8,
    name: 'account contacts',
    sql: `
-- Whom to reach at a B2B account a unit shipped to: a recall's contact list joins them.
ALTER TABLE serials ADD COLUMN account_contact_name TEXT;
ALTER TABLE serials ADD COLUMN account_email TEXT;
ALTER TABLE serials ADD COLUMN account_phone TEXT;
`,
  },
  {
    version: 9,
    name: 'event log consumer cursors',
    sql: `
-- The cursor and lease of each internal event log consumer (leaseLogCursor), by its name.
CREATE TABLE log_cursors (
  consumer TEXT NOT NULL PRIMARY KEY,
  position INTEGER,
  lease_owner TEXT,
  lease_until TEXT
) WITHOUT ROWID;
`,
  },
];
