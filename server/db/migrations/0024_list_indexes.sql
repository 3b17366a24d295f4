-- Trigram search (pg_trgm ships with PostgreSQL contrib and with PGlite) and the lists' default orders (issue 16).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "units_name_trgm_idx" ON "units" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "applications_list_idx" ON "applications" USING btree ("priority","updated_at" DESC NULLS FIRST,"id") WHERE submitted_at is not null;--> statement-breakpoint
CREATE INDEX "bases_list_idx" ON "bases" USING btree ("recognized_on" DESC NULLS FIRST,"standard_name","id");--> statement-breakpoint
CREATE INDEX "bases_name_trgm_idx" ON "bases" USING gin ("standard_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "experts_list_idx" ON "experts" USING btree ("created_at" DESC NULLS FIRST,"id");