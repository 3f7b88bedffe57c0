"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { CROSS_ORIGIN_MESSAGE, formAction, isSameOriginRequest } from "@/lib/server/actions";
import { ExpectedError } from "@/lib/server/errors";
import { deleteAccount } from "@/lib/account/deletion";
import { importAccount } from "@/lib/account/import";
import { accountExportSchema, deleteAccountSchema, IMPORT_MAX_BYTES } from "@/lib/account/account.validation";
import { SESSION_COOKIE, SESSION_COOKIE_NAMES } from "@/lib/config/session-cookies";
import { recordAudit } from "@/lib/server/audit";
import { errorState, successState, type FormState } from "@/lib/shared/forms";
import { logger } from "@/lib/server/logger";
import { requireViewer } from "@/lib/server/viewer";
import { rebuildDashboardAfterResponse } from "@/app/(app)/dashboard/rebuild";

const NOT_AN_EXPORT = "That file is not a Wheelhouse export we can read. Choose the .json file from “Download everything”.";

/**
 * Takes the uploaded export file. Not a `formAction`: that one reads text
 * fields only, and this one reads a file; it makes the same checks.
 */
export async function importDataAction(_previous: FormState, formData: FormData): Promise<FormState> {
  if (!(await isSameOriginRequest())) return errorState(CROSS_ORIGIN_MESSAGE, {});
  const viewer = await requireViewer();
  const file = formData instanceof FormData ? formData.get("file") : null;
  if (!(file instanceof File) || file.size === 0) return errorState("Choose your export file first.", {}, { file: ["Choose your export file first."] });
  if (file.size > IMPORT_MAX_BYTES) return errorState("That file is too big to be a Wheelhouse export.", {}, { file: ["That file is too big to be a Wheelhouse export."] });

  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return errorState(NOT_AN_EXPORT, {}, { file: [NOT_AN_EXPORT] });
  }
  const parsed = accountExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join(".")}: ${issue.message})` : "";
    return errorState(`${NOT_AN_EXPORT}${where}`, {}, { file: [NOT_AN_EXPORT] });
  }

  try {
    const summary = await importAccount(viewer, parsed.data);
    await recordAudit({ userId: viewer.userId, action: "import", detail: summary });
    revalidatePath("/", "layout");
    rebuildDashboardAfterResponse(viewer);
    return successState(
      `Imported ${summary.weeks} weeks, ${summary.stakeholders} stakeholders, ${summary.touchpoints} touchpoints and ${summary.visionNotes} vision notes.`,
    );
  } catch (error) {
    if (error instanceof ExpectedError) return errorState(error.message, {});
    logger.error({ err: error }, "Import failed");
    return errorState("Something went wrong on our side and nothing was imported. Please try again.", {});
  }
}


export const deleteAccountAction = formAction(deleteAccountSchema, async (viewer, { confirmEmail }) => {
  await deleteAccount(viewer, confirmEmail);
  // Anonymised: the account is gone, so the line names no one.
  await recordAudit({ userId: null, action: "account_deleted" });
  // The sessions are gone with the account; the browser's cookie goes too.
  const jar = await cookies();
  for (const name of SESSION_COOKIE_NAMES) {
    if (jar.has(name)) jar.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name === SESSION_COOKIE.secure });
  }
  redirect("/");
});
