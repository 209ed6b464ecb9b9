/**
 * The part of Bun's global API that `bun.ts` uses, so the workspace typechecks it without Bun's
 * own type package (whose globals would change Node's types for every other test).
 */
declare namespace Bun {
  interface Server {
    readonly url: URL;
    requestIP(request: Request): { address: string; port: number } | null;
  }
  function serve(options: {
    hostname?: string;
    port?: number;
    fetch(request: Request, server: Server): Response | Promise<Response>;
  }): Server;
}
