// Mentorships as plain rules: invitation tokens, the state a leader sees for
// each invitation, and what a mentor may see given the leader's sharing
// choices. Pure (no database, no clock of its own) so each rule is unit-tested.
import "server-only";
import type { MentorshipStatus } from "@/lib/generated/prisma/enums";
import type { DashboardModel } from "@/lib/dashboard/figures";

/** How long an invitation link works. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export {
  createLinkToken as createInviteToken,
  hashLinkToken as hashInviteToken,
  isWellFormedLinkToken as isWellFormedInviteToken,
} from "@/lib/server/secret-tokens";

export function inviteExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITE_TTL_MS);
}

/** What the leader sees for each row on /mentors. "Expired" is derived, never stored. */
export type InvitationState = "pending" | "expired" | "accepted" | "cancelled" | "ended";

export function invitationState(row: { status: MentorshipStatus; inviteExpiresAt: Date | null }, now: Date): InvitationState {
  switch (row.status) {
    case "PENDING":
      return row.inviteExpiresAt !== null && row.inviteExpiresAt.getTime() > now.getTime() ? "pending" : "expired";
    case "ACCEPTED":
      return "accepted";
    case "CANCELLED":
      return "cancelled";
    case "ENDED":
      return "ended";
  }
}

export const INVITATION_STATE_LABELS: Record<InvitationState, string> = {
  pending: "Invitation pending",
  expired: "Invitation expired",
  accepted: "Mentoring you",
  cancelled: "Invitation cancelled",
  ended: "Access ended",
};

/** The leader's sharing choices. Time split and dashboard are always shared. */
export type Share = { reflections: boolean; stakeholders: boolean; notes: boolean; story: boolean };

/** The same choices as a mentorship row stores them. */
export type ShareColumns = { shareReflections: boolean; shareStakeholders: boolean; shareNotes: boolean; shareStory: boolean };

const SHARE_COLUMN = { reflections: "shareReflections", stakeholders: "shareStakeholders", notes: "shareNotes", story: "shareStory" } as const satisfies Record<
  keyof Share,
  keyof ShareColumns
>;

/** Select these to read a row's sharing choices with shareOf. */
export const SHARE_SELECT = { shareReflections: true, shareStakeholders: true, shareNotes: true, shareStory: true } as const;

/** Nothing beyond what is always shared. */
export const SHARE_NONE: Share = { reflections: false, stakeholders: false, notes: false, story: false };

/** The one mapping from a row's (or a form's) columns to a Share. */
export function shareOf(row: ShareColumns): Share {
  return { reflections: row.shareReflections, stakeholders: row.shareStakeholders, notes: row.shareNotes, story: row.shareStory };
}

/** And back, to store a Share. */
export function shareColumns(share: Share): ShareColumns {
  return { shareReflections: share.reflections, shareStakeholders: share.stakeholders, shareNotes: share.notes, shareStory: share.story };
}

/**
 * Every kind of a leader's row (or view of them) a mentor could ask for, and
 * what an accepted mentor needs to read it: "always", one sharing choice,
 * "never" (the leader's own business), or "each item" for what is made of
 * other kinds (a notification is about a comment in a thread; an export
 * holds items of several kinds) and follows each item's own rule.
 * lib/mentoring/mentor-access.ts turns these into its checks and filters.
 */
export const MENTOR_RULES = {
  dashboard: "always",
  chart: "always",
  week: "always",
  weekComment: "always",
  reflection: "reflections",
  touchpoint: "stakeholders",
  stakeholder: "stakeholders",
  visionNote: "notes",
  revisit: "notes",
  noteComment: "notes",
  // The quarterly story (lib/story/): the pack, whose parts each follow their own rule too, and the mentor's own ratings in it.
  story: "story",
  storyRating: "story",
  notification: "each item",
  export: "each item",
  // The mentor's weekly digest: each week, note and thread in it by its own rule (listMentorDigest).
  digest: "each item",
  invitation: "never",
  // Links to the leader's story for people without an account (lib/story/share-links.ts): the leader's alone.
  shareLink: "never",
  // Raw calendar events and imports (issue 15): a mentor sees only the weeks and touchpoints they wrote.
  calendarImport: "never",
  // Calendar feeds (their addresses are secrets): the leader's alone.
  calendarFeed: "never",
} as const satisfies Record<string, keyof Share | "always" | "never" | "each item">;

export type MentorResource = keyof typeof MENTOR_RULES;
/** The kinds a single row belongs to (the ones a row can be checked against). */
export type MentorRowResource = { [K in MentorResource]: (typeof MENTOR_RULES)[K] extends "each item" ? never : K }[MentorResource];

/** The sharing column a kind of row needs; null when none (always, or never). */
export function shareColumnFor(resource: MentorRowResource): keyof ShareColumns | null {
  const rule = MENTOR_RULES[resource];
  return rule === "always" || rule === "never" ? null : SHARE_COLUMN[rule];
}

/** What an accepted mentor may read, resource by resource. */
export function mentorMayRead(share: Share, resource: MentorRowResource): boolean {
  const rule = MENTOR_RULES[resource];
  if (rule === "always") return true;
  if (rule === "never") return false;
  return share[rule];
}

export function sharingSummary(share: Share): string {
  const extra = [
    share.reflections && "reflections and ratings",
    share.stakeholders && "stakeholders and touchpoints",
    share.notes && "vision notes",
    share.story && "the quarterly story",
  ].filter(
    (part): part is string => typeof part === "string",
  );
  const always = "Time split and dashboard";
  if (extra.length === 0) return `${always} only`;
  return `${always}, ${extra.slice(0, -1).join(", ")}${extra.length > 1 ? " and " : ""}${extra.at(-1)}`;
}

/**
 * The dashboard as a mentor may see it: every section the leader did not
 * share is emptied here, before it reaches a component, so nothing unshared
 * can be rendered by mistake.
 */
export function redactDashboard(model: DashboardModel, share: Share): DashboardModel {
  // The leader's model is kept until their data changes (lib/dashboard/dashboard.ts), so
  // the mentor's view of it is too: one per model and sharing choice, whose
  // chart figures are then built once (components/charts/per-model.ts).
  const key = `${share.reflections} ${share.stakeholders} ${share.notes}`;
  let views = redactedViews.get(model);
  if (!views) redactedViews.set(model, (views = new Map()));
  let view = views.get(key);
  if (!view) views.set(key, (view = redact(model, share)));
  return view;
}

const redactedViews = new WeakMap<DashboardModel, Map<string, DashboardModel>>();

function redact(model: DashboardModel, share: Share): DashboardModel {
  const empty = { finding: "Not shared", summary: "Not shared." };
  return {
    ...model,
    headline: {
      ...model.headline,
      touchpointsThisMonth: share.stakeholders ? model.headline.touchpointsThisMonth : 0,
      overdueStakeholders: share.stakeholders ? model.headline.overdueStakeholders : 0,
      notesDueForRevisit: share.notes ? model.headline.notesDueForRevisit : 0,
    },
    goals: {
      strategyShare: model.goals.strategyShare,
      touchpoints: share.stakeholders ? model.goals.touchpoints : null,
      departments: share.stakeholders ? model.goals.departments : null,
    },
    ratings: share.reflections ? model.ratings : { points: [], ...empty },
    coverage: share.stakeholders ? model.coverage : { columns: [], max: 0, ...empty },
    vision: share.notes ? model.vision : { points: [], ...empty },
  };
}
