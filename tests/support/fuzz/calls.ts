// What the fuzz sends to each server action and route handler, keyed by
// "file#export". The forms come from the actions' own zod schemas
// (arbitraries.ts derives them), with hints where a field's valid values
// live in the database (ids) or behind a refinement (dates, zones, hours).
import fc from "fast-check";
import { addCommentSchema, editCommentSchema } from "@/lib/mentoring/comments.validation";
import { goalsSchema } from "@/lib/dashboard/goals.validation";
import { inviteSchema, updateSharingSchema } from "@/lib/mentoring/mentorships.validation";
import { signInSchema } from "@/lib/server/sign-in.validation";
import { stakeholderSchema, updateStakeholderSchema } from "@/lib/stakeholders.validation";
import { touchpointSchema, updateTouchpointSchema } from "@/lib/touchpoints.validation";
import { deleteAccountSchema, CSV_FILES } from "@/lib/account/account.validation";
import { settingsSchema } from "@/lib/users.validation";
import { emailPreferencesSchema } from "@/lib/reminders/preferences.validation";
import { revisitSchema, updateVisionNoteSchema, visionNoteSchema } from "@/lib/vision-notes.validation";
import { weekSchema } from "@/lib/weeks.validation";
import { createShareLinkSchema } from "@/lib/story/share-links.validation";
import { assessmentSchema, evidenceFieldOf, mentorAssessmentSchema, narrativeSchema, ratingFieldOf } from "@/lib/story/story.validation";
import { HABITS } from "@/lib/shared/reflection-questions";
import { currentQuarter, previousQuarter } from "@/lib/shared/quarters";
import { feedAddressSchema } from "@/lib/calendar/feeds.validation";
import { defaultCategorySchema, RECLASSIFY_SCOPES, ruleFormSchema, WEEK_CHOICES } from "@/lib/calendar/imports.validation";
import { CALENDAR_CATEGORIES } from "@/lib/calendar/rules.validation";
import { icsOf } from "../calendar-ics";
import {
  FileSpec,
  FormSpec,
  Huge,
  OversizedFile,
  ParamsSpec,
  Ref,
  RequestSpec,
  boundArgs,
  dateArb,
  emailArb,
  formActionArgs,
  formArb,
  hostileQueryValue,
  hostileString,
  idArb,
  poolsOf,
  returnPathArb,
  textArb,
  timeZoneArb,
  wrongType,
  type FieldArb,
  type FieldValue,
} from "./arbitraries";
import type { World } from "./world";

const ids = (kind: string) => idArb(...poolsOf(kind));

// Valid mostly: the forms' "mixed" mode brings the hostile values; these add near misses now and then.
const hours: FieldArb = fc.oneof(
  { weight: 9, arbitrary: fc.integer({ min: 0, max: 50 * 4 }).map((quarters) => String(quarters / 4)) },
  { weight: 1, arbitrary: fc.constantFrom("", "7,5", "168", "168.25", "-1", "1e3", "0.1", "١٢") },
);
const rating: FieldArb = fc.oneof({ weight: 9, arbitrary: fc.constantFrom("", "1", "2", "3", "4", "5", undefined) }, { weight: 1, arbitrary: fc.constantFrom("0", "6", "3.0") });
const version: FieldArb = fc.oneof(fc.integer({ min: 0, max: 6 }).map(String), fc.constantFrom("2147483647", "2147483648", "99999999999", "-1", "1.5", ""));
const tags: FieldArb = fc.oneof(
  fc.array(textArb(1, 40), { maxLength: 12 }).map((list) => list.join(", ")),
  fc.constantFrom("#hiring, Platform ,hiring", ",,,", "a".repeat(41)),
);

/** A quarter: this one or the last mostly (the attacker's own story), else one that has not begun, else almost one. */
const thisQuarter = currentQuarter({ timeZone: "Europe/Berlin", weekStartsOn: 1 });
const quarterArb: fc.Arbitrary<string | Huge> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(thisQuarter, previousQuarter(thisQuarter)) },
  { weight: 2, arbitrary: fc.constantFrom("2099-Q1", "1969-Q4", "2101-Q1", "2026-Q5", "2026-Q0", "2026-q4", " 2026-Q4 ", "2026Q4", "-2026-Q4") },
  { weight: 1, arbitrary: hostileString },
);

