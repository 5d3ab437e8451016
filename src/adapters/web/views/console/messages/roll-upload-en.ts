// English text of the roll upload pages (spread into en.ts).

/** English text of the roll upload form and its status page. */
export const rollUploadEn = {
  upload: {
    link: "Upload a roll file (any size, progress shown)",
    title: "Upload the roll file",
    intro:
      "For a roll of any size. The whole file is checked first, writing nothing, then imported in one step; the next page shows how far it has gone and how it ended.",
    file: "Roll file to upload (CSV)",
    fileHint:
      "A CSV file with a header row, up to 256 MB. Any bad line stops the whole import; every bad line is listed.",
    mapping: "Column mapping for this file (JSON)",
    check: "Upload and check the file",
    apply: "Upload and import the roll",
    noFile: "Choose a roll file to upload.",
    tooLarge: "The file is larger than 256 MB. Nothing was imported.",
    statusTitle: "Roll upload",
    checking:
      "Checking the file: {{rows}} rows checked ({{percent}}% of the file). Nothing has been written yet.",
    writing: "The file is good. Writing the roll: {{written}} of {{total}} rows.",
    progress: "Progress",
    refreshing:
      "The job goes on if you leave this page. With JavaScript on, this page keeps itself up to date; without it, refresh it to see how far the job has gone.",
    refreshNow: "Refresh",
    stopped:
      "The import stopped before it ended (the server was restarted or stopped). Nothing was changed: upload the file again.",
    error: "The import stopped with an error: {{message}}. Nothing was changed.",
    confirm:
      "A different roll is in force. This file is good: {{rows}} rows; it would add {{added}}, remove {{removed}} and change {{changed}}. Nothing was changed: to replace the roll, upload the file again with “Replace the roll in force” ticked.",
    started: "Uploaded at {{at}} (UTC): {{bytes}} bytes.",
    back: "Back to the roll",
  },
} as const;
