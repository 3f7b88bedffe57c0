// The product's words for enum values, in one place for forms, lists and charts.
import type { Department, Horizon, TouchpointChannel, VisionNoteStatus } from "@/lib/generated/prisma/enums";

export const DEPARTMENTS = {
  SALES: "Sales",
  MARKETING: "Marketing",
  OPERATIONS: "Operations",
  FINANCE: "Finance",
  PRODUCT: "Product",
  CUSTOMER_SUCCESS: "Customer success",
  PEOPLE: "People / HR",
  LEGAL: "Legal",
  EXECUTIVE: "Executive team",
  BOARD: "Board",
  OTHER: "Other",
} as const satisfies Record<Department, string>;

export const TOUCHPOINT_CHANNELS = {
  ONE_ON_ONE: "1:1",
  MEETING: "Meeting",
  CALL: "Call",
  MESSAGE: "Message",
  SOCIAL: "Social",
  OTHER: "Other",
} as const satisfies Record<TouchpointChannel, string>;

export const HORIZONS = {
  QUARTER: "This quarter",
  ONE_YEAR: "1 year",
  THREE_YEARS: "3 years",
  FIVE_YEARS: "5 years",
} as const satisfies Record<Horizon, string>;

export const VISION_NOTE_STATUSES = {
  OPEN: "Open",
  IN_PROGRESS: "In progress",
  REALISED: "Realised",
  DROPPED: "Dropped",
} as const satisfies Record<VisionNoteStatus, string>;

export const TIME_CATEGORIES = {
  firefighting: "Firefighting",
  strategy: "Strategy",
  other: "Other",
} as const;

export type TimeCategory = keyof typeof TIME_CATEGORIES;

/** Options for a <select>, in declaration order. */
export function optionsOf<T extends Record<string, string>>(labels: T): Array<{ value: keyof T & string; label: string }> {
  return Object.entries(labels).map(([value, label]) => ({ value: value as keyof T & string, label }));
}

/** How far to push the next revisit after marking a note revisited. Here, not beside its schema, so a note's page loads no zod (040). */
export const REVISIT_PUSH_OPTIONS = {
  "1": "In 1 month",
  "3": "In 3 months",
  "6": "In 6 months",
  "12": "In 1 year",
  none: "No further revisit",
} as const;

/** The stakeholders list's orders. Here, not beside the list's schema, so its filter form loads no zod. */
export const STAKEHOLDER_SORTS = {
  name: "Name",
  "last-met": "Last met, longest ago first",
  overdue: "Most overdue first",
} as const;

export type StakeholderSort = keyof typeof STAKEHOLDER_SORTS;
