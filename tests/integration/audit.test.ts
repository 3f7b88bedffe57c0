import { describe, expect, it } from "vitest";
import { listAuditEvents, recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { createUser } from "../support/factories/users";

describe("audit trail", () => {
  it("records events and shows each user only their own, newest first", async () => {
    const ada = await createUser();
    const grace = await createUser();

    await recordAudit({ userId: ada.id, action: "sign_in", detail: { method: "email" } });
    await recordAudit({ userId: grace.id, action: "sign_in" });
    await recordAudit({ userId: ada.id, action: "export", detail: { file: "export.json" } });
    await recordAudit({ userId: null, action: "sign_in_failed" });

    const events = await listAuditEvents(ada.viewer, { limit: 10 });
    expect(events.map((event) => [event.action, event.label])).toEqual([
      ["export", "Downloaded export.json"],
      ["sign_in", "Signed in"],
    ]);
    expect(events[0]).toMatchObject({ detail: { file: "export.json" }, ip: null, userAgent: null });
    expect(await listAuditEvents(ada.viewer, { limit: 1 })).toHaveLength(1);
  });

  it("never stores secrets or note bodies passed in the detail", async () => {
    const ada = await createUser();
    await recordAudit({ userId: ada.id, action: "sharing_changed", detail: { token: "secret-token", body: "my private note", shareNotes: true } });

    const row = await db.auditEvent.findFirstOrThrow({ where: { userId: ada.id } });
    expect(row.detail).toEqual({ shareNotes: true });
  });

  it("never throws into the caller, even when the row cannot be written", async () => {
    // No such user: the foreign key refuses the row.
    await expect(recordAudit({ userId: "no-such-user", action: "sign_in" })).resolves.toBeUndefined();
    expect(await db.auditEvent.count()).toBe(0);
  });
});
