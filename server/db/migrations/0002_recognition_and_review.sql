CREATE TABLE "application_events" (
	"id" text PRIMARY KEY NOT NULL,
	"application_id" text NOT NULL,
	"event" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"recommender_id" text,
	"reason" text,
	"data" jsonb,
	"edition" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_files" (
	"id" text PRIMARY KEY NOT NULL,
	"application_id" text NOT NULL,
	"slot" text NOT NULL,
	"file_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" text PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"recommender_id" text NOT NULL,
	"state" text NOT NULL,
	"type" text,
	"field" text,
	"is_key" boolean DEFAULT false NOT NULL,
	"is_offshore" boolean DEFAULT false NOT NULL,
	"region" text,
	"standard_name" text,
	"director_person_id" text,
	"form" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"eligibility" jsonb,
	"priority" integer,
	"submitted_at" timestamp with time zone,
	"state_changed_at" timestamp with time zone,
	"last_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"deadline" text NOT NULL,
	"focus_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rubric" jsonb NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"quotas" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"default_quota" integer,
	"invited_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"edition" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "draws" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"attempt" integer NOT NULL,
	"record" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"account_id" text,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"title" text NOT NULL,
	"unit_id" text,
	"unit_name" text NOT NULL,
	"division_code" text,
	"status" text NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_assignments" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"draw_id" text NOT NULL,
	"expert_id" text NOT NULL,
	"role" text NOT NULL,
	"status" text NOT NULL,
	"declaration" jsonb,
	"declared_at" timestamp with time zone,
	"scores" jsonb,
	"comments" jsonb,
	"opinion" text,
	"recommendation" text,
	"total_centi" integer,
	"submitted_at" timestamp with time zone,
	"reopen_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_rounds" (
	"id" text PRIMARY KEY NOT NULL,
	"target_kind" text NOT NULL,
	"target_id" text NOT NULL,
	"rubric" jsonb NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"panel_opinion" text,
	"panel_opinion_by" text,
	"panel_opinion_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "application_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "application_files_application_idx" ON "application_files" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "application_files_slot_key" ON "application_files" USING btree ("application_id","slot","file_id");--> statement-breakpoint
CREATE INDEX "applications_call_idx" ON "applications" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "applications_unit_idx" ON "applications" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "applications_recommender_idx" ON "applications" USING btree ("recommender_id");--> statement-breakpoint
CREATE INDEX "applications_state_idx" ON "applications" USING btree ("state");--> statement-breakpoint
CREATE INDEX "calls_year_idx" ON "calls" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "draws_round_attempt_key" ON "draws" USING btree ("round_id","attempt");--> statement-breakpoint
CREATE UNIQUE INDEX "experts_person_key" ON "experts" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "experts_status_idx" ON "experts" USING btree ("status");--> statement-breakpoint
CREATE INDEX "review_assignments_round_idx" ON "review_assignments" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "review_assignments_expert_idx" ON "review_assignments" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "review_rounds_target_idx" ON "review_rounds" USING btree ("target_kind","target_id");