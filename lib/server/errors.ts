import "server-only";

// Errors the domain throws for the user to read. Their own module, so lib/
// reports them without loading the server-action wrappers that answer them.

/** An error whose message is safe and useful to show the user. */
export class ExpectedError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = "ExpectedError";
  }
}

/** For a row that does not exist or is not the viewer's: the same answer either way. */
export class NotFoundError extends ExpectedError {
  constructor(what = "That item") {
    super(`${what} could not be found. It may have been deleted.`);
    this.name = "NotFoundError";
  }
}

/**
 * A save based on an older version than the one stored: someone saved the same
 * thing elsewhere (another tab or device) since the form was loaded. Nothing was
 * written; `saved` is what is stored now, for the form to show beside what was typed.
 */
export class VersionConflictError<T> extends ExpectedError {
  constructor(
    message: string,
    readonly saved: T,
  ) {
    super(message, undefined, { conflict: saved });
    this.name = "VersionConflictError";
  }
}
