/**
 * A one-line progress bar for long imports and exports, on stderr, redrawn at most ten times a
 * second. Drawn only when stderr is a terminal that understands it (not `TERM=dumb`): logs and
 * pipes get no control characters, and stdout (data, `--json`) never does. It has no colours,
 * so `NO_COLOR` holds as it does for everything the CLI prints.
 */
import type { CliIO } from './io.js';

export interface Progress {
  /** Sets the amount done (and optionally the total, when it becomes known). */
  update(done: number, total?: number): void;
  /** Clears the bar. */
  done(): void;
}

const silent: Progress = { update() {}, done() {} };

export function progressBar(
  io: Pick<CliIO, 'stderr' | 'env'>,
  options: {
    label: string;
    unit: 'rows' | 'bytes';
    total?: number;
    /** False when the command's output should stay quiet (`--json`, data on the terminal). */
    wanted: boolean;
  },
): Progress {
  const out = io.stderr;
  if (!options.wanted || !out.isTTY || io.env?.TERM === 'dumb') return silent;
  const started = performance.now();
  let total = options.total;
  let last = 0;
  let drawn = false;
  const draw = (done: number) => {
    const width = Math.max(10, Math.min(40, (out.columns ?? 80) - 50));
    const seconds = Math.max(0.001, (performance.now() - started) / 1000);
    const rate = done / seconds;
    const amount = options.unit === 'bytes' ? mb(done) : done.toLocaleString('en');
    let line: string;
    if (total && total > 0) {
      const ratio = Math.min(1, done / total);
      const filled = Math.round(ratio * width);
      const of = options.unit === 'bytes' ? mb(total) : total.toLocaleString('en');
      line = `${options.label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${amount}/${of}`;
    } else {
      line = `${options.label} ${amount}`;
    }
    const speed =
      options.unit === 'bytes'
        ? `${mb(rate)}/s`
        : `${Math.round(rate).toLocaleString('en')} rows/s`;
    out.write(`\r\u001b[2K${line}  ${speed}`);
    drawn = true;
  };
  return {
    update(done, newTotal) {
      if (newTotal !== undefined) total = newTotal;
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      draw(done);
    },
    done() {
      if (drawn) out.write('\r\u001b[2K');
    },
  };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
