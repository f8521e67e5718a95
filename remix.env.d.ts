/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />
export {};

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    /** Per-request Content-Security-Policy nonce, set by server.ts. */
    cspNonce: string;
    /** The client's address (behind the proxies Express trusts), for rate limits. */
    clientIp?: string;
    /** Set by server.ts: when the request arrived and its time on the content lake, for `Server-Timing`. */
    timing?: { startedAt: number; lakeMs: number; lakeRequests: number };
  }
}
