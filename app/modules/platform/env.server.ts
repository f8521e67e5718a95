import { z } from "zod";

/**
 * All configuration comes from the environment and is validated once, at start:
 * a missing or malformed variable stops the server with a message naming it.
 * Secrets (tokens, keys) are read here and nowhere else.
 */
const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),

  SANITY_PROJECT_ID: z.string().regex(/^[a-z0-9-]+$/, "lowercase letters, digits and dashes"),
  SANITY_DATASET: z
    .string()
    .regex(/^[a-z0-9_-]+$/)
    .default("production"),
  SANITY_API_VERSION: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "a date like 2025-02-19")
    .default("2025-02-19"),
  /** Unset for the hosted Sanity API; the sandbox lake's URL otherwise. */
  SANITY_API_HOST: z.url().optional(),
  /** Where images are served from: Sanity's CDN, or the sandbox lake. */
  SANITY_IMAGE_BASE_URL: z.url().default("https://cdn.sanity.io"),
  SANITY_API_READ_TOKEN: z.string().min(8, "the dataset is private: a read token is required"),
  /** Writes orders, payment events and download logs; server only. */
  SANITY_API_WRITE_TOKEN: z.string().min(8, "orders are written to the dataset: a write token is required"),

  /** Signs the content lake's webhook (POST /api/sanity-webhook); unset: the route refuses every call. */
  SANITY_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** Opens draft preview (/apercu?secret=…); unset: preview is off. */
  SANITY_PREVIEW_SECRET: z.string().min(16).optional(),

  SESSION_SECRET: z.string().min(32, "at least 32 characters"),
  /** Seconds a cached content query is served fresh, then served stale while it refreshes. */
  CONTENT_CACHE_TTL: z.coerce.number().int().min(0).default(60),
  /** Follow the content lake's listen API to drop cached content at once (off: only the webhook and the TTL refresh it). */
  SANITY_LISTEN: z.stringbool().default(true),
  /** Payment providers validate their own variables (modules/payments/<provider>/plugin.server.ts). */
  /**
   * Extra origins the checkout form may be redirected to (CSP form-action), comma-separated: for a
   * provider that moved its hosted payment page before the shop knew (decision 013).
   */
  PAYMENT_PAGE_ORIGINS: z
    .string()
    .default("")
    .transform((list, ctx) =>
      list
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean)
        .map((item) => {
          const origin = URL.canParse(item) ? new URL(item).origin : "null";
          if (origin === "null")
            ctx.addIssue({ code: "custom", message: `${item} is not an origin like https://pay.example.com` });
          return origin;
        }),
    ),
  /** Seconds a client has to send a whole request (headers and body); slower ones get 408. */
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(30),
  /** Shown to the payer on the providers' pages. */
  SHOP_NAME: z.string().min(1).default("ASHTECH STORE"),
  /** An unpaid order expires after this many minutes (its payment link is cancelled where the provider allows it). */
  ORDER_EXPIRY_MINUTES: z.coerce.number().positive().default(60),
  /** On SIGTERM, how long in-flight requests may run before they are cut and the process exits. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(0).max(300).default(10),
  /** How often pending orders are re-checked with their provider; 0 turns the in-server job off. */
  RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(15),
  /** Where receipts and "Mes commandes" links are sent from, e.g. smtp://user:pass@smtp.example.com:587 (smtps:// for TLS). Unset: no e-mail is sent (and receipts wait). */
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default("ASHTECH STORE <commandes@ashtech.store>"),
  /**
   * Proxies in front of the server whose X-Forwarded-For is believed (0: none). Set it to the
   * number of proxies (1 behind one load balancer): trusting more lets clients spoof their
   * address past the rate limits.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(5).default(0),
  /** Shared state for several instances (rate limits), e.g. redis://10.0.0.5:6379; unset: each process counts alone. */
  REDIS_URL: z.url().optional(),
  /** Where this instance keeps the stamped copies of PDFs (a cache: safe to wipe). Default: the system's temporary folder. */
  STAMP_CACHE_DIR: z.string().min(1).optional(),
  /** Serves the benchmark's reference pages under /bench; never set in production. */
  BENCH_ROUTES: z.stringbool().default(false),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const cleaned = Object.fromEntries(Object.entries(source).map(([key, value]) => [key, optionalString.parse(value)]));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}\nSee .env.example for every variable.`);
  }
  return result.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
