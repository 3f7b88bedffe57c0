/** Moves focus to the first field inside the element with this id; false when there is none on the page. */
export function focusFirstField(id: string): boolean {
  const field = document.getElementById(id)?.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea");
  if (!field) return false;
  field.focus();
  field.scrollIntoView({ block: "center" });
  return true;
}
