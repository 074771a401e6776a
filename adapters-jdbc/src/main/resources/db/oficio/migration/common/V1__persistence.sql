-- Oficio persistence: ledger, outbox, inbox, timers.
-- Runs unchanged on PostgreSQL 15+ and on H2 2.x in PostgreSQL mode (DATABASE_TO_LOWER=TRUE).
-- Tables are unqualified: Flyway runs the script with the host's Oficio schema as the default.
-- seq columns are identities: they give recording order without an extra unique index per insert.

-- The double-entry journal. Append-only: the adapter never updates or deletes these rows.
create table ledger_entries (
  idempotency_key varchar(200)             not null primary key,
  seq             bigint generated always as identity not null,
  recorded_at     timestamp with time zone not null,
  description     varchar                  not null
);

create table ledger_postings (
  entry_key     varchar(200) not null references ledger_entries (idempotency_key),
  line_no       integer      not null,
  account_type  varchar(40)  not null,
  account_owner varchar(200) not null,
  currency      char(3)      not null,
  amount_minor  bigint       not null,
  constraint ledger_postings_pk primary key (entry_key, line_no),
  constraint ledger_postings_nonzero check (amount_minor <> 0)
);

create index ledger_postings_account on ledger_postings (account_type, account_owner, currency);

-- Domain events written with the state change, drained by the host's relay.
create table outbox_messages (
  seq            bigint generated always as identity not null primary key,
  aggregate_type varchar                  not null,
  aggregate_id   varchar                  not null,
  event_type     varchar                  not null,
  event_class    varchar(500)             not null,
  payload        varchar                  not null,
  occurred_at    timestamp with time zone not null,
  published_at   timestamp with time zone
);

create index outbox_messages_pending on outbox_messages (published_at, seq);

-- Provider events (webhooks); the primary key is the dedupe.
create table inbox_events (
  provider     varchar(100)             not null,
  event_id     varchar(255)             not null,
  seq          bigint generated always as identity not null,
  event_type   varchar                  not null,
  received_at  timestamp with time zone not null,
  raw_body     varchar                  not null,
  processed_at timestamp with time zone,
  constraint inbox_events_pk primary key (provider, event_id)
);

create index inbox_events_pending on inbox_events (processed_at, seq);

-- Durable timers, claimed with SELECT ... FOR UPDATE SKIP LOCKED.
create table timers (
  timer_key   varchar(200)             not null primary key,
  kind        varchar(100)             not null,
  due_at      timestamp with time zone not null,
  payload     varchar                  not null,
  status      varchar(16)              not null,
  attempts    integer                  not null,
  last_error  varchar,
  lease_until timestamp with time zone,
  constraint timers_status check (status in ('PENDING', 'CLAIMED', 'DONE', 'CANCELLED', 'FAILED'))
);

create index timers_due on timers (status, due_at);
