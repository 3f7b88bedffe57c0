import "server-only";
import { cache } from "react";
import { db } from "@/lib/server/db";
import type { Viewer } from "@/lib/server/viewer";
import type { SettingsInput } from "@/lib/users.validation";
import { rescheduleWeeklyEmails } from "@/lib/reminders/preferences";

export type UserSettings = {
  email: string;
  name: string | null;
  timeZone: string | null;
  weekStartsOn: number;
};

export async function getSettings(viewer: Viewer): Promise<UserSettings> {
  return db.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: { email: true, name: true, timeZone: true, weekStartsOn: true },
  });
}

/**
 * A user's settings, goals and data version, read once per render: the
 * signed-in shell and the dashboard (lib/dashboard/dashboard.ts) share the statement.
 * By id, since React's `cache` compares arguments by identity and each
 * viewer is a fresh object. Only for pages; an action that writes reads
 * afresh with `getSettings`.
 */
export const getProfile = cache(async (userId: string) =>
  db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      email: true,
      name: true,
      timeZone: true,
      weekStartsOn: true,
      goalStrategySharePercent: true,
      goalTouchpointsPerWeek: true,
      goalDepartments: true,
      dataVersion: true,
    },
  }),
);

/** What week arithmetic needs; UTC until the browser has told us the zone. */
export type CalendarSettings = { timeZone: string; weekStartsOn: number };

export function calendarSettingsOf(settings: Pick<UserSettings, "timeZone" | "weekStartsOn">): CalendarSettings {
  return { timeZone: settings.timeZone ?? "UTC", weekStartsOn: settings.weekStartsOn };
}

export async function getCalendarSettings(viewer: Viewer): Promise<CalendarSettings> {
  return calendarSettingsOf(await getSettings(viewer));
}

export async function updateSettings(viewer: Viewer, input: SettingsInput): Promise<void> {
  await db.user.update({
    where: { id: viewer.userId },
    data: { name: input.name, timeZone: input.timeZone, weekStartsOn: input.weekStartsOn },
  });
  // The weekly emails' local time moves with the zone.
  await rescheduleWeeklyEmails(viewer.userId);
}

/** Adopts the browser's zone the first time we see it; never overrides a choice. */
export async function adoptTimeZoneIfUnset(viewer: Viewer, timeZone: string): Promise<void> {
  const { count } = await db.user.updateMany({ where: { id: viewer.userId, timeZone: null }, data: { timeZone } });
  // Weekly emails wait for the zone: now they can be scheduled.
  if (count > 0) await rescheduleWeeklyEmails(viewer.userId);
}

/** Ends every session of this user, on every device. */
export async function signOutEverywhere(viewer: Viewer): Promise<void> {
  await db.session.deleteMany({ where: { userId: viewer.userId } });
}
