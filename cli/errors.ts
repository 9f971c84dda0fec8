// Exit codes are part of the interface: scripts and CI branch on them.
export const EXIT = {
  ok: 0,
  /** `scan --fail-on` matched findings. */
  findings: 1,
  /** Bad input: unknown flag or value, unreadable or malformed file, no terminal to ask in. */
  usage: 2,
  /** Ctrl-C during the prompts (128 + SIGINT). */
  interrupted: 130,
  /** A bug: reported in one line too, with a request to file it. */
  internal: 70,
} as const;

/** An error the user can fix; printed as one line, never with a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}
