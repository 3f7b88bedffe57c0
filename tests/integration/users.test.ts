import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { adoptTimeZoneIfUnset, getCalendarSettings, readProfile, signOutEverywhere, updateSettings } from "@/lib/users";
import { createUser } from "../support/factories/users";

async function createSession(userId: string) {
  return db.session.create({ data: { userId, sessionToken: randomUUID(), expires: new Date(Date.now() + 86_400_000) } });
}

describe("user settings", () => {
  it("saves name, time zone and week start for the signed-in user only", async () => {
    const ada = await createUser({ name: "Ada" });
    const grace = await createUser({ name: "Grace", timeZone: "America/New_York", weekStartsOn: 0 });

    await updateSettings(ada.viewer, { name: "Ada L.", timeZone: "Asia/Tokyo", weekStartsOn: 6 });

    expect(await readProfile(ada.id)).toMatchObject({ name: "Ada L.", timeZone: "Asia/Tokyo", weekStartsOn: 6 });
    expect(await readProfile(grace.id)).toMatchObject({ name: "Grace", timeZone: "America/New_York", weekStartsOn: 0 });
  });

  it("adopts the browser's time zone once and never overrides a choice", async () => {
    const user = await createUser({ timeZone: null });
    expect(await getCalendarSettings(user.viewer)).toEqual({ timeZone: "UTC", weekStartsOn: 1 });

    await adoptTimeZoneIfUnset(user.viewer, "Europe/Lisbon");
    await adoptTimeZoneIfUnset(user.viewer, "Asia/Kolkata");

    expect((await readProfile(user.id)).timeZone).toBe("Europe/Lisbon");
  });

  it("signs out of every device of this user and no one else's", async () => {
    const ada = await createUser();
    const grace = await createUser();
    await createSession(ada.id);
    await createSession(ada.id);
    await createSession(grace.id);

    await signOutEverywhere(ada.viewer);

    expect(await db.session.count({ where: { userId: ada.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: grace.id } })).toBe(1);
  });
});
