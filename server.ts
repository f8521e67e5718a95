import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import express from "express";
import type * as AppEntry from "./app/entry.server";
import { getEnv } from "./app/modules/platform/env.server";
import { paymentPageOrigins } from "./app/modules/payments/page-origins.server";
import { configuredProviders } from "./app/modules/payments/registry.server";
import { scheduleReconciliation } from "./app/modules/payments/reconcile.server";
import { getSanityClient } from "./app/modules/platform/sanity.server";
import { defaultCachePolicy } from "./server/cache-policy";
import { compression } from "./server/compression";
import { timeLakeRequests } from "./server/lake-timing";
import { lakeCheck, readiness, smtpCheck } from "./server/readiness";
import { requestContext, tagConsoleWithRequestId } from "./server/request-context";
import { guardErrors, httpServerOptions, requestGuard } from "./server/request-guard";
import { requestLog } from "./server/request-log";
import { securityHeaders } from "./server/security-headers";
import {
  closeConnectionsWhileDraining,
  exitGracefullyOnSignals,
  onShutdownRelease,
  onShutdownStop,
} from "./server/shutdown";

const root = path.dirname(fileURLToPath(import.meta.url));

function loadEnvOrExit() {
  try {
    const env = getEnv();
    configuredProviders();
    return env;
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

const env = loadEnvOrExit();
// React and Remix read NODE_ENV themselves: without it they run their slow development builds.
process.env.NODE_ENV = env.NODE_ENV;
const build = (await import(pathToFileURL(path.join(root, "build/index.js")).href)) as ServerBuild;
const instance = build.entry.module as unknown as typeof AppEntry;

tagConsoleWithRequestId();
timeLakeRequests(env.SANITY_API_HOST ?? `https://${env.SANITY_PROJECT_ID}.api.sanity.io`);

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", env.TRUST_PROXY);
app.use(requestContext({ trustProxy: env.TRUST_PROXY > 0 }));
app.use(requestLog());
app.use(closeConnectionsWhileDraining());
app.get(
  "/readyz",
  readiness({ lake: lakeCheck(getSanityClient()), mail: env.SMTP_URL ? smtpCheck(env.SMTP_URL) : undefined }),
);
app.use(compression());
app.use(
  securityHeaders({
    imageOrigins: [new URL(env.SANITY_IMAGE_BASE_URL).origin],
    formOrigins: paymentPageOrigins(env),
    publicUrl: env.PUBLIC_URL,
  }),
);
app.use(requestGuard());
app.use(defaultCachePolicy());
// Fingerprinted by the compiler: safe to cache forever.
app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
app.use(instance.createPageCache().middleware);
app.all(
  "*",
  createRequestHandler({
    build,
    mode: env.NODE_ENV,
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      clientIp: req.ip ?? "",
      timing: res.locals.requestContext as AppLoadContext["timing"],
    }),
  }),
);
app.use(guardErrors);

const server = createServer(httpServerOptions(env.REQUEST_TIMEOUT_SECONDS), app).listen(env.PORT, "0.0.0.0", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  console.log(`Ashtech Store ready on http://localhost:${port}`);
});

const reconciliation = scheduleReconciliation(env.RECONCILE_INTERVAL_SECONDS);
onShutdownStop("reconciliation timer", reconciliation.stop);
onShutdownStop("content listener", instance.followContentChanges());
onShutdownRelease("reconciliation lease", reconciliation.release);
onShutdownRelease("rate limits' Redis connection", instance.closeRateLimits);
exitGracefullyOnSignals(server, { timeoutMs: env.SHUTDOWN_TIMEOUT_SECONDS * 1000 });
