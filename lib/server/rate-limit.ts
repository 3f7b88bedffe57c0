import "server-only";
import { createHmac } from "node:crypto";
import type pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { createPool } from "@/lib/server/db";
import { env } from "@/lib/config/env";

// Counters live in PostgreSQL (table rate_limits, created by a migration), so
// every app instance shares them. See docs/decisions/007-trust-rate-limits-audit-export.md.

const MINUTE = 60;
const DAY = 24 * 60 * MINUTE;

/** Points allowed per window (seconds). */
export const RATE_LIMITS = {
  signInPerEmail: { points: 5, duration: 15 * MINUTE },
  // Generous enough for an office behind one NAT address.
  signInPerIp: { points: 30, duration: 15 * MINUTE },
  invitationsPerUser: { points: 20, duration: DAY },
  invitationsPerAddress: { points: 3, duration: DAY },
  // Shared story links that opened nothing (wrong, revoked, expired), per address: a person who
  // mistypes gets a few tries, someone guessing tokens is stopped (lib/story/share-links.ts).
  sharedLinkMissesPerIp: { points: 20, duration: 15 * MINUTE },
  // Subscribing to and refreshing calendar feeds on demand: each is a request to another server (lib/calendar/feeds.ts).
  calendarFeedFetchesPerUser: { points: 12, duration: 15 * MINUTE },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

type RateLimitState = { pool?: pg.Pool; limiters: Partial<Record<RateLimitName, RateLimiterPostgres>> };

// One pool and one limiter per name per process (dev hot reloads would otherwise open more).
const globalForRateLimit = globalThis as unknown as { wheelhouseRateLimit?: RateLimitState };
const state: RateLimitState = (globalForRateLimit.wheelhouseRateLimit ??= { limiters: {} });

function limiter(name: RateLimitName): RateLimiterPostgres {
  state.pool ??= createPool("wheelhouse-rate-limit", 3);
  return (state.limiters[name] ??= new RateLimiterPostgres({
    storeClient: state.pool,
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true,
    // Expired counters are purged in batches by the housekeeping job
    // (lib/server/housekeeping.ts), not by an unbounded DELETE from every instance every 5 minutes.
    clearExpiredByTimeout: false,
    keyPrefix: name,
    ...RATE_LIMITS[name],
  }));
}

/**
 * The stored form of a key: trimmed, lower-cased, then an HMAC with the app's
 * secret, so the table holds no email or IP address and cannot be reversed by
 * hashing a list of known addresses.
 */
export function rateLimitKey(key: string): string {
  return createHmac("sha256", env.AUTH_SECRET).update(key.trim().toLowerCase()).digest("base64url");
}

/**
 * Takes one point from `name`'s budget for `key` (an email, an IP, a user id).
 * A refused call still counts, so hammering does not help. A database error
 * is thrown: the caller fails like any other request while the database is down.
 */
export async function consumeRateLimit(name: RateLimitName, key: string): Promise<RateLimitResult> {
  try {
    await limiter(name).consume(rateLimitKey(key));
    return { allowed: true, retryAfterSeconds: 0 };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    throw rejection;
  }
}

/**
 * Whether `name`'s budget for `key` is spent, without taking a point: for
 * limits that count only failures (a wrong link), checked before the attempt.
 */
export async function rateLimitReached(name: RateLimitName, key: string): Promise<RateLimitResult> {
  const used = await limiter(name).get(rateLimitKey(key));
  if (used && used.consumedPoints >= RATE_LIMITS[name].points) {
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(used.msBeforeNext / 1000)) };
  }
  return { allowed: true, retryAfterSeconds: 0 };
}

/** "a minute", "12 minutes", "3 hours": a retry delay in words for the person waiting. */
export function retryAfterInWords(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes === 1) return "a minute";
  if (minutes < 90) return `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hours`;
}
