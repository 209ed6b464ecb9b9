/**
 * Runs every `*.bench.ts` in this folder in name order (or only those whose name contains the
 * first CLI argument), prints the table and writes `results.json` beside this file.
 *
 *   npx tsx bench/run.ts        # everything
 *   npx tsx bench/run.ts checksums  # bench/checksums.bench.ts only
 */
import { runBenchFolder } from '../../../scripts/bench/run-folder.js';

await runBenchFolder(new URL('./', import.meta.url), process.argv[2] ?? '');
