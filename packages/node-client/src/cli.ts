#!/usr/bin/env node
/** The `serialkit` executable: runs the CLI with this process's streams and exits with its code. */
import { run } from './cli/run.js';

run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
