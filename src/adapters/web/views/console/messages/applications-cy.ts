// Welsh text for the applications and vetting pages (spread into cy.ts). Only the page titles and
// navigation so far; English fills the rest (i18next's fallback). A Welsh speaker should review these.

/** Welsh text of the applications and vetting pages (partial). */
export const applicationsCy = {
  apps: {
    title: "Ceisiadau",
    states: { pending: "yn aros", accepted: "derbyniwyd", rejected: "gwrthodwyd" },
    back: "Yn ôl i'r ceisiadau",
  },
  vet: {
    title: "Fetio",
    back: "Yn ôl i fetio",
  },
  links: {
    applications: "Ceisiadau",
    vetting: "Fetio ac apeliadau",
  },
} as const;
