// Welsh text of the password page and the authenticator reset (spread into cy.ts). A Welsh speaker
// should review.

/** Welsh text of the password page and the authenticator reset. */
export const staffCy = {
  account: {
    navPassword: "Newid cyfrinair",
    title: "Newid eich cyfrinair",
    intro:
      "O leiaf 12 nod, nid eich cyfeiriad e-bost, nid cyfrinair cyffredin. Daw eich sesiynau eraill i ben pan fydd yn newid; mae'r un hon yn aros wedi mewngofnodi.",
    current: "Cyfrinair presennol",
    next: "Cyfrinair newydd",
    confirm: "Cyfrinair newydd eto",
    submit: "Newid y cyfrinair",
    changed: "Mae eich cyfrinair wedi newid. Sesiynau eraill a ddaeth i ben: {{count}}.",
    wrongCurrent: "Nid dyna eich cyfrinair presennol.",
    mismatch: "Nid yw'r ddau gyfrinair newydd yr un fath.",
    reset: "Ailosod y dilysydd",
    resetHint:
      "Ar gyfer ffôn coll: yn anghofio allwedd dilysydd y person ac yn dod â'u sesiynau i ben ar unwaith; byddant yn cofrestru allwedd newydd wrth fewngofnodi nesaf.",
    resetDone:
      "Mae dilysydd {{email}} wedi'i ailosod a daeth {{count}} o'u sesiynau i ben. Byddant yn cofrestru allwedd newydd wrth fewngofnodi nesaf.",
  },
} as const;
