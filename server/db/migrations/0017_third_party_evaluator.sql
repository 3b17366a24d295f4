CREATE TABLE "evaluation_entrustments" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"evaluator_account_id" text NOT NULL,
	"entrusted_by" text,
	"entrusted_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluator_scores" (
	"id" text PRIMARY KEY NOT NULL,
	"report_id" text NOT NULL,
	"round_id" text NOT NULL,
	"evaluator_account_id" text NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"opinion" text DEFAULT '' NOT NULL,
	"total_centi" integer,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_entrustments_round_key" ON "evaluation_entrustments" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluator_scores_report_key" ON "evaluator_scores" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "evaluator_scores_round_idx" ON "evaluator_scores" USING btree ("round_id");