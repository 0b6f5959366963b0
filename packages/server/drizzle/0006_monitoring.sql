-- Sync monitoring (F32–F37): job status, error log, alert rules and alerts, their deliveries,
-- and the manual-trigger queue that doubles as its audit log.
CREATE TABLE "sync_status" (
	"job" text PRIMARY KEY NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"running" boolean DEFAULT false NOT NULL,
	"last_run_at" timestamp with time zone,
	"last_finished_at" timestamp with time zone,
	"last_outcome" text,
	"next_run_at" timestamp with time zone,
	"success_count" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"last_duration_ms" integer,
	"avg_duration_ms" double precision,
	"records_last" integer DEFAULT 0 NOT NULL,
	"records_total" bigint DEFAULT 0 NOT NULL,
	"paused_at" timestamp with time zone,
	"paused_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_status_outcome_check" CHECK ("last_outcome" in ('SUCCESS', 'PARTIAL', 'FAILED'))
);
--> statement-breakpoint
CREATE TABLE "sync_errors" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job" text NOT NULL,
	"execution_id" text,
	"tournament_no" text,
	"error_type" text NOT NULL,
	"severity" text NOT NULL,
	"message" text NOT NULL,
	"context" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recovery_suggestion" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"resolved" boolean DEFAULT false NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"resolution_notes" text,
	CONSTRAINT "sync_errors_type_check" CHECK ("error_type" in ('NETWORK', 'AUTH', 'API', 'DATABASE', 'TIMEOUT', 'VALIDATION')),
	CONSTRAINT "sync_errors_severity_check" CHECK ("severity" in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL'))
);
--> statement-breakpoint
CREATE INDEX "sync_errors_occurred_idx" ON "sync_errors" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "sync_errors_job_occurred_idx" ON "sync_errors" USING btree ("job","occurred_at");--> statement-breakpoint
CREATE TABLE "alert_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"job" text,
	"metric" text NOT NULL,
	"comparator" text NOT NULL,
	"threshold" double precision NOT NULL,
	"window_minutes" integer,
	"severity" text NOT NULL,
	"escalate_after_minutes" integer DEFAULT 15 NOT NULL,
	"channels" jsonb DEFAULT '["dashboard","webhook","email"]'::jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "alert_rules_metric_check" CHECK ("metric" in ('consecutive_failures', 'success_rate', 'duration_seconds', 'memory_mb')),
	CONSTRAINT "alert_rules_comparator_check" CHECK ("comparator" in ('gte', 'gt', 'lte', 'lt')),
	CONSTRAINT "alert_rules_severity_check" CHECK ("severity" in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL'))
);
--> statement-breakpoint
-- The defaults of F35; admins edit them through the API.
INSERT INTO "alert_rules" ("id", "name", "job", "metric", "comparator", "threshold", "window_minutes", "severity") VALUES
	('tournaments-consecutive-failures', 'Tournaments: 3 failures in a row', 'tournaments', 'consecutive_failures', 'gte', 3, NULL, 'HIGH'),
	('schedules-consecutive-failures', 'Schedules: 3 failures in a row', 'schedules', 'consecutive_failures', 'gte', 3, NULL, 'HIGH'),
	('overall-success-rate', 'Success rate under 95 % over 24 h', NULL, 'success_rate', 'lt', 95, 1440, 'MEDIUM'),
	('tournaments-duration', 'Tournaments run longer than 300 s', 'tournaments', 'duration_seconds', 'gt', 300, NULL, 'MEDIUM'),
	('schedules-duration', 'Schedules run longer than 600 s', 'schedules', 'duration_seconds', 'gt', 600, NULL, 'MEDIUM'),
	('memory', 'Server memory above 512 MB', NULL, 'memory_mb', 'gt', 512, NULL, 'HIGH');
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"rule_id" text NOT NULL REFERENCES "alert_rules"("id"),
	"subject" text NOT NULL,
	"severity" text NOT NULL,
	"status" text NOT NULL,
	"message" text NOT NULL,
	"value" double precision,
	"threshold" double precision NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"escalated_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" text,
	"acknowledge_note" text,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "alerts_status_check" CHECK ("status" in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED'))
);
--> statement-breakpoint
-- An alert opens once: at most one unresolved alert per rule and subject, even when two
-- instances evaluate at the same moment.
CREATE UNIQUE INDEX "alerts_one_active_key" ON "alerts" USING btree ("rule_id","subject") WHERE "status" <> 'RESOLVED';--> statement-breakpoint
CREATE TABLE "alert_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"alert_id" bigint NOT NULL REFERENCES "alerts"("id"),
	"channel" text NOT NULL,
	"event" text NOT NULL,
	"ok" boolean NOT NULL,
	"attempts" integer NOT NULL,
	"detail" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "alert_deliveries_alert_idx" ON "alert_deliveries" USING btree ("alert_id");--> statement-breakpoint
CREATE TABLE "manual_triggers" (
	"id" text PRIMARY KEY NOT NULL,
	"job" text NOT NULL,
	"tournament_no" text,
	"priority" text NOT NULL,
	"priority_rank" integer NOT NULL,
	"reason" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'QUEUED' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"progress_message" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"outcome" text,
	"records_processed" integer,
	"execution_id" text,
	"error" text,
	CONSTRAINT "manual_triggers_priority_check" CHECK ("priority" in ('EMERGENCY', 'HIGH', 'NORMAL', 'LOW')),
	CONSTRAINT "manual_triggers_status_check" CHECK ("status" in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'))
);
--> statement-breakpoint
CREATE INDEX "manual_triggers_queue_idx" ON "manual_triggers" USING btree ("status","priority_rank","requested_at");--> statement-breakpoint
CREATE INDEX "manual_triggers_requested_idx" ON "manual_triggers" USING btree ("requested_at");
