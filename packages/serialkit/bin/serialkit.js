#!/usr/bin/env node
// The `serialkit` command: the CLI of @serialkit/node-client, with its SQLite driver installed.
import '@serialkit/node-client/cli';
