import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

type CardProps = Omit<ComponentProps<"section">, "title"> & {
  /** The card's heading, an h2 that also names the section for assistive technology. */
  title?: ReactNode;
  /** One muted line under the title. */
  description?: ReactNode;
  /** "danger" for a card whose action cannot be undone (deleting an account). */
  tone?: "danger";
};

export function Card({ title, description, tone, className, children, ...props }: CardProps) {
  const titleId = useId();
  return (
    <section
      aria-labelledby={title ? titleId : undefined}
      className={cn("rounded-lg border border-border bg-surface p-5 sm:p-6", tone === "danger" && "border-danger", className)}
      {...props}
    >
      {title ? (
        <div className="mb-4">
          <h2 id={titleId} className={cn("text-lg font-semibold", tone === "danger" && "text-danger")}>
            {title}
          </h2>
          {description ? <p className="mt-1 text-sm text-muted">{description}</p> : null}
        </div>
      ) : null}
      {children}
    </section>
  );
}
