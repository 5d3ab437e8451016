// Welsh console text. Translated so far: the page shell, the navigation, role names, the sign-in
// and re-authentication pages, the readiness checklists, and the poll and count pages. Everything
// else falls back to English (i18next's fallbackLng); docs/console.md lists what is still to
// translate. A Welsh speaker should review these before a live election.

import { applicationsCy } from "./applications-cy.ts";
import { nominationsCy } from "./nominations-cy.ts";

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
    nominator: "enwebydd",
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
    locked:
      "Gormod o ymdrechion ar gyfer y cyfeiriad e-bost hwn. Arhoswch tan {{until}} (UTC), yna rhowch gynnig arall arni; cofnodir pob ymdrech.",
  },
  reauth: {
    title: "Cadarnhewch mai chi sydd yma",
    intro:
      "Mae newid pwy all weithredu mewn etholiad yn gofyn am eich cyfrinair a chod newydd o'ch ap dilysu, a roddwyd yn ystod y 10 munud diwethaf.",
    submit: "Cadarnhau",
    wrong: "Nid yw'r cyfrinair neu'r cod yn gywir.",
    locked: "Gormod o ymdrechion. Arhoswch 15 munud, yna rhowch gynnig arall arni; cofnodir pob ymdrech.",
  },
  readiness: {
    "not-frozen": "Nid yw'r etholaeth wedi'i rhewi eto (tudalen yr etholiad).",
    "nominations-not-set-up": "Nid yw'r enwebiadau wedi'u gosod (tudalen yr enwebiadau).",
    "nominations-open": "Mae'r enwebiadau ar agor o hyd: pennir y papur pleidleisio pan fyddant yn cau.",
    "no-candidates": "Caeodd yr enwebiadau heb ymgeisydd ar y papur pleidleisio.",
    "poll-not-set":
      "Nid yw'r bleidlais wedi'i gosod: dim cyfnod pleidleisio na phapur pleidleisio eto (tudalen y bleidlais).",
    "no-credentials": "Nid oes manylion pleidleisio wedi'u rhoi eto (selectorate credentials issue).",
    "poll-not-closed":
      "Mae'r amser cau wedi mynd heibio ond nid yw'r bleidlais wedi'i chau (tudalen y bleidlais).",
    "poll-still-open": "Mae'r bleidlais ar agor o hyd: mae'n cau am {{closes}}.",
    "box-not-sealed":
      "Caeodd y bleidlais ond nid yw'r blwch pleidleisio wedi'i selio: ni lwyddodd y cysoni wrth gau'r bleidlais.",
    "counted-already": "Mae'r cyfrif wedi'i gynnal eisoes.",
    ready: "Nid oes dim yn atal y cam hwn.",
  },
  poll: {
    title: "Y bleidlais",
    link: "Y bleidlais: gosod a chau",
    beforeBallot: "Cyn i'r bleidlais agor",
    state: "Sefyllfa'r bleidlais",
    "no-poll": "Nid yw'r bleidlais wedi'i gosod eto.",
    open: "Mae'r bleidlais ar agor o {{opens}} tan {{closes}}.",
    closed: "Caeodd y bleidlais am {{at}} ond nid yw'r blwch wedi'i selio.",
    sealed: "Caeodd y bleidlais am {{at}}. Mae'r blwch pleidleisio wedi'i selio; ei SHA-256 yw {{hash}}.",
    paper: "Y papur pleidleisio",
    certified: "Y papur a ardystiwyd pan gaeodd yr enwebiadau",
    noCertified:
      "Nid yw'r enwebiadau wedi cau, felly nid oes papur pleidleisio ardystiedig i osod y bleidlais ag ef.",
    setUp: "Gosod y bleidlais",
    setUpIntro:
      "Y cyfnod pleidleisio, yn UTC, a rheolau'r bleidlais. Y papur yw'r un a ardystiwyd pan gaeodd yr enwebiadau; ni ellir ei olygu yma.",
    opens: "Yn agor (UTC)",
    closes: "Yn cau (UTC)",
    instantHint: "Er enghraifft 2016-08-22T09:00",
    badInstant: "Rhowch ddyddiad ac amser fel 2016-08-22T09:00.",
    policy: "Pan fo nam ar drefn y dewisiadau",
    strict: "Gwrthodir y papur nes i'r pleidleisiwr ei gywiro",
    truncate: "Cyfrif y dewisiadau cyn y nam cyntaf",
    allowSpoil: "Gadael i bleidleiswyr ar-lein ddifetha eu papur yn fwriadol",
    submit: "Gosod y bleidlais",
    saved: "Mae'r bleidlais wedi'i gosod: {{candidates}} ymgeisydd, ar agor o {{opens}} tan {{closes}}.",
    close: "Cau'r bleidlais",
    closeIntro:
      "Mae cau yn rhedeg y cymysgu olaf, yn cysoni pob adran (dilys + wedi'u difetha + wedi'u dal = manylion a ddefnyddiwyd) ac yn selio'r blwch pleidleisio. Ni ellir ei ddadwneud.",
    closeConfirm: "Cau'r bleidlais a selio'r blwch",
    closeNotYet: "Gellir cau'r bleidlais ar ei hamser cau, {{closes}}, neu wedi hynny.",
    closedDone: "Mae'r bleidlais wedi cau a'r blwch pleidleisio wedi'i selio. SHA-256 y blwch: {{hash}}",
    reconciliation: "Cysoni wrth gau'r bleidlais",
    used: "Manylion a ddefnyddiwyd",
    valid: "Dilys",
    spoilt: "Wedi'u difetha",
    held: "Wedi'u dal",
  },
  count: {
    title: "Y cyfrif a'r datganiad",
    link: "Cyfrif, cymeradwyo a datgan",
    beforeCount: "Cyn y cyfrif",
    run: "Cynnal y cyfrif",
    runIntro:
      "Yn cyfrif y blwch pleidleisio wedi'i selio yn ôl dull yr etholiad, ar ôl gwirio bod ei hash yn dal i gyfateb i'r sêl a gymerwyd wrth gau.",
    none: "Nid yw'r cyfrif wedi'i gynnal eto.",
    status: "Statws",
    counted: "Cyfrifwyd am {{at}}; yn aros i'r craffwr ei gymeradwyo.",
    "signed-off": "Cymeradwywyd gan y craffwr am {{at}}; gall y swyddog canlyniadau ei ddatgan.",
    declared: "Datganwyd am {{at}}; gall y swyddog canlyniadau ei gyhoeddi.",
    published: "Cyhoeddwyd am {{at}}.",
    draft: "Y datganiad (drafft nes ei gyhoeddi)",
    hash: "SHA-256 y datganiad hwn:",
    signOff: "Cymeradwyo'r cyfrif",
    signOffIntro:
      "Cymeradwywch y datganiad a ddangosir uchod yn unig, a enwir wrth ei hash. Os newidiodd y cyfrif ers llunio'r dudalen hon, gwrthodir y gymeradwyaeth.",
    checked: "Rwyf wedi gwirio'r daflen gyfrif a'r datganiad hwn",
    mustCheck: "Cadarnhewch eich bod wedi gwirio'r daflen gyfrif a'r datganiad hwn.",
    signOffSubmit: "Cymeradwyo'r datganiad hwn",
    declare: "Datgan y canlyniad",
    publish: "Cyhoeddi'r canlyniad",
    publishIntro:
      "Mae cyhoeddi yn rhoi'r datganiad, y rhestr dderbynebau a'r cofnod ar dudalen gyhoeddus y canlyniadau.",
    publicPage: "Tudalen gyhoeddus y canlyniadau",
    done: "Mae'r cyfrif wedi'i gynnal. Gwiriwch y datganiad isod; y craffwr sy'n ei gymeradwyo nesaf.",
    elected: "Etholwyd: {{names}}",
    counts: "Y cyfrif fesul adran a cham",
    signedOffDone: "Cymeradwywyd. Gall y swyddog canlyniadau ddatgan y canlyniad nawr.",
    declaredDone: "Datganwyd. Gall y swyddog canlyniadau ei gyhoeddi nawr.",
    publishedDone: "Cyhoeddwyd. SHA-256 yr archif: {{hash}}",
  },
  password: {
    "too-short": "Defnyddiwch gyfrinair o 12 nod o leiaf.",
    "too-long": "Defnyddiwch gyfrinair o 256 nod ar y mwyaf.",
    "is-email": "Peidiwch â defnyddio eich cyfeiriad e-bost fel cyfrinair.",
    "too-common":
      "Mae'r cyfrinair hwn yn rhy gyffredin neu'n rhy hawdd ei ddyfalu. Dewiswch ymadrodd hwy o'ch dewis eich hun, fel pedwar gair digyswllt.",
  },
  ...applicationsCy,
  ...nominationsCy,
} as const;
