import { z } from "zod";
import { dateOnlySchema, idSchema } from "@/lib/shared/form-schemas";

const id = idSchema();

const body = z
  .string({ error: "Write a comment first." })
  .trim()
  .min(1, "Write a comment first.")
  .max(5_000, "Keep a comment under 5,000 characters.");

export const addCommentSchema = z.object({
  menteeId: id,
  weekStartsOn: dateOnlySchema.optional(),
  noteId: id.optional(),
  body,
});

// Its own field name, so an edit form and the new-comment form on one page never share an id.
export const editCommentSchema = z.object({ id, commentBody: body });

export const commentIdSchema = id;
