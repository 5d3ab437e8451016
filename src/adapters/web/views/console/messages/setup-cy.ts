// The console's Welsh text for the applications' settings, the register extract and the panels pages.

/** Welsh text of the settings, register extract and panels pages. */
export const setupCy = {
  appSettings: {
    title: "Gosodiadau ceisiadau",
    link: "Gosodiadau ceisiadau",
    intro:
      "Mae gan bob adran sy'n derbyn ceisiadau ei chyfnod, ei therfynau amser, ei ffi a'i datganiad. Mae'r amseroedd yn UTC. Mae cadw adran eto yn disodli ei gosodiadau.",
    current: "Adrannau a osodwyd",
    none: "Nid oes adran wedi'i gosod ar gyfer ceisiadau eto.",
    section: "Adran",
    kind: "Math o gefnogwr",
    kinds: {
      registered: "Cefnogwyr cofrestredig (yn talu ffi)",
      affiliated: "Cefnogwyr cysylltiedig (wedi'u cadarnhau gan eu hundeb)",
    },
    window: "Cyfnod",
    opensAt: "Ceisiadau'n agor (UTC)",
    closesAt: "Ceisiadau'n cau (UTC)",
    fee: "Ffi (£)",
    feeHint: "Er enghraifft 25.00; 0 os nad oes ffi.",
    paymentDeadline: "Talu'r ffi erbyn (UTC)",
    unionDeadline: "Undebau i gadarnhau erbyn (UTC)",
    pollingDay: "Diwrnod pleidleisio",
    pollingDayHint: "Barnir oedran ar y diwrnod hwn, er enghraifft 2016-09-21.",
    appealWindowDays: "Dyddiau i apelio yn erbyn gwrthod",
    version: "Fersiwn y datganiad",
    aimsAndValues: "Nodau a gwerthoedd y mae'r ymgeisydd yn eu datgan",
    codeOfConduct: "Cod ymddygiad y mae'r ymgeisydd yn ei dderbyn",
    save: "Cadw'r gosodiadau",
    saved:
      "Mae'r gosodiadau ar gyfer {{section}} wedi'u cadw. Mae'r ffurflen gais yn /apply/{{slug}}/{{section}}.",
    edit: "Gosod neu newid adran",
  },
  register: {
    title: "Detholiad o'r gofrestr etholiadol",
    link: "Mewnforio detholiad y gofrestr",
    intro:
      "Gludwch y detholiad fel CSV gyda'r colofnau elector_number, forenames, surname, address_line1, postcode, date_of_birth, overseas (gall date_of_birth fod yn wag; mae overseas yn Y neu N). Y cyfan neu ddim: nid yw ffeil ag unrhyw linell wallus yn mewnforio dim, ac nid yw'r un ffeil eto yn newid dim. Caiff ceisiadau eu gwirio yn ei erbyn pan gânt eu penderfynu.",
    csv: "Detholiad y gofrestr (CSV)",
    import: "Mewnforio'r detholiad",
    imported: "Mewnforiwyd {{rows}} cofnod o'r gofrestr.",
    already: "Mewnforiwyd y detholiad hwn ({{rows}} cofnod) o'r blaen; ni newidiodd dim.",
    more: "a {{count}} llinell arall gyda phroblemau.",
  },
  panels: {
    title: "Paneli fetio",
    link: "Paneli",
    intro:
      "Mae panel yn penderfynu'r achosion a godwyd ger ei fron, gyda'i gworwm o aelodau'n bresennol. Clywir apêl gan banel arall nad eisteddodd yr un o'i aelodau ar y penderfyniad: mae ei aelodau'n ei ddewis ar dudalen yr achos.",
    none: "Nid oes panel wedi'i osod eto.",
    name: "Enw",
    quorum: "Cworwm",
    members: "Aelodau",
    create: "Gosod panel",
    nameLabel: "Enw'r panel",
    membersLabel: "Aelodau",
    membersHint: "Pobl sydd â rôl panel fetio yn yr etholiad hwn.",
    quorumLabel: "Cworwm (aelodau'n bresennol i benderfynu)",
    noCandidates:
      "Nid oes neb â rôl panel fetio yn yr etholiad hwn eto: mae gweinyddwr yn ei rhoi ar Pobl a rolau.",
    submit: "Gosod y panel",
    created: "Mae'r panel {{name}} wedi'i osod.",
  },
} as const;
