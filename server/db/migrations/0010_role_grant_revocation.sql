-- A role grant can be revoked with the same two steps as granting: a role_grants row whose revokes_grant_id names an
-- approved grant is a request to revoke it (system administrator requests, security administrator decides). At most
-- one such request is open per grant.
ALTER TABLE "role_grants" ADD COLUMN "revokes_grant_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "role_grants_pending_revocation_key" ON "role_grants" USING btree ("revokes_grant_id") WHERE "role_grants"."status" = 'pending' and "role_grants"."revokes_grant_id" is not null;