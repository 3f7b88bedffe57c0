"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { MouseEvent } from "react";
import { cn } from "@/components/ui/cn";

export type NavItem = { href: string; label: string; match: string };

/** A link chosen in the phone menu (a popover) navigates in place, so the menu closes itself. */
function closeMenu(event: MouseEvent<HTMLElement>) {
  event.currentTarget.closest<HTMLElement>("[popover]")?.hidePopover();
}

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-col gap-1">
      {items.map((item) => {
        const current = pathname === item.match || pathname.startsWith(`${item.match}/`);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={closeMenu}
              aria-current={current ? "page" : undefined}
              className={cn(
                "block rounded-md px-3 py-2.5 text-sm font-medium lg:py-2",
                current ? "bg-accent-soft text-text" : "text-muted hover:bg-surface-muted hover:text-text",
              )}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
