-- Background sync per device (F23) and the devices' flush reports (F24).
CREATE TABLE "background_sync_devices" (
	"client_id" text PRIMARY KEY NOT NULL,
	"user_id" text,
	"state" text DEFAULT 'active' NOT NULL,
	"settings" jsonb,
	"settings_updated_at" timestamp with time zone,
	"last_start_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "background_sync_devices_state_check" CHECK ("background_sync_devices"."state" in ('active', 'paused'))
);
--> statement-breakpoint
CREATE TABLE "background_sync_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"user_id" text,
	"reported_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"items" integer NOT NULL,
	"bytes" bigint NOT NULL,
	"duration_ms" integer NOT NULL,
	"failures" integer NOT NULL,
	"wait_ms" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "background_sync_devices_user_idx" ON "background_sync_devices" USING btree ("user_id","settings_updated_at");--> statement-breakpoint
CREATE INDEX "background_sync_reports_client_idx" ON "background_sync_reports" USING btree ("client_id","received_at");
