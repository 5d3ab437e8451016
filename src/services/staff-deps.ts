/** What the staff sign-in services take from outside: clock, randomness, password hashing, TOTP. */
export interface StaffDeps {
  readonly now: () => Date;
  readonly randomBytes: (size: number) => Uint8Array;
  readonly hashPassword: (password: string) => Promise<string>;
  readonly verifyPassword: (phc: string, password: string) => Promise<boolean>;
  /** A hash to check against when no account matches, so timing does not tell who has an account. */
  readonly dummyPasswordHash: () => Promise<string>;
  /** Whether a password is on the shipped common-password list. */
  readonly isListedPassword: (password: string) => boolean;
  /**
   * Authenticator keys. The services only ever hold a key's stored form (sealed under the server
   * key, so a database dump alone yields no second factor); only the enrolment page reveals it.
   */
  readonly totp: {
    /** The stored form of a new Base32 secret (160 bits). */
    readonly newSecret: () => string;
    /** The time step of `code` if it is right for the stored secret at `now` (±1 step) and after `afterStep`. */
    readonly check: (
      stored: string,
      code: string,
      now: Date,
      afterStep: number | null,
    ) => Promise<number | undefined>;
    /** The Base32 key itself, to show once on the enrolment page. */
    readonly reveal: (stored: string) => string;
    /** What to keep: a key stored in the clear (before sealing existed) is sealed; a sealed one is kept. */
    readonly keep: (stored: string) => string;
  };
}

/** A random id for a cookie or link: 32 bytes (256 bits), base64url. */
export function randomId(deps: Pick<StaffDeps, "randomBytes">): string {
  return Buffer.from(deps.randomBytes(32)).toString("base64url");
}
