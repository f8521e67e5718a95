import type { Server } from "node:http";
import type { NextFunction, Request, Response } from "express";

/**
 * Graceful shutdown (SIGTERM from the orchestrator, SIGINT from a terminal): stop accepting
 * connections, let in-flight requests finish within a bound, then release what other instances
 * wait for. Modules register here instead of handling signals themselves.
 */
type Hook = { name: string; run: () => unknown };

const stopHooks: Hook[] = [];
const releaseHooks: Hook[] = [];
/** A release hook that takes longer is abandoned: the process must end. */
const HOOK_TIMEOUT_MS = 5_000;

/** Runs as soon as shutdown starts, while requests finish: stop starting new work (timers, listeners). */
export function onShutdownStop(name: string, run: () => unknown): void {
  stopHooks.push({ name, run });
}

/** Runs once in-flight requests have finished or been cut: release leases, close connection pools. */
export function onShutdownRelease(name: string, run: () => unknown): void {
  releaseHooks.push({ name, run });
}

let shutdown: Promise<{ clean: boolean }> | undefined;

export function isShuttingDown(): boolean {
  return shutdown !== undefined;
}

/** While draining, answers on kept-alive connections close them, so clients reconnect to another instance. */
export function closeConnectionsWhileDraining() {
  return function connectionClose(_req: Request, res: Response, next: NextFunction) {
    if (shutdown) res.setHeader("Connection", "close");
    next();
  };
}

/** Resolves once everything has stopped; `clean` is false when requests were cut or a hook failed. */
export function shutDown(server: Server, { timeoutMs }: { timeoutMs: number }): Promise<{ clean: boolean }> {
  shutdown ??= (async () => {
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const stopped = runHooks(stopHooks, timeoutMs);
    let timer: NodeJS.Timeout | undefined;
    const cut = await Promise.race([
      drained.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (cut) {
      console.error(`shutdown: requests still running after ${timeoutMs} ms were cut`);
      server.closeAllConnections();
    }
    const hooksOk = (await stopped) && (await runHooks(releaseHooks, HOOK_TIMEOUT_MS));
    return { clean: !cut && hooksOk };
  })();
  return shutdown;
}

async function runHooks(hooks: Hook[], timeoutMs: number): Promise<boolean> {
  const results = await Promise.all(
    hooks.map(async (hook) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          Promise.resolve().then(hook.run),
          new Promise(
            (_, reject) =>
              (timer = setTimeout(() => reject(new Error(`still running after ${timeoutMs} ms`)), timeoutMs)),
          ),
        ]);
        return true;
      } catch (error) {
        console.error(`shutdown: ${hook.name} failed: ${(error as Error).message}`);
        return false;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return results.every(Boolean);
}

/**
 * SIGTERM or SIGINT shuts down gracefully (a terminal's Ctrl-C reaches `npm start` and its storefront
 * both: repeated signals change nothing). So does the loss of the IPC channel of a parent that started
 * us with one (`npm start` killed with -9): a server must not outlive its supervisor.
 */
export function exitGracefullyOnSignals(server: Server, { timeoutMs }: { timeoutMs: number }): void {
  const begin = (reason: string) => {
    if (shutdown) return;
    console.log(`${reason}: finishing in-flight requests (at most ${timeoutMs} ms), then exiting`);
    void shutDown(server, { timeoutMs }).then(({ clean }) => process.exit(clean ? 0 : 1));
  };
  process.on("SIGTERM", () => begin("SIGTERM"));
  process.on("SIGINT", () => begin("SIGINT"));
  if (process.connected) process.once("disconnect", () => begin("parent process gone"));
}
