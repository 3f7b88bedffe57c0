import type { ReactNode } from "react";
import { Brand } from "@/components/app/brand";
import { CommandMenu, type Command } from "@/components/app/command-menu";
import { MarkupLinks } from "@/components/app/markup-links";
import { NavLinks, type NavItem } from "@/components/app/nav-links";
import { Button } from "@/components/ui/button";

function navItems(unreadNotifications: number): NavItem[] {
  return [
    { href: "/dashboard", label: "Dashboard", match: "/dashboard" },
    { href: "/weeks/current", label: "This week", match: "/weeks" },
    { href: "/story", label: "Story", match: "/story" },
    { href: "/stakeholders", label: "Stakeholders", match: "/stakeholders" },
    { href: "/notes", label: "Vision notes", match: "/notes" },
    { href: "/calendar", label: "Calendar", match: "/calendar" },
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

/** The command menu's actions first, then every destination of the navigation. */
function commands(items: NavItem[]): Command[] {
  return [
    { label: "Log this week", href: "/weeks/current" },
    // To this week's quick-add form (weeks/current), or the one on this page (command-menu.tsx).
    { label: "Add a touchpoint", href: "/weeks/current?add=touchpoint", formId: "log-touchpoint" },
    { label: "Write a vision note", href: "/notes/new" },
    { label: "Add a stakeholder", href: "/stakeholders/new" },
    { label: "Import a calendar", href: "/calendar" },
    ...items.map(({ href, label }) => ({ label: `Go to ${label}`, href })),
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

/** Without JavaScript it is a link to the search page; the command menu opens instead when it can. */
function SearchLink({ className, children }: { className: string; children: ReactNode }) {
  return (
    <a href="/search" data-command-menu="" aria-keyshortcuts="Control+K Meta+K" className={className}>
      {children}
    </a>
  );
}

const MENU_ID = "main-menu";

/**
 * A page that takes a moment streams: its skeleton (loading.tsx) first, then
 * the page in a hidden element at the end of the body, which React's script
 * puts in the skeleton's place. Without JavaScript nothing does, so show that
 * element where it is and hide the skeleton. In the base layer, where the
 * preflight's `[hidden]{display:none !important}` is: a layered !important
 * outranks any unlayered one.
 */
const STREAMED_WITHOUT_SCRIPT = `@layer base{.shell{min-height:0}.shell [data-skeleton],.shell main [aria-busy=true]{display:none}body>div[hidden][id^="S:"]{display:block!important;padding:1.5rem 1rem}}`;

/**
 * Left navigation on wide screens (never printed: a printed page is its content). On phones and tablets a top bar whose Menu
 * button opens every destination in a sheet: a popover, so it opens, closes on
 * Escape or a tap outside, and returns focus without any JavaScript.
 */
type AppShellProps = { who: string; unreadNotifications: number; signOutAction: () => Promise<void>; children: ReactNode };

export function AppShell({ who, unreadNotifications, signOutAction, children }: AppShellProps) {
  const items = navItems(unreadNotifications);
  const account = (
    <div className="border-t border-border pt-3">
      <p className="truncate px-3 pb-2 text-xs text-muted" title={who}>
        {who}
      </p>
      <SignOutButton action={signOutAction} />
    </div>
  );
  return (
    <div className="shell min-h-dvh lg:flex">
      <noscript>
        <style>{STREAMED_WITHOUT_SCRIPT}</style>
      </noscript>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-3 focus:top-3 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2">
        Skip to content
      </a>
      <aside className="hidden w-60 shrink-0 flex-col border-r border-border bg-surface px-3 py-5 lg:flex print:hidden">
        <div className="px-3">
          <Brand href="/dashboard" />
        </div>
        <SearchLink className="mt-6 flex items-center justify-between rounded-md border border-border px-3 py-2 text-sm text-muted hover:bg-surface-muted hover:text-text">
          Search or jump to…
          <kbd className="hidden rounded border border-border px-1.5 font-sans text-xs in-data-[shortcuts=on]:inline">Ctrl K</kbd>
        </SearchLink>
        <nav aria-label="Main" className="mt-4 flex-1">
          <NavLinks items={items} />
        </nav>
        {account}
      </aside>
      <header className="sticky top-0 z-10 flex items-center justify-between gap-2 border-b border-border bg-surface px-4 py-2 lg:hidden print:hidden">
        <Brand href="/dashboard" />
        <div className="flex items-center gap-1">
          <SearchLink className="inline-flex min-h-10 items-center rounded-md px-3 text-sm font-medium hover:bg-surface-muted">Search</SearchLink>
          <button
            type="button"
            popoverTarget={MENU_ID}
            className="inline-flex min-h-10 items-center gap-2 rounded-md border border-border-strong px-3 text-sm font-medium hover:bg-surface-muted"
          >
            Menu
            {unreadNotifications > 0 ? (
              <span className="tabular rounded-full bg-accent px-1.5 text-xs text-accent-text">
                {unreadNotifications}
                <span className="sr-only"> unread notifications</span>
              </span>
            ) : null}
          </button>
        </div>
      </header>
      <div
        id={MENU_ID}
        popover="auto"
        aria-label="Menu"
        className="inset-x-0 top-0 m-0 max-h-dvh w-full max-w-none overflow-y-auto border-b border-border bg-surface px-3 pb-4 pt-2 text-text shadow-lg backdrop:bg-black/40 lg:hidden"
      >
        <div className="flex items-center justify-between px-3 pb-2">
          <span className="text-base font-semibold">Menu</span>
          <button
            type="button"
            popoverTarget={MENU_ID}
            popoverTargetAction="hide"
            className="inline-flex min-h-10 items-center rounded-md border border-border-strong px-3 text-sm font-medium hover:bg-surface-muted"
          >
            Close<span className="sr-only"> menu</span>
          </button>
        </div>
        <nav aria-label="Main" className="pb-3">
          <NavLinks items={items} />
        </nav>
        {account}
      </div>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-8 sm:py-10 print:p-0">
        {children}
      </main>
      <CommandMenu commands={commands(items)} />
      <MarkupLinks />
    </div>
  );
}
