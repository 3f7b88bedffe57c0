import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/config/env";

// A feed's address is a secret: whoever has it reads the calendar. It is kept
// sealed (AES-256-GCM, with a key derived from AUTH_SECRET, so a copy of the
// database alone does not hand out calendars), recognised by an HMAC (to say
// "already subscribed" without opening every address), and shown only as a
// hint. Rotating AUTH_SECRET leaves sealed addresses unreadable: the feed then
// says to subscribe again.

const VERSION = "v1";

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "wheelhouse", "calendar feed address", 32));
}

export function sealFeedAddress(address: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(address, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(".");
}

/** The address, or null when it cannot be opened (another AUTH_SECRET, or a changed row). */
export function openFeedAddress(sealed: string): string | null {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || data === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** The same for the same address (as fetched: webcal:// is https://), per server secret. */
export function feedAddressDigest(address: string): string {
  return createHmac("sha256", env.AUTH_SECRET).update(`calendar feed ${address}`).digest("base64url");
}
