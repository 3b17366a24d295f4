-- A recommender's priorities in a call are unique (the ranked list of its 汇总表). Rows a past race left with the
-- same priority are renumbered in their list order first; the constraint is checked at commit, so re-ranking may
-- pass through a transient duplicate inside its transaction.
WITH duplicated AS (
  SELECT DISTINCT call_id, recommender_id FROM applications
  WHERE priority IS NOT NULL GROUP BY call_id, recommender_id, priority HAVING count(*) > 1
), ranked AS (
  SELECT id, row_number() OVER (PARTITION BY call_id, recommender_id ORDER BY priority, submitted_at, id) AS n
  FROM applications
  WHERE priority IS NOT NULL AND (call_id, recommender_id) IN (SELECT call_id, recommender_id FROM duplicated)
)
UPDATE applications SET priority = ranked.n FROM ranked WHERE applications.id = ranked.id AND applications.priority <> ranked.n;
--> statement-breakpoint
ALTER TABLE applications
  ADD CONSTRAINT applications_recommender_priority_unique UNIQUE (call_id, recommender_id, priority)
  DEFERRABLE INITIALLY DEFERRED;
