// Generated people: names, addresses, postcodes and emails that are unique per person (so two
// generated people never look like one to the duplicate or register checks) and valid UK forms.

/** Forenames with accents and from several languages, so normalising is tried on real-looking names. */
export const forenames = [
  "Jane",
  "John",
  "Aisha",
  "Mohammed",
  "Siobhán",
  "Zoë",
  "Wei",
  "Priya",
  "Tomasz",
  "Eilidh",
  "Rhys",
  "Chloé",
];
const surnames = [
  "Smith",
  "Jones",
  "Khan",
  "Williams",
  "O'Neill",
  "Evans",
  "Patel",
  "Nowak",
  "Taylor",
  "Campbell",
];
const letters = "ABDEFGHJLNPQRSTUWXYZ";

/** One generated person. */
export interface Person {
  readonly forenames: string;
  readonly surname: string;
  readonly email: string;
  readonly addressLine1: string;
  readonly town: string;
  readonly postcode: string;
}

/** A number written in capitalised letters (Baxd), so surnames stay names and stay unique. */
function word(n: number): string {
  let s = "";
  do {
    s = letters[n % letters.length]! + s;
    n = Math.floor(n / letters.length);
  } while (n > 0);
  return s[0] + s.slice(1).toLowerCase();
}

/** The i-th person of a group (`m` members, `r` registered, `a` affiliated applicants): unique within and across groups. */
export function person(group: string, i: number): Person {
  // One numbering across groups, so a member and an applicant never share a name and postcode.
  const n = i + (group === "m" ? 0 : group === "r" ? 5_000_000 : 10_000_000);
  const street = `${word(n >> 8)} ${group === "m" ? "Road" : group === "r" ? "Street" : "Lane"}`;
  return {
    forenames: forenames[i % forenames.length]!,
    surname: `${surnames[(n >> 2) % surnames.length]!}-${word(n)}`,
    email: `${group}${i}@example.org`,
    addressLine1: `${1 + (n % 256)} ${street}`,
    town: "Leeds",
    postcode: `LS${(n % 27) + 1} ${n % 10}${letters[Math.floor(n / 10) % 20]}${letters[Math.floor(n / 200) % 20]}`,
  };
}

/** A date of birth (YYYY-MM-DD) that makes the person `age` or so years old in `year`. */
export function bornAbout(i: number, year: number, age: number): string {
  return `${year - age}-0${1 + (i % 9)}-1${i % 10}`;
}
