import type { ReactNode } from "react";
import { Brand } from "@/components/app/brand";
import { NavLinks, type NavItem } from "@/components/app/nav-links";
import { Button } from "@/components/ui/button";

function navItems(unreadNotifications: number): NavItem[] {
  return [
    { href: "/dashboard", label: "Dashboard", match: "/dashboard" },
    { href: "/weeks/current", label: "This week", match: "/weeks" },
    { href: "/stakeholders", label: "Stakeholders", match: "/stakeholders" },
    { href: "/notes", label: "Vision notes", match: "/notes" },
    { href: "/mentors", label: "Mentors", match: "/mentors" },
    { href: "/mentees", label: "Mentees", match: "/mentees" },
    {
      href: "/notifications",
      label: unreadNotifications > 0 ? `Notifications (${unreadNotifications} unread)` : "Notifications",
      match: "/notifications",
    },
    { href: "/settings", label: "Settings", match: "/settings" },
  ];
}

function SignOutButton({ action }: { action: () => Promise<void> }) {
  return (
    <form action={action}>
      <Button type="submit" variant="ghost" className="w-full justify-start">
        Sign out
      </Button>
    </form>
  );
}

/** Left navigation on wide screens; a top bar with scrolling links on phones. */
type AppShellProps = { who: string; unreadNotifications: number; signOutAction: () => Promise<void>; children: ReactNode };

export function AppShell({ who, unreadNotifications, signOutAction, children }: AppShellProps) {
  const items = navItems(unreadNotifications);
  return (
    <div className="min-h-dvh lg:flex">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-3 focus:top-3 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2">
        Skip to content
      </a>
      <aside className="hidden w-60 shrink-0 flex-col border-r border-border bg-surface px-3 py-5 lg:flex">
        <div className="px-3">
          <Brand href="/dashboard" />
        </div>
        <nav aria-label="Main" className="mt-8 flex-1">
          <NavLinks items={items} orientation="vertical" />
        </nav>
        <div className="border-t border-border pt-3">
          <p className="truncate px-3 pb-2 text-xs text-muted" title={who}>
            {who}
          </p>
          <SignOutButton action={signOutAction} />
        </div>
      </aside>
      <header className="sticky top-0 z-10 border-b border-border bg-surface lg:hidden">
        <div className="flex items-center justify-between px-4 py-2">
          <Brand href="/dashboard" />
          <SignOutButton action={signOutAction} />
        </div>
        <nav aria-label="Main">
          <NavLinks items={items} orientation="horizontal" />
        </nav>
      </header>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-8 sm:py-10">
        {children}
      </main>
    </div>
  );
}
