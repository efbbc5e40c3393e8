-- Event version 2 splits a user's name in two (givenName, familyName): so does the users table. Existing names
-- are split on their first space ("Ada Lovelace" -> "Ada" + "Lovelace", "Ada" -> "Ada" + ""), which v1's
-- displayName (given + " " + family, trimmed) turns back into the same name.
ALTER TABLE users ADD COLUMN given_name TEXT, ADD COLUMN family_name TEXT;
UPDATE users SET
  given_name  = CASE WHEN position(' ' IN name) = 0 THEN name ELSE substr(name, 1, position(' ' IN name) - 1) END,
  family_name = CASE WHEN position(' ' IN name) = 0 THEN '' ELSE substr(name, position(' ' IN name) + 1) END;
ALTER TABLE users ALTER COLUMN given_name SET NOT NULL, ALTER COLUMN family_name SET NOT NULL;
ALTER TABLE users DROP COLUMN name;

-- The outbox holds v2 payloads from now on (the relay derives v1 from them): the rows written before, sent or
-- not, are rewritten to v2's shape, fields in v2's order, so the relay and GET /events read one shape only.
UPDATE outbox SET payload = json_build_object(
    'eventId', payload->'eventId',
    'userId', payload->'userId',
    'email', payload->'email',
    'givenName', CASE WHEN position(' ' IN payload->>'displayName') = 0 THEN payload->>'displayName'
                      ELSE substr(payload->>'displayName', 1, position(' ' IN payload->>'displayName') - 1) END,
    'familyName', CASE WHEN position(' ' IN payload->>'displayName') = 0 THEN ''
                       ELSE substr(payload->>'displayName', position(' ' IN payload->>'displayName') + 1) END,
    'status', payload->'status',
    'version', payload->'version',
    'occurredAt', payload->'occurredAt')
  WHERE type IN ('UserCreated', 'UserUpdated') AND (payload::jsonb) ? 'displayName';
