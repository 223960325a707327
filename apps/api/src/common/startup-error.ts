/** A problem that stops start-up; main prints `message` as one line, without a stack trace. */
export class StartupError extends Error {}
