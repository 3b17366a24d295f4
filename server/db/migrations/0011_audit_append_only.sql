-- The audit log is append-only in the database as well as by its HMAC-SM3 chain (docs/adr/0007-audit-trail.md).
-- UPDATE, DELETE and TRUNCATE of audit_log are refused. The one door is the retention purge: a transaction that has set
-- guohe.audit_purge_through (set_config(..., true): this transaction only) may delete entries up to that seq that are
-- more than six months old (网络安全法 Art. 21 keeps them at least six months). The purge command appends an
-- `audit.purge` entry naming the range and the last purged MAC first, in the same transaction; audit:verify accepts a
-- missing prefix only when such an entry vouches for it, so a door opened by hand still shows as missing entries.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  purge_through text := current_setting('guohe.audit_purge_through', true);
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF purge_through ~ '^[0-9]{1,18}$' AND OLD.seq <= purge_through::bigint AND OLD.at < now() - interval '6 months' THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION '审计日志只能追加，拒绝 % / audit_log is append-only: % refused', TG_OP, TG_OP
    USING ERRCODE = 'insufficient_privilege',
      HINT = '保留期清理见 docs/adr/0007-audit-trail.md / retention purges: docs/adr/0007-audit-trail.md';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only_rows BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- The chain head only moves forward, one entry at a time, onto the entry just appended after it: it cannot be rewound
-- to hide a deleted tail, nor deleted.
CREATE OR REPLACE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.id = OLD.id AND NEW.seq = OLD.seq + 1
      AND EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq AND mac = NEW.mac AND prev_mac = OLD.mac) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION '审计链头只能随新条目前进，拒绝 % / audit_head only moves forward onto a new entry: % refused', TG_OP, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_head_forward_only_rows BEFORE UPDATE OR DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only();
--> statement-breakpoint
CREATE TRIGGER audit_head_forward_only_truncate BEFORE TRUNCATE ON audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_head_forward_only();
