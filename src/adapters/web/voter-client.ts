// A voter's browser over plain fetch, for the voter pages on loopback: the HTTP tests and the demo
// rehearsal's sample of votes over HTTP both use it, so both go through the real pages the same way.

/** A voter's browser over plain fetch: keeps the CSRF cookie, reads hidden fields, posts forms. */
export class VoterClient {
  cookie = "";
  constructor(readonly base: string) {}
  /** GETs a page, keeping the CSRF cookie. */
  async get(path: string): Promise<{ status: number; text: string }> {
    const r = await fetch(this.base + path, { headers: { cookie: this.cookie }, redirect: "manual" });
    this.keep(r);
    return { status: r.status, text: await r.text() };
  }
  /** POSTs a form, keeping the CSRF cookie; `retryAfter` is set when the server asks the voter to wait. */
  async post(
    path: string,
    form: Record<string, string>,
  ): Promise<{ status: number; text: string; retryAfter: string | null }> {
    const r = await fetch(this.base + path, {
      method: "POST",
      headers: { cookie: this.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
      redirect: "manual",
    });
    this.keep(r);
    return { status: r.status, text: await r.text(), retryAfter: r.headers.get("retry-after") };
  }
  /** The CSRF token the last page carried. */
  static csrf(page: string): string {
    return /name="csrf" value="([0-9a-f]{64})"/.exec(page)?.[1] ?? "";
  }
  private keep(r: Response): void {
    const set = r.headers.get("set-cookie");
    const m = set ? /(__Host-vote-csrf=[0-9a-f]{64})/.exec(set) : null;
    if (m) this.cookie = m[1]!;
  }
}

/** Casts over HTTP as fast as the real form allows: code page (for the CSRF token), then cast. */
export async function castOverHttp(
  base: string,
  slug: string,
  secret: { kind: "code" | "link"; value: string },
  order: readonly string[],
): Promise<{ status: number; text: string; retryAfter: string | null }> {
  const client = new VoterClient(base);
  const first = await client.get(`/vote/${slug}`);
  const form: Record<string, string> = {
    csrf: VoterClient.csrf(first.text),
    kind: secret.kind,
    secret: secret.value,
  };
  order.forEach((id, i) => (form[`pref-${id}`] = String(i + 1)));
  return client.post(`/vote/${slug}/cast`, form);
}
