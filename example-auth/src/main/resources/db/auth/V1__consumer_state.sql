-- auth-service's own state. Its own folder (db/auth, not db/migration) so that a classpath holding user-service
-- too (auth's tests start user-service in-process) never mixes the two services' migrations.

-- auth's copy of each user: only what login needs. A deletion keeps the row as a tombstone carrying the deletion's
-- version, so an older event that arrives late cannot bring the user back.
create table users (
  id              text primary key,
  email           text not null,
  status          text check (status in ('ACTIVE', 'SUSPENDED')),
  version         bigint not null check (version > 0),
  deleted         boolean not null default false,
  -- user-service's outbox position of the change this row holds: reconciliation and bootstrap compare it with the
  -- snapshot's position to tell a row newer than the snapshot from one deleted upstream.
  source_position bigint,
  updated_at      timestamptz not null default now(),
  check (deleted or status is not null)
);
create index users_email on users (lower(email)) where not deleted;

-- Every event id auth has processed, whatever the outcome: a redelivery or a replay under a new offset is a no-op.
create table applied_events (
  event_id   uuid primary key,
  user_id    text not null,
  outcome    text not null check (outcome in ('APPLIED', 'STALE')),
  applied_at timestamptz not null default now()
);

-- The next offset to read per partition, written in the same transaction as the events it covers: the source of
-- truth on start and on every assignment; Kafka's committed offsets are only a hint for monitoring.
create table partition_offsets (
  topic       text not null,
  partition   integer not null,
  next_offset bigint not null,
  primary key (topic, partition)
);

-- Positions in user-service's streams that auth keeps itself: the pull feed's last applied position, and the
-- snapshot position a bootstrap started from.
create table stream_positions (
  name     text primary key,
  position bigint not null
);

-- Records auth could not decode or apply, byte for byte, also published to <topic>-dlt. resolved_at is set when a
-- replay applied (or found already applied) the record.
create table dead_letters (
  id               bigserial primary key,
  topic            text not null,
  partition        integer not null,
  record_offset    bigint not null,
  record_timestamp bigint not null,
  timestamp_type   text not null,
  record_key       bytea,
  record_value     bytea,
  error_class      text not null,
  error_message    text not null,
  replay_attempts  integer not null default 0,
  dead_lettered_at timestamptz not null default now(),
  resolved_at      timestamptz,
  unique (topic, partition, record_offset)
);
create table dead_letter_headers (
  dead_letter_id bigint not null references dead_letters (id) on delete cascade,
  ordinal        integer not null,
  name           text not null,
  value          bytea,
  primary key (dead_letter_id, ordinal)
);

-- Passwords never travel in events: auth stores a salted hash from a slow KDF, with its parameters, per user.
create table credentials (
  user_id    text primary key,
  algorithm  text not null,
  iterations integer not null,
  salt       bytea not null,
  hash       bytea not null,
  updated_at timestamptz not null default now()
);

-- GET /admin/stats, counted in the same transactions as the work they count.
create table counters (
  name  text primary key,
  value bigint not null default 0
);
insert into counters (name) values ('applied'), ('duplicates'), ('stale'), ('deadLettered');
