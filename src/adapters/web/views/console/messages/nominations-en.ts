// The English text of the nominations pages: the console's (nominating bodies' officers, staff with
// paper forms, candidates, the returning officer's close) and the public table (spread into en.ts).

/** English text of the nominations pages. */
export const nominationsEn = {
  noms: {
    title: "Nominations",
    publicTitle: "Nominations",
    link: "Nominations",
    publicLink: "The public nominations table",
    status: {
      closed: "Nominations closed at {{at}}.",
      open: "Nominations are open until {{at}}.",
      notYet: "Nominations open at {{opens}} and close at {{closes}}.",
    },
    introNominator:
      "You nominate for the nominators listed below, for whom your nominating body has authorised your account. Each nomination is recorded in your name and published in the table.",
    introPaper:
      "Enter a nomination received on a signed paper form, or withdraw one on a signed withdrawal. The audit log records that you entered it and that it came from paper.",
    introCandidate:
      "You reach the ballot only once you have consented to your nomination. You may consent until nominations close.",
    noneForYou:
      "No nominator of this election lists your account. Ask the returning officer to add {{account}} to your nominating body's authorised accounts.",
    yours: "The nominators you act for",
    nominator: "Nominator",
    body: "Nominating body",
    current: "Current nominations",
    noNomination: "None",
    withdraw: "Withdraw the nomination of {{candidate}}",
    makeTitle: "Make a nomination",
    makePaperTitle: "Enter a paper nomination form",
    candidate: "Candidate",
    choose: "Choose…",
    make: "Nominate",
    makePaper: "Enter the paper form",
    chooseNominator: "Choose the nominator.",
    chooseCandidate: "Choose the candidate.",
    made: "Nomination recorded: {{nominator}} nominated {{candidate}}.",
    withdrawn: "Nomination withdrawn.",
    consentTitle: "Your candidacy",
    consented: "{{candidate}}: you have consented to your nomination.",
    notConsented: "{{candidate}}: you have not yet consented to your nomination.",
    consent: "I consent to my nomination as {{candidate}}",
    consentDone: "Your consent is recorded.",
    closeTitle: "Close nominations",
    closeIntro:
      "Closing fixes the ballot paper from the table above: every candidate who qualifies and has consented, and the reasons for each. It cannot be undone, and it is refused before the end of the nomination period ({{at}}).",
    close: "Close nominations and set the ballot paper",
    closedDone: "Nominations are closed and the ballot paper is set.",
    notSetUp: "Nominations have not been set up for this election.",
    table: {
      caption: "Nominations by nominating body, against the threshold",
      candidate: "Candidate",
      supporting: "{{body}} (supporting)",
      threshold: "Threshold",
      ifClosed: "If closed now",
      exempt: "Exempt (incumbent)",
      oneNomination: "One nomination",
    },
    verdict: {
      byRight: "On the ballot by right",
      qualifies: "Qualifies",
      noConsent: "Has not yet consented",
      short: "Does not yet qualify",
    },
    explain: {
      up: "rounded up",
      down: "rounded down",
      "half-up": "rounded to nearest",
      share:
        "{{percent}}% of {{body}} ({{base}} at the opening of nominations, {{rounding}}): needs {{required}}, has {{have}}",
      count: "at least {{required}} of {{body}}: has {{have}}",
      countUnions:
        "at least {{required}} of {{body}}, of which {{unions}} unions: has {{have}} ({{unionsHave}} unions)",
      met: "{{head}}; met",
      more: "{{head}}; {{more}} more needed",
      all: "all of: {{parts}}",
      any: "one of: {{parts}}",
      and: " and ",
      or: " or ",
      groupMet: "{{head}} — met",
      groupNotMet: "{{head}} — not met",
    },
    onFile: "Nominations on file",
    tableTitle: "The nominations table",
    setUpTitle: "Set up nominations",
    setUpIntro:
      "Paste the nominations set-up (JSON, as in docs/nominations.md): the nominating bodies and who may nominate for each (a console account as email:<address>), the candidates, the thresholds and the period. Until the first nomination is made, a new set-up replaces it.",
    setUpField: "Nominations set-up (JSON)",
    setUpEmpty: "Paste the set-up document.",
    setUpNotJson: "The set-up is not valid JSON: {{reason}}",
    setUpSubmit: "Set up nominations",
    setUpDone:
      "Nominations are set up: {{bodies}} nominating bodies, {{nominators}} nominators, {{candidates}} candidates.",
    paper: "Ballot paper",
    why: "Who qualified, and why",
  },
} as const;
