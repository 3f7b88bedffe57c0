"use client";

import { useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { toast } from "sonner";
import { formValues, type FormState, type FormValues } from "@/lib/shared/forms";

/** Something saved with a version: 0 when never saved. */
type Versioned = { version: number };

type Options<T extends Versioned> = {
  /** What the page loaded. */
  loaded: T;
  /** The key under which a successful save's answer carries the saved item (`{ week }`). */
  savedKey: string;
  /** The values "Keep mine" takes from the newer save: the fields the user did not change. */
  takenFromNewer: (base: T, saved: T, typed: FormValues) => Record<string, string>;
  /** The field that takes the focus when the form is replaced by the saved version. */
  firstField: string;
  /** Said when the user chose the saved version. */
  usedSavedMessage: string;
};

/** Where focus goes once the form has settled, when what held it is gone. */
type Refocus = { to: "save" | "first"; at: number };

/**
 * A form saved with a version check (a week, a story's narrative). Each save
 * names the version it is based on; when someone saved elsewhere in the
 * meantime the server refuses with the newer save (VersionConflictError in
 * lib/server/errors.ts), and the user sees both and chooses: "Keep mine"
 * merges field by field and saves, "Use saved" shows the newer save.
 */
export function useVersionedForm<T extends Versioned>({ loaded, savedKey, takenFromNewer, firstField, usedSavedMessage }: Options<T>) {
  // The version this form's values are based on: what was loaded, then what we saved or chose.
  const [version, setVersion] = useState(loaded.version);
  // The values of that version: what the user's changes are measured against.
  const [base, setBase] = useState(loaded);
  const [conflict, setConflict] = useState<{ saved: T; typed: FormValues } | null>(null);
  // "Use saved" shows a version newer than the page's own until the page catches up.
  const [chosen, setChosen] = useState<T | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [refocus, setRefocus] = useState<Refocus | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const shown = chosen && chosen.version >= loaded.version ? chosen : loaded;

  useEffect(() => {
    if (!refocus) return;
    const form = rootRef.current?.querySelector("form");
    const active = document.activeElement;
    // Only when focus was lost (the button pressed is gone, or the whole form was replaced), never taken from where the user is.
    if (!form || (active && active !== document.body)) return;
    const target = refocus.to === "save" ? form.querySelector<HTMLElement>('button[type="submit"]') : form.querySelector<HTMLElement>(`[name="${firstField}"]`);
    target?.focus();
  }, [refocus, firstField]);

  function onResult(state: FormState) {
    if (state.status === "success") {
      const saved = (state.data as Record<string, T | undefined> | undefined)?.[savedKey];
      if (saved) {
        setVersion(saved.version);
        setBase(saved);
      }
      setConflict(null);
      setRefocus({ to: "save", at: state.at });
    } else if (state.status === "error") {
      const newer = (state.data as { conflict?: T } | undefined)?.conflict;
      if (newer) setConflict({ saved: newer, typed: state.values });
    }
  }

  function keepMine(event: React.MouseEvent<HTMLButtonElement>) {
    if (!conflict) return;
    const form = event.currentTarget.form;
    if (!form) return;
    // The fields changed here keep what is in them now; the others take the newer save's values.
    const taken = takenFromNewer(base, conflict.saved, formValues(new FormData(form)));
    flushSync(() => {
      setVersion(conflict.saved.version);
      setBase(conflict.saved);
    });
    for (const [name, value] of Object.entries(taken)) setFieldValue(form, name, value);
    form.requestSubmit();
  }

  function takeSaved() {
    if (!conflict) return;
    setChosen(conflict.saved);
    setBase(conflict.saved);
    setVersion(conflict.saved.version);
    setConflict(null);
    // A fresh form shows the saved values instead of what was typed.
    setFormKey((key) => key + 1);
    setRefocus({ to: "first", at: Date.now() });
    toast(usedSavedMessage);
  }

  return { version, base, shown, conflict, formKey, rootRef, onResult, keepMine, takeSaved };
}

/** Puts a value in a field of the (uncontrolled) form as typing would, so its listeners see it. */
function setFieldValue(form: HTMLFormElement, name: string, value: string) {
  const field = form.elements.namedItem(name);
  if (field instanceof RadioNodeList) {
    field.value = value;
  } else if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
    field.value = value;
  } else {
    return;
  }
  form.dispatchEvent(new Event("input", { bubbles: true }));
}
