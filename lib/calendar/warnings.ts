import "server-only";

/** What an import skipped, said once per kind with a count and a few of the events' titles. */
export type CalendarWarning = { message: string; count: number; examples: string[] };

const EXAMPLES = 3;

export class Warnings {
  private readonly byMessage = new Map<string, CalendarWarning>();

  add(message: string, example?: string): void {
    let warning = this.byMessage.get(message);
    if (!warning) {
      warning = { message, count: 0, examples: [] };
      this.byMessage.set(message, warning);
    }
    warning.count++;
    if (example && warning.examples.length < EXAMPLES && !warning.examples.includes(example)) warning.examples.push(example);
  }

  list(): CalendarWarning[] {
    return [...this.byMessage.values()];
  }
}
