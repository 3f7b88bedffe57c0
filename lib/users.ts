import "server-only";
import { cache } from "react";
import { db } from "@/lib/server/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/server/viewer";
import type { SettingsInput } from "@/lib/users.validation";
import { rescheduleWeeklyEmails } from "@/lib/reminders/preferences";

/** The user's own settings and goals, as they chose them (the account export reads these too). */
export const SETTINGS_SELECT = {
  email: true,
  name: true,
  timeZone: true,
  weekStartsOn: true,
  goalStrategySharePercent: true,
  goalTouchpointsPerWeek: true,
  goalDepartments: true,
} as const;

// A user's settings, goals and data version: what the signed-in shell and the
// dashboard (lib/dashboard/dashboard.ts) read on every render. Always built by
// profileOf, so that a profile read with the session (lib/server/auth.ts) and
// one read here are equal field for field, in the same order: the dashboard's
// stamp is built from its fields.
const PROFILE_SELECT = {
  ...SETTINGS_SELECT,
  dataVersion: true,
} as const;

export type Profile = Prisma.UserGetPayload<{ select: typeof PROFILE_SELECT }>;

export function profileOf(row: Profile): Profile {
  const { email, name, timeZone, weekStartsOn, goalStrategySharePercent, goalTouchpointsPerWeek, goalDepartments, dataVersion } = row;
  return { email, name, timeZone, weekStartsOn, goalStrategySharePercent, goalTouchpointsPerWeek, goalDepartments, dataVersion };
}

// The signed-in user's profile, read with their session in the same statement
// (lib/server/viewer.ts keeps it here), for the rest of this render.
const signedInProfiles = cache(() => new Map<string, Profile>());

/** Keeps the profile the session's statement read, for `getProfile` in the same render. */
export function keepSignedInProfile(userId: string, profile: Profile): void {
  signedInProfiles().set(userId, profile);
}

/**
 * A user's profile, read once per render: the signed-in user's came with
 * their session, anyone else's (a mentee's, for their mentor) is read here.
 * By id, since React's `cache` compares arguments by identity and each
 * viewer is a fresh object. Only for pages; an action that writes reads
 * afresh with `readProfile`.
 */
export const getProfile = cache(async (userId: string): Promise<Profile> => signedInProfiles().get(userId) ?? readProfile(userId));

/** A user's profile as it is now, read afresh (after a write, say), whatever the render read before. */
export async function readProfile(userId: string): Promise<Profile> {
  return profileOf(await db.user.findUniqueOrThrow({ where: { id: userId }, select: PROFILE_SELECT }));
}

/** What week arithmetic needs; UTC until the browser has told us the zone. */
export type CalendarSettings = { timeZone: string; weekStartsOn: number };

export function calendarSettingsOf(settings: Pick<Profile, "timeZone" | "weekStartsOn">): CalendarSettings {
  return { timeZone: settings.timeZone ?? "UTC", weekStartsOn: settings.weekStartsOn };
}

/**
 * The viewer's calendar: in a render, from the profile read with the session
 * (no statement of its own, however many parts of the page ask); elsewhere
 * (an action, a job) read afresh, as `getProfile` does outside a render.
 */
export async function getCalendarSettings(viewer: Viewer): Promise<CalendarSettings> {
  return calendarSettingsOf(await getProfile(viewer.userId));
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
