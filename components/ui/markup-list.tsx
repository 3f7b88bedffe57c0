import type { Markup } from "@/components/charts/markup";

type Props = {
  as?: "ul" | "ol" | "div" | "span" | "datalist";
  markup: Markup;
  /** The list holds links into the app: marked for the shell (`MarkupLinks`) to follow them with the router. */
  links?: boolean;
  id?: string;
  className?: string;
  "aria-label"?: string;
};

/**
 * A read-only list built as one markup string (`markup`, which escapes every
 * value), put on the page by one element: React renders and sends it as one
 * string instead of hundreds of elements (decision records 033 and 037).
 */
export function MarkupList({ as: Tag = "ul", markup, links = false, ...props }: Props) {
  return <Tag {...props} data-markup={links ? "" : undefined} dangerouslySetInnerHTML={{ __html: markup.html }} />;
}
