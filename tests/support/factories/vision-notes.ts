import { fromDateOnly, type DateOnly } from "@/lib/shared/dates";
import { db } from "@/lib/server/db";
import type { Horizon, VisionNoteStatus } from "@/lib/generated/prisma/enums";
import type { TestUser } from "./users";

export type VisionNoteOverrides = {
  title?: string;
  body?: string;
  horizon?: Horizon;
  status?: VisionNoteStatus;
  tags?: string[];
  revisitOn?: DateOnly | null;
  deletedAt?: Date | null;
  updatedAt?: Date;
};

/** A vision note owned by `user`, written straight to the database. */
export async function createVisionNote(user: TestUser, overrides: VisionNoteOverrides = {}) {
  return db.visionNote.create({
    data: {
      userId: user.id,
      title: overrides.title ?? "Platform team by next year",
      body: overrides.body ?? "Product teams keep rebuilding the same deploy tooling.",
      horizon: overrides.horizon ?? "ONE_YEAR",
      status: overrides.status ?? "OPEN",
      tags: overrides.tags ?? [],
      revisitOn: overrides.revisitOn ? fromDateOnly(overrides.revisitOn) : null,
      deletedAt: overrides.deletedAt ?? null,
      ...(overrides.updatedAt ? { updatedAt: overrides.updatedAt } : {}),
    },
  });
}
