import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getEnv } from "./env.server";

/**
 * Fixed-window rate limits ("Mes commandes", reviews). With REDIS_URL every instance counts in
 * the same Redis, so a limit holds behind a load balancer; without it each process counts alone
 * (one instance). If Redis fails, each instance falls back to its own memory rather than refuse
 * shoppers or let floods through unchecked.
 */
const limiters = new Map<string, RateLimiterAbstract>();
let redis: Redis | undefined;

function redisClient(url: string): Redis {
  if (!redis) {
    redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
    redis.on("error", (error: Error) => console.error(`redis: ${error.message}`));
  }
  return redis;
}

function limiterFor(limit: number, windowMs: number): RateLimiterAbstract {
  const id = `${limit}/${windowMs}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    const options = { points: limit, duration: Math.ceil(windowMs / 1000), keyPrefix: `ashtech:rate:${id}` };
    const url = getEnv().REDIS_URL;
    limiter = url
      ? new RateLimiterRedis({
          ...options,
          storeClient: redisClient(url),
          insuranceLimiter: new RateLimiterMemory(options),
        })
      : new RateLimiterMemory(options);
    limiters.set(id, limiter);
  }
  return limiter;
}

/** Counts one hit for `key`; false once it has had `limit` hits in the current window. */
export async function allow(key: string, limit: number, windowMs: number): Promise<boolean> {
  try {
    await limiterFor(limit, windowMs).consume(key);
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}

/** For graceful shutdown. */
export async function closeRateLimits(): Promise<void> {
  await redis?.quit().catch(() => undefined);
}
