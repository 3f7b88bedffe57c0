// Deleted stakeholders, touchpoints and vision notes can be restored for a
// while (docs/decisions/008-soft-delete-and-undo.md).
export const RESTORE_WINDOW_MS = 15 * 60 * 1000;

/** Rows deleted at or after this instant may still be restored. */
export function restorableSince(now: Date): Date {
  return new Date(now.getTime() - RESTORE_WINDOW_MS);
}
