// The console's English text for the applications' settings, the register extract and the panels pages.

/** English text of the settings, register extract and panels pages. */
export const setupEn = {
  appSettings: {
    title: "Application settings",
    link: "Application settings",
    intro:
      "Each section that takes applications has its window, deadlines, fee and declaration. Times are UTC. Saving a section again replaces its settings.",
    current: "Sections set up",
    none: "No section is set up for applications yet.",
    section: "Section",
    kind: "Kind of supporter",
    kinds: {
      registered: "Registered supporters (pay a fee)",
      affiliated: "Affiliated supporters (confirmed by their union)",
    },
    window: "Window",
    opensAt: "Applications open (UTC)",
    closesAt: "Applications close (UTC)",
    fee: "Fee (£)",
    feeHint: "For example 25.00; 0 for no fee.",
    paymentDeadline: "Fee to be paid by (UTC)",
    unionDeadline: "Unions to confirm by (UTC)",
    pollingDay: "Polling day",
    pollingDayHint: "Age is judged on this day, for example 2016-09-21.",
    appealWindowDays: "Days to appeal a rejection",
    version: "Declaration version",
    aimsAndValues: "Aims and values the applicant declares",
    codeOfConduct: "Code of conduct the applicant accepts",
    save: "Save the settings",
    saved: "The settings for {{section}} are saved. The application form is at /apply/{{slug}}/{{section}}.",
    edit: "Set up or change a section",
  },
  register: {
    title: "Electoral register extract",
    link: "Import the register extract",
    intro:
      "Paste the extract as CSV with the columns elector_number, forenames, surname, address_line1, postcode, date_of_birth, overseas (date_of_birth may be empty; overseas is Y or N). All or nothing: a file with any bad line imports nothing, and the same file again changes nothing. Applications are checked against it when they are decided.",
    csv: "Register extract (CSV)",
    import: "Import the extract",
    imported: "Imported {{rows}} register entries.",
    already: "This extract ({{rows}} entries) was imported before; nothing changed.",
    more: "and {{count}} more lines with problems.",
  },
  panels: {
    title: "Vetting panels",
    link: "Panels",
    intro:
      "A panel decides the cases raised before it, with its quorum of members present. An appeal is heard by another panel none of whose members sat on the decision: its members choose it on the case's page.",
    none: "No panel is set up yet.",
    name: "Name",
    quorum: "Quorum",
    members: "Members",
    create: "Set up a panel",
    nameLabel: "Panel name",
    membersLabel: "Members",
    membersHint: "People with the vetting panel role in this election.",
    quorumLabel: "Quorum (members present to decide)",
    noCandidates:
      "Nobody holds the vetting panel role in this election yet: an administrator gives it on People and roles.",
    submit: "Set up the panel",
    created: "The panel {{name}} is set up.",
  },
} as const;
