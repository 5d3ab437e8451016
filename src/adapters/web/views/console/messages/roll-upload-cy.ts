// Welsh text of the roll upload pages (spread into cy.ts). A Welsh speaker should review.

/** Welsh text of the roll upload form and its status page. */
export const rollUploadCy = {
  upload: {
    link: "Llwytho ffeil gofrestr i fyny (unrhyw faint, gyda'r cynnydd yn cael ei ddangos)",
    title: "Llwytho ffeil y gofrestr i fyny",
    intro:
      "Ar gyfer cofrestr o unrhyw faint. Gwirir y ffeil gyfan yn gyntaf, heb ysgrifennu dim, yna caiff ei mewnforio mewn un cam; mae'r dudalen nesaf yn dangos pa mor bell yr aeth a sut y daeth i ben.",
    file: "Ffeil y gofrestr i'w llwytho i fyny (CSV)",
    fileHint:
      "Ffeil CSV gyda rhes pennawd, hyd at 256 MB. Mae unrhyw linell wael yn atal y mewnforio cyfan; rhestrir pob llinell wael.",
    mapping: "Mapio'r colofnau ar gyfer y ffeil hon (JSON)",
    check: "Llwytho i fyny a gwirio'r ffeil",
    apply: "Llwytho i fyny a mewnforio'r gofrestr",
    noFile: "Dewiswch ffeil gofrestr i'w llwytho i fyny.",
    tooLarge: "Mae'r ffeil yn fwy na 256 MB. Ni fewnforiwyd dim.",
    statusTitle: "Llwytho'r gofrestr i fyny",
    checking:
      "Yn gwirio'r ffeil: gwiriwyd {{rows}} o resi ({{percent}}% o'r ffeil). Nid oes dim wedi'i ysgrifennu eto.",
    writing: "Mae'r ffeil yn dda. Yn ysgrifennu'r gofrestr: {{written}} o {{total}} o resi.",
    progress: "Cynnydd",
    refreshing:
      "Mae'r gwaith yn parhau os byddwch yn gadael y dudalen hon. Gyda JavaScript ymlaen, mae'r dudalen hon yn diweddaru ei hun; hebddo, adnewyddwch hi i weld pa mor bell yr aeth y gwaith.",
    refreshNow: "Adnewyddu",
    stopped:
      "Daeth y mewnforio i ben cyn gorffen (ailgychwynnwyd neu ataliwyd y gweinydd). Ni newidiwyd dim: llwythwch y ffeil i fyny eto.",
    error: "Daeth y mewnforio i ben gyda gwall: {{message}}. Ni newidiwyd dim.",
    confirm:
      "Mae cofrestr wahanol mewn grym. Mae'r ffeil hon yn dda: {{rows}} o resi; byddai'n ychwanegu {{added}}, yn tynnu {{removed}} ac yn newid {{changed}}. Ni newidiwyd dim: i ddisodli'r gofrestr, llwythwch y ffeil i fyny eto gyda “Disodli'r gofrestr sydd mewn grym” wedi'i dicio.",
    started: "Llwythwyd i fyny am {{at}} (UTC): {{bytes}} beit.",
    back: "Yn ôl i'r gofrestr",
  },
} as const;
