"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/actions";
import { appBaseUrl } from "@/lib/server/app-origin";
import { itemAction } from "@/lib/server/button-actions";
import { createShareLink, restoreShareLink, revokeShareLink, sharedStoryPath } from "@/lib/story/share-links";
import { createShareLinkSchema, shareLinkIdSchema } from "@/lib/story/share-links.validation";

export const createShareLinkAction = formAction(createShareLinkSchema, async (viewer, input) => {
  const { token } = await createShareLink(viewer, input);
  revalidatePath("/story", "layout");
  // The only time the link can be shown: only its token's hash is kept.
  return { message: "Link created. Copy it now: it is shown only this once.", data: { url: `${await appBaseUrl()}${sharedStoryPath(token)}` } };
});

// Bound to a link's id in the list; checked against the owner in lib.
export const revokeShareLinkAction = itemAction(shareLinkIdSchema, async (viewer, id) => {
  await revokeShareLink(viewer, id);
  revalidatePath("/story", "layout");
}, "Link revoked. It no longer opens anything.");

export const restoreShareLinkAction = itemAction(shareLinkIdSchema, async (viewer, id) => {
  await restoreShareLink(viewer, id);
  revalidatePath("/story", "layout");
}, "Link restored.");
