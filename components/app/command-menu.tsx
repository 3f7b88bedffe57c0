"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type MouseEvent as ReactMouseEvent } from "react";
import { focusFirstField } from "@/components/ui/focus-first-field";

/** Where a command goes; with `formId`, a form of the current page to type into instead, when it has one. */
export type Command = { label: string; href: string; formId?: string };

const SHORTCUTS: readonly (readonly [keys: string, what: string])[] = [
  ["Ctrl K or ⌘ K", "Open the command menu, also while typing in a field"],
  ["n", "Open the command menu: log this week, add a touchpoint, write a note"],
  ["/", "Search"],
  ["?", "Show these shortcuts"],
  ["↑ ↓ and Enter", "Choose in the menu and go"],
  ["Esc", "Close the menu or this list"],
];

/** A key pressed in a field is typing, never a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select") !== null);
}

function matches(label: string, query: string): boolean {
  const text = label.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .every((word) => text.includes(word));
}

/**
 * The signed-in shell's keyboard: Ctrl/⌘-K, `n` and `/` open a command menu
 * (its actions, every destination, and a search of everything), `?` lists the
 * shortcuts. Both are native modal dialogs: the page behind is inert, Escape
 * closes them and focus goes back where it was.
 */
export function CommandMenu({ commands }: { commands: readonly Command[] }) {
  const router = useRouter();
  const menuRef = useRef<HTMLDialogElement>(null);
  const helpRef = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const id = useId();

  const typed = query.trim();
  const options: Command[] = [
    ...commands.filter((command) => matches(command.label, typed)),
    ...(typed ? [{ label: `Search for “${typed}”`, href: `/search?q=${encodeURIComponent(typed)}` }] : []),
  ];
  const current = Math.min(active, options.length - 1);

  useEffect(() => {
    const menu = menuRef.current!;
    const help = helpRef.current!;
    const open = (dialog: HTMLDialogElement) => {
      for (const other of [menu, help]) if (other !== dialog && other.open) other.close();
      if (!dialog.open) dialog.showModal();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        if (menu.open) menu.close();
        else open(menu);
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || menu.open || help.open) return;
      if (event.key === "n" || event.key === "/") {
        event.preventDefault();
        open(menu);
      } else if (event.key === "?") {
        event.preventDefault();
        open(help);
      }
    };
    // The shell's "Search" links open the menu when they can; without JavaScript they go to /search.
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest("a[data-command-menu]") : null;
      if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      open(menu);
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("click", onClick);
    // Shortcut hints show only once the shortcuts work: not without JavaScript, nor before it has run.
    document.documentElement.dataset.shortcuts = "on";
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("click", onClick);
      delete document.documentElement.dataset.shortcuts;
    };
  }, []);

  function go({ href, formId }: Command) {
    menuRef.current?.close();
    // A form this page already has (a stakeholder's quick-add, say) is where to type.
    if (formId && focusFirstField(formId)) return;
    router.push(href);
  }

  function onInputKeyDown(event: ReactKeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current + step + options.length) % options.length);
    } else if (event.key === "Enter" && options[current]) {
      event.preventDefault();
      go(options[current]);
    }
  }

  // A modal dialog lets Tab leave for the browser's own controls; keep it cycling inside instead.
  const trapFocus = (event: ReactKeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== "Tab") return;
    const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>("input, button, a[href]")];
    const [first, last] = [focusable[0], focusable.at(-1)];
    if (!first || !last) return;
    if (event.shiftKey ? document.activeElement === first : document.activeElement === last) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    }
  };

  // A click on the backdrop (the dialog box itself, outside its content) closes it.
  const closeOnBackdrop = (event: ReactMouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) event.currentTarget.close();
  };
  const dialogClasses =
    "m-0 mx-auto mt-[12vh] w-[min(34rem,calc(100%-2rem))] max-w-none rounded-lg border border-border bg-surface p-0 text-text shadow-xl backdrop:bg-black/40";

  return (
    <>
      <dialog
        ref={menuRef}
        aria-labelledby={`${id}-menu-title`}
        className={dialogClasses}
        onClick={closeOnBackdrop}
        onKeyDown={trapFocus}
        onClose={() => {
          setQuery("");
          setActive(0);
        }}
      >
        <div className="p-3">
          <h2 id={`${id}-menu-title`} className="sr-only">
            Command menu
          </h2>
          <input
            type="text"
            role="combobox"
            aria-label="Search or jump to"
            aria-expanded="true"
            aria-controls={`${id}-options`}
            aria-autocomplete="list"
            aria-activedescendant={options[current] ? `${id}-option-${current}` : undefined}
            placeholder="Search or jump to…"
            autoComplete="off"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onInputKeyDown}
            className="w-full rounded-md border border-border-strong bg-surface px-3 py-2 text-base"
          />
          <ul id={`${id}-options`} role="listbox" aria-label="Commands" className="mt-2 max-h-[50vh] overflow-y-auto">
            {options.map((option, index) => (
              <li
                key={option.label}
                id={`${id}-option-${index}`}
                role="option"
                aria-selected={index === current}
                onClick={() => go(option)}
                onMouseMove={() => setActive(index)}
                className="cursor-pointer rounded-md px-3 py-2 text-sm aria-selected:bg-accent-soft"
              >
                {option.label}
              </li>
            ))}
          </ul>
          <p className="mt-2 px-1 text-xs text-muted">↑ ↓ to choose, Enter to go, Esc to close. Press ? on a page for every shortcut.</p>
        </div>
      </dialog>
      <dialog ref={helpRef} aria-labelledby={`${id}-help-title`} className={dialogClasses} onClick={closeOnBackdrop} onKeyDown={trapFocus}>
        <div className="p-5">
          <h2 id={`${id}-help-title`} className="text-lg font-semibold">
            Keyboard shortcuts
          </h2>
          <p className="mt-1 text-sm text-muted">Single keys do nothing while you type in a field.</p>
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {SHORTCUTS.map(([keys, what]) => (
              <div key={keys} className="contents">
                <dt>
                  <kbd className="rounded border border-border-strong px-1.5 py-0.5 font-sans text-xs">{keys}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
          <form method="dialog" className="mt-5 flex justify-end">
            <button type="submit" className="inline-flex min-h-10 items-center rounded-md border border-border-strong px-4 text-sm font-medium hover:bg-surface-muted">
              Close
            </button>
          </form>
        </div>
      </dialog>
    </>
  );
}
