-- Upstream data sync (F25–F31): provider links, change history, credentials, validators,
-- executions and per-tournament results of every job run, claimed cron ticks.
CREATE TABLE "upstream_tournaments" (
	"provider" text NOT NULL,
	"provider_no" text NOT NULL,
	"tournament_id" text NOT NULL,
	"code" text,
	"status" text NOT NULL,
	"version" text,
	"content_hash" text NOT NULL,
	"schedule_version" text,
	"schedule_synced_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "upstream_tournaments_provider_provider_no_pk" PRIMARY KEY("provider","provider_no")
);
--> statement-breakpoint
CREATE TABLE "upstream_matches" (
	"provider" text NOT NULL,
	"provider_no" text NOT NULL,
	"match_id" text NOT NULL,
	"tournament_no" text NOT NULL,
	"status" text NOT NULL,
	"version" text,
	"content_hash" text NOT NULL,
	"provider_score" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "upstream_matches_provider_provider_no_pk" PRIMARY KEY("provider","provider_no")
);
--> statement-breakpoint
CREATE TABLE "match_schedule_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"match_id" text NOT NULL,
	"provider" text NOT NULL,
	"old_court" text NOT NULL,
	"new_court" text NOT NULL,
	"old_scheduled_at" timestamp with time zone NOT NULL,
	"new_scheduled_at" timestamp with time zone NOT NULL,
	"execution_id" bigint,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "upstream_credentials" (
	"provider" text PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_failure_at" timestamp with time zone,
	"deactivated_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "upstream_cache" (
	"key" text PRIMARY KEY NOT NULL,
	"etag" text,
	"content_hash" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_executions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job_name" text NOT NULL,
	"provider" text NOT NULL,
	"trigger" text NOT NULL,
	"scheduled_for" timestamp with time zone,
	"instance_id" text NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_ms" integer,
	"records_processed" integer DEFAULT 0 NOT NULL,
	"records_written" integer DEFAULT 0 NOT NULL,
	"upstream_calls" integer DEFAULT 0 NOT NULL,
	"retries" integer DEFAULT 0 NOT NULL,
	"success" boolean,
	"error_category" text,
	"error_message" text,
	"details" jsonb,
	CONSTRAINT "sync_executions_status_check" CHECK ("sync_executions"."status" in ('running', 'success', 'partial', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "sync_tournament_results" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"execution_id" bigint NOT NULL,
	"job_name" text NOT NULL,
	"provider" text NOT NULL,
	"provider_no" text NOT NULL,
	"tournament_id" text,
	"status" text NOT NULL,
	"records_processed" integer DEFAULT 0 NOT NULL,
	"records_written" integer DEFAULT 0 NOT NULL,
	"upstream_calls" integer DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"duration_ms" integer DEFAULT 0 NOT NULL,
	"error_category" text,
	"error_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_job_slots" (
	"job_name" text NOT NULL,
	"slot" timestamp with time zone NOT NULL,
	"instance_id" text NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_job_slots_job_name_slot_pk" PRIMARY KEY("job_name","slot")
);
--> statement-breakpoint
ALTER TABLE "upstream_tournaments" ADD CONSTRAINT "upstream_tournaments_tournament_id_tournaments_id_fk" FOREIGN KEY ("tournament_id") REFERENCES "public"."tournaments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upstream_matches" ADD CONSTRAINT "upstream_matches_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_schedule_changes" ADD CONSTRAINT "match_schedule_changes_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_tournament_results" ADD CONSTRAINT "sync_tournament_results_execution_id_sync_executions_id_fk" FOREIGN KEY ("execution_id") REFERENCES "public"."sync_executions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "upstream_tournaments_tournament_key" ON "upstream_tournaments" USING btree ("tournament_id");--> statement-breakpoint
CREATE INDEX "upstream_tournaments_status_idx" ON "upstream_tournaments" USING btree ("provider","status");--> statement-breakpoint
CREATE UNIQUE INDEX "upstream_matches_match_key" ON "upstream_matches" USING btree ("match_id");--> statement-breakpoint
CREATE INDEX "upstream_matches_tournament_idx" ON "upstream_matches" USING btree ("provider","tournament_no");--> statement-breakpoint
CREATE INDEX "upstream_matches_status_idx" ON "upstream_matches" USING btree ("provider","status");--> statement-breakpoint
CREATE INDEX "match_schedule_changes_match_idx" ON "match_schedule_changes" USING btree ("match_id","detected_at");--> statement-breakpoint
CREATE INDEX "sync_executions_job_idx" ON "sync_executions" USING btree ("job_name","started_at");--> statement-breakpoint
CREATE INDEX "sync_tournament_results_execution_idx" ON "sync_tournament_results" USING btree ("execution_id");--> statement-breakpoint
CREATE INDEX "sync_tournament_results_tournament_idx" ON "sync_tournament_results" USING btree ("provider","provider_no","created_at");
