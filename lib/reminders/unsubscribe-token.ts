import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/config/env";
import type { EmailHeaders } from "@/lib/server/email";
import { EMAIL_KINDS, type EmailKind } from "@/lib/reminders/preferences.validation";

// The token in an email's one-click unsubscribe link: who and which kind of
// email, until when, signed so nobody can make one for someone else. It
// works without a sign-in (RFC 8058: the mail client posts it), so it can
// only ever turn one kind of email off.

/** How long a link works; an older email's link sends the reader to Settings instead. */
export const UNSUBSCRIBE_TOKEN_DAYS = 90;

const VERSION = "u1";

let key: Buffer | undefined;

// Derived, so the signature never doubles as anything Auth.js signs with the same secret.
function signingKey(): Buffer {
  key ??= Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "wheelhouse", "unsubscribe-token", 32));
  return key;
}

function sign(payload: string): string {
  return createHmac("sha256", signingKey()).update(payload).digest("base64url");
}

export function createUnsubscribeToken(userId: string, kind: EmailKind, now: Date = new Date()): string {
  const expires = Math.floor(now.getTime() / 1000 + UNSUBSCRIBE_TOKEN_DAYS * 86_400).toString(36);
  const payload = `${VERSION}.${userId}.${kind}.${expires}`;
  return `${payload}.${sign(payload)}`;
}

export type UnsubscribeTokenCheck = { status: "valid"; userId: string; kind: EmailKind } | { status: "expired"; kind: EmailKind } | { status: "invalid" };

/** What a token says, once its signature holds; an expired one names its kind only. */
export function readUnsubscribeToken(token: string, now: Date = new Date()): UnsubscribeTokenCheck {
  const parts = token.length <= 200 ? token.split(".") : [];
  if (parts.length !== 5) return { status: "invalid" };
  const [version, userId, kind, expires, signature] = parts as [string, string, string, string, string];
  const expected = Buffer.from(sign(parts.slice(0, 4).join(".")));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { status: "invalid" };
  if (version !== VERSION || !/^[A-Za-z0-9_-]{1,64}$/.test(userId) || !(EMAIL_KINDS as readonly string[]).includes(kind)) return { status: "invalid" };
  if (Number.parseInt(expires, 36) * 1000 <= now.getTime()) return { status: "expired", kind: kind as EmailKind };
  return { status: "valid", userId, kind: kind as EmailKind };
}

/**
 * The link and the RFC 8058 headers a non-transactional email carries. The
 * mail client posts to the route handler; a reader who opens the link gets a
 * page with a button (app/unsubscribe/), since opening a link changes nothing.
 */
export function unsubscribeLink(baseUrl: string, userId: string, kind: EmailKind, now: Date = new Date()): { url: string; headers: EmailHeaders } {
  const url = new URL(`/api/unsubscribe/${createUnsubscribeToken(userId, kind, now)}`, baseUrl).toString();
  return { url, headers: { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } };
}
