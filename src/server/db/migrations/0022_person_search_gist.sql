-- 0022 Person duplicate search by a GiST trigram index inside the hromada (SPEC §2.3, §13; issue 7 item 7).
--
-- Every search names one hromada. The GIN (hromada_id, key) indexes of 0016 intersect national trigram posting lists
-- (≈ 1,100 buffers, 19 ms for a hromada of 966 persons on the national data), and scoring every person of the hromada
-- from the covering index of 0020 costs two similarity() calls per person (6.5 ms for 966 persons, ≈ 20 ms for
-- 2,800). A GiST index on (hromada_id, key) keeps the persons of a hromada together and their trigram signatures with
-- them: 1.8 ms for both keys and the birth date in the same hromada, 92 ms instead of ≈ 190 ms in the largest city
-- (docs/performance.md). btree_gist gives uuid its GiST operator class; like pg_trgm it is a trusted extension.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE INDEX persons_hromada_name_gist ON persons USING gist (hromada_id, name_key gist_trgm_ops (siglen = 32));
CREATE INDEX persons_hromada_latin_gist ON persons USING gist (hromada_id, latin_key gist_trgm_ops (siglen = 32));
DROP INDEX persons_hromada_name_trgm;
DROP INDEX persons_hromada_latin_trgm;
DROP INDEX persons_hromada_keys_idx;