/** A shared story's token: the attacker's own, a victim's revoked one, or a forged one, well formed or far from it. */
const shareTokenArb = fc.oneof(
  { weight: 4, arbitrary: idArb("attacker.shareToken", "victim.deadShareToken") },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/) },
  { weight: 1, arbitrary: hostileQueryValue },
);

/** An account export: well formed, with payloads in its text and other users' ids as its own. */
function exportFile(): fc.Arbitrary<FieldValue> {
  const stakeholderId = fc.oneof(fc.constant("s1"), ids("stakeholder"));
  const at = "2026-11-01T09:00:00.000Z";
  const wellFormed = fc
    .record({ name: textArb(1, 120), topic: textArb(1, 200), title: textArb(1, 200), body: textArb(0, 2_000), tag: textArb(1, 40), stakeholderId, week: dateArb })
    .map(({ name, topic, title, body, tag, stakeholderId: id, week }) => ({
      format: "wheelhouse-export",
      version: 1,
      exportedAt: at,
      account: { email: "ignored@example.test", name, timeZone: "UTC", weekStartsOn: 1, goals: { strategySharePercent: 40, touchpointsPerWeek: null, departments: ["SALES"] }, createdAt: at },
      weeks: [
        {
          startsOn: week,
          firefightingMinutes: 60,
          strategyMinutes: 120,
          otherMinutes: 0,
          reflectionStrategy: body,
          reflectionStory: null,
          reflectionRelationships: null,
          reflectionVision: null,
          ratingStrategy: 3,
          ratingStory: null,
          ratingRelationships: null,
          ratingVision: null,
          highlights: title,
          createdAt: at,
          updatedAt: at,
        },
      ],
      stakeholders: [{ id, name, role: null, department: "SALES", cadenceDays: 14, notes: body, createdAt: at, updatedAt: at }],
      touchpoints: [{ id: "t1", stakeholderId: id, department: "SALES", occurredOn: "2026-11-02", channel: "CALL", topic, outcome: body, createdAt: at, updatedAt: at }],
      visionNotes: [{ id: "n1", title, body, horizon: "ONE_YEAR", tags: [tag], status: "OPEN", revisitOn: null, revisits: [at], createdAt: at, updatedAt: at }],
      mentorships: [],
      comments: [],
    }));
  return fc.oneof(
    { weight: 4, arbitrary: wellFormed.map((content) => new FileSpec("export.json", content)) },
    { weight: 1, arbitrary: fc.json().map((content) => new FileSpec("export.json", content)) },
    { weight: 1, arbitrary: fc.constantFrom(new FileSpec("export.json", "{"), new FileSpec("export.json", ""), new FileSpec("big.json", new Huge("1 MB", "[")), new OversizedFile()) },
    { weight: 1, arbitrary: hostileString },
  );
}

/**
 * A calendar feed's address: the fuzz's loopback feed server (allowed, so
 * subscribing can succeed), internal ones (refused before any packet is
 * sent), names under .invalid (which never resolve), near misses and
 * payloads. Never a name on the internet: the fuzz sends nothing out.
 */
const feedAddressArb = (world: World): FieldArb =>
  fc.oneof(
    { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9-]{1,20}$/).map((token) => `http://${world.feedHost}/calendar/${token}/basic.ics`) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        "https://10.0.0.1/calendar/private-0f1e2d3c4b5a/basic.ics",
        "webcal://127.0.0.1/feed.ics",
        "https://[::1]:8443/feed.ics",
        "https://169.254.169.254/latest/meta-data/",
        "https://[fd00:ec2::254]/",
        "webcal://localhost:3000/feed.ics",
        "http://calendar.example.invalid/feed.ics",
        "ftp://calendar.example.invalid/feed.ics",
        "https://ada:hunter2@calendar.example.invalid/feed.ics",
        "calendar.google.com/calendar/ical/basic.ics",
        "https://",
      ),
    },
    { weight: 2, arbitrary: fc.tuple(fc.domain(), fc.stringMatching(/^[a-z0-9-]{1,40}$/)).map(([domain, token]) => `webcal://${domain}.invalid/${token}/basic.ics`) },
    { weight: 1, arbitrary: hostileString },
  );

