/** Every `serialkit` command, in the order `--help` lists them. */
import type { Command } from '../command.js';
import { correct } from './correct.js';
import { demo } from './demo.js';
import { generate } from './generate.js';
import { exportCmd, importCmd } from './import-export.js';
import { lookup, trace } from './lookup.js';
import { orders } from './order-packing.js';
import { returns, ship } from './orders.js';
import { owners } from './owners.js';
import { recall } from './recall.js';
import { serve } from './serve.js';
import { sightings } from './sightings.js';
import { sku } from './sku.js';
import { verify } from './verify.js';
import { warranty } from './warranty.js';
import { webhooks } from './webhooks.js';

export const commands: Command[] = [
  serve,
  demo,
  sku,
  generate,
  importCmd,
  exportCmd,
  lookup,
  orders,
  ship,
  returns,
  recall,
  correct,
  trace,
  sightings,
  verify,
  webhooks,
  warranty,
  owners,
];
