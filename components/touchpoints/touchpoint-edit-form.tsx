"use client";

import { TouchpointFields, type StakeholderChoice, type TouchpointDefaults } from "@/components/touchpoints/touchpoint-fields";
import { LinkButton } from "@/components/ui/button";
import { ActionForm, type ActionFormProps } from "@/components/ui/form";
import { updateTouchpointSchema } from "@/lib/touchpoints.validation";

type Props = {
  /** The server action that saves the touchpoint. */
  action: ActionFormProps["action"];
  id: string;
  stakeholders: readonly StakeholderChoice[];
  defaults: TouchpointDefaults;
  /** Where to go after saving or cancelling. */
  returnTo: string;
};

export function TouchpointEditForm({ action, id, stakeholders, defaults, returnTo }: Props) {
  return (
    <ActionForm
      action={action}
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
