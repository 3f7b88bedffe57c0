import { markup, type Markup } from "@/components/charts/markup";

/**
 * A row's actions (edit, delete) behind one small button, so the row's text
 * keeps the width on a phone. A popover: it opens and closes (Escape, a tap
 * outside) and returns focus without JavaScript, and sits under its button
 * where the browser can anchor it; styled once in globals.css (.row-menu…).
 * Markup, as the rows it sits in are (decision record 034); `items` is markup
 * too, its links and buttons of the class `row-menu-action`.
 */
export function rowMenu(id: string, label: string, items: Markup): Markup {
  return markup`<button type="button" popovertarget="${id}" class="row-menu-button"><svg aria-hidden="true" viewBox="0 0 20 20" class="size-5" fill="currentColor"><circle cx="4" cy="10" r="1.75"/><circle cx="10" cy="10" r="1.75"/><circle cx="16" cy="10" r="1.75"/></svg><span class="sr-only">${label}</span></button><div id="${id}" popover="auto" aria-label="${label}" class="row-menu">${items}</div>`;
}
