// Welsh text of the nominations pages (spread into cy.ts). The sentences of the close ("who
// qualified, and why") come from the nominations room in English. A Welsh speaker should review these.

/** Welsh text of the nominations pages. */
export const nominationsCy = {
  noms: {
    title: "Enwebiadau",
    publicTitle: "Enwebiadau",
    link: "Enwebiadau",
    publicLink: "Tabl cyhoeddus yr enwebiadau",
    status: {
      closed: "Caeodd yr enwebiadau am {{at}}.",
      open: "Mae'r enwebiadau ar agor tan {{at}}.",
      notYet: "Mae'r enwebiadau'n agor am {{opens}} ac yn cau am {{closes}}.",
    },
    introNominator:
      "Rydych yn enwebu ar ran yr enwebwyr isod, y mae eich corff enwebu wedi awdurdodi eich cyfrif ar eu cyfer. Cofnodir pob enwebiad yn eich enw a'i gyhoeddi yn y tabl.",
    introPaper:
      "Rhowch enwebiad a ddaeth ar ffurflen bapur wedi'i llofnodi, neu tynnwch un yn ôl ar ffurflen dynnu'n ôl wedi'i llofnodi. Mae'r log archwilio'n cofnodi mai chi a'i rhoddodd ac mai o bapur y daeth.",
    introCandidate:
      "Dim ond ar ôl i chi gydsynio i'ch enwebiad y byddwch ar y papur pleidleisio. Gallwch gydsynio nes i'r enwebiadau gau.",
    noneForYou:
      "Nid oes enwebydd yn yr etholiad hwn yn rhestru eich cyfrif. Gofynnwch i'r swyddog canlyniadau ychwanegu {{account}} at gyfrifon awdurdodedig eich corff enwebu.",
    yours: "Yr enwebwyr rydych yn gweithredu ar eu rhan",
    nominator: "Enwebydd",
    body: "Corff enwebu",
    current: "Enwebiadau presennol",
    noNomination: "Dim",
    withdraw: "Tynnu enwebiad {{candidate}} yn ôl",
    makeTitle: "Gwneud enwebiad",
    makePaperTitle: "Rhoi ffurflen enwebu bapur",
    candidate: "Ymgeisydd",
    choose: "Dewiswch…",
    make: "Enwebu",
    makePaper: "Rhoi'r ffurflen bapur",
    chooseNominator: "Dewiswch yr enwebydd.",
    chooseCandidate: "Dewiswch yr ymgeisydd.",
    made: "Cofnodwyd yr enwebiad: enwebodd {{nominator}} {{candidate}}.",
    withdrawn: "Tynnwyd yr enwebiad yn ôl.",
    consentTitle: "Eich ymgeisyddiaeth",
    consented: "{{candidate}}: rydych wedi cydsynio i'ch enwebiad.",
    notConsented: "{{candidate}}: nid ydych wedi cydsynio i'ch enwebiad eto.",
    consent: "Rwy'n cydsynio i'm henwebu fel {{candidate}}",
    consentDone: "Cofnodwyd eich cydsyniad.",
    closeTitle: "Cau'r enwebiadau",
    closeIntro:
      "Mae cau'n pennu'r papur pleidleisio o'r tabl uchod: pob ymgeisydd sy'n cymhwyso ac wedi cydsynio, a'r rhesymau dros bob un. Ni ellir ei ddadwneud, ac fe'i gwrthodir cyn diwedd y cyfnod enwebu ({{at}}).",
    close: "Cau'r enwebiadau a phennu'r papur pleidleisio",
    closedDone: "Mae'r enwebiadau ar gau ac mae'r papur pleidleisio wedi'i bennu.",
    notSetUp: "Nid yw'r enwebiadau wedi'u trefnu ar gyfer yr etholiad hwn.",
    table: {
      caption: "Enwebiadau fesul corff enwebu, yn erbyn y trothwy",
      candidate: "Ymgeisydd",
      supporting: "{{body}} (ategol)",
      threshold: "Trothwy",
      ifClosed: "Pe baent yn cau nawr",
      exempt: "Wedi'i eithrio (deiliad)",
      oneNomination: "Un enwebiad",
    },
    verdict: {
      byRight: "Ar y papur pleidleisio drwy hawl",
      qualifies: "Yn cymhwyso",
      noConsent: "Heb gydsynio eto",
      short: "Nid yw'n cymhwyso eto",
    },
    explain: {
      up: "wedi'i dalgrynnu i fyny",
      down: "wedi'i dalgrynnu i lawr",
      "half-up": "wedi'i dalgrynnu i'r agosaf",
      share:
        "{{percent}}% o {{body}} ({{base}} pan agorodd yr enwebiadau, {{rounding}}): angen {{required}}, ganddo {{have}}",
      count: "o leiaf {{required}} o {{body}}: ganddo {{have}}",
      countUnions:
        "o leiaf {{required}} o {{body}}, gan gynnwys {{unions}} undeb: ganddo {{have}} ({{unionsHave}} undeb)",
      met: "{{head}}; wedi'i gyrraedd",
      more: "{{head}}; angen {{more}} yn rhagor",
      all: "pob un o: {{parts}}",
      any: "un o: {{parts}}",
      and: " a ",
      or: " neu ",
      groupMet: "{{head}} — wedi'i gyrraedd",
      groupNotMet: "{{head}} — heb ei gyrraedd",
    },
    onFile: "Enwebiadau ar gofnod",
    tableTitle: "Tabl yr enwebiadau",
    setUpTitle: "Trefnu'r enwebiadau",
    setUpIntro:
      "Gludwch drefn yr enwebiadau (JSON, fel yn docs/nominations.md): y cyrff enwebu a phwy a gaiff enwebu ar ran pob un (cyfrif consol fel email:<cyfeiriad>), yr ymgeiswyr, y trothwyon a'r cyfnod. Nes gwneir yr enwebiad cyntaf, mae trefn newydd yn cymryd ei lle.",
    setUpField: "Trefn yr enwebiadau (JSON)",
    setUpEmpty: "Gludwch y ddogfen drefn.",
    setUpNotJson: "Nid yw'r drefn yn JSON dilys: {{reason}}",
    setUpSubmit: "Trefnu'r enwebiadau",
    setUpDone:
      "Mae'r enwebiadau wedi'u trefnu: {{bodies}} corff enwebu, {{nominators}} enwebydd, {{candidates}} ymgeisydd.",
    paper: "Papur pleidleisio",
    why: "Pwy a gymhwysodd, a pham",
  },
} as const;
