-- Every account on chain appears in the member directory, also one the treasurer never typed in (a trustless LETS
-- anyone can join, or a committee LETS followed on another computer). The sync gives such an account a placeholder
-- profile (named = 0) called "Member " + the first 8 hex digits of its key; the treasurer names it later. Profiles
-- the treasurer typed or imported are named (1): the sync never deletes those.
ALTER TABLE member_profiles ADD COLUMN named INTEGER NOT NULL DEFAULT 1 CHECK (named IN (0, 1));

-- Accounts a mirror already holds get their placeholder now: the sync only sees enrolments it has not applied yet.
-- The name is the one electron/core/mirror/queries/members.ts (placeholderName) gives.
INSERT OR IGNORE INTO member_profiles (lets_id, owner_key, name, named)
  SELECT lets_id, member_key, 'Member ' || substr(member_key, 1, 8), 0
  FROM ledger_entries
  WHERE kind = 'enrolment' AND length(member_key) = 66
  GROUP BY lets_id, member_key
  ORDER BY min(height), lets_id, member_key;
