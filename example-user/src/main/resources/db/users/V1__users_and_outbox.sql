-- user-service's own state: the users, and the outbox their changes write in the same transaction.

CREATE TABLE users (
  id         TEXT PRIMARY KEY,
  email      TEXT NOT NULL,
  name       TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
  version    BIGINT NOT NULL CHECK (version >= 1)
);
-- Emails are unique whatever their case: ada@example.com and Ada@Example.com are one person.
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));

-- The columns Debezium's outbox event router reads (id, aggregatetype, aggregateid, type, payload), so a
-- Debezium connector could replace the relay; then user-service's own:
--   seq       insertion order: orders the rows the sequencer finds committed in one pass;
--   position  the commit-ordered position, NULL until the sequencer assigns it after the row committed
--             (see docs/architecture.md: a reader never sees position N+1 before N exists);
--   sent_at   NULL until the broker acknowledged the event: the sent log is the rows where it is set.
CREATE TABLE outbox (
  id            UUID PRIMARY KEY,
  aggregatetype TEXT NOT NULL,
  aggregateid   TEXT NOT NULL,
  type          TEXT NOT NULL,
  payload       JSON NOT NULL,   -- JSON, not JSONB: kept as written, fields in schema order
  version       BIGINT NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  seq           BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  position      BIGINT UNIQUE,
  sent_at       TIMESTAMPTZ
);
CREATE INDEX outbox_unpositioned ON outbox (seq) WHERE position IS NULL;
CREATE INDEX outbox_unsent ON outbox (position) WHERE position IS NOT NULL AND sent_at IS NULL;
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;

-- One row: the last position the sequencer assigned (its row lock serializes sequencers, so positions
-- commit in order), the highest position the retention purge deleted, and whether the relay is paused.
CREATE TABLE outbox_state (
  singleton      BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
  last_position  BIGINT NOT NULL DEFAULT 0,
  purged_through BIGINT NOT NULL DEFAULT 0,
  relay_paused   BOOLEAN NOT NULL DEFAULT FALSE
);
INSERT INTO outbox_state DEFAULT VALUES;
