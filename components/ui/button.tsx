import Link from "next/link";
import type { ComponentProps } from "react";
import { buttonClasses, type Variant } from "@/components/ui/button-classes";

// Also here, for the pages that style a plain link or button like one.
export { buttonClasses };

export function Button({ variant = "primary", className, type = "button", ...props }: ComponentProps<"button"> & { variant?: Variant }) {
  return <button type={type} className={buttonClasses(variant, className)} {...props} />;
}

export function LinkButton({ variant = "primary", className, ...props }: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={buttonClasses(variant, className)} {...props} />;
}
