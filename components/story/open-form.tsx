"use client";

import { useEffect } from "react";
import { focusFirstField } from "@/components/ui/focus-first-field";

/**
 * Puts the focus in a form of the story page the leader has just opened
 * (`?edit=`): the link they followed is gone, and typing is what comes next.
 */
export function FocusOpenedForm({ id }: { id: string }) {
  useEffect(() => {
    focusFirstField(id);
  }, [id]);
  return null;
}
