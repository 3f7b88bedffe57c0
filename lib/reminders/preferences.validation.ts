import { z } from "zod";

// The emails a user may turn off: every one that is not transactional (a
// sign-in link or an invitation is sent because someone asked for it now).

export const EMAIL_KINDS = ["week-reminder", "mentor-digest", "comment-digest"] as const;

export type EmailKind = (typeof EMAIL_KINDS)[number];

/** How each kind is named in Settings, on the unsubscribe page and in the switch's help. */
export const EMAIL_KIND_TEXT: Record<EmailKind, { field: EmailKindField; label: string; noun: string; help: string }> = {
  "week-reminder": {
    field: "weekReminder",
    label: "“Log your week” reminder",
    noun: "“Log your week” reminders",
    help: "Once a week, unless the week is already logged: the week's link, stakeholders now overdue and vision notes due for a revisit.",
  },
  "mentor-digest": {
    field: "mentorDigest",
    label: "Weekly digest for mentors",
    noun: "weekly mentor digests",
    help: "Once a week, when the leaders you mentor shared something new or a thread waits for you.",
  },
  "comment-digest": {
    field: "commentDigest",
    label: "New comments",
    noun: "emails about new comments",
    help: "At most one email an hour per person, with the comments they wrote on your weeks and notes.",
  },
};

export type EmailKindField = "weekReminder" | "mentorDigest" | "commentDigest";

/** A checkbox: "on" when ticked, absent when not. */
const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

const TIME_MESSAGE = "Enter a time such as 16:00.";

export const emailPreferencesSchema = z.object({
  weekReminder: checkbox,
  mentorDigest: checkbox,
  commentDigest: checkbox,
  weeklyEmailDay: z.coerce
    .number({ error: "Choose a day." })
    .int("Choose a day.")
    .min(0, "Choose a day.")
    .max(6, "Choose a day."),
  // "16:00" from a time input, as minutes after midnight.
  weeklyEmailTime: z
    .string({ error: TIME_MESSAGE })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, TIME_MESSAGE)
    .transform((time) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))),
});

export type EmailPreferencesInput = z.output<typeof emailPreferencesSchema>;

export const emailKindSchema = z.enum(EMAIL_KINDS);

/** What an unsubscribe link's token can look like (`u1.<user>.<kind>.<expiry>.<signature>`): anything else is refused before it is read or put in an address. */
export const unsubscribeTokenSchema = z.string().max(200).regex(/^[A-Za-z0-9._-]+$/);