/** A calendar file: well formed with payloads in its text and the world's addresses among its attendees, or not a calendar at all. */
function calendarFile(world: World): fc.Arbitrary<FieldValue> {
  const address = fc.oneof(fc.constantFrom(world.attacker.email, "priya@product.example"), fc.emailAddress());
  const event = fc
    .record({ uid: fc.constantFrom("a", "b", "c", "d"), title: textArb(0, 200), attendees: fc.array(address, { maxLength: 4 }), daysAgo: fc.integer({ min: -7, max: 120 }), minutes: fc.integer({ min: 0, max: 600 }), rrule: fc.constantFrom(undefined, "FREQ=WEEKLY;COUNT=5", "FREQ=DAILY", "FREQ=MINUTELY;COUNT=1000000000", "FREQ=NOPE") })
    .map(({ uid, title, attendees, daysAgo, minutes, rrule }) => {
      const start = new Date(Date.now() - daysAgo * 86_400_000);
      // Line breaks would end the property early; the payloads stay in one line.
      return { uid, start, end: new Date(start.getTime() + minutes * 60_000), title: title.replaceAll(/[\r\n]/g, " "), attendees, rrule };
    });
  const ics = (name: string, type = "text/calendar") => (content: string | Huge) => new FileSpec(name, content, type);
  return fc.oneof(
    { weight: 4, arbitrary: fc.array(event, { maxLength: 6 }).map((events) => ics("calendar.ics")(icsOf(events))) },
    { weight: 1, arbitrary: fc.string().map(ics("calendar.ics")) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        ics("calendar.ics")(""),
        ics("calendar.ics")("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:No start\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"),
        ics("export.json", "application/json")("{}"),
        ics("big.ics")(new Huge("1 MB", "BEGIN:VCALENDAR\r\n")),
        new OversizedFile(),
      ),
    },
    { weight: 1, arbitrary: hostileString },
  );
}

