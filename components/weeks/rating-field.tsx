"use client";

import { cn } from "@/components/ui/cn";
import { FieldMessages } from "@/components/ui/field";
import { useFormField } from "@/components/ui/form";
import { RATING_MEANINGS } from "@/lib/shared/reflection-questions";

const CHOICES = [
  { value: "", label: "Skip", meaning: "No rating" },
  ...Object.entries(RATING_MEANINGS).map(([value, meaning]) => ({ value, label: value, meaning })),
];

type Props = { name: string; habitName: string; defaultValue: string; legend?: string };

/** A 1–5 rating of a habit as a radio group (a self-rating unless `legend` says otherwise); "Skip" leaves the habit unrated. */
export function RatingField({ name, habitName, defaultValue, legend = "Self-rating" }: Props) {
  const { errors, typedValue } = useFormField(name);
  const checked = typedValue ?? defaultValue;
  return (
    <fieldset aria-describedby={[`field-${name}-help`, errors?.length ? `field-${name}-error` : null].filter(Boolean).join(" ")}>
      <legend className="mb-1 text-sm font-medium">
        {legend}
        <span className="sr-only"> for {habitName}</span>
      </legend>
      <div className="flex flex-wrap gap-2">
        {CHOICES.map((choice, index) => (
          <label
            key={choice.value}
            className={cn(
              "relative flex min-h-10 min-w-10 cursor-pointer items-center justify-center rounded-md border px-3 text-sm tabular has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent",
              // "Skip" is where every habit starts: chosen, it stays quiet (a grey fill), so
              // only the ratings given stand out in the accent.
              choice.value === ""
                ? "border-border bg-surface text-muted has-checked:border-border-strong has-checked:bg-surface-muted has-checked:text-text"
                : "border-border-strong bg-surface font-medium has-checked:border-accent has-checked:bg-accent has-checked:text-accent-text",
            )}
          >
            <input
              type="radio"
              name={name}
              value={choice.value}
              defaultChecked={checked === choice.value}
              // The first choice carries the field's id, so an error can focus the group.
              id={index === 0 ? `field-${name}` : undefined}
              // Invisible but covering the whole choice, so the choice itself is what gets clicked.
              className="absolute inset-0 m-0 size-full cursor-pointer opacity-0"
            />
            {choice.label}
            <span className="sr-only"> – {choice.meaning}</span>
          </label>
        ))}
      </div>
      <FieldMessages name={name} help={`1 ${RATING_MEANINGS[1].toLowerCase()} · 5 ${RATING_MEANINGS[5].toLowerCase()}`} errors={errors} />
    </fieldset>
  );
}
