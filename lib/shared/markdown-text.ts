// Markdown as the words it shows, for previews (a note's excerpt, a search
// snippet): no markup, no URLs, one line. Not a renderer: components/notes/
// markdown.tsx renders the real thing. Any other character is kept as it is,
// so the marks a search snippet carries (lib/search.validation.ts) survive.

/** A line that only draws something: a rule, a code fence, a table's alignment row. */
const DECORATION = /^\s*(?:(?:[-*_]\s*){3,}|`{3,}.*|~{3,}.*|\|?(?:\s*:?-+:?\s*\|)+\s*:?-*:?\s*\|?)$/;

// Stands in for a backslash-escaped character while the markup is taken out.
const ESCAPED = "\uE000";

function lineText(line: string): string {
  // A backslash escape shows the character it escapes, never as markup.
  const escaped: string[] = [];
  return (
    line
      .replaceAll(ESCAPED, "")
      .replace(/\\([\\`*_{}[\]()#+\-.!|~>])/g, (_, character: string) => {
        escaped.push(character);
        return ESCAPED;
      })
      // Block markers at the start: quotes, headings, list items, task boxes.
      .replace(/^\s*(?:>\s*)+/, "")
      .replace(/^\s*#{1,6}\s+/, "")
      .replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+/, "")
      .replace(/^\[[ xX]\]\s+/, "")
      // Images and links show their words; autolinks their address.
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, "$1")
      .replace(/<((?:https?:\/\/|mailto:)[^>\s]+)>/gi, "$1")
      // Code, strong, emphasis and strikethrough keep their text.
      .replace(/(`+)(.+?)\1/g, "$2")
      .replace(/(\*\*|__)(.+?)\1/g, "$2")
      .replace(/(^|[^\w*])\*(?!\s)(.+?)\*(?!\w)/g, "$1$2")
      .replace(/(^|[^\w])_(?!\s)(.+?)_(?!\w)/g, "$1$2")
      .replace(/~~(.+?)~~/g, "$1")
      // Table cells read as words with a gap between them.
      .replace(/\s*\|\s*/g, " ")
      .replaceAll(ESCAPED, () => escaped.shift() ?? "")
  );
}

/** "# Plan\n\n- **Hire** a [lead](https://x)" → "Plan Hire a lead". */
export function markdownToText(markdown: string): string {
  return markdown
    .split(/\r?\n/)
    .filter((line) => !DECORATION.test(line))
    .map(lineText)
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The first `maxLength` characters of a note's text, cut at a word and ended
 * with "…" when there is more (`truncated`: the Markdown given is itself only
 * the start of the note); "" for an empty body.
 */
export function markdownExcerpt(markdown: string, maxLength: number, { truncated = false }: { truncated?: boolean } = {}): string {
  const text = markdownToText(markdown);
  if (text.length <= maxLength) return truncated && text !== "" ? `${text.replace(/[\s,;:.-]+$/, "")}…` : text;
  const cut = text.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}
