"use client";

import Form from "next/form";
import Link from "next/link";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import type { StakeholderFilters as Filters } from "@/lib/stakeholders.validation";
import { DEPARTMENTS, STAKEHOLDER_SORTS, optionsOf } from "@/lib/shared/vocabulary";

const sortOptions = optionsOf(STAKEHOLDER_SORTS);
const departmentOptions = [{ value: "", label: "All departments" }, ...optionsOf(DEPARTMENTS)];

const subscribeToNothing = () => () => {};

/**
 * A GET form: the sort and filters live in the URL, so a view can be bookmarked.
 * With JavaScript each change applies at once; without it, the Apply button sends the form.
 */
export function StakeholderFilters({ filters }: { filters: Filters }) {
  const filtered = Boolean(filters.department) || filters.overdue || filters.sort !== "name";
  // False on the server and in the HTML, true once hydrated: the Apply button is there until scripts run.
  const scripted = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const formRef = useRef<HTMLFormElement>(null);

  // The fields are uncontrolled and stay mounted, so the one in focus keeps it across a change;
  // a URL they did not make (Clear, back and forward) writes its values into them.
  useEffect(() => {
    const fields = formRef.current?.elements;
    if (!fields) return;
    (fields.namedItem("sort") as HTMLSelectElement).value = filters.sort;
    (fields.namedItem("department") as HTMLSelectElement).value = filters.department ?? "";
    (fields.namedItem("overdue") as HTMLInputElement).checked = filters.overdue;
  }, [filters.sort, filters.department, filters.overdue]);

  return (
    <Form
      ref={formRef}
      action="/stakeholders"
      replace
      scroll={false}
      onChange={(event) => event.currentTarget.requestSubmit()}
      aria-label="Sort and filter stakeholders"
      className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-border bg-surface p-4"
    >
      <div className="w-full sm:w-56">
        <SelectField name="sort" label="Sort by" defaultValue={filters.sort} options={sortOptions} />
      </div>
      <div className="w-full sm:w-52">
        <SelectField name="department" label="Department" defaultValue={filters.department ?? ""} options={departmentOptions} />
      </div>
      <label className="inline-flex min-h-10 items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} className="size-4 accent-accent" />
        Overdue only
      </label>
      <div className="flex items-center gap-2">
        {scripted ? null : (
          <Button type="submit" variant="secondary">
            Apply
          </Button>
        )}
        {filtered ? (
          <Link href="/stakeholders" className="px-2 text-sm text-muted underline underline-offset-2 hover:text-text">
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
