import type { Markup } from "@/components/charts/markup";

type Props = {
  as?: "ul" | "ol" | "div" | "span" | "datalist";
  markup: Markup;
  id?: string;
  className?: string;
  "aria-label"?: string;
};

/**
 * A read-only list built as one markup string (`markup`, which escapes every
 * value), put on the page by one element: React renders and sends it as one
 * string instead of hundreds of elements (decision records 033 and 037). Its
 * links are followed inside the app by the shell (`MarkupLinks`).
 */
export function MarkupList({ as: Tag = "ul", markup, ...props }: Props) {
  return <Tag {...props} data-markup="" dangerouslySetInnerHTML={{ __html: markup.html }} />;
}
