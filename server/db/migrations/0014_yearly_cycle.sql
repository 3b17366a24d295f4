CREATE TABLE "annual_report_events" (
	"id" text PRIMARY KEY NOT NULL,
	"report_id" text NOT NULL,
	"event" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"reason" text,
	"edition" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"base_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"recommender_id" text,
	"year" integer NOT NULL,
	"state" text NOT NULL,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "base_events" (
	"id" text PRIMARY KEY NOT NULL,
	"base_id" text NOT NULL,
	"kind" text NOT NULL,
	"on" text NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_rounds" (
	"id" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"report_deadline" text NOT NULL,
	"evaluator" text NOT NULL,
	"status" text NOT NULL,
	"edition" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_plans" (
	"id" text PRIMARY KEY NOT NULL,
	"base_id" text NOT NULL,
	"year" integer NOT NULL,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"filed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "annual_report_events_report_idx" ON "annual_report_events" USING btree ("report_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reports_round_base_key" ON "annual_reports" USING btree ("round_id","base_id");--> statement-breakpoint
CREATE INDEX "annual_reports_unit_idx" ON "annual_reports" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "annual_reports_recommender_idx" ON "annual_reports" USING btree ("recommender_id");--> statement-breakpoint
CREATE INDEX "base_events_base_idx" ON "base_events" USING btree ("base_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_rounds_year_key" ON "evaluation_rounds" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "work_plans_base_year_key" ON "work_plans" USING btree ("base_id","year");