// The voting bench's load generator: a voter's browser reduced to what the page flow needs, over
// node:http with keep-alive sockets. It shares the 2 cores with the server under test, so it must be
// cheap: global fetch (undici) cost about 3.8 ms of CPU per vote here (as much as the server itself),
// this client a fraction of that. It still does what a browser does: keeps the CSRF cookie the link
// page sets, reads the form's hidden token, posts the form, and reads the whole receipt page.
import http from "node:http";

/** A response as the bench reads it. */
export interface BenchResponse {
  readonly status: number;
  readonly text: string;
  readonly setCookie: readonly string[];
}

/** One HTTP/1.1 request on a keep-alive socket of `agent`; resolves with the whole body. */
export function request(
  agent: http.Agent,
  base: URL,
  method: "GET" | "POST",
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<BenchResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: base.hostname, port: base.port, method, path, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString("utf8"),
            setCookie: res.headers["set-cookie"] ?? [],
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const CSRF_FIELD = /name="csrf" value="([0-9a-f]{64})"/;
const CSRF_COOKIE = /(__Host-vote-csrf=[0-9a-f]{64})/;

/**
 * One vote through the real pages: the one-click link (ballot page, CSRF cookie and token), then the
 * cast form with a ranking; true only if the receipt page came back.
 */
export async function voteByLink(
  agent: http.Agent,
  base: URL,
  slug: string,
  linkToken: string,
  marks: Record<string, string>,
): Promise<boolean> {
  const page = await request(agent, base, "GET", `/vote/${slug}/link/${linkToken}`, {});
  if (page.status !== 200) return false;
  const cookie = page.setCookie.map((c) => CSRF_COOKIE.exec(c)?.[1]).find(Boolean) ?? "";
  const form = new URLSearchParams({
    csrf: CSRF_FIELD.exec(page.text)?.[1] ?? "",
    kind: "link",
    secret: linkToken,
    ...marks,
  }).toString();
  const r = await request(
    agent,
    base,
    "POST",
    `/vote/${slug}/cast`,
    {
      cookie,
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(Buffer.byteLength(form)),
    },
    form,
  );
  return r.status === 200 && r.text.includes("Your vote has been cast");
}
