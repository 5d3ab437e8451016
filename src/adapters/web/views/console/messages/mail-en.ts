// English text of the credentials and mail pages (spread into en.ts).

/** English text of the credentials and mail pages. */
export const mailEn = {
  creds: {
    title: "Voting credentials",
    link: "Credentials: issue, reissue, revoke",
    beforeIssue: "Before the credentials are issued",
    issue: "Issue the credentials",
    issueIntro:
      "Issues one voting code and link per voter of the frozen electorate (accepted supporters in, excluded voters out, each person in one section) and queues each voter's mail in the outbox. It runs once and cannot be undone; a lost credential is replaced below.",
    electorate:
      "{{total}} voters will get a credential: {{sections}}. Left out: {{excluded}} excluded by a panel, {{earlier}} already voting in an earlier section. Ballots of {{held}} voters under challenge will be held.",
    printTitle: "Issue with a print pack for the mail house",
    printIntro:
      "{{count}} voters have no email address. Their codes go in a print pack for the mail house, downloaded in answer to the button below: one ZIP file holding a PDF (one A4 page per voter with the name and address placed for a window envelope, the code and a QR code of the voting link) and a CSV of the same lines. Voters with an address are mailed as usual.",
    printEveryoneIntro:
      "Or post a pack to every voter as well as mailing them: the same issue, with a print pack (PDF and CSV in one ZIP file) of every voter downloaded in answer to the button below.",
    printSecret:
      "The codes exist only in that download: the database keeps only their keyed hashes, so the pack cannot be downloaded again (a lost pack means reissuing each voter). Keep it secret and delete it once the packs are printed. The download is recorded in the audit log (who, how many pages, the files' SHA-256; never a code). You will be asked for your password and an authenticator code first if you last gave them more than 10 minutes ago.",
    printAll: "Also put the voters who are mailed in the print pack (a postal pack for everyone)",
    printConfirm: "Issue {{total}} credentials, queue the mail and download the print pack",
    issueConfirm: "Issue {{total}} credentials and queue their mail",
    issued:
      "Issued {{issued}} credentials in {{seconds}} s ({{sections}}). {{mailed}} mails are queued in the outbox; the mail page shows their delivery.",
    issuedAlready: "{{count}} credentials have been issued.",
    reissue: "Reissue a lost credential",
    reissueIntro:
      "The new code and link replace the old ones at once. A voter who has voted cannot be reissued. The new code is shown once here; it is also mailed when the voter has an address on file.",
    voter: "Voter id",
    voterHint: "The member number, or the supporter's application id, as on the roll.",
    reason: "Reason (kept in the audit log)",
    mailIt: "Mail the new link to the voter's address on file",
    reissueSubmit: "Reissue the credential",
    reissued: "New credential for {{voter}}. Code: {{code}}. Link: {{link}}",
    reissuedMailed: "The new link is queued for {{to}}.",
    reissuedNotMailed: "This voter has no address on file: give them the code above.",
    revoke: "Revoke a credential",
    revokeIntro:
      "The credential stops working at once (for example after an exclusion). It cannot be undone.",
    revokeSubmit: "Revoke the credential",
    revoked: "The credential of {{voter}} is revoked.",
    needVoter: "Enter the voter id.",
    needReason: "Enter the reason.",
  },
  mail: {
    title: "Mail",
    link: "Mail: templates and delivery",
    intro:
      "Every message the election sends, with a preview drawn for a sample voter, and how delivery stands. Messages go through the outbox over SMTP; nothing is sent from this page.",
    templates: "Messages",
    kind: "Message",
    when: "Sent when",
    preview: "Preview",
    delivery: "Delivery",
    queued: "Queued",
    sent: "Sent",
    failed: "Bounced or failed",
    retrying: "Waiting to retry",
    history: "Each message",
    noHistory: "No message of this kind has been queued yet.",
    reminderPrivate:
      "Reminders are counted only: a list of reminded voters would say who had not voted. The scrutineer's not-sent report is on the command line (selectorate mail status).",
    to: "To",
    about: "About",
    status: "Status",
    attempts: "Attempts",
    queuedAt: "Queued at",
    sentAt: "Sent at",
    error: "Server's answer",
    subject: "Subject",
    body: "Text",
    sample:
      "Drawn for a sample voter (Sam Sample) with a made-up code and link: nothing here is a real credential.",
    back: "Back to mail",
    previous: "Earlier messages",
    kinds: {
      credential: "Voting code and link",
      reminder: "Reminder to vote",
      "application-received": "Application received",
      "application-accepted": "Application accepted",
      "application-rejected": "Application rejected",
      "application-decision": "Application decision",
      "payment-failed": "Payment failed",
      "vetting-case-opened": "Vetting case opened",
      "vetting-decision": "Vetting decision (excluded)",
      "appeal-outcome": "Appeal outcome",
    },
    whens: {
      credential: "The credentials are issued, or one is reissued",
      reminder: "A scheduled reminder runs (voters who have not voted)",
      "application-received": "A supporter applies",
      "application-accepted": "The applications are decided",
      "application-rejected": "The applications are decided",
      "payment-failed": "The fee's payment fails",
      "vetting-case-opened": "Staff raise a vetting case",
      "vetting-decision": "A panel decides a case",
      "appeal-outcome": "An appeal is heard",
    },
  },
} as const;
