-- A user's status is a symbol of the UserStatus enum in the event schemas user-service runs with
-- (EVENT_SCHEMAS_DIR or the built-in ones); the API refuses any other. A fixed list here would make a release
-- that adds a symbol also need a migration, and would not stop one that removes a symbol either.
ALTER TABLE users DROP CONSTRAINT users_status_check;
