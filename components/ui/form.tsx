"use client";

import { createContext, useActionState, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";
import { fieldErrorsOf, formValues, idleFormState, type FieldErrors, type FormState, type FormValues } from "@/lib/shared/forms";
import { Button } from "@/components/ui/button";

type FormContextValue = { errors: FieldErrors; values: FormValues | null; pending: boolean };

const FormContext = createContext<FormContextValue>({ errors: {}, values: null, pending: false });

export function useFormField(name: string) {
  const { errors, values, pending } = useContext(FormContext);
  const typed = values?.[name];
  return { errors: errors[name], typedValue: typeof typed === "string" ? typed : undefined, typedValues: typed, pending };
}

/**
 * The same schema the server uses, for instant feedback before a round trip; or
 * how to load it, which the form does on its first input, so that zod is not
 * part of the page's first load (decision record 040). Sent before it has
 * loaded, the form is checked by the server alone, with the same messages.
 */
export type FormSchema = z.ZodType | (() => Promise<z.ZodType>);

export type ActionFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  schema?: FormSchema;
  submitLabel: string;
  pendingLabel?: string;
  /** Warn before leaving the page with unsaved changes. */
  warnOnLeave?: boolean;
  onResult?: (state: FormState) => void;
  /** What a result shows under the form, from its state: rendered on the server too, so it shows without JavaScript. */
  result?: (state: FormState) => ReactNode;
  /** A check the schema cannot make (a file's size): false keeps the form from being sent. */
  beforeSubmit?: (form: HTMLFormElement) => boolean;
  children: ReactNode;
  extraActions?: ReactNode;
  className?: string;
  id?: string;
  "aria-label"?: string;
};

export function ActionForm({
  action,
  schema,
  submitLabel,
  pendingLabel = "Saving…",
  warnOnLeave = false,
  onResult,
  result,
  beforeSubmit,
  children,
  extraActions,
  className,
  ...rest
}: ActionFormProps) {
  const [state, formAction, pending] = useActionState(action, idleFormState);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  // Time of the last edit; the form is dirty until a save succeeds after it.
  const [editedAt, setEditedAt] = useState<number | null>(null);
  const dirty = editedAt !== null && (state.status !== "success" || editedAt > state.at);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formSchema = useSchemaOnFirstInput(schema);

  const errors = clientErrors ?? (state.status === "error" ? state.fieldErrors : {});
  const message = clientErrors ? summaryMessage(clientErrors) : state.status === "error" ? state.message : null;

  useEffect(() => {
    if (state.status === "idle") return;
    onResult?.(state);
    if (state.status === "success") {
      toast.success(state.message);
    } else {
      focusFirstError(formRef.current, state.fieldErrors, summaryRef.current);
    }
    // Each result has its own timestamp, so this runs once per submission.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  useEffect(() => {
    if (!warnOnLeave || !dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    // In-app links navigate without unloading the page, so ask before those too.
    // Capture phase on the document runs before Next's <Link> handler.
    const confirmLinkClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || event.defaultPrevented) return;
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || link.target === "_blank") return;
      if (link.origin !== window.location.origin || link.hash) return;
      if (!window.confirm("You have unsaved changes. Leave this page without saving them?")) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", warn);
    document.addEventListener("click", confirmLinkClick, true);
    return () => {
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("click", confirmLinkClick, true);
    };
  }, [warnOnLeave, dirty]);

  function validateBeforeSubmit(event: React.FormEvent<HTMLFormElement>) {
    if (beforeSubmit && !beforeSubmit(event.currentTarget)) {
      event.preventDefault();
      return;
    }
    const ready = formSchema.atHand();
    if (!ready) return;
    const parsed = ready.safeParse(formValues(new FormData(event.currentTarget)));
    if (parsed.success) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    const fieldErrors = fieldErrorsOf(parsed.error);
    setClientErrors(fieldErrors);
    focusFirstError(event.currentTarget, fieldErrors, summaryRef.current);
  }

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={validateBeforeSubmit}
      onInput={() => {
        formSchema.load();
        setEditedAt(Date.now());
        if (clientErrors) setClientErrors(null);
      }}
      noValidate
      className={className}
      {...rest}
    >
      <div ref={summaryRef} tabIndex={-1} aria-live="assertive" className="outline-none">
        {message ? <ErrorSummary message={message} errors={errors} /> : null}
      </div>
      <FormContext.Provider value={{ errors, values: state.status === "error" ? state.values : null, pending }}>
        <div className="space-y-5">{children}</div>
      </FormContext.Provider>
      <div className="mt-6 flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
        {extraActions}
        {warnOnLeave && dirty && !pending ? <span className="text-sm text-muted">Unsaved changes</span> : null}
      </div>
      {result?.(state)}
    </form>
  );
}

/** The form's schema once it is at hand: at once when given, else after `load()`, which the form's first input calls. */
function useSchemaOnFirstInput(schema: FormSchema | undefined) {
  const loaded = useRef<z.ZodType | null>(null);
  const loading = useRef(false);
  return {
    atHand: () => (typeof schema === "function" ? loaded.current : (schema ?? null)),
    load() {
      if (typeof schema !== "function" || loaded.current || loading.current) return;
      loading.current = true;
      schema().then(
        (schemaLoaded) => {
          loaded.current = schemaLoaded;
        },
        // Not loaded (offline, a new deployment): the server checks the form all the same; the next input tries again.
        () => {
          loading.current = false;
        },
      );
    },
  };
}

function summaryMessage(errors: FieldErrors) {
  const count = Object.keys(errors).length;
  return count === 1 ? "Please fix the field below." : `Please fix the ${count} fields below.`;
}

function ErrorSummary({ message, errors }: { message: string; errors: FieldErrors }) {
  // A message shared by several fields (they add up to too much) is listed once, at the first of them.
  const entries = Object.entries(errors).filter(
    ([field, fieldMessages], index, all) => field !== "form" && all.findIndex(([, other]) => other?.[0] === fieldMessages?.[0]) === index,
  );
  return (
    <div role="alert" className="mb-5 rounded-md border border-danger bg-danger-soft px-4 py-3 text-sm text-danger">
      <p className="font-medium">{message}</p>
      {errors.form ? <p className="mt-1">{errors.form.join(" ")}</p> : null}
      {entries.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {entries.map(([field, fieldMessages]) => (
            <li key={field}>
              <a href={`#field-${field}`} className="underline">
                {fieldMessages?.[0]}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function focusFirstError(form: HTMLFormElement | null, errors: FieldErrors, fallback: HTMLElement | null) {
  const first = Object.keys(errors).find((field) => field !== "form");
  const element = first ? form?.querySelector<HTMLElement>(`#field-${CSS.escape(first)}`) : null;
  (element ?? fallback)?.focus();
}
