-- A member's boxes in height order: statements look up the box that held each balance per block, and the index by
-- creation height alone holds every box of a busy block (about 200 at 100 trades per block).
CREATE INDEX boxes_by_owner ON box_rows (lets_id, owner_key, created_height);
