import { readFileSync } from "node:fs";

// The common-password list shipped beside this file, read once at start (no network: the list is in
// the repository). Lines starting with # are comments.

const list = new Set(
  readFileSync(new URL("./common-passwords.txt", import.meta.url), "utf8")
    .split("\n")
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l !== "" && !l.startsWith("#")),
);

/** Whether `password` is on the shipped list of common passwords (case does not matter). */
export function isListedPassword(password: string): boolean {
  return list.has(password.trim().toLowerCase());
}
