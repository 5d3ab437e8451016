import { sql, type Kysely } from "kysely";

// The applications room's tables: supporter applications, their payments, the register extract,
// panels, vetting cases and appeals. Personal data lives here and in the audit log, never in the
// public record. SQL within PostgreSQL 15.

/** Creates the applications and vetting tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per section that takes applications: its window, deadlines, fee and declaration text.
  await sql`
    create table application_settings (
      election_id uuid not null references elections (id),
      section_id text not null,
      kind text not null check (kind in ('registered', 'affiliated')),
      opens_at timestamptz not null,
      closes_at timestamptz not null check (closes_at > opens_at),
      fee_pence integer not null check (fee_pence >= 0),
      payment_deadline timestamptz not null,
      union_deadline timestamptz not null,
      polling_day date not null,
      appeal_window_days integer not null check (appeal_window_days between 1 and 90),
      declaration jsonb not null,
      primary key (election_id, section_id)
    )`.execute(db);
  await sql`
    create table applications (
      id uuid primary key default gen_random_uuid(),
      arrival bigserial not null unique,
      election_id uuid not null references elections (id),
      section_id text not null,
      kind text not null check (kind in ('registered', 'affiliated')),
      received_at timestamptz not null,
      forenames text not null,
      surname text not null,
      email text not null,
      date_of_birth date not null,
      address_line1 text not null,
      town text not null,
      postcode text not null,
      country text not null,
      identity jsonb not null,
      keys jsonb not null,
      union_name text,
      membership_number text,
      union_confirmation text not null default 'awaiting'
        check (union_confirmation in ('awaiting', 'confirmed', 'denied')),
      declaration jsonb not null,
      status_token_hash text not null unique,
      duplicate_of uuid references applications (id),
      register_outcome jsonb,
      state text not null default 'pending' check (state in ('pending', 'accepted', 'rejected')),
      reason_code text,
      decided_at timestamptz,
      foreign key (election_id, section_id) references application_settings (election_id, section_id)
    )`.execute(db);
  await sql`create index applications_election_state on applications (election_id, state)`.execute(db);
  await sql`create index applications_email on applications (election_id, email)`.execute(db);
  // The first application to claim each identity key; later ones with the key are duplicates of it.
  await sql`
    create table application_keys (
      election_id uuid not null references elections (id),
      key text not null,
      application_id uuid not null references applications (id),
      primary key (election_id, key)
    )`.execute(db);
  // Every decision on an application, in order; an appeal's outcome is a new row citing the old one.
  await sql`
    create table application_decisions (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references applications (id),
      outcome text not null check (outcome in ('accepted', 'rejected')),
      reason_code text,
      sentence text not null,
      cites uuid references application_decisions (id),
      appeal_deadline timestamptz,
      decided_by text not null,
      decided_at timestamptz not null
    )`.execute(db);
  await sql`create index application_decisions_app on application_decisions (application_id, decided_at)`.execute(
    db,
  );
  // One payment row per application, however many provider events arrive.
  await sql`
    create table payments (
      application_id uuid primary key references applications (id),
      state text not null check (state in ('pending', 'paid', 'failed', 'refunded')),
      amount_pence integer not null,
      charge_id text,
      paid_at timestamptz,
      updated_at timestamptz not null
    )`.execute(db);
  // Keyed by the provider's event id: a replayed webhook or a re-imported CSV row cannot apply twice.
  await sql`
    create table payment_events (
      provider_event_id text primary key,
      application_id uuid not null references applications (id),
      kind text not null,
      charge_id text not null,
      amount_pence integer not null,
      occurred_at timestamptz not null,
      source text not null,
      effect text not null
    )`.execute(db);
  // Money to give back: a duplicate's charge, a second charge, a fee paid after the deadline.
  await sql`
    create table refunds (
      charge_id text primary key,
      application_id uuid not null references applications (id),
      reason text not null,
      requested_at timestamptz not null,
      done_at timestamptz
    )`.execute(db);
  await sql`
    create table register_entries (
      election_id uuid not null references elections (id),
      elector_number text not null,
      forenames text not null,
      surname text not null,
      address_line1 text not null,
      postcode text not null,
      date_of_birth date,
      overseas boolean not null,
      primary key (election_id, elector_number)
    )`.execute(db);
  await sql`
    create table register_imports (
      election_id uuid not null references elections (id),
      file_hash text not null,
      rows integer not null,
      imported_at timestamptz not null,
      primary key (election_id, file_hash)
    )`.execute(db);
  await sql`
    create table union_officers (
      election_id uuid not null references elections (id),
      actor_id text not null,
      union_name text not null,
      primary key (election_id, actor_id)
    )`.execute(db);
  await sql`
    create table panels (
      id uuid primary key default gen_random_uuid(),
      election_id uuid not null references elections (id),
      name text not null,
      quorum integer not null check (quorum >= 1),
      members jsonb not null,
      unique (election_id, name)
    )`.execute(db);
  await sql`
    create table vetting_cases (
      id uuid primary key default gen_random_uuid(),
      election_id uuid not null references elections (id),
      voter_id text not null,
      section_id text not null,
      panel_id uuid not null references panels (id),
      raised_by text not null,
      raised_at timestamptz not null,
      summary text not null,
      evidence jsonb not null,
      outcome text check (outcome in ('exclude', 'no-action')),
      reasons jsonb,
      statement text,
      decided_by text,
      present jsonb,
      decided_at timestamptz,
      appeal_deadline timestamptz,
      appeal_token_hash text unique
    )`.execute(db);
  await sql`create index vetting_cases_voter on vetting_cases (election_id, voter_id)`.execute(db);
  // One appeal per decision appealed; the outcome is written when a different panel hears it.
  await sql`
    create table appeals (
      id uuid primary key default gen_random_uuid(),
      election_id uuid not null references elections (id),
      section_id text not null,
      kind text not null check (kind in ('application-rejected', 'voter-excluded')),
      target_id uuid not null,
      lodged_by text not null,
      lodged_at timestamptz not null,
      grounds text not null,
      outcome text check (outcome in ('upheld', 'dismissed')),
      reason text,
      panel_id uuid references panels (id),
      decided_by text,
      present jsonb,
      decided_at timestamptz,
      unique (kind, target_id)
    )`.execute(db);
}

/** Drops them again (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    "appeals",
    "vetting_cases",
    "panels",
    "union_officers",
    "register_imports",
    "register_entries",
    "refunds",
    "payment_events",
    "payments",
    "application_decisions",
    "application_keys",
    "applications",
    "application_settings",
  ])
    await sql`drop table ${sql.table(t)}`.execute(db);
}
