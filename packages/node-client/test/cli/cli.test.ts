import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { compileFormat } from '@serialkit/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';
import { run } from '../../src/cli/run.js';

const format = compileFormat('SN-{YYYY}-{D:6}{check:luhn}');
const serial = (n: number) =>
  format.generate({ sequence: n, date: new Date(Date.UTC(2024, 0, 1)) });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'serialkit-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function capture(isTTY: boolean | undefined = false) {
  return {
    text: '',
    isTTY,
    columns: 100,
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
}

/** Runs the CLI in-process against the test database. */
async function cli(
  argv: string[],
  options: {
    stdin?: string;
    db?: string;
    /** Both outputs are a terminal (or only stdout's, or only stderr's). */
    tty?: boolean;
    stdoutTty?: boolean;
    stderrTty?: boolean;
    env?: Record<string, string>;
  } = {},
) {
  const stdout = capture(options.stdoutTty ?? options.tty);
  const stderr = capture(options.stderrTty ?? options.tty);
  const code = await run([...argv, '--db', join(dir, options.db ?? 'test.db')], {
    stdout,
    stderr,
    ...(options.stdin === undefined ? {} : { stdin: Readable.from([options.stdin]) }),
    env: options.env ?? {},
    cwd: dir,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('help and usage errors', () => {
  test('--help lists every command; no command is a usage error', async () => {
    const stdout = capture();
    expect(await run(['--help'], { stdout, stderr: capture() })).toBe(0);
    for (const name of [
      'serve',
      'demo',
      'sku',
      'generate',
      'import',
      'export',
      'lookup',
      'ship',
      'return',
      'recall',
      'trace',
      'verify',
    ]) {
      expect(stdout.text).toContain(`  ${name}`);
    }
    expect(await run([], { stdout: capture(), stderr: capture() })).toBe(2);
  });

  test('every command and subcommand has --help', async () => {
    for (const argv of [
      ['serve'],
      ['sku'],
      ['sku', 'set'],
      ['import', 'serials'],
      ['recall', 'create'],
      ['return', 'accept'],
      ['verify'],
    ]) {
      const { code, stdout } = await cli([...argv, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain('Usage:');
    }
  });

  test('unknown command, unknown option, missing argument → exit 2 with a hint', async () => {
    const unknown = await cli(['lokup', 'X']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command');
    const option = await cli(['lookup', 'X', '--colour']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('--help');
    const missing = await cli(['lookup']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Give the serial');
  });
});

describe('workflows', () => {
  test('sku, generate, lookup, ship, return, recall, trace, verify', async () => {
    const set = await cli([
      'sku',
      'set',
      'HP-200',
      '--name',
      'Headphones',
      '--format',
      'SN-{YYYY}-{D:6}{check:luhn}',
    ]);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('tracking:');
    expect((await cli(['sku', 'set', 'NEW'])).code).toBe(2);
    const list = await cli(['sku', 'list', '--json']);
    expect(JSON.parse(list.stdout).map((s: { sku: string }) => s.sku)).toEqual(['HP-200']);

    const generated = await cli(['generate', 'HP-200', '5', '--lot', 'L1', '--json']);
    expect(generated.code).toBe(0);
    const serials: string[] = JSON.parse(generated.stdout).serials;
    expect(serials.length).toBe(5);

    const ship = await cli([
      'ship',
      '--order',
      'ORD-1',
      '--email',
      'ada@example.com',
      '--name',
      'Ada',
      '--sku',
      'HP-200',
      serials[0]!,
      serials[1]!,
    ]);
    expect(ship.code).toBe(0);
    const again = await cli([
      'ship',
      '--order',
      'ORD-2',
      '--email',
      'bob@example.com',
      '--sku',
      'HP-200',
      serials[0]!,
    ]);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain(serials[0]);

    const lookup = await cli(['lookup', serials[0]!]);
    expect(lookup.code).toBe(0);
    expect(lookup.stdout).toMatch(/status:\s+shipped/);
    expect(lookup.stdout).toContain('ORD-1');
    const missing = await cli(['lookup', serial(999_999)]);
    expect(missing.code).toBe(3);

    const check = await cli(['return', 'check', serials[0]!, '--order', 'ORD-1', '--json']);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).verdict).toBe('match');
    expect((await cli(['return', 'check', serials[2]!, '--order', 'ORD-1'])).code).toBe(4);
    expect(
      (await cli(['return', 'accept', serials[0]!, '--order', 'ORD-1', '--disposition', 'restock']))
        .code,
    ).toBe(0);
    expect(
      (await cli(['return', 'reject', serials[1]!, '--order', 'ORD-1', '--reason', 'Water damage']))
        .code,
    ).toBe(0);
    expect((await cli(['return', 'reject', serials[1]!, '--order', 'ORD-1'])).code).toBe(2);

    const recall = await cli([
      'recall',
      'create',
      '--sku',
      'HP-200',
      '--from',
      serials[0]!,
      '--to',
      serials[4]!,
      '--notice',
      'Swelling battery',
      '--json',
    ]);
    expect(recall.code).toBe(0);
    const { id } = JSON.parse(recall.stdout);
    const contacts = await cli(['recall', 'contacts', id, '--csv']);
    expect(contacts.code).toBe(0);
    expect(contacts.stdout.split('\n')[0]).toContain('order');
    expect(contacts.stdout).toContain('ada@example.com');
    expect((await cli(['recall', 'list'])).stdout).toContain(id);

    const verify = await cli(['verify', serials[3]!, '--json']);
    expect(verify.code).toBe(1);
    expect(JSON.parse(verify.stdout).status).toBe('recalled');
    expect((await cli(['verify', serial(999_999)])).code).toBe(3);

    const trace = await cli(['trace', serials[1]!]);
    expect(trace.code).toBe(0);
    expect(trace.stdout).toContain('ORD-1');
  });

  test('import from a file and from stdin, export to a file and stdout', async () => {
    await cli(
      ['sku', 'set', 'HP-200', '--name', 'Headphones', '--format', 'SN-{YYYY}-{D:6}{check:luhn}'],
      { db: 'io.db' },
    );
    const rows = Array.from({ length: 300 }, (_, i) => serial(1000 + i));
    await writeFile(
      join(dir, 'units.csv'),
      `serial,lot\n${rows.map((s) => `${s},L1`).join('\n')}\n`,
    );
    const fromFile = await cli(['import', 'serials', 'units.csv', '--sku', 'HP-200', '--json'], {
      db: 'io.db',
    });
    expect(fromFile.code).toBe(0);
    expect(JSON.parse(fromFile.stdout)).toMatchObject({ rows: 300, registered: 300 });
    const fromStdin = await cli(['import', 'serials', '-', '--sku', 'HP-200'], {
      db: 'io.db',
      stdin: `serial\n${serial(5000)}\nbroken\n`,
    });
    expect(fromStdin.code).toBe(4);
    expect(fromStdin.stdout).toContain('line 3');

    const exported = await cli(['export', 'serials', '--out', 'out.csv', '--sku', 'HP-200'], {
      db: 'io.db',
    });
    expect(exported.code).toBe(0);
    const csv = await readFile(join(dir, 'out.csv'), 'utf8');
    expect(csv.trim().split('\n').length).toBe(302);
    const toStdout = await cli(['export', 'events'], { db: 'io.db' });
    expect(toStdout.code).toBe(0);
    expect(toStdout.stdout.split('\n')[0]).toContain('type');
    expect((await cli(['import', 'serials', 'missing.csv'], { db: 'io.db' })).code).toBe(1);
  });

  test('progress bars only when stderr is a terminal that draws them, never on stdout', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => serial(i + 1));
    await writeFile(join(dir, 'big.csv'), `serial\n${rows.join('\n')}\n`);
    const importInto = async (db: string, options: Parameters<typeof cli>[1]) => {
      await rm(join(dir, db), { force: true });
      await cli(
        ['sku', 'set', 'HP-200', '--name', 'Headphones', '--format', 'SN-{YYYY}-{D:6}{check:luhn}'],
        { db },
      );
      return cli(['import', 'serials', 'big.csv', '--sku', 'HP-200'], { db, ...options });
    };
    const piped = await importInto('tty.db', {});
    expect(piped.stderr).not.toContain('\r');
    // Data piped to a file while the person watches stderr: the bar is drawn there.
    const watched = await importInto('tty.db', { stderrTty: true });
    expect(watched.code).toBe(0);
    expect(watched.stderr).toContain('importing big.csv');
    expect(watched.stdout).not.toContain('\r');
    // stderr redirected to a log: no control characters in it, even with stdout on a terminal.
    const logged = await importInto('tty.db', { stdoutTty: true });
    expect(logged.stderr).not.toContain('\r');
    expect(logged.stderr).not.toContain('\u001b');
    // A terminal that cannot draw it.
    const dumb = await importInto('tty.db', { tty: true, env: { TERM: 'dumb' } });
    expect(dumb.stderr).not.toContain('\r');
    // NO_COLOR: the CLI draws no colour anywhere (SGR sequences), bar or not.
    const noColor = await importInto('tty.db', { tty: true, env: { NO_COLOR: '1' } });
    const sgr = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`);
    expect(noColor.stderr + noColor.stdout).not.toMatch(sgr);
  });

  test('tables align by display width: CJK and emoji take two columns', async () => {
    const db = 'width.db';
    await cli(['sku', 'set', 'JP-1', '--name', '東京のヘッドホン', '--format', 'JP-{D:3}'], { db });
    await cli(['sku', 'set', 'EM-1', '--name', 'Headphones 🎧', '--format', 'EM-{D:3}'], { db });
    await cli(['sku', 'set', 'AB-1', '--name', 'Plain', '--format', 'AB-{D:3}'], { db });
    const { code, stdout } = await cli(['sku', 'list'], { db });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    const columnOf = (line: string, text: string) => {
      // Display columns before `text` on the line.
      const before = line.slice(0, line.indexOf(text));
      let width = 0;
      for (const char of before) width += /[\u3000-\u9fff\u{1f300}-\u{1faff}]/u.test(char) ? 2 : 1;
      return width;
    };
    const formatColumns = ['JP-{D:3}', 'EM-{D:3}', 'AB-{D:3}'].map((format) => {
      const line = lines.find((l) => l.includes(format));
      expect(line, format).toBeDefined();
      return columnOf(line!, format);
    });
    expect(new Set(formatColumns).size).toBe(1);
  });

  test("the help's example serials pass the demo's formats", async () => {
    const demoFormat = compileFormat('SN-{YYYY}-{D:6}{check:luhn}');
    const examples: string[] = [];
    const collect = (list: typeof commands) => {
      for (const command of list) {
        examples.push(...(command.examples ?? []));
        collect(command.subcommands ?? []);
      }
    };
    collect(commands);
    const serials = examples.flatMap((line) => line.match(/\bSN-\d{4}-\d{7}\b/g) ?? []);
    expect(serials.length).toBeGreaterThan(0);
    for (const example of serials) {
      expect(demoFormat.validate(example).success, example).toBe(true);
    }
  });

  test('demo seeds a database deterministically and refuses to seed twice', async () => {
    const first = await cli(['demo', '--units', '4000', '--json'], { db: 'demo1.db' });
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary.units).toBe(4000);
    const second = await cli(['demo', '--units', '4000', '--json'], { db: 'demo2.db' });
    expect(JSON.parse(second.stdout).samples).toEqual(summary.samples);
    expect((await cli(['demo', '--units', '4000'], { db: 'demo1.db' })).code).toBe(2);

    const genuine = await cli(['verify', summary.samples.genuine, '--json'], { db: 'demo1.db' });
    expect(JSON.parse(genuine.stdout).status).toBe('genuine');
    const recalled = await cli(['verify', summary.samples.recalled, '--json'], { db: 'demo1.db' });
    expect(JSON.parse(recalled.stdout).status).toBe('recalled');
    const unknown = await cli(['verify', summary.samples.unknown, '--json'], { db: 'demo1.db' });
    expect(JSON.parse(unknown.stdout).status).toBe('unknown');
    const loose = await cli(['verify', summary.samples.loose, '--json'], { db: 'demo1.db' });
    expect(JSON.parse(loose.stdout).serial).toBe(summary.samples.genuine);
    const mistyped = await cli(['verify', summary.samples.mistyped, '--json'], { db: 'demo1.db' });
    expect(JSON.parse(mistyped.stdout).status).toBe('invalid');
    const wrongDigit = await cli(['verify', summary.samples.wrongDigit, '--json'], {
      db: 'demo1.db',
    });
    expect(JSON.parse(wrongDigit.stdout).status).toBe('invalid');
  });

  test('serve answers HTTP until stopped', async () => {
    await cli(
      ['sku', 'set', 'HP-200', '--name', 'Headphones', '--format', 'SN-{YYYY}-{D:6}{check:luhn}'],
      { db: 'serve.db' },
    );
    const controller = new AbortController();
    const stdout = capture();
    const running = run(['serve', '--port', '0', '--db', join(dir, 'serve.db'), '--json'], {
      stdout,
      stderr: capture(),
      env: {
        SERIALKIT_API_KEY: 'sk_test_serve_key_0123456789',
        SERIALKIT_VERIFY_SECRET: 'test-verify-secret-0123456789',
      },
      cwd: dir,
      signal: controller.signal,
    });
    for (let i = 0; i < 100 && !stdout.text.includes('listening'); i++)
      await new Promise((r) => setTimeout(r, 20));
    const { url } = JSON.parse(stdout.text);
    const skus = await fetch(`${url}/v1/skus`, {
      headers: { authorization: 'Bearer sk_test_serve_key_0123456789' },
    });
    expect(skus.status).toBe(200);
    expect((await fetch(`${url}/v1/skus`)).status).toBe(401);
    controller.abort();
    expect(await running).toBe(0);
  });
});

test('the bin runs as a child process (tsx)', async () => {
  await cli(
    ['sku', 'set', 'HP-200', '--name', 'Headphones', '--format', 'SN-{YYYY}-{D:6}{check:luhn}'],
    { db: 'child.db' },
  );
  const cliPath = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
  const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
    (resolve) => {
      execFile(
        process.execPath,
        [
          '--conditions=source',
          '--import',
          'tsx',
          cliPath,
          'lookup',
          serial(1),
          '--db',
          join(dir, 'child.db'),
        ],
        { env: { ...process.env, NO_COLOR: '1' } },
        (error, stdout, stderr) =>
          resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
      );
    },
  );
  expect(result.stderr).toContain('not found');
  expect(result.code).toBe(3);
});