/** The arguments of every server action, by "file#export". */
export function actionArgs(world: World): Record<string, fc.Arbitrary<unknown[]>> {
  const form = (schema: Parameters<typeof formArb>[0], hints?: Record<string, FieldArb>) => formActionArgs(formArb(schema, hints));
  const touchpointHints = { occurredOn: dateArb, stakeholderId: fc.option(ids("stakeholder"), { nil: undefined }) };
  const noteHints = { tags, revisitOn: fc.option(dateArb, { nil: undefined }) };
  const weekHints: Record<string, FieldArb> = {
    startsOn: dateArb,
    version,
    firefightingHours: hours,
    strategyHours: hours,
    otherHours: hours,
    ratingStrategy: rating,
    ratingStory: rating,
    ratingRelationships: rating,
    ratingVision: rating,
  };
  // The running quarter mostly (what the attacker and Mia may write), else another one, one not begun, or none.
  const quarter: FieldArb = fc.oneof(
    { weight: 6, arbitrary: fc.constant(currentQuarter({ timeZone: "Europe/Berlin", weekStartsOn: 1 })) },
    { weight: 2, arbitrary: fc.constantFrom("2026-Q3", "1970-Q1", "2100-Q4", "2026-Q5", "2026-q4", "") },
  );
  const ratingHints: Record<string, FieldArb> = Object.fromEntries(
    HABITS.flatMap((habit) => [
      [ratingFieldOf(habit.key), rating],
      [evidenceFieldOf(habit.key), fc.option(textArb(0, 1_100), { nil: undefined })],
    ]),
  );
  const confirmEmail = fc.oneof({ weight: 1, arbitrary: fc.constant(world.attacker.email.toUpperCase()) }, { weight: 6, arbitrary: emailArb(world) });
  const token = fc.oneof(idArb("victim.inviteToken"), fc.stringMatching(/^[A-Za-z0-9_-]{43}$/));
  const callbackUrl = fc.option(returnPathArb, { nil: undefined });

  return {
    "app/(app)/actions.ts#signOutAction": fc.oneof(fc.constant<unknown[]>([]), fc.array(wrongType, { maxLength: 2 })),
    "app/(app)/actions.ts#adoptBrowserTimeZone": boundArgs(timeZoneArb),
    "app/(app)/calendar/actions.ts#uploadCalendarAction": formActionArgs(calendarFile(world).map((file) => new FormSpec([["file", file]]))),
    "app/(app)/calendar/actions.ts#confirmImportAction": formActionArgs(
      fc
        .tuple(ids("calendarImport"), fc.array(fc.tuple(dateArb, fc.oneof(fc.constantFrom(...Object.keys(WEEK_CHOICES)), hostileString)), { maxLength: 4 }))
        .map(([id, weeks]) => new FormSpec([["id", id], ...weeks.map(([week, choice]) => [typeof week === "string" ? `week-${week}` : "week-2026-11-16", choice] as const)])),
    ),
    "app/(app)/calendar/actions.ts#undoImportAction": boundArgs(ids("calendarImport")),
    "app/(app)/calendar/actions.ts#reclassifyEventAction": boundArgs(
      ids("calendarImport"),
      fc.oneof(fc.constantFrom("fuzz-meeting", "fuzz-meeting/20261116T090000Z", ""), hostileString, wrongType),
      fc.oneof(fc.constantFrom(...Object.keys(CALENDAR_CATEGORIES)), hostileString, wrongType),
      fc.oneof(fc.constantFrom(...RECLASSIFY_SCOPES), hostileString, wrongType),
    ),
    "app/(app)/calendar/actions.ts#weekEventsAction": boundArgs(ids("calendarImport"), fc.oneof(dateArb, hostileString, wrongType)),
    "app/(app)/calendar/actions.ts#saveRuleAction": form(ruleFormSchema, {
      on: fc.oneof({ weight: 4, arbitrary: fc.constantFrom("words", "title", "attendee", "organiser", "attendeeCount") }, { weight: 1, arbitrary: hostileString }),
      words: fc.option(fc.oneof(textArb(1, 60), fc.array(textArb(1, 20), { maxLength: 25 }).map((words) => words.join(", "))), { nil: undefined }),
      title: fc.option(textArb(0, 220), { nil: undefined }),
      address: fc.option(fc.oneof(emailArb(world), fc.domain(), fc.constantFrom("@example.com", "mailto:Ana@Example.com", "localhost")), { nil: undefined }),
      min: fc.option(fc.oneof(fc.integer({ min: -2, max: 1_001 }).map(String), fc.constantFrom("", "1.5", "1e3")), { nil: undefined }),
      max: fc.option(fc.oneof(fc.integer({ min: -2, max: 1_001 }).map(String), fc.constant("")), { nil: undefined }),
      position: fc.option(fc.oneof(fc.integer({ min: -1, max: 120 }).map(String), fc.constantFrom("", "1.5", "99999999999")), { nil: undefined }),
    }),
    "app/(app)/calendar/actions.ts#saveDefaultCategoryAction": form(defaultCategorySchema),
    "app/(app)/calendar/actions.ts#moveRuleAction": boundArgs(fc.oneof(fc.integer({ min: -1, max: 120 }), wrongType), fc.oneof(fc.constantFrom("up", "down"), wrongType)),
    "app/(app)/calendar/actions.ts#deleteRuleAction": boundArgs(fc.oneof(fc.integer({ min: -1, max: 120 }), wrongType)),
    "app/(app)/calendar/actions.ts#subscribeFeedAction": form(feedAddressSchema, { address: feedAddressArb(world) }),
    "app/(app)/calendar/actions.ts#refreshFeedAction": boundArgs(ids("calendarFeed")),
    "app/(app)/calendar/actions.ts#unsubscribeFeedAction": boundArgs(ids("calendarFeed")),
    "app/(app)/dashboard/goals/actions.ts#saveGoals": form(goalsSchema),
    "app/(app)/mentees/actions.ts#markWeekReviewedAction": boundArgs(ids("user"), dateArb),
    "app/(app)/mentees/actions.ts#leaveMentorshipAction": boundArgs(ids("mentorship")),
    "app/(app)/mentees/actions.ts#saveMentorRatingsAction": form(mentorAssessmentSchema, { ...ratingHints, quarter, menteeId: ids("user") }),
    "app/(app)/mentors/actions.ts#inviteMentorAction": form(inviteSchema, { email: emailArb(world) }),
    "app/(app)/mentors/actions.ts#updateSharingAction": form(updateSharingSchema, { id: ids("mentorship") }),
    "app/(app)/mentors/actions.ts#resendInvitationAction": boundArgs(ids("mentorship")),
    "app/(app)/mentors/actions.ts#cancelInvitationAction": boundArgs(ids("mentorship")),
    "app/(app)/mentors/actions.ts#endMentorshipAction": boundArgs(ids("mentorship")),
    "app/(app)/notes/actions.ts#createVisionNoteAction": form(visionNoteSchema, noteHints),
    "app/(app)/notes/actions.ts#updateVisionNoteAction": form(updateVisionNoteSchema, { ...noteHints, id: ids("note") }),
    "app/(app)/notes/actions.ts#markRevisitedAction": form(revisitSchema, { id: ids("note") }),
    "app/(app)/notes/actions.ts#deleteVisionNoteAction": boundArgs(ids("note")),
    "app/(app)/notes/actions.ts#restoreVisionNoteAction": boundArgs(ids("note")),
    "app/(app)/notifications/actions.ts#markAllReadAction": fc.oneof(fc.constant<unknown[]>([]), fc.array(wrongType, { maxLength: 2 })),
    "app/(app)/reviews/actions.ts#addCommentAction": form(addCommentSchema, {
      menteeId: ids("user"),
      weekStartsOn: fc.option(dateArb, { nil: undefined }),
      noteId: fc.option(ids("note"), { nil: undefined }),
    }),
    "app/(app)/reviews/actions.ts#editCommentAction": form(editCommentSchema, { id: ids("comment") }),
    "app/(app)/reviews/actions.ts#deleteCommentAction": boundArgs(ids("comment")),
    "app/(app)/settings/actions.ts#saveSettings": form(settingsSchema, { timeZone: timeZoneArb }),
    "app/(app)/settings/actions.ts#saveEmailPreferences": form(emailPreferencesSchema, {
      weeklyEmailTime: fc.oneof({ weight: 4, arbitrary: fc.constantFrom("16:00", "00:00", "23:59", "02:30") }, { weight: 1, arbitrary: fc.constantFrom("24:00", "7:00", "16:60", "", "4 pm") }),
    }),
    "app/(app)/settings/actions.ts#signOutAllDevices": fc.oneof(fc.constant<unknown[]>([new FormSpec([])]), fc.array(wrongType, { maxLength: 2 })),
    "app/(app)/settings/data/actions.ts#importDataAction": formActionArgs(exportFile().map((file) => new FormSpec([["file", file]]))),
    "app/(app)/settings/data/actions.ts#deleteAccountAction": form(deleteAccountSchema, { confirmEmail }),
    "app/(app)/stakeholders/actions.ts#createStakeholderAction": form(stakeholderSchema),
    "app/(app)/story/share-links/actions.ts#createShareLinkAction": form(createShareLinkSchema, {
      quarter: quarterArb,
      expiresInDays: fc.oneof(fc.constantFrom("7", "30", "90", undefined), fc.constantFrom("", "1", "31", "-7", "7.5", "1e9", "Infinity")),
    }),
    "app/(app)/story/share-links/actions.ts#revokeShareLinkAction": boundArgs(ids("shareLink")),
    "app/(app)/story/share-links/actions.ts#restoreShareLinkAction": boundArgs(ids("shareLink")),
    "app/(app)/stakeholders/actions.ts#updateStakeholderAction": form(updateStakeholderSchema, { id: ids("stakeholder") }),
    "app/(app)/stakeholders/actions.ts#deleteStakeholderAction": boundArgs(ids("stakeholder")),
    "app/(app)/stakeholders/actions.ts#restoreStakeholderAction": boundArgs(ids("stakeholder")),
    "app/(app)/story/actions.ts#saveNarrativeAction": form(narrativeSchema, { quarter, version }),
    "app/(app)/story/actions.ts#saveSelfAssessmentAction": form(assessmentSchema, { ...ratingHints, quarter }),
    "app/(app)/touchpoints/actions.ts#addTouchpointAction": form(touchpointSchema, touchpointHints),
    "app/(app)/touchpoints/actions.ts#updateTouchpointAction": form(updateTouchpointSchema, { ...touchpointHints, id: ids("touchpoint"), returnTo: fc.option(returnPathArb, { nil: undefined }) }),
    "app/(app)/touchpoints/actions.ts#deleteTouchpointAction": boundArgs(ids("touchpoint")),
    "app/(app)/touchpoints/actions.ts#restoreTouchpointAction": boundArgs(ids("touchpoint")),
    // Half the saves name a week of the attacker's at its current version, so they get through to the database.
    "app/(app)/weeks/actions.ts#saveWeekAction": formActionArgs(
      fc
        .tuple(formArb(weekSchema, weekHints), fc.option(fc.nat(), { nil: undefined }))
        .map(([spec, week]) => (week === undefined ? spec : spec.with({ startsOn: new Ref("attacker.week", week), version: new Ref("attacker.weekVersion", week) }))),
    ),
    "app/invitations/[token]/actions.ts#acceptInvitationAction": boundArgs(token),
    "app/invitations/[token]/actions.ts#switchAccountAction": boundArgs(token),
    "app/signin/actions.ts#requestSignInLink": form(signInSchema, { email: emailArb(world), callbackUrl }),
    "app/signin/actions.ts#signInWithProvider": boundArgs(
      fc.tuple(fc.constantFrom("github", "google", "email", "credentials", "", "__proto__"), callbackUrl).map(
        ([provider, url]) => new FormSpec(url === undefined ? [["provider", provider]] : [["provider", provider], ["callbackUrl", url]]),
      ),
    ),
  };
}

