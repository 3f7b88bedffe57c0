"use client";

import type { ReactNode } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ActionForm, type ActionFormProps } from "@/components/ui/form";
import { DEFAULT_SHARE_LINK_EXPIRY_DAYS, SHARE_LINK_EXPIRY_DAYS, createShareLinkSchema } from "@/lib/story/share-links.validation";

const EXPIRY_OPTIONS = SHARE_LINK_EXPIRY_DAYS.map((days) => ({ value: String(days), label: `${days} days` }));

function isCreatedLink(data: unknown): data is { url: string } {
  return typeof data === "object" && data !== null && typeof (data as { url?: unknown }).url === "string";
}

/** The new link, shown once (only its hash is kept), with a button to copy it. */
function NewLink({ url }: { url: string }) {
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      toast.success("Link copied.");
    } catch {
      toast.error("Copying was blocked by the browser. Select the link and copy it yourself.");
    }
  }

  return (
    <div className="mt-4 rounded-md border border-border-strong bg-accent-soft p-3" role="status">
      <label htmlFor="new-share-link" className="block text-sm font-medium">
        Your new link (shown only now)
      </label>
      <div className="mt-2 flex flex-col gap-2 sm:flex-row">
        <input
          id="new-share-link"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border border-border-strong bg-surface px-3 py-2 font-mono text-sm text-text"
        />
        <Button variant="secondary" onClick={() => void copy()}>
          Copy link
        </Button>
      </div>
    </div>
  );
}

/**
 * Creates a link to this quarter's pack and shows it once, from the form's result, so it shows
 * without JavaScript too. `extraActions`: beside the button, the link that closes the form.
 */
export function ShareLinkForm({ action, quarter, extraActions }: { action: ActionFormProps["action"]; quarter: string; extraActions?: ReactNode }) {
  return (
    <ActionForm
      action={action}
      schema={createShareLinkSchema}
      submitLabel="Create link"
      pendingLabel="Creating…"
      aria-label="Create a share link"
      extraActions={extraActions}
      result={(state) => (state.status === "success" && isCreatedLink(state.data) ? <NewLink url={state.data.url} /> : null)}
    >
      <input type="hidden" name="quarter" value={quarter} />
      <TextField name="label" label="Who it is for (optional)" maxLength={80} placeholder="Dana, CEO" help="Only you see this." autoComplete="off" />
      <SelectField
        name="expiresInDays"
        label="Works for"
        options={EXPIRY_OPTIONS}
        defaultValue={String(DEFAULT_SHARE_LINK_EXPIRY_DAYS)}
        help="You can revoke it at any time."
      />
    </ActionForm>
  );
}
