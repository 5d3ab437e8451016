import assert from "node:assert/strict";
import { test } from "node:test";
import { html, trusted } from "./html.ts";
import { page, textField } from "./layout.ts";

test("interpolated text is escaped, so a candidate name cannot inject markup", () => {
  const name = `<script>alert(1)</script>" onerror="x`;
  const out = html`<p title="${name}">${name}</p>`.value;
  assert.ok(!out.includes("<script>"));
  assert.ok(!out.includes('" onerror'));
  assert.match(out, /&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot; onerror=&quot;x/);
});

test("nested fragments and trusted markup pass through unescaped", () => {
  const inner = html`<b>${"a&b"}</b>`;
  assert.equal(html`<p>${inner}${trusted("<br>")}</p>`.value, "<p><b>a&amp;b</b><br></p>");
});

test("the page shell has one main landmark, a skip link and no inline script or style", () => {
  const out = page({
    title: "Vote <now>",
    body: textField({ name: "code", label: "Your code", error: "Enter your code" }),
  });
  assert.equal(out.match(/<main /g)?.length, 1);
  assert.match(out, /href="#main"/);
  assert.ok(!/<script|style=/.test(out));
  assert.match(out, /<title>Vote &lt;now&gt; – Selectorate<\/title>/);
  assert.match(out, /aria-invalid="true"/);
  assert.match(out, /aria-describedby="code-error"/);
});
