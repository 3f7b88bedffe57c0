import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import { getRequestContext, type RequestContext } from "@/lib/server/request-context";
import type { Viewer } from "@/lib/server/viewer";

/**
 * What the security history can say. Record with these names so Settings
 * shows a readable label; an unknown action still shows, humanised.
 */
const AUDIT_ACTIONS = {
  sign_in: "Signed in",
  sign_in_failed: "Sign-in link refused (expired or already used)",
  sign_in_limited: "Sign-in requests paused (too many)",
  sign_out: "Signed out",
  sign_out_everywhere: "Signed out on every device",
  invitation_sent: "Invited a mentor",
  invitation_cancelled: "Cancelled a mentor invitation",
  invitation_accepted: "Accepted a mentor invitation",
  mentorship_revoked: "Ended a mentor's access",
  mentorship_left: "Stopped mentoring someone",
  sharing_changed: "Changed what a mentor can see",
  export: "Downloaded your data",
  import: "Imported data",
  account_deleted: "Deleted the account",
  story_link_created: "Shared a quarter's story by link",
  story_link_revoked: "Revoked a shared story link",
  story_link_restored: "Restored a shared story link",
  story_link_viewed: "Your shared story was opened",
  calendar_feed_subscribed: "Subscribed to a calendar feed",
  calendar_feed_removed: "Removed a calendar feed",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export type AuditEventInput = { userId: string | null; action: AuditAction | (string & {}); detail?: Record<string, unknown> };

// Whatever a caller passes, these never land in the audit table.
const SECRET_DETAIL_KEYS = new Set(["token", "sessiontoken", "cookie", "authorization", "password", "secret", "body", "url"]);

function safeDetail(detail: Record<string, unknown> | undefined): Prisma.InputJsonValue | undefined {
  if (!detail) return undefined;
  const kept = Object.entries(detail).filter(([key, value]) => value !== undefined && !SECRET_DETAIL_KEYS.has(key.toLowerCase()));
  return kept.length > 0 ? (JSON.parse(JSON.stringify(Object.fromEntries(kept))) as Prisma.InputJsonValue) : undefined;
}

/** The line as stored: the action cut to its column, the detail without secrets, and where the request came from. */
function auditLine(event: AuditEventInput, { ip, userAgent }: RequestContext) {
  return { userId: event.userId, action: event.action.slice(0, 64), ip, userAgent, detail: safeDetail(event.detail) };
}

/**
 * Adds a line to the security history, with the IP and user agent of the
 * current request (or of `request`, read before: a task run after the
 * response cannot read the request in a page). Never throws: a lost audit line
 * must not undo or fail what the user did, so a failure is logged instead.
 */
export async function recordAudit(event: AuditEventInput, request?: RequestContext): Promise<void> {
  try {
    await db.auditEvent.create({ data: auditLine(event, request ?? (await getRequestContext())) });
    logger.info({ audit: event.action, userId: event.userId }, "Audit event");
  } catch (error) {
    logger.error({ err: error, audit: event.action, userId: event.userId }, "Recording an audit event failed");
  }
}

/**
 * recordAudit for a line that goes with a write made on every request (a
 * shared link's opening and its counter): the write (`change`, one UPDATE,
 * INSERT or DELETE) and the line are one statement, so one round trip and one
 * commit, and the one is never kept without the other. Never throws either;
 * a failure, of the write or of the line, is logged.
 */
export async function recordAuditWith(change: Prisma.Sql, event: AuditEventInput, request: RequestContext): Promise<void> {
  const line = auditLine(event, request);
  try {
    await db.$executeRaw`
      WITH change AS (${change})
      INSERT INTO "AuditEvent" (id, "userId", action, ip, "userAgent", detail)
      VALUES (${randomUUID()}, ${line.userId}, ${line.action}, ${line.ip}, ${line.userAgent}, ${line.detail === undefined ? null : JSON.stringify(line.detail)}::jsonb)`;
    logger.info({ audit: event.action, userId: event.userId }, "Audit event");
  } catch (error) {
    logger.error({ err: error, audit: event.action, userId: event.userId }, "Recording an audit event and its change failed");
  }
}

export type AuditEventView = {
  id: string;
  action: string;
  label: string;
  ip: string | null;
  userAgent: string | null;
  detail: Record<string, unknown> | null;
  createdAt: Date;
};

/** The line's label; a download names its file ("Downloaded touchpoints.csv") when it was recorded. */
function auditLabel(action: string, detail: Record<string, unknown> | null = null): string {
  if (action === "export" && typeof detail?.file === "string") return `Downloaded ${detail.file}`;
  if (action in AUDIT_ACTIONS) return AUDIT_ACTIONS[action as AuditAction];
  const words = action.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The viewer's own security history, newest first. */
export async function listAuditEvents(viewer: Viewer, { limit = 100 }: { limit?: number } = {}): Promise<AuditEventView[]> {
  const rows = await db.auditEvent.findMany({
    where: { userId: viewer.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(1, limit), 500),
    select: { id: true, action: true, ip: true, userAgent: true, detail: true, createdAt: true },
  });
  return rows.map((row) => {
    const detail = row.detail && typeof row.detail === "object" && !Array.isArray(row.detail) ? (row.detail as Record<string, unknown>) : null;
    return { ...row, label: auditLabel(row.action, detail), detail };
  });
}
