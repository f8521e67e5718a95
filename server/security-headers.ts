import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

export interface SecurityHeadersOptions {
  /** Origins images may come from besides this one (Sanity's CDN or the sandbox lake). */
  imageOrigins: string[];
  /**
   * Where forms may be sent besides this origin: the payment providers' hosted pages. Without
   * JavaScript the checkout form posts here and is redirected there, and Chromium checks that
   * redirect against form-action too.
   */
  formOrigins: string[];
  /** The shop's public address: over https, browsers are told to never use plain http again. */
  publicUrl?: string;
}

const ONE_YEAR_S = 365 * 24 * 60 * 60;

/** A fresh CSP nonce per request, stored on res.locals for the Remix load context. */
export function securityHeaders({ imageOrigins, formOrigins, publicUrl }: SecurityHeadersOptions) {
  const https = publicUrl?.startsWith("https:") ?? false;
  return function setSecurityHeaders(_req: Request, res: Response, next: NextFunction) {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'nonce-${nonce}' 'strict-dynamic'`,
        "style-src 'self' 'unsafe-inline'",
        `img-src 'self' data: ${imageOrigins.join(" ")}`.trim(),
        "font-src 'self'",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        `form-action 'self' ${formOrigins.join(" ")}`.trim(),
        "object-src 'none'",
      ].join("; "),
    );
    // No includeSubDomains: other hosts of the domain may still serve plain http.
    if (https) res.setHeader("Strict-Transport-Security", `max-age=${ONE_YEAR_S}`);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    next();
  };
}