const AUTH_PATHS = ["session", "csrf", "providers", "signin", "signin/email", "signin/github", "signout", "callback/email", "verify-request", "error", "nope", "signin/../session"];

/** Auth.js's endpoints, with the query strings and bodies a browser or a bot might send. */
function authRequest(method: "GET" | "POST"): fc.Arbitrary<unknown[]> {
  const query = fc.array(
    fc.tuple(fc.constantFrom("callbackUrl", "error", "token", "email", "provider"), fc.oneof(returnPathArb, fc.constantFrom("Verification", "Configuration", "AccessDenied"), hostileQueryValue)),
    { maxLength: 2 },
  );
  const body = fc.oneof(
    fc
      .tuple(fc.option(fc.string({ maxLength: 64 }), { nil: undefined }), fc.option(hostileString, { nil: undefined }), fc.option(returnPathArb, { nil: undefined }))
      .map(([csrfToken, email, callbackUrl]) =>
        new FormSpec(
          [
            ["csrfToken", csrfToken],
            ["email", email],
            ["callbackUrl", callbackUrl],
          ].filter((entry): entry is [string, string | Huge] => entry[1] !== undefined),
        ),
      ),
    fc.constantFrom("{", '{"csrfToken":1}', "null", "[]"),
  );
  return fc
    .tuple(fc.constantFrom(...AUTH_PATHS), query, method === "POST" ? fc.option(body, { nil: undefined }) : fc.constant(undefined))
    .map(([path, search, payload]) => [new RequestSpec(method, `/api/auth/${path}`, search, payload)]);
}

