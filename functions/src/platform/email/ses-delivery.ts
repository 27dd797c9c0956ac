/**
 * Delivers outbox messages through SES in AWS. The CDK stack sets EMAIL_FROM and SES_IDENTITY
 * when the deployment names an SES identity; without them there is no delivery and messages
 * stay in the outbox. Plain-text mail only: nothing a mail client could load from elsewhere.
 *
 * The SES client is loaded on the first message, not when the jobs function starts: most of
 * its runs (reminders, retention, totals) send nothing themselves.
 */
import type { SendEmailCommand, SendEmailCommandOutput } from '@aws-sdk/client-sesv2';

/** What delivery needs of an outbox message. */
export interface DeliverableMessage {
  /** The outbox message id; sent as a tag so bounces and complaints can be traced back to it. */
  id: string;
  to: string;
  subject: string;
  text: string;
}

export interface SesSender {
  send(command: SendEmailCommand): Promise<SendEmailCommandOutput>;
}

export interface SesDeliveryConfig {
  region: string;
  /** The From address, within the verified identity. */
  from: string;
  /**
   * The SES configuration set (SES_CONFIGURATION_SET): it publishes bounces and complaints to
   * CloudWatch, where they raise alarms, and suppresses addresses that bounced or complained.
   */
  configurationSet?: string;
}

export type DeliverEmail = (message: DeliverableMessage) => Promise<{ providerMessageId: string }>;

/** The delivery settings from the environment, or undefined when email is not configured. */
export function readSesDeliveryConfig(env: NodeJS.ProcessEnv = process.env): SesDeliveryConfig | undefined {
  const from = env.EMAIL_FROM?.trim();
  if (!from || !env.SES_IDENTITY?.trim()) return undefined;
  const configurationSet = env.SES_CONFIGURATION_SET?.trim();
  return { region: env.AWS_REGION ?? 'eu-west-2', from, ...(configurationSet ? { configurationSet } : {}) };
}

/** SES tag values allow letters, digits, `_` and `-` only. */
function tagValue(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 256) || 'unknown';
}

export function sesDelivery(config: SesDeliveryConfig, sender?: SesSender): DeliverEmail {
  let loaded: Promise<{ sdk: typeof import('@aws-sdk/client-sesv2'); ses: SesSender }> | undefined;
  const load = () => (loaded ??= import('@aws-sdk/client-sesv2').then((sdk) => ({ sdk, ses: sender ?? new sdk.SESv2Client({ region: config.region }) })));
  return async (message) => {
    const {
      sdk: { SendEmailCommand },
      ses,
    } = await load();
    const output = await ses.send(
      new SendEmailCommand({
        FromEmailAddress: config.from,
        Destination: { ToAddresses: [message.to] },
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
          },
        },
        EmailTags: [{ Name: 'outbox-message', Value: tagValue(message.id) }],
        ...(config.configurationSet ? { ConfigurationSetName: config.configurationSet } : {}),
      }),
    );
    if (!output.MessageId) throw new Error('SES accepted the message but returned no message id');
    return { providerMessageId: output.MessageId };
  };
}
