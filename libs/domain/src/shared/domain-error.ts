/**
 * Base of every rule error. `code` is a stable, machine-readable string (part of the public API's
 * error body); the API maps it to an HTTP status in one place.
 */
export abstract class DomainError<TCode extends string = string> extends Error {
  protected constructor(
    readonly code: TCode,
    message: string,
    readonly fields?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
