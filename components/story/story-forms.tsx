"use client";

import dynamic from "next/dynamic";

// The leader's story forms open only when asked (`?edit=`, decision record 035). Next loads the code of
// every client component a page imports, rendered or not, and a Server Component's own dynamic import is not
// split; imported through here, a form's code (and its schema) comes with the page only while it is open.
export const NarrativeEditor = dynamic(() => import("@/components/story/narrative-editor").then((module) => module.NarrativeEditor));
export const RatingsForm = dynamic(() => import("@/components/story/ratings-form").then((module) => module.RatingsForm));
export const ShareLinkForm = dynamic(() => import("@/components/story/share-link-form").then((module) => module.ShareLinkForm));
