import { z } from "zod";
import { Department } from "@/lib/generated/prisma/enums";

const SHARE_MESSAGE = "Enter a whole percentage from 1 to 100, or leave it empty for no goal.";
const TOUCHPOINTS_MESSAGE = "Enter a whole number of touchpoints from 1 to 50, or leave it empty for no goal.";

/** An empty field means "no goal". */
const blankToNull = (value: unknown) => (value === undefined || (typeof value === "string" && value.trim() === "") ? null : value);

const optionalWholeNumber = (max: number, message: string) =>
  z.preprocess(blankToNull, z.coerce.number({ error: message }).int(message).min(1, message).max(max, message).nullable());

export const goalsSchema = z.object({
  goalStrategySharePercent: optionalWholeNumber(100, SHARE_MESSAGE),
  goalTouchpointsPerWeek: optionalWholeNumber(50, TOUCHPOINTS_MESSAGE),
  // Checkboxes: absent when none is ticked, a string for one, a list for several.
  goalDepartments: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.enum(Department, { error: "Choose departments from the list." })).transform((list) => [...new Set(list)]),
  ),
});

export type GoalsInput = z.output<typeof goalsSchema>;
