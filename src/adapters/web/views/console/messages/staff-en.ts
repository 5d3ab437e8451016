// English text of the password page and the authenticator reset (spread into en.ts).

/** English text of the password page and the authenticator reset. */
export const staffEn = {
  account: {
    navPassword: "Change password",
    title: "Change your password",
    intro:
      "At least 12 characters, not your email address, not a common password. Your other sessions end when it changes; this one stays signed in.",
    current: "Current password",
    next: "New password",
    confirm: "New password again",
    submit: "Change the password",
    changed: "Your password is changed. Other sessions ended: {{count}}.",
    wrongCurrent: "That is not your current password.",
    mismatch: "The two new passwords are not the same.",
    reset: "Reset authenticator",
    resetHint:
      "For a lost phone: forgets the person's authenticator key and ends their sessions at once; they enrol a new key at their next sign-in.",
    resetDone:
      "The authenticator of {{email}} is reset and {{count}} of their sessions ended. They enrol a new key at their next sign-in.",
  },
} as const;
