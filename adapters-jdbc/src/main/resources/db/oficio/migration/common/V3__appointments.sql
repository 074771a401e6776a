-- Estimate visits and their deposits (dev.oficio.deposits). The appointment is a JSON document
-- (its snapshot, read back with Appointment.restore) plus the columns the strike count and
-- operators query; version is the optimistic lock.

create table appointments (
  appointment_id varchar(128)             not null primary key,
  version        bigint                   not null,
  status         varchar(32)              not null,
  deposit_status varchar(32)              not null,
  pro_id         varchar(128)             not null,
  slot_start     timestamp with time zone not null,
  party          varchar(32),
  document       varchar                  not null
);

create index appointments_pro_party on appointments (pro_id, party, slot_start);
