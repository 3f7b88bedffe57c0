"use client";

import { useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import type { ReclassifyScope } from "@/lib/calendar/imports.validation";
import type { PreviewEvent } from "@/lib/calendar/preview";
import { CALENDAR_CATEGORIES, type CalendarCategory } from "@/lib/calendar/rules.validation";
import type { ButtonResult } from "@/lib/server/button-actions";
import { optionsOf } from "@/lib/shared/vocabulary";

const categoryOptions = optionsOf(CALENDAR_CATEGORIES);

type Props = {
  event: PreviewEvent;
  /** When it starts, in words: tells the events of a series apart for screen readers. */
  when: string;
  /** Server action bound to the import: changes one event, or its series by a rule. */
  reclassify: (event: string, category: CalendarCategory, scope: ReclassifyScope) => Promise<ButtonResult>;
};

/**
 * Changes one event's category in the preview, and offers the same for its
 * whole series (every event titled the same, by a rule). Its select has no
 * name: it sits inside the confirm form, which must not send it.
 */
export function ReclassifyEvent({ event, when, reclassify }: Props) {
  const router = useRouter();
  const id = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [category, setCategory] = useState<CalendarCategory>(event.category);
  const [pending, startTransition] = useTransition();
  const title = event.title.trim() || "(no title)";

  function run(scope: ReclassifyScope) {
    startTransition(async () => {
      const result = await reclassify(event.key, category, scope).catch(() => ({ ok: false, message: "Something went wrong. Please try again." }));
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      toast.success(result.message);
      setOpen(false);
      toggle.current?.focus();
      router.refresh();
    });
  }

  return (
    <div className="basis-full">
      {/* Named in full for screen readers (which event), in an attribute so the title is on the page once. */}
      <Button
        ref={toggle}
        variant="ghost"
        className="min-h-8 px-2 py-1"
        aria-label={`Change category of ${title}, ${when}`}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen(!open)}
      >
        Change category
      </Button>
      {open ? (
        <div id={id} role="group" aria-label={`Category of ${title}, ${when}`} className="mt-2 space-y-2 rounded-md border border-border p-3">
          <div className="sm:max-w-64">
            <label htmlFor={`${id}-category`} className="mb-1 block text-sm font-medium">
              Counts as
            </label>
            <select id={`${id}-category`} className={controlClasses} value={category} onChange={(change) => setCategory(change.currentTarget.value as CalendarCategory)}>
              {categoryOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => run("event")} disabled={pending} aria-disabled={pending}>
              This event only
            </Button>
            {event.sameTitle > 1 ? (
              <Button onClick={() => run("series")} disabled={pending} aria-disabled={pending}>
                All {event.sameTitle} events titled “{title}”
              </Button>
            ) : null}
          </div>
          {event.sameTitle > 1 ? (
            <p className="text-sm text-muted">For the whole series a rule is added first in your calendar rules, where you can edit or delete it.</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
