-- PostgreSQL only: the database itself refuses to change recorded ledger rows, so not even a
-- hand-written statement can rewrite history. (H2 triggers are Java classes; on H2 the guarantee
-- is the adapter's: it has no UPDATE or DELETE path for these tables.)
create function ledger_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'the Oficio ledger is append-only: % on % is not allowed', tg_op, tg_table_name
    using errcode = '55000';
end;
$$;

create trigger ledger_entries_append_only
  before update or delete on ledger_entries
  for each statement execute function ledger_append_only();

create trigger ledger_postings_append_only
  before update or delete on ledger_postings
  for each statement execute function ledger_append_only();