/** The arguments of every route handler, by "file#method". */
export function routeArgs(): Record<string, fc.Arbitrary<unknown[]>> {
  const exportFileName = fc.oneof(fc.constantFrom(...CSV_FILES), fc.constantFrom("export.json", "../.env", "weeks.CSV", "weeks.csv%00"), hostileQueryValue);
  const chartName = fc.oneof(fc.constantFrom("time-chart", "coverage-chart", "ratings-chart", "vision-written", "vision-revisited", "nope"), hostileQueryValue);
  const unsubscribeToken = idArb("attacker.unsubscribeToken", "victim.unsubscribeToken");
  const quarterParam = fc.oneof(fc.constantFrom("2026-Q4", "2026-Q3", "2100-Q1", "2026-Q9", "..", "2026-Q4%00"), hostileQueryValue);
  const chartQuery = fc.array(fc.tuple(fc.constantFrom("range", "size", "v"), fc.oneof(fc.constantFrom("all", "12m", "narrow", "wide", "x"), hostileQueryValue)), { maxLength: 3 });
  return {
    "app/api/health/route.ts#GET": fc.constant([new RequestSpec("GET", "/api/health")]),
    "app/api/auth/[...nextauth]/route.ts#GET": authRequest("GET"),
    "app/api/auth/[...nextauth]/route.ts#POST": authRequest("POST"),
    "app/(app)/settings/data/export.json/route.ts#GET": fc.constant([new RequestSpec("GET", "/settings/data/export.json")]),
    "app/(app)/settings/data/export/[file]/route.ts#GET": exportFileName.map((file) => [
      new RequestSpec("GET", "/settings/data/export/file"),
      new ParamsSpec({ file }),
    ]),
    "app/(app)/dashboard/charts/[chart]/route.ts#GET": fc
      .tuple(chartName, chartQuery)
      .map(([chart, query]) => [new RequestSpec("GET", "/dashboard/charts/chart", query), new ParamsSpec({ chart })]),
    // The one-click unsubscribe: the attacker's own links, other users' expired and forged ones, and anything else.
    "app/api/unsubscribe/[token]/route.ts#GET": unsubscribeToken.map((token) => [new RequestSpec("GET", "/api/unsubscribe/token"), new ParamsSpec({ token })]),
    "app/api/unsubscribe/[token]/route.ts#POST": fc
      .tuple(unsubscribeToken, fc.option(fc.constantFrom<string | FormSpec>("List-Unsubscribe=One-Click", new FormSpec([["List-Unsubscribe", "One-Click"]]), "{", ""), { nil: undefined }))
      .map(([token, body]) => [new RequestSpec("POST", "/api/unsubscribe/token", [], body), new ParamsSpec({ token })]),
    "app/(app)/mentees/[menteeId]/charts/[chart]/route.ts#GET": fc
      .tuple(ids("user"), chartName, chartQuery)
      .map(([menteeId, chart, query]) => [new RequestSpec("GET", "/mentees/mentee/charts/chart", query), new ParamsSpec({ menteeId, chart })]),
    "app/(app)/story/[quarter]/charts/[chart]/route.ts#GET": fc
      .tuple(quarterParam, chartName, chartQuery)
      .map(([quarter, chart, query]) => [new RequestSpec("GET", "/story/quarter/charts/chart", query), new ParamsSpec({ quarter, chart })]),
    "app/(app)/mentees/[menteeId]/story/[quarter]/charts/[chart]/route.ts#GET": fc
      .tuple(ids("user"), quarterParam, chartName, chartQuery)
      .map(([menteeId, quarter, chart, query]) => [new RequestSpec("GET", "/mentees/mentee/story/quarter/charts/chart", query), new ParamsSpec({ menteeId, quarter, chart })]),
    "app/(app)/story/[quarter]/story.md/route.ts#GET": quarterParam.map((quarter) => [new RequestSpec("GET", "/story/quarter/story.md"), new ParamsSpec({ quarter })]),
    "app/shared/story/[token]/story.md/route.ts#GET": shareTokenArb.map((token) => [new RequestSpec("GET", "/shared/story/token/story.md"), new ParamsSpec({ token })]),
    "app/shared/story/[token]/charts/[chart]/route.ts#GET": fc
      .tuple(shareTokenArb, chartName, chartQuery)
      .map(([token, chart, query]) => [new RequestSpec("GET", "/shared/story/token/charts/chart", query), new ParamsSpec({ token, chart })]),
  };
}

/** Who is asking, and from where: mostly the attacker from the app's own pages. */
export type Caller = {
  origin: "app" | "none" | "null" | "foreign" | "malformed";
  session: "attacker" | "none" | "garbage" | "bad callback cookie";
  forwardedFor?: string;
  userAgent?: string;
};

export const callerArb: fc.Arbitrary<Caller> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Caller>({ origin: "app", session: "attacker" }) },
  {
    weight: 3,
    arbitrary: fc.record<Caller>({
      origin: fc.constantFrom("app", "none", "null", "foreign", "malformed"),
      session: fc.constantFrom("attacker", "none", "garbage", "bad callback cookie"),
      forwardedFor: fc.option(fc.constantFrom("203.0.113.9", "1.1.1.1, 10.0.0.1", "::ffff:198.51.100.7", "not-an-ip", "x".repeat(300)), { nil: undefined }),
      userAgent: fc.option(fc.constantFrom("curl/8.0", "<script>alert(1)</script>", "ua".repeat(2_000)), { nil: undefined }),
    }),
  },
);
