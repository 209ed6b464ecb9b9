/** CSV output of `export` and `recall contacts`: chunks to a file or stdout, with backpressure. */

import { once } from 'node:events';
import type { WriteStream } from 'node:fs';
import type { CliOutput } from './io.js';
import type { Progress } from './progress.js';

/** Writes every chunk, waiting for drains; returns the number of lines written. */
export async function writeChunks(
  source: AsyncIterable<string>,
  target: WriteStream | CliOutput,
  progress: Progress,
): Promise<number> {
  let lines = 0;
  try {
    for await (const chunk of source) {
      for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) lines++;
      const ok = target.write(chunk);
      if (ok === false && 'once' in target) await once(target as WriteStream, 'drain');
      progress.update(lines);
    }
  } finally {
    progress.done();
    if ('end' in target && typeof (target as WriteStream).end === 'function' && 'path' in target) {
      const file = target as WriteStream;
      file.end();
      await once(file, 'close');
    }
  }
  return lines;
}
