"use client";

import { updateTouchpointAction } from "@/app/(app)/touchpoints/actions";
import { TouchpointFields, type StakeholderChoice, type TouchpointDefaults } from "@/components/touchpoints/touchpoint-fields";
import { LinkButton } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/form";
import { updateTouchpointSchema } from "@/lib/touchpoints.validation";

type Props = {
  id: string;
  stakeholders: readonly StakeholderChoice[];
  defaults: TouchpointDefaults;
  /** Where to go after saving or cancelling. */
  returnTo: string;
};

export function TouchpointEditForm({ id, stakeholders, defaults, returnTo }: Props) {
  return (
    <ActionForm
      action={updateTouchpointAction}
      schema={updateTouchpointSchema}
      submitLabel="Save touchpoint"
      aria-label="Edit touchpoint"
      warnOnLeave
      extraActions={
        <LinkButton href={returnTo} variant="ghost">
          Cancel
        </LinkButton>
      }
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <TouchpointFields stakeholders={stakeholders} defaults={defaults} />
    </ActionForm>
  );
}
