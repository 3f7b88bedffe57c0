import "server-only";
import type { CalendarOccurrence } from "@/lib/calendar/expand";
import { titleKey, type CalendarCategory, type CalendarRuleMatch, type CalendarRules } from "@/lib/calendar/rules.validation";

/** An occurrence's category, and which rule gave it (its index; null for the default category). */
export type Classification = { category: CalendarCategory; rule: number | null };

type Classifiable = Pick<CalendarOccurrence, "title" | "description" | "organizer" | "attendees" | "attendeeCount">;

function escape(text: string): string {
  return text.replaceAll(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A word matches at the start of a word, in any case: "incident" matches
 * "Incidents" and "incident-review", not "coincident"; a phrase's spaces match
 * any run of spaces.
 */
function wordsPattern(words: readonly string[]): RegExp {
  const alternatives = words.map((word) => escape(word).replaceAll(" ", "\\s+"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})`, "iu");
}

/** An address matches itself; a domain matches every address at it or at its subdomains. */
function addressMatcher(value: string): (address: string) => boolean {
  if (value.includes("@")) return (address) => address === value;
  return (address) => {
    const domain = address.slice(address.lastIndexOf("@") + 1);
    return domain === value || domain.endsWith(`.${value}`);
  };
}

function matcherOf(match: CalendarRuleMatch): (event: Classifiable, text: string) => boolean {
  switch (match.on) {
    case "words": {
      const pattern = wordsPattern(match.words);
      return (_event, text) => pattern.test(text);
    }
    case "title": {
      const wanted = titleKey(match.title);
      return (event) => titleKey(event.title) === wanted;
    }
    case "attendee": {
      const matches = addressMatcher(match.address);
      return (event) => event.attendees.some(matches);
    }
    case "organiser": {
      const matches = addressMatcher(match.address);
      return (event) => event.organizer !== null && matches(event.organizer);
    }
    case "attendeeCount":
      return (event) => event.attendeeCount >= match.min && (match.max === null || event.attendeeCount <= match.max);
  }
}

/** Compiles the rules once; the classifier then answers per occurrence (first matching rule wins). */
export function compileRules(settings: CalendarRules): (event: Classifiable) => Classification {
  const matchers = settings.rules.map((rule) => ({ matches: matcherOf(rule.match), category: rule.category }));
  return (event) => {
    const text = `${event.title}\n${event.description}`.normalize("NFKC");
    const index = matchers.findIndex(({ matches }) => matches(event, text));
    return index === -1 ? { category: settings.defaultCategory, rule: null } : { category: matchers[index]!.category, rule: index };
  };
}
