import { html } from "./html.ts";
import { page } from "./layout.ts";

// The unsubscribe pages. Neither says anything about the person: the same words for every token.

/** The confirmation step (a GET never changes anything: mail scanners open links). */
export function stopRemindersPage(o: { title: string; action: string }): string {
  return page({
    title: "Stop reminders",
    context: o.title,
    body: html`<p>You can choose to get no more reminder emails about this election.</p>
      <p>This does not affect your vote or your voting code.</p>
      <form method="post" action="${o.action}">
        <button type="submit">Stop reminder emails</button>
      </form>`,
  });
}

/** The answer after the button, whoever pressed it. */
export function remindersStoppedPage(o: { title: string }): string {
  return page({
    title: "Reminders stopped",
    context: o.title,
    body: html`<p>No more reminder emails about this election will be sent to this link's address.</p>`,
  });
}
