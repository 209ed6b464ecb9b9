/** Starts `http-server.ts` in a child process and talks to it over IPC. */
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** The write key of the benchmark server. */
export const BENCH_API_KEY = 'sk_bench_0123456789abcdefghij';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  rss(): Promise<number>;
  stop(): Promise<void>;
}

export async function startServer(
  mode: 'serialkit' | 'layer' | 'bare',
  db?: string,
): Promise<ServerProcess> {
  const script = fileURLToPath(new URL('../http-server.ts', import.meta.url));
  const child = fork(script, db ? [mode, db] : [mode], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = (await once(child, 'message')) as [{ port: number }];
  return {
    url: `http://127.0.0.1:${message.port}`,
    child,
    async rss() {
      child.send('rss');
      for (;;) {
        const [reply] = (await once(child, 'message')) as [{ rss?: number }];
        if (reply.rss !== undefined) return reply.rss;
      }
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.send('stop');
      await exited;
    },
  };
}
