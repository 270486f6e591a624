-- Which checks every block and transaction the mirror holds passed when it was stored (issue 18): a mirror filled
-- before a check existed is read again from the chain, once, so nothing it took on a source's word alone stays.
ALTER TABLE mirror_network ADD COLUMN checks TEXT;
