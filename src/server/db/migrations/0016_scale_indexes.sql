-- 0016 Speed at national scale (SPEC §13; issue 7 item 7): indexes for person search inside a hromada and for the
-- indicator engine's period filters. The worklist already pages by keyset on (next_due_date, id) over
-- cases_manager_worklist_idx / cases_hromada_worklist_idx (0001); see docs/performance.md for the measured plans.

-- Duplicate search before registering (persons.service findPersonMatches): trigram similarity within ONE hromada.
-- A GIN index on (hromada_id, key) answers `hromada_id = $1 AND key % $2` without scanning every person of a large city.
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX persons_hromada_name_trgm ON persons USING gin (hromada_id, name_key gin_trgm_ops);
CREATE INDEX persons_hromada_latin_trgm ON persons USING gin (hromada_id, latin_key gin_trgm_ops);

-- Indicator engine (indicators-engine.service.ts): "registered in the period", "closed in the period",
-- care episodes starting / ending in the period or open at its end, assessments due in the period, age at period end.
CREATE INDEX cases_registered_idx ON cases (registered_on) INCLUDE (hromada_id, case_type, status);
CREATE INDEX cases_closed_idx ON cases (case_type, closed_on) INCLUDE (hromada_id) WHERE closed_on IS NOT NULL;
CREATE INDEX care_episodes_type_start_idx ON care_episodes (care_type, start_date) INCLUDE (end_date, person_id, hromada_id);
CREATE INDEX care_episodes_type_end_idx ON care_episodes (care_type, end_date) INCLUDE (start_date, person_id, hromada_id) WHERE end_date IS NOT NULL;
CREATE INDEX needs_assessments_due_idx ON needs_assessments (due_date) INCLUDE (hromada_id);
CREATE INDEX persons_birth_idx ON persons (birth_date);
