import type { ReactNode } from "react";
import { FocusOpenedForm } from "@/components/story/open-form";
import { LinkButton } from "@/components/ui/button";

type Props = {
  /** The address asks for this form (`?edit=`). */
  open: boolean;
  /** The page's address with this form open, without its fragment. */
  href: string;
  /** The open form's wrapper: where the link lands and what takes the focus. */
  id: string;
  /** The link's words while the form is closed. */
  label: string;
  children: ReactNode;
};

/**
 * One of the leader's forms on their story page, open only when asked for
 * (decision record 035): closed, it is a link that opens it, with or without
 * JavaScript; the page costs a form's rendering only while it is open.
 */
export function StoryFormSlot({ open, href, id, label, children }: Props) {
  if (!open) {
    return (
      // Not to the page's top: to the form, whose first field then takes the focus.
      <LinkButton href={`${href}#${id}`} scroll={false} variant="secondary" className="print:hidden">
        {label}
      </LinkButton>
    );
  }
  return (
    <div id={id} className="scroll-mt-32 lg:scroll-mt-6">
      {children}
      <FocusOpenedForm id={id} />
    </div>
  );
}
