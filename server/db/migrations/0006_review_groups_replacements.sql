ALTER TABLE "review_assignments" ADD COLUMN "replaces_id" text;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD COLUMN "materials_opened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD COLUMN "group_id" text;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD COLUMN "group_title" text;--> statement-breakpoint
CREATE UNIQUE INDEX "review_assignments_draw_expert_key" ON "review_assignments" USING btree ("draw_id","expert_id");--> statement-breakpoint
CREATE INDEX "review_rounds_group_idx" ON "review_rounds" USING btree ("group_id");