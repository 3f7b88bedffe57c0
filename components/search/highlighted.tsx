import type { HighlightSegment } from "@/lib/search.validation";

/** A snippet as text, with the words that matched in <mark>: React escapes every character of it. */
export function Highlighted({ segments }: { segments: HighlightSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.marked ? (
          <mark key={index} className="rounded-sm bg-accent-soft px-0.5 font-semibold text-text">
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
