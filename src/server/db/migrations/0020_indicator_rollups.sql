-- 0020 Pre-computed indicator rollups, refreshed incrementally (SPEC §10, §13; issue 7 item 7).
--
-- indicator_rollups holds, per indicator × period × territory of the facts (a hromada, or an oblast for institutions
-- without a hromada) × disaggregation value, the summed numerator and denominator of the engine's facts query; for the
-- median indicators (unit days) one row per distinct number of days with its count, so that the median of any
-- aggregate is still exact. The engine (indicators-engine.service.ts) reads these rows and aggregates them up the
-- territory tree in SQL; small-cell suppression and access are applied afterwards, unchanged.
--
-- Incremental refresh: every change of a source record bumps the version of the territories whose facts it can change
-- (triggers below); a cell (indicator, period, territory) is stale when its stored version differs, and the read path
-- recomputes the stale cells of its scope before answering. Versions are bumped inside the writing transaction, so a
-- refresh that read version v before computing is either current or sees a newer version next time.

CREATE TABLE indicator_rollup_versions (
  territory_id uuid PRIMARY KEY,
  version bigint NOT NULL DEFAULT 1
);

CREATE TABLE indicator_rollup_cells (
  code text NOT NULL,
  period text NOT NULL,
  territory_id uuid NOT NULL,
  version bigint NOT NULL,
  refreshed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (code, period, territory_id)
);

CREATE TABLE indicator_rollups (
  code text NOT NULL,
  period text NOT NULL,
  territory_id uuid NOT NULL,
  dimension text NOT NULL,
  value text NOT NULL,
  days numeric,
  num bigint,
  den bigint NOT NULL
);
CREATE INDEX indicator_rollups_cell_idx ON indicator_rollups (code, period, territory_id, dimension);

