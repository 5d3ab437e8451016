// Welsh text of the credentials and mail pages (spread into cy.ts). The messages' own text stays
// English: the voters' mail is written in English (src/messages/en). A Welsh speaker should review.

/** Welsh text of the credentials and mail pages. */
export const mailCy = {
  creds: {
    title: "Manylion pleidleisio",
    link: "Manylion pleidleisio: rhoi, ail-roi, dirymu",
    beforeIssue: "Cyn rhoi'r manylion pleidleisio",
    issue: "Rhoi'r manylion pleidleisio",
    issueIntro:
      "Yn rhoi un cod a dolen bleidleisio i bob pleidleisiwr yn yr etholaeth wedi'i rhewi (cefnogwyr a dderbyniwyd i mewn, pleidleiswyr a waharddwyd allan, pob person mewn un adran) ac yn rhoi e-bost pob pleidleisiwr yn y blwch allan. Mae'n rhedeg unwaith ac ni ellir ei ddadwneud; mae manylion a gollwyd yn cael eu hail-roi isod.",
    electorate:
      "Bydd {{total}} o bleidleiswyr yn cael manylion: {{sections}}. Wedi'u gadael allan: {{excluded}} wedi'u gwahardd gan banel, {{earlier}} eisoes yn pleidleisio mewn adran gynharach. Bydd papurau {{held}} o bleidleiswyr dan her yn cael eu dal.",
    printTitle: "Rhoi gyda phecyn argraffu i'r tŷ postio",
    printIntro:
      "Nid oes gan {{count}} o bleidleiswyr gyfeiriad e-bost. Mae eu codau'n mynd mewn pecyn argraffu i'r tŷ postio, a lawrlwythir mewn ateb i'r botwm isod: un ffeil ZIP sy'n dal PDF (un dudalen A4 i bob pleidleisiwr gyda'r enw a'r cyfeiriad wedi'u gosod ar gyfer amlen ffenestr, y cod a chod QR o'r ddolen bleidleisio) a CSV o'r un llinellau. Caiff pleidleiswyr sydd â chyfeiriad e-bost eu he-bostio fel arfer.",
    printEveryoneIntro:
      "Neu postiwch becyn at bob pleidleisiwr yn ogystal â'u he-bostio: yr un rhoi, gyda phecyn argraffu (PDF a CSV mewn un ffeil ZIP) o bob pleidleisiwr a lawrlwythir mewn ateb i'r botwm isod.",
    printSecret:
      "Dim ond yn y lawrlwythiad hwnnw y mae'r codau'n bodoli: dim ond eu stwnshiadau allweddog a gadwir yn y gronfa ddata, felly ni ellir lawrlwytho'r pecyn eto (mae pecyn a gollwyd yn golygu ail-roi i bob pleidleisiwr). Cadwch ef yn gyfrinachol a'i ddileu unwaith y bydd y pecynnau wedi'u hargraffu. Cofnodir y lawrlwythiad yn y log archwilio (pwy, faint o dudalennau, SHA-256 y ffeiliau; byth god). Gofynnir am eich cyfrinair a chod dilysu yn gyntaf os rhoesoch nhw fwy na 10 munud yn ôl.",
    printAll: "Rhoi'r pleidleiswyr sy'n cael e-bost yn y pecyn argraffu hefyd (pecyn post i bawb)",
    printConfirm: "Rhoi {{total}} o fanylion, anfon yr e-byst i'r blwch allan a lawrlwytho'r pecyn argraffu",
    issueConfirm: "Rhoi {{total}} o fanylion ac anfon eu e-byst i'r blwch allan",
    issued:
      "Rhoddwyd {{issued}} o fanylion mewn {{seconds}} eiliad ({{sections}}). Mae {{mailed}} o e-byst yn y blwch allan; mae tudalen yr e-bost yn dangos eu danfon.",
    issuedAlready: "Mae {{count}} o fanylion pleidleisio wedi'u rhoi.",
    reissue: "Ail-roi manylion a gollwyd",
    reissueIntro:
      "Mae'r cod a'r ddolen newydd yn disodli'r hen rai ar unwaith. Ni ellir ail-roi i bleidleisiwr sydd wedi pleidleisio. Dangosir y cod newydd unwaith yma; caiff ei e-bostio hefyd pan fo gan y pleidleisiwr gyfeiriad ar gofnod.",
    voter: "Rhif y pleidleisiwr",
    voterHint: "Rhif yr aelod, neu rif cais y cefnogwr, fel ar y gofrestr.",
    reason: "Rheswm (a gedwir yn y log archwilio)",
    mailIt: "E-bostio'r ddolen newydd i gyfeiriad y pleidleisiwr ar gofnod",
    reissueSubmit: "Ail-roi'r manylion",
    reissued: "Manylion newydd i {{voter}}. Cod: {{code}}. Dolen: {{link}}",
    reissuedMailed: "Mae'r ddolen newydd yn aros i'w hanfon at {{to}}.",
    reissuedNotMailed: "Nid oes cyfeiriad ar gofnod i'r pleidleisiwr hwn: rhowch y cod uchod iddynt.",
    revoke: "Dirymu manylion",
    revokeIntro:
      "Mae'r manylion yn peidio â gweithio ar unwaith (er enghraifft ar ôl gwaharddiad). Ni ellir dadwneud hyn.",
    revokeSubmit: "Dirymu'r manylion",
    revoked: "Mae manylion {{voter}} wedi'u dirymu.",
    needVoter: "Rhowch rif y pleidleisiwr.",
    needReason: "Rhowch y rheswm.",
  },
  mail: {
    title: "E-bost",
    link: "E-bost: negeseuon a'u danfon",
    intro:
      "Pob neges y mae'r etholiad yn ei hanfon, gyda rhagolwg ar gyfer pleidleisiwr enghreifftiol, a sut mae'r danfon yn mynd. Mae negeseuon yn mynd trwy'r blwch allan dros SMTP; nid oes dim yn cael ei anfon o'r dudalen hon.",
    templates: "Negeseuon",
    kind: "Neges",
    when: "Yn cael ei hanfon pan",
    preview: "Rhagolwg",
    delivery: "Danfon",
    queued: "Yn aros",
    sent: "Anfonwyd",
    failed: "Wedi bownsio neu fethu",
    retrying: "Yn aros i geisio eto",
    history: "Pob neges",
    noHistory: "Nid oes neges o'r math hwn wedi'i rhoi yn y blwch allan eto.",
    reminderPrivate:
      "Dim ond cyfrif nodiadau atgoffa a wneir: byddai rhestr o bleidleiswyr a atgoffwyd yn dweud pwy nad oedd wedi pleidleisio. Mae adroddiad y craffwr o'r hyn na anfonwyd ar y llinell orchymyn (selectorate mail status).",
    to: "At",
    about: "Ynglŷn â",
    status: "Statws",
    attempts: "Ymdrechion",
    queuedAt: "Yn y blwch allan am",
    sentAt: "Anfonwyd am",
    error: "Ateb y gweinydd",
    subject: "Pwnc",
    body: "Testun",
    sample:
      "Wedi'i llunio ar gyfer pleidleisiwr enghreifftiol (Sam Sample) gyda chod a dolen ffug: nid oes dim yma'n fanylion go iawn.",
    back: "Yn ôl i'r e-bost",
    previous: "Negeseuon cynharach",
    kinds: {
      credential: "Cod a dolen bleidleisio",
      reminder: "Nodyn atgoffa i bleidleisio",
      "application-received": "Cais wedi dod i law",
      "application-accepted": "Cais wedi'i dderbyn",
      "application-rejected": "Cais wedi'i wrthod",
      "application-decision": "Penderfyniad ar gais",
      "payment-failed": "Taliad wedi methu",
      "vetting-case-opened": "Achos fetio wedi'i agor",
      "vetting-decision": "Penderfyniad fetio (gwaharddwyd)",
      "appeal-outcome": "Canlyniad apêl",
    },
    whens: {
      credential: "Mae'r manylion pleidleisio'n cael eu rhoi, neu un yn cael ei ail-roi",
      reminder: "Mae nodyn atgoffa a drefnwyd yn rhedeg (pleidleiswyr nad ydynt wedi pleidleisio)",
      "application-received": "Mae cefnogwr yn gwneud cais",
      "application-accepted": "Mae'r ceisiadau'n cael eu penderfynu",
      "application-rejected": "Mae'r ceisiadau'n cael eu penderfynu",
      "payment-failed": "Mae taliad y ffi'n methu",
      "vetting-case-opened": "Mae staff yn codi achos fetio",
      "vetting-decision": "Mae panel yn penderfynu achos",
      "appeal-outcome": "Mae apêl yn cael ei chlywed",
    },
  },
} as const;
