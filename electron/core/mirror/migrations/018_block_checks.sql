-- Issue 18: every header is checked for proof of work, and inside a difficulty epoch a header must declare its
-- parent's difficulty, so the headers the mirror keeps keep theirs (null for headers stored before this).
ALTER TABLE blocks ADD COLUMN n_bits INTEGER;

-- Which chain source each stretch of the mirror was read from, and which checks it passed there: the block-by-block
-- sync for every LETS followed (lets_id null), or one LETS's catch-up through an index. Consecutive reads from the same
-- source under the same checks extend one row.
CREATE TABLE mirror_reads (
  id          INTEGER PRIMARY KEY,
  lets_id     INTEGER REFERENCES lets (id) ON DELETE CASCADE,
  from_height INTEGER NOT NULL CHECK (from_height >= 1),
  to_height   INTEGER NOT NULL CHECK (to_height >= from_height),
  source      TEXT    NOT NULL,
  checks      TEXT    NOT NULL
) STRICT;
