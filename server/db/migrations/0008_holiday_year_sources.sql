ALTER TABLE "holiday_years" ADD COLUMN "source_kind" text DEFAULT 'state-council' NOT NULL;--> statement-breakpoint
ALTER TABLE "holiday_years" ADD COLUMN "document_number" text;--> statement-breakpoint
ALTER TABLE "holiday_years" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "holiday_years" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "holiday_years" ADD COLUMN "updated_by" text;--> statement-breakpoint
ALTER TABLE "holiday_years" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Years entered before sources were recorded keep kind state-council (the default above) with no 文号: policy/ asks for one on their next save.
UPDATE "holiday_years" SET "updated_at" = "created_at";
