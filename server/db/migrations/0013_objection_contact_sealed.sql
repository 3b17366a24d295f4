ALTER TABLE "objections" ALTER COLUMN "contact" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "objections" ADD COLUMN "contact_sealed" "bytea";--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_contact_kept" CHECK ("objections"."contact_sealed" is not null or "objections"."contact" is not null);