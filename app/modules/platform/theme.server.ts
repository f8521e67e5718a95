import { createCookie } from "@remix-run/node";
import { isTheme, type Theme } from "../../lib/theme";

/** Not a secret and not personal: a plain, long-lived cookie readable by the server for the first paint. */
const themeCookie = createCookie("theme", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export function readTheme(request: Request): Promise<Theme | null> {
  return readThemeCookie(request.headers.get("Cookie"));
}

export async function readThemeCookie(cookieHeader: string | null): Promise<Theme | null> {
  const value: unknown = await themeCookie.parse(cookieHeader);
  return isTheme(value) ? value : null;
}

export function serializeTheme(theme: Theme): Promise<string> {
  return themeCookie.serialize(theme);
}
