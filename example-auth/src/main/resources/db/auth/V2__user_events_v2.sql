-- user-service's events v2 (topic user-events.v2) add the status LOCKED (locked by a security review): auth keeps it
-- as it comes, and login refuses it as it refuses SUSPENDED (only ACTIVE logs in).
alter table users drop constraint users_status_check;
alter table users add constraint users_status_check check (status in ('ACTIVE', 'SUSPENDED', 'LOCKED'));

-- The greatest user-service outbox position auth processed per partition of a stream (user-events, whichever version
-- of its topics it came from: user-events or user-events.v2), and the topic that processed it. Written in the same
-- transaction as partition_offsets. Every version carries the same event at the same position on the same partition
-- number, so when auth moves to another version's topic it skips that topic's records at or before this position:
-- the move (and a move back) neither loses nor applies twice an event.
create table stream_partition_positions (
  stream    text not null,
  partition integer not null,
  topic     text not null,
  position  bigint not null,
  primary key (stream, partition)
);
