// Touchpoint rules, shared by the form (instant feedback) and the server.
// Whether a stakeholder id is the viewer's own is checked in lib/touchpoints.ts.
import { z } from "zod";
import { isDateOnly } from "@/lib/shared/dates";
import { checkboxSchema, dateOnlySchema, idSchema } from "@/lib/shared/form-schemas";
import { Department, TouchpointChannel } from "@/lib/generated/prisma/enums";
import { stakeholderIdSchema } from "@/lib/stakeholders.validation";

export const TOPIC_MAX = 200;
export const OUTCOME_MAX = 5_000;

/** The calendar dates a touchpoint can be on: wide, but inside what PostgreSQL stores happily. */
const EARLIEST_TOUCHPOINT_DATE = "1970-01-01";
const LATEST_TOUCHPOINT_DATE = "2100-12-31";

export const touchpointIdSchema = idSchema("That touchpoint could not be found.");

export const CHOOSE_STAKEHOLDER = "Choose a stakeholder, or a department for a group meeting.";
export const CHOOSE_DEPARTMENT = "Choose the department you met.";
export const NOT_BOTH = "Choose a stakeholder or a department for a group meeting, not both.";

/** An empty select posts "": that means "not chosen", while a missing field stays undefined. */
const emptyAsNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

const touchpointFields = {
  occurredOn: dateOnlySchema.refine(
    // A value that is not a date at all already has its message.
    (value) => !isDateOnly(value) || (value >= EARLIEST_TOUCHPOINT_DATE && value <= LATEST_TOUCHPOINT_DATE),
    "Enter a date between 1970 and 2100.",
  ),
  stakeholderId: z.preprocess(emptyAsNull, stakeholderIdSchema.nullable().optional()),
  department: z.preprocess(emptyAsNull, z.enum(Department, { error: "Choose a department from the list." }).nullable().optional()),
  channel: z.enum(TouchpointChannel, { error: "Choose how you met from the list." }),
  topic: z
    .string({ error: "Say in a few words what it was about." })
    .trim()
    .min(1, "Say in a few words what it was about.")
    .max(TOPIC_MAX, `Keep the topic under ${TOPIC_MAX} characters; the outcome has room for more.`),
  outcome: z
    .string()
    .trim()
    .max(OUTCOME_MAX, `Keep the outcome under ${OUTCOME_MAX.toLocaleString("en-GB")} characters.`)
    .transform((value) => (value === "" ? null : value))
    .default(null),
  // Its outcome is one to tell in the quarterly story.
  notable: checkboxSchema,
};

type Who = { stakeholderId?: string | null; department?: Department | null };

/** Exactly one of a stakeholder and a department (for a group meeting). */
function checkWho(input: Who, ctx: z.RefinementCtx<Who>) {
  const hasStakeholder = input.stakeholderId != null;
  const hasDepartment = input.department != null;
  if (hasStakeholder && hasDepartment) ctx.addIssue({ code: "custom", path: ["department"], message: NOT_BOTH });
  if (!hasStakeholder && !hasDepartment) {
    // The form shows one of the two selects; put the message on the one the user saw.
    const sawDepartment = input.department === null && input.stakeholderId === undefined;
    ctx.addIssue({ code: "custom", path: [sawDepartment ? "department" : "stakeholderId"], message: sawDepartment ? CHOOSE_DEPARTMENT : CHOOSE_STAKEHOLDER });
  }
}

/** Run the check even when other fields failed, so every message shows at once. */
const whoCheckParams = {
  when: ({ issues }: { issues: Array<{ path?: PropertyKey[] }> }) => !issues.some((issue) => issue.path?.[0] === "stakeholderId" || issue.path?.[0] === "department"),
};

/** Who a touchpoint was with: one stakeholder, or a department as a group. */
export type TouchpointWith = { kind: "stakeholder"; stakeholderId: string } | { kind: "department"; department: Department };

/** Replaces the two optional fields with the one that was chosen. */
function withWho<T extends Who>({ stakeholderId, department, ...rest }: T) {
  // checkWho made sure exactly one of the two is set.
  const who: TouchpointWith = stakeholderId != null ? { kind: "stakeholder", stakeholderId } : { kind: "department", department: department as Department };
  return { ...rest, with: who };
}

export const touchpointSchema = z.object(touchpointFields).superRefine(checkWho, whoCheckParams).transform(withWho);

export type TouchpointInput = z.output<typeof touchpointSchema>;

/** Edit form: the same fields, the touchpoint's id, and where to go back to. */
export const updateTouchpointSchema = z
  .object({ ...touchpointFields, id: touchpointIdSchema, returnTo: z.string().max(2_000).optional().catch(undefined) })
  .superRefine(checkWho, whoCheckParams)
  .transform(withWho);
