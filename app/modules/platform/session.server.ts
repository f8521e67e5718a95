import { createCookieSessionStorage, type Session } from "@remix-run/node";
import { getEnv } from "./env.server";

/**
 * The shopper's session is a signed cookie: no server state, works with JavaScript off.
 * It holds the cart and the current checkout's idempotency key, nothing personal.
 */
let storage: ReturnType<typeof createCookieSessionStorage> | undefined;

function getStorage() {
  if (storage) return storage;
  const env = getEnv();
  storage = createCookieSessionStorage({
    cookie: {
      name: "__ashtech_session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: (env.PUBLIC_URL ?? "").startsWith("https://"),
      secrets: [env.SESSION_SECRET],
      maxAge: 60 * 60 * 24 * 30,
    },
  });
  return storage;
}

export function getSession(request: Request): Promise<Session> {
  return getSessionFromCookie(request.headers.get("Cookie"));
}

export function getSessionFromCookie(cookieHeader: string | null): Promise<Session> {
  return getStorage().getSession(cookieHeader);
}

export function commitSession(session: Session): Promise<string> {
  return getStorage().commitSession(session);
}
