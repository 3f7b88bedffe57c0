import "server-only";
import { ExpectedError } from "@/lib/server/errors";

/** A calendar file (or a feed's body) that cannot be imported as a whole; the message says why, in words. */
export class CalendarFileError extends ExpectedError {
  constructor(message: string) {
    super(message, "file");
    this.name = "CalendarFileError";
  }
}

/**
 * A calendar feed that could not be fetched. The message names the feed by its
 * scheme and host only: the rest of its address is a secret.
 */
export class CalendarFeedError extends ExpectedError {
  constructor(message: string) {
    super(message, "address");
    this.name = "CalendarFeedError";
  }
}
