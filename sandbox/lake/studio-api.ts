import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { handleActions } from "./actions";
import { requireToken } from "./auth";
import type { LakeContext } from "./context";
import { sendError, sendJson } from "./http";
import { handleListen } from "./listen";

/** The sandbox has one user: whoever holds the lake token is its administrator. */
const SANDBOX_USER = {
  id: "sandbox-editor",
  name: "Équipe Ashtech (bac à sable)",
  email: "editeur@sandbox.invalid",
  profileImage: null,
  role: "administrator",
  roles: [{ name: "administrator", title: "Administrator" }],
  provider: "sanity",
};

const API = /^\/v(?:\d{4}-\d{2}-\d{2}|\d+|X)(\/.*)$/;

export interface StudioSite {
  /** A `sanity build` output folder, served at `/` with `bootstrap` injected into index.html. */
  dir: string;
  /** Inline script run before the Studio starts (API host, token). */
  bootstrap: string;
}

/**
 * What the Studio needs beyond the data API: the current user, grants, project and dataset
 * descriptions, listen, actions, history, CORS, and the Studio's own files. Returns false
 * when the request is for the shared data API.
 */
export async function routeStudio(
  ctx: LakeContext,
  req: IncomingMessage,
  res: ServerResponse,
  site: StudioSite | undefined,
): Promise<boolean> {
  try {
    cors(req, res);
    const method = req.method ?? "GET";
    if (method === "OPTIONS") {
      res.writeHead(204);
      res.end();
      return true;
    }
    const url = new URL(req.url ?? "/", "https://lake.invalid");
    const api = API.exec(url.pathname);
    if (!api) {
      const cdn = url.pathname.startsWith("/images/") || url.pathname.startsWith("/files/");
      if (site && !cdn && (method === "GET" || method === "HEAD")) {
        await serveStudio(site, url.pathname, res);
        return true;
      }
      return false;
    }
    const rest = api[1]!;
    const { projectId, dataset } = ctx;
    const user = () => {
      requireToken(req, ctx.token);
      return SANDBOX_USER;
    };

    if (rest === "/users/me") return reply(res, user());
    if (rest.startsWith("/users/me/keyvalue")) return (user(), reply(res, []));
    if (rest.startsWith("/users/")) return (user(), reply(res, [SANDBOX_USER]));
    if (rest === "/auth/providers") return reply(res, { providers: [], thirdPartyLogin: false, sso: {} });
    if (rest === "/ping" || rest === `/data/ping/${dataset}`) return reply(res, "PONG");
    // No realtime presence socket: a refused upgrade makes the Studio fall back quietly.
    if (rest.startsWith("/socket/")) {
      sendJson(res, 404, { error: "Not Found", message: "Presence is not available in the sandbox", statusCode: 404 });
      return true;
    }
    if (rest === "/auth/id") return reply(res, { id: SANDBOX_USER.id });
    if (rest === "/auth/logout") return reply(res, {});
    if (rest === "/features") return reply(res, []);
    if (rest === `/projects/${projectId}`) return (user(), reply(res, project(projectId, dataset)));
    if (rest === `/projects/${projectId}/datasets`)
      return (user(), reply(res, [{ name: dataset, aclMode: "private" }]));
    if (rest === `/projects/${projectId}/datasets/${dataset}/acl` || rest === `/projects/${projectId}/grants`) {
      user();
      return reply(
        res,
        rest.endsWith("/acl") ? grants() : { [`sanity.project.datasets`]: {}, [`sanity.document.filter.mode`]: {} },
      );
    }
    if (rest === `/data/listen/${dataset}`) {
      requireToken(req, ctx.token);
      handleListen(ctx, req, res, url);
      return true;
    }
    if (rest === `/data/actions/${dataset}` && method === "POST") {
      requireToken(req, ctx.token);
      await handleActions(ctx, req, res);
      return true;
    }
    if (rest.startsWith(`/data/history/${dataset}/documents/`)) {
      requireToken(req, ctx.token);
      // No history is kept: a revision asked for is answered with the current document.
      const ids = decodeURIComponent(rest.slice(`/data/history/${dataset}/documents/`.length)).split(",");
      return reply(res, { documents: ids.map((id) => ctx.store.get(id)).filter(Boolean) });
    }
    if (rest.startsWith(`/data/history/${dataset}/events/documents/`)) {
      requireToken(req, ctx.token);
      const id = decodeURIComponent(rest.slice(`/data/history/${dataset}/events/documents/`.length));
      return reply(res, { events: { [id]: [] }, nextCursor: null });
    }
    if (rest.startsWith(`/data/history/${dataset}/`)) {
      requireToken(req, ctx.token);
      res.writeHead(200, { "Content-Type": "application/x-ndjson" });
      res.end();
      return true;
    }
    if (rest.startsWith("/data/") || rest.startsWith("/assets/")) return false;
    // Comments, tasks, releases, schedules, telemetry, media library: features the sandbox does not
    // have. An empty answer lets the Studio hide them instead of showing errors.
    return reply(res, method === "GET" ? [] : {});
  } catch (error) {
    sendError(res, error);
    return true;
  }
}

function reply(res: ServerResponse, body: unknown): true {
  sendJson(res, 200, body);
  return true;
}

function cors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (!origin) return;
  res.setHeader("Access-Control-Allow-Origin", origin);
  res.setHeader("Access-Control-Allow-Credentials", "true");
  res.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
  res.setHeader(
    "Access-Control-Allow-Headers",
    req.headers["access-control-request-headers"] ?? "authorization, content-type",
  );
  res.setHeader("Access-Control-Max-Age", "600");
  res.setHeader("Vary", "Origin");
}

function grants() {
  return [{ filter: "true", permissions: ["history", "read", "update", "create", "manage"] }];
}

function project(projectId: string, dataset: string) {
  return {
    id: projectId,
    displayName: "Ashtech Store (bac à sable)",
    studioHost: null,
    isBlocked: false,
    isDisabled: false,
    isDisabledByUser: false,
    metadata: {},
    organizationId: null,
    members: [
      { id: SANDBOX_USER.id, role: "administrator", roles: SANDBOX_USER.roles, isCurrentUser: true, isRobot: false },
    ],
    features: [],
    datasets: [{ name: dataset }],
  };
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json",
};

async function serveStudio(site: StudioSite, pathname: string, res: ServerResponse): Promise<void> {
  const root = path.resolve(site.dir);
  const file = path.resolve(root, "." + decodeURIComponent(pathname));
  if (file.startsWith(root + path.sep) && path.extname(file) && path.basename(file) !== "index.html") {
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) {
      res.writeHead(200, {
        "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
        "Content-Length": info.size,
        "Cache-Control": pathname.startsWith("/static/") ? "public, max-age=31536000, immutable" : "no-cache",
      });
      createReadStream(file).pipe(res);
      return;
    }
  }
  // Every other path is a Studio route (the Studio routes in the browser).
  const html = (await readFile(path.join(root, "index.html"), "utf8")).replace(
    "<head>",
    `<head><script>${site.bootstrap}</script>`,
  );
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  res.end(html);
}
