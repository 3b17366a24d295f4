CREATE TABLE "security_policy" (
	"id" integer PRIMARY KEY NOT NULL,
	"policy" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "security_policy_one_row" CHECK ("security_policy"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "one_time_password" text;