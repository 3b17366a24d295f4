CREATE TABLE "evaluation_grades" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"report_id" text NOT NULL,
	"base_id" text NOT NULL,
	"year" integer NOT NULL,
	"grade" text NOT NULL,
	"score" real,
	"article" text NOT NULL,
	"reason_zh" text NOT NULL,
	"reason_en" text NOT NULL,
	"decided_at_tie" boolean DEFAULT false NOT NULL,
	"edition" text NOT NULL,
	"cutoffs" jsonb NOT NULL,
	"funding_yuan" integer,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "onsite_checks" (
	"id" text PRIMARY KEY NOT NULL,
	"report_id" text NOT NULL,
	"base_id" text NOT NULL,
	"checked_on" text NOT NULL,
	"findings" text NOT NULL,
	"fraud_found" boolean NOT NULL,
	"recorded_by" text,
	"recorded_by_name" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectification_cases" (
	"id" text PRIMARY KEY NOT NULL,
	"base_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"round_id" text NOT NULL,
	"year" integer NOT NULL,
	"opened_on" text NOT NULL,
	"due_on" text NOT NULL,
	"state" text NOT NULL,
	"plan" text,
	"final_report" text,
	"decision_reason" text,
	"decided_on" text,
	"decided_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminders_sent" (
	"key" text PRIMARY KEY NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD COLUMN "rubric" jsonb;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD COLUMN "cutoffs" jsonb;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD COLUMN "funding" jsonb;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD COLUMN "graded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_grades_round_base_key" ON "evaluation_grades" USING btree ("round_id","base_id");--> statement-breakpoint
CREATE INDEX "evaluation_grades_base_idx" ON "evaluation_grades" USING btree ("base_id");--> statement-breakpoint
CREATE INDEX "onsite_checks_report_idx" ON "onsite_checks" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rectification_cases_round_base_key" ON "rectification_cases" USING btree ("round_id","base_id");--> statement-breakpoint
CREATE INDEX "rectification_cases_unit_idx" ON "rectification_cases" USING btree ("unit_id");