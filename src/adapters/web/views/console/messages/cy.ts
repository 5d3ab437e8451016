// Welsh console text. Translated so far: the page shell, the navigation, role names and the sign-in
// pages. Everything else falls back to English (i18next's fallbackLng); docs/console.md lists what
// is still to translate. A Welsh speaker should review these before a live election.

import { applicationsCy } from "./applications-cy.ts";

/** Welsh console messages (partial; English fills the gaps). */
export const cy = {
  brand: "Consol Selectorate",
  skip: "Neidio i'r cynnwys",
  problem: "Mae yna broblem",
  nav: {
    label: "Consol",
    elections: "Etholiadau",
    people: "Pobl a rolau",
    changeRole: "Newid rôl",
    signOut: "Allgofnodi",
    actingAs: "Wedi mewngofnodi fel {{name}}, yn gweithredu fel {{role}}",
    language: "English",
  },
  roles: {
    administrator: "gweinyddwr",
    "returning-officer": "swyddog canlyniadau",
    scrutineer: "craffwr",
    staff: "staff",
    "vetting-panel": "aelod o'r panel fetio",
    candidate: "ymgeisydd neu asiant",
    observer: "sylwedydd",
  },
  signIn: {
    title: "Mewngofnodi",
    email: "Cyfeiriad e-bost",
    password: "Cyfrinair",
    submit: "Parhau",
    wrong: "Nid yw'r cyfeiriad e-bost neu'r cyfrinair yn gywir.",
    codeTitle: "Rhowch y cod o'ch ap dilysu",
    code: "Cod 6 digid",
    codeHint: "Agorwch yr ap dilysu ar eich ffôn a theipiwch y cod y mae'n ei ddangos nawr.",
    wrongCode:
      "Nid yw'r cod yn gywir, neu mae wedi'i ddefnyddio eisoes. Arhoswch am y cod nesaf a rhowch gynnig arall arni.",
    enrolTitle: "Gosod eich ap dilysu",
    enrolIntro:
      "Ychwanegwch yr allwedd hon at ap dilysu, yna teipiwch y cod y mae'n ei ddangos i orffen mewngofnodi.",
    enrolKey: "Allwedd",
    enrolLink: "Neu agorwch y ddolen hon ar y ffôn sydd â'r ap",
    expired: "Roedd eich sesiwn wedi dod i ben. Mewngofnodwch eto.",
    signedOut: "Rydych wedi allgofnodi.",
    roleTitle: "Dewiswch eich rôl",
    roleIntro:
      "Mae gennych fwy nag un rôl. Dewiswch yr un rydych yn gweithredu ynddi nawr; gallwch ei newid yn nes ymlaen.",
    roleFor: "{{role}} ar gyfer {{election}}",
    allElections: "pob etholiad",
    roleSubmit: "Gweithredu yn y rôl hon",
    noRole: "Nid oes gan eich cyfrif rôl eto. Gofynnwch i weinyddwr roi un i chi.",
    formExpired:
      "Roedd y ffurflen hon wedi dod i ben neu nid o'r wefan hon y daeth. Ni newidiwyd dim; rhowch gynnig arall arni.",
  },
  password: {
    "too-short": "Defnyddiwch gyfrinair o 12 nod o leiaf.",
    "too-long": "Defnyddiwch gyfrinair o 256 nod ar y mwyaf.",
    "is-email": "Peidiwch â defnyddio eich cyfeiriad e-bost fel cyfrinair.",
  },
  ...applicationsCy,
} as const;
