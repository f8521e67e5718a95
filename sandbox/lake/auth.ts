import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { unauthorized } from "./errors";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** The dataset is private: every data and file request must carry the token. */
export function requireToken(req: IncomingMessage, token: string): void {
  const header = req.headers.authorization;
  if (!header)
    throw unauthorized("Authentication required: this dataset is private, send Authorization: Bearer <token>");
  const match = /^Bearer\s+(.+)$/i.exec(header);
  if (!match?.[1] || !timingSafeEqual(digest(match[1].trim()), digest(token))) {
    throw unauthorized("Session not found");
  }
}
