"use client";

import type { ComponentProps, ReactNode } from "react";
import { useFormField } from "@/components/ui/form";
import { cn } from "@/components/ui/cn";

/** A text field's or select's look, for a control that is not one of the fields below. */
export const controlClasses =
  "block w-full rounded-md border border-border-strong bg-surface px-3 py-2 text-base text-text placeholder:text-muted aria-[invalid=true]:border-danger sm:text-sm";

type FieldShellProps = { name: string; label: string; help?: ReactNode; errors?: string[]; children: ReactNode };

/** The help and the errors under a field, with the ids its control's aria-describedby names. */
export function FieldMessages({ name, help, errors }: { name: string; help?: ReactNode; errors?: string[] }) {
  return (
    <>
      {help ? (
        <p id={`field-${name}-help`} className="mt-1 text-sm text-muted">
          {help}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`field-${name}-error`} className="mt-1 text-sm font-medium text-danger">
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

/** Label above, help under, errors in words next to the field. */
export function FieldShell({ name, label, help, errors, children }: FieldShellProps) {
  return (
    <div>
      <label htmlFor={`field-${name}`} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      {children}
      <FieldMessages name={name} help={help} errors={errors} />
    </div>
  );
}

/** Props that wire a control to its label, help and error message. */
function useFieldControl(name: string, help: ReactNode | undefined, defaultValue: unknown, errorsAsTyped?: string[]) {
  const field = useFormField(name);
  const { typedValue } = field;
  // A problem found as the user types stands in for what the last submission said.
  const errors = errorsAsTyped?.length ? errorsAsTyped : field.errors;
  const describedBy = [help ? `field-${name}-help` : null, errors?.length ? `field-${name}-error` : null].filter(Boolean).join(" ");
  return {
    errors,
    controlProps: {
      id: `field-${name}`,
      name,
      "aria-invalid": errors?.length ? true : undefined,
      "aria-describedby": describedBy || undefined,
      // After a refused save the form shows what the user typed, not the saved value.
      defaultValue: typedValue ?? (defaultValue as string | number | undefined),
    },
  };
}

type TextFieldProps = Omit<ComponentProps<"input">, "name" | "id"> & {
  name: string;
  label: string;
  help?: ReactNode;
  /** Problems found while typing, shown until they are fixed. */
  errorsAsTyped?: string[];
};

export function TextField({ name, label, help, defaultValue, errorsAsTyped, className, ...props }: TextFieldProps) {
  const { errors, controlProps } = useFieldControl(name, help, defaultValue, errorsAsTyped);
  return (
    <FieldShell name={name} label={label} help={help} errors={errors}>
      <input className={cn(controlClasses, className)} {...props} {...controlProps} />
    </FieldShell>
  );
}

type TextAreaFieldProps = Omit<ComponentProps<"textarea">, "name" | "id"> & { name: string; label: string; help?: ReactNode };

export function TextAreaField({ name, label, help, defaultValue, className, rows = 4, ...props }: TextAreaFieldProps) {
  const { errors, controlProps } = useFieldControl(name, help, defaultValue);
  return (
    <FieldShell name={name} label={label} help={help} errors={errors}>
      <textarea rows={rows} className={cn(controlClasses, "resize-y", className)} {...props} {...controlProps} />
    </FieldShell>
  );
}

type SelectFieldProps = Omit<ComponentProps<"select">, "name" | "id"> & {
  name: string;
  label: string;
  help?: ReactNode;
  options: ReadonlyArray<{ value: string; label: string }>;
};

export function SelectField({ name, label, help, defaultValue, options, className, ...props }: SelectFieldProps) {
  const { errors, controlProps } = useFieldControl(name, help, defaultValue);
  return (
    <FieldShell name={name} label={label} help={help} errors={errors}>
      {/* React sets a select's default option only when it mounts, and the form resets to
          that option after each submission: without this key a save (or a refused one)
          would snap back to the value the page first loaded with, and the next save send it. */}
      <select key={String(controlProps.defaultValue ?? "")} className={cn(controlClasses, className)} {...props} {...controlProps}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