-- Bumps the versions of the given territories (sorted, so that concurrent writers lock them in the same order).
CREATE FUNCTION indicator_rollup_bump(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO indicator_rollup_versions AS v (territory_id, version)
  SELECT DISTINCT t, 1 FROM unnest(ids) AS t WHERE t IS NOT NULL ORDER BY t
  ON CONFLICT (territory_id) DO UPDATE SET version = v.version + 1
$$;

-- Territories whose facts depend on a person: where the person lives, where their care episodes are recorded and the
-- hromadas of the cases they are a member of (facts pick one row per person among all of these).
CREATE FUNCTION indicator_rollup_person_territories(pid uuid) RETURNS uuid[] LANGUAGE sql STABLE AS $$
  SELECT array(
    SELECT hromada_id FROM persons WHERE id = pid
    UNION SELECT hromada_id FROM care_episodes WHERE person_id = pid
    UNION SELECT c.hromada_id FROM case_members m JOIN cases c ON c.id = m.case_id WHERE m.person_id = pid)
$$;

-- Pairs of territories that share a person (kept by the triggers, never pruned: a superset is harmless). A refresh of
-- some territories reads the facts of their linked territories too, so that the one row chosen per person is the
-- same as in a national pass, without scanning every person of the stale territories.
CREATE TABLE indicator_rollup_links (
  territory_id uuid NOT NULL,
  other_id uuid NOT NULL,
  PRIMARY KEY (territory_id, other_id)
);

CREATE FUNCTION indicator_rollup_link(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO indicator_rollup_links (territory_id, other_id)
  SELECT DISTINCT a, b FROM unnest(ids) AS a, unnest(ids) AS b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  ON CONFLICT DO NOTHING
$$;

-- Rebuilds the links from the records (this migration, and bulk loads that ran with triggers off).
CREATE FUNCTION indicator_rollup_relink() RETURNS void LANGUAGE sql AS $$
  WITH pt AS (
    SELECT id AS person_id, hromada_id AS t FROM persons
    UNION SELECT person_id, hromada_id FROM care_episodes
    UNION SELECT m.person_id, c.hromada_id FROM case_members m JOIN cases c ON c.id = m.case_id
  ),
  multi AS (SELECT person_id FROM pt GROUP BY person_id HAVING count(*) > 1)
  INSERT INTO indicator_rollup_links (territory_id, other_id)
  SELECT DISTINCT a.t, b.t FROM pt a JOIN pt b ON b.person_id = a.person_id AND a.t <> b.t WHERE a.person_id IN (SELECT person_id FROM multi)
  ON CONFLICT DO NOTHING
$$;

-- The territories of a person, linked when there are several.
CREATE FUNCTION indicator_rollup_person(pid uuid) RETURNS uuid[] LANGUAGE plpgsql AS $$
DECLARE
  ts uuid[] := indicator_rollup_person_territories(pid);
BEGIN
  IF cardinality(ts) > 1 THEN PERFORM indicator_rollup_link(ts); END IF;
  RETURN ts;
END
$$;

CREATE FUNCTION indicator_rollup_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  recs jsonb[] := ARRAY[]::jsonb[];
  j jsonb;
  ids uuid[] := ARRAY[]::uuid[];
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN recs := recs || to_jsonb(OLD); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN recs := recs || to_jsonb(NEW); END IF;
  FOREACH j IN ARRAY recs LOOP
    CASE TG_TABLE_NAME
      WHEN 'cases' THEN
        ids := ids || (j->>'hromada_id')::uuid
          || array(SELECT unnest(indicator_rollup_person(m.person_id)) FROM case_members m WHERE m.case_id = (j->>'id')::uuid);
      WHEN 'caregivers' THEN
        ids := ids || (j->>'hromada_id')::uuid;
      WHEN 'institutions' THEN
        ids := ids || coalesce((j->>'hromada_id')::uuid, (j->>'oblast_id')::uuid);
      WHEN 'needs_assessments' THEN
        ids := ids || (j->>'hromada_id')::uuid || (SELECT c.hromada_id FROM cases c WHERE c.id = (j->>'case_id')::uuid);
      WHEN 'delivered_services' THEN
        ids := ids || (SELECT c.hromada_id FROM cases c WHERE c.id = (j->>'case_id')::uuid);
      WHEN 'case_members' THEN
        ids := ids || (SELECT c.hromada_id FROM cases c WHERE c.id = (j->>'case_id')::uuid) || indicator_rollup_person((j->>'person_id')::uuid);
      WHEN 'persons' THEN
        ids := ids || (j->>'hromada_id')::uuid || indicator_rollup_person((j->>'id')::uuid);
      WHEN 'care_episodes' THEN
        ids := ids || (j->>'hromada_id')::uuid || indicator_rollup_person((j->>'person_id')::uuid);
      ELSE
        NULL;
    END CASE;
  END LOOP;
  PERFORM indicator_rollup_bump(ids);
  RETURN NULL;
END
$$;

-- Inserts and deletes always count; updates only when a column the facts read changes.
CREATE TRIGGER cases_rollup_touch AFTER INSERT OR DELETE ON cases FOR EACH ROW EXECUTE FUNCTION indicator_rollup_touch();
CREATE TRIGGER cases_rollup_touch_update AFTER UPDATE ON cases FOR EACH ROW
  WHEN (OLD.hromada_id IS DISTINCT FROM NEW.hromada_id OR OLD.case_type IS DISTINCT FROM NEW.case_type OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.registered_on IS DISTINCT FROM NEW.registered_on OR OLD.closed_on IS DISTINCT FROM NEW.closed_on)
  EXECUTE FUNCTION indicator_rollup_touch();
CREATE TRIGGER persons_rollup_touch AFTER INSERT OR DELETE ON persons FOR EACH ROW EXECUTE FUNCTION indicator_rollup_touch();
CREATE TRIGGER persons_rollup_touch_update AFTER UPDATE ON persons FOR EACH ROW
  WHEN (OLD.hromada_id IS DISTINCT FROM NEW.hromada_id OR OLD.birth_date IS DISTINCT FROM NEW.birth_date OR OLD.sex IS DISTINCT FROM NEW.sex
    OR OLD.disability IS DISTINCT FROM NEW.disability OR OLD.displacement IS DISTINCT FROM NEW.displacement OR OLD.legal_status IS DISTINCT FROM NEW.legal_status)
  EXECUTE FUNCTION indicator_rollup_touch();
CREATE TRIGGER case_members_rollup_touch AFTER INSERT OR DELETE ON case_members FOR EACH ROW EXECUTE FUNCTION indicator_rollup_touch();
CREATE TRIGGER case_members_rollup_touch_update AFTER UPDATE ON case_members FOR EACH ROW
  WHEN (OLD.case_id IS DISTINCT FROM NEW.case_id OR OLD.person_id IS DISTINCT FROM NEW.person_id OR OLD.role IS DISTINCT FROM NEW.role)
  EXECUTE FUNCTION indicator_rollup_touch();
CREATE TRIGGER care_episodes_rollup_touch AFTER INSERT OR DELETE ON care_episodes FOR EACH ROW EXECUTE FUNCTION indicator_rollup_touch();
CREATE TRIGGER care_episodes_rollup_touch_update AFTER UPDATE ON care_episodes FOR EACH ROW
  WHEN (OLD.person_id IS DISTINCT FROM NEW.person_id OR OLD.care_type IS DISTINCT FROM NEW.care_type OR OLD.start_date IS DISTINCT FROM NEW.start_date
    OR OLD.end_date IS DISTINCT FROM NEW.end_date OR OLD.hromada_id IS DISTINCT FROM NEW.hromada_id OR OLD.institution_type IS DISTINCT FROM NEW.institution_type
    OR OLD.institution_subordination IS DISTINCT FROM NEW.institution_subordination)
  EXECUTE FUNCTION indicator_rollup_touch();
CREATE TRIGGER needs_assessments_rollup_touch AFTER INSERT OR DELETE ON needs_assessments FOR EACH ROW EXECUTE FUNCTION indicator_rollup_touch();
CREATE TRIGGER needs_assessments_rollup_touch_update AFTER UPDATE ON needs_assessments FOR EACH ROW
  WHEN (OLD.completed_at IS DISTINCT FROM NEW.completed_at OR OLD.due_date IS DISTINCT FROM NEW.due_date OR OLD.hromada_id IS DISTINCT FROM NEW.hromada_id OR OLD.case_id IS DISTINCT FROM NEW.case_id)
  EXECUTE FUNCTION indicator_rollup_touch();
CREATE TRIGGER delivered_services_rollup_touch AFTER INSERT OR DELETE ON delivered_services FOR EACH ROW EXECUTE FUNCTION indicator_rollup_touch();
CREATE TRIGGER delivered_services_rollup_touch_update AFTER UPDATE ON delivered_services FOR EACH ROW
  WHEN (OLD.case_id IS DISTINCT FROM NEW.case_id OR OLD.delivered_on IS DISTINCT FROM NEW.delivered_on)
  EXECUTE FUNCTION indicator_rollup_touch();
CREATE TRIGGER caregivers_rollup_touch AFTER INSERT OR DELETE ON caregivers FOR EACH ROW EXECUTE FUNCTION indicator_rollup_touch();
CREATE TRIGGER caregivers_rollup_touch_update AFTER UPDATE ON caregivers FOR EACH ROW
  WHEN (OLD.hromada_id IS DISTINCT FROM NEW.hromada_id OR OLD.caregiver_type IS DISTINCT FROM NEW.caregiver_type OR OLD.approved_on IS DISTINCT FROM NEW.approved_on)
  EXECUTE FUNCTION indicator_rollup_touch();
CREATE TRIGGER institutions_rollup_touch AFTER INSERT OR DELETE ON institutions FOR EACH ROW EXECUTE FUNCTION indicator_rollup_touch();
CREATE TRIGGER institutions_rollup_touch_update AFTER UPDATE ON institutions FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.type IS DISTINCT FROM NEW.type OR OLD.ownership IS DISTINCT FROM NEW.ownership
    OR OLD.subordination IS DISTINCT FROM NEW.subordination OR OLD.hromada_id IS DISTINCT FROM NEW.hromada_id OR OLD.oblast_id IS DISTINCT FROM NEW.oblast_id)
  EXECUTE FUNCTION indicator_rollup_touch();

SELECT indicator_rollup_relink();

-- Person duplicate search (persons.service findPersonMatches) always names one hromada. In a hromada of up to a few
-- thousand persons, reading its persons' keys from this covering index (index-only) and computing the similarity is
-- far cheaper than intersecting national trigram posting lists; large hromadas keep the (hromada_id, key) trigram
-- indexes of 0016. The national trigram indexes of 0001 answered no query on their own (every search names a
-- hromada) and made PostgreSQL pick them for large hromadas: dropped.
CREATE INDEX persons_hromada_keys_idx ON persons (hromada_id) INCLUDE (id, birth_date, name_key, latin_key);
DROP INDEX persons_name_key_trgm;
DROP INDEX persons_latin_key_trgm;
