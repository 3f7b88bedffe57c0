// Stakeholders and touchpoints written straight to the database, so a test
// sets up exactly the rows it needs. Dates are calendar days ("YYYY-MM-DD").
import { fromDateOnly, type DateOnly } from "@/lib/shared/dates";
import { db } from "@/lib/server/db";
import type { Department, TouchpointChannel } from "@/lib/generated/prisma/enums";

export type StakeholderOverrides = {
  name?: string;
  role?: string | null;
  department?: Department;
  cadenceDays?: number | null;
  notes?: string | null;
  email?: string | null;
  deletedAt?: Date | null;
  createdAt?: Date;
};

let added = 0;

/**
 * When a stakeholder was added, unless a test says: long before any test's clock (the cadence
 * counts from the day they were added), a millisecond apart so they keep the order they were made in.
 */
export function addedLongAgo(): Date {
  added += 1;
  return new Date(Date.UTC(2000, 0, 1) + added);
}

export async function createStakeholder(userId: string, overrides: StakeholderOverrides = {}): Promise<{ id: string }> {
  return db.stakeholder.create({
    data: { userId, name: "Sam Seller", role: "VP Sales", department: "SALES", cadenceDays: null, notes: null, createdAt: addedLongAgo(), ...overrides },
    select: { id: true },
  });
}

export type TouchpointOverrides = {
  occurredOn?: DateOnly;
  stakeholderId?: string | null;
  department?: Department;
  channel?: TouchpointChannel;
  topic?: string;
  outcome?: string | null;
  notable?: boolean;
  deletedAt?: Date | null;
};

/** A touchpoint; with a stakeholder, the department is copied from them unless given. */
export async function createTouchpoint(userId: string, overrides: TouchpointOverrides = {}): Promise<{ id: string }> {
  const { occurredOn = "2026-11-02", stakeholderId = null, department, ...rest } = overrides;
  const stakeholder = stakeholderId ? await db.stakeholder.findUniqueOrThrow({ where: { id: stakeholderId }, select: { department: true } }) : null;
  return db.touchpoint.create({
    data: {
      userId,
      stakeholderId,
      department: department ?? stakeholder?.department ?? "PRODUCT",
      occurredOn: fromDateOnly(occurredOn),
      channel: "ONE_ON_ONE",
      topic: "Roadmap",
      ...rest,
    },
    select: { id: true },
  });
}

/** A row as stored, for "nothing changed" assertions. */
export async function stakeholderRow(id: string) {
  return db.stakeholder.findUniqueOrThrow({ where: { id } });
}

export async function touchpointRow(id: string) {
  return db.touchpoint.findUniqueOrThrow({ where: { id } });
}
