/** A JSON value as the logs store it. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { readonly [key: string]: JsonValue };

/**
 * The one text a value hashes to: keys sorted by code point, no whitespace, strings (and keys) in
 * Unicode NFC so that the same name typed on two keyboards hashes alike. Throws on what JSON cannot
 * hold (undefined, functions, NaN, Infinity): putting such a value in a log is a bug.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new Error(`canonicalJson: ${value} is not a JSON number`);
      return JSON.stringify(Object.is(value, -0) ? 0 : value);
    case "string":
      return JSON.stringify(value.normalize("NFC"));
    case "object": {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .map((k) => [k.normalize("NFC"), k] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (let i = 1; i < keys.length; i++)
        if (keys[i]![0] === keys[i - 1]![0])
          throw new Error(`canonicalJson: two keys normalise to "${keys[i]![0]}"`);
      return `{${keys.map(([nfc, raw]) => `${JSON.stringify(nfc)}:${canonicalJson(record[raw])}`).join(",")}}`;
    }
    default:
      throw new Error(`canonicalJson: a ${typeof value} cannot be written to a log`);
  }
}
