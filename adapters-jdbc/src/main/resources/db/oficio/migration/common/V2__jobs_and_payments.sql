-- Aggregates of the jobs and payments contexts. Each row keeps the aggregate as a JSON document
-- (its full state, read back with the aggregate's restore factory) plus the columns queries and
-- operators need; version is the optimistic lock.

create table jobs (
  job_id      varchar(128)             not null primary key,
  version     bigint                   not null,
  status      varchar(32)              not null,
  customer_id varchar(128)             not null,
  pro_id      varchar(128)             not null,
  payment_id  varchar(128),
  document    varchar                  not null,
  created_at  timestamp with time zone not null
);

create index jobs_pro on jobs (pro_id, status);

create table payments (
  payment_id    varchar(128)             not null primary key,
  seq           bigint generated always as identity not null,
  version       bigint                   not null,
  status        varchar(32)              not null,
  customer_id   varchar(128)             not null,
  pro_id        varchar(128)             not null,
  next_check_at timestamp with time zone,
  document      varchar                  not null,
  created_at    timestamp with time zone not null
);

-- The janitor's query: open transactions due for a look-up, earliest first.
create index payments_due on payments (next_check_at, seq);

-- Pros' accounts at payment providers (payout destinations).
create table payee_accounts (
  pro_id              varchar(128)             not null primary key,
  version             bigint                   not null,
  provider            varchar(50)              not null,
  provider_account_id varchar(255)             not null,
  onboarding          varchar(32)              not null,
  payouts_enabled     boolean                  not null,
  document            varchar                  not null,
  updated_at          timestamp with time zone not null
);

create index payee_accounts_provider on payee_accounts (provider, provider_account_id);
