import "server-only";
import { createHash, randomBytes } from "node:crypto";

// The secret in a link that works without signing in (a mentor invitation, a
// shared story): random, stored only as a hash, checked for shape before any lookup.

/** 256 random bits, URL-safe: far beyond guessing, short enough for a link. */
export function createLinkToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this hash is stored; a database leak does not hand out working links. */
export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A token as it can appear in a link: base64url of 32 bytes. Anything else is forged. */
export function isWellFormedLinkToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
