import { alertDeliveries } from '../db/schema';
import type { Database } from '../db/types';
import type { Logger } from '../logger';
import type { AlertEvent } from './alert-engine';
import { sendMail } from './smtp';
import type { SmtpConfig } from './smtp';
import { sendWebhook } from './webhook';
import type { DeliveryResult, WebhookConfig } from './webhook';

/** The channels configured for this server; the dashboard channel is the alerts table. */
export interface NotifierConfig {
  webhook?: WebhookConfig;
  smtp?: SmtpConfig;
}

/**
 * Channels from the environment: `ALERT_WEBHOOK_URL` + `ALERT_WEBHOOK_SECRET` for the webhook,
 * `SMTP_URL` + `ALERT_EMAIL_FROM` + `ALERT_EMAIL_TO` (comma-separated) for e-mail.
 */
export function notifierConfigFromEnv(env: NodeJS.ProcessEnv = process.env): NotifierConfig {
  const config: NotifierConfig = {};
  if (env.ALERT_WEBHOOK_URL && env.ALERT_WEBHOOK_SECRET) {
    config.webhook = { url: env.ALERT_WEBHOOK_URL, secret: env.ALERT_WEBHOOK_SECRET };
  }
  const to = (env.ALERT_EMAIL_TO ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (env.SMTP_URL && env.ALERT_EMAIL_FROM && to.length > 0) {
    config.smtp = { url: env.SMTP_URL, from: env.ALERT_EMAIL_FROM, to };
  }
  return config;
}

/** The webhook's JSON body. */
export function webhookPayload(event: AlertEvent, sentAt: Date) {
  return { event: `alert.${event.kind}`, sentAt: sentAt.toISOString(), alert: event.alert };
}

function mailText(event: AlertEvent): [string, string] {
  const a = event.alert;
  const subject = `[CourtSync ${a.severity}] ${event.kind}: ${a.ruleName} (${a.subject})`;
  const text = [
    a.message,
    '',
    `Status: ${a.status}, severity ${a.severity}, escalation level ${a.escalationLevel}`,
    `Opened: ${a.openedAt}${a.resolvedAt ? `, resolved: ${a.resolvedAt}` : ''}`,
    '',
    'Open the sync dashboard (/admin/sync) to acknowledge it and see the error log.',
  ].join('\n');
  return [subject, text];
}

/**
 * Sends alert events on their rule's channels and records every delivery. Never throws: a
 * failed channel is logged and recorded, the others still go out.
 */
export async function deliverAlertEvents(
  db: Database,
  config: NotifierConfig,
  events: readonly AlertEvent[],
  log: Logger,
  now: () => Date = () => new Date(),
): Promise<void> {
  for (const event of events) {
    const sends: [string, () => Promise<DeliveryResult>][] = [];
    const { webhook, smtp } = config;
    if (webhook && event.channels.includes('webhook')) {
      const id = `alert-${event.alert.id}-${event.kind}-${event.alert.escalationLevel}`;
      sends.push(['webhook', () => sendWebhook(webhook, id, webhookPayload(event, now()), now)]);
    }
    if (smtp && event.channels.includes('email')) {
      sends.push([
        'email',
        async () => {
          await sendMail(smtp, ...mailText(event));
          return { ok: true, attempts: 1, detail: `to ${smtp.to.join(', ')}` };
        },
      ]);
    }
    for (const [channel, send] of sends) {
      const result = await send().catch((error: unknown): DeliveryResult => ({
        ok: false,
        attempts: 1,
        detail: error instanceof Error ? error.message : String(error),
      }));
      if (!result.ok)
        log.warn('alert delivery failed', { channel, alertId: event.alert.id, ...result });
      await db
        .insert(alertDeliveries)
        .values({ alertId: event.alert.id, channel, event: event.kind, ...result })
        .catch((error: unknown) => log.error('alert delivery not recorded', { error }));
    }
  }
}
