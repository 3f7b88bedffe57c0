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
