/** Every `serialkit` command, in the order `--help` lists them. */
import type { Command } from '../command.js';
import { demo } from './demo.js';
import { generate } from './generate.js';
import { exportCmd, importCmd } from './import-export.js';
import { lookup, trace } from './lookup.js';
import { returns, ship } from './orders.js';
import { owners } from './owners.js';
import { recall } from './recall.js';
import { serve } from './serve.js';
import { sku } from './sku.js';
import { verify } from './verify.js';
import { warranty } from './warranty.js';

export const commands: Command[] = [
  serve,
  demo,
  sku,
  generate,
  importCmd,
  exportCmd,
  lookup,
  ship,
  returns,
  recall,
  trace,
  verify,
  warranty,
  owners,
];
