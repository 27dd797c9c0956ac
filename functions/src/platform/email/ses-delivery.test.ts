/** Specifies how an outbox message becomes an SES email. */
import type { SendEmailCommand, SendEmailCommandOutput } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { readSesDeliveryConfig, sesDelivery } from './ses-delivery.ts';

function fakeSes(answer: { messageId?: string } = { messageId: 'ses-0001' }) {
  const sent: SendEmailCommand['input'][] = [];
  return {
    sent,
    async send(command: SendEmailCommand): Promise<SendEmailCommandOutput> {
      sent.push(command.input);
      return { $metadata: {}, MessageId: answer.messageId };
    },
  };
}

const message = { id: '3f2a9c', to: 'sam@northshire.example.gov.uk', subject: 'You have been added to Waypoint', text: 'Hello Sam' };

describe('SES delivery', () => {
  it('sends the message as plain UTF-8 text from the configured address, tagged with its outbox id', async () => {
    const ses = fakeSes();
    const result = await sesDelivery({ region: 'eu-west-2', from: 'no-reply@waypoint.example.gov.uk' }, ses)(message);
    expect(result).toEqual({ providerMessageId: 'ses-0001' });
    expect(ses.sent[0]).toEqual({
      FromEmailAddress: 'no-reply@waypoint.example.gov.uk',
      Destination: { ToAddresses: ['sam@northshire.example.gov.uk'] },
      Content: {
        Simple: {
          Subject: { Data: 'You have been added to Waypoint', Charset: 'UTF-8' },
          Body: { Text: { Data: 'Hello Sam', Charset: 'UTF-8' } },
        },
      },
      EmailTags: [{ Name: 'outbox-message', Value: '3f2a9c' }],
    });
  });

  it('sends through the configuration set that reports bounces and complaints, when the stack names one', async () => {
    const ses = fakeSes();
    await sesDelivery({ region: 'eu-west-2', from: 'a@b.example', configurationSet: 'waypoint-prod' }, ses)(message);
    expect(ses.sent[0]?.ConfigurationSetName).toBe('waypoint-prod');
    expect(readSesDeliveryConfig({ EMAIL_FROM: 'a@b.example', SES_IDENTITY: 'b.example', SES_CONFIGURATION_SET: 'waypoint-prod' })?.configurationSet).toBe('waypoint-prod');
  });

  it('fails rather than report a delivery SES did not confirm', async () => {
    await expect(sesDelivery({ region: 'eu-west-2', from: 'a@b.example' }, fakeSes({}))(message)).rejects.toThrow(/no message id/);
  });

  it('is configured only when the stack set both the sender and the identity', () => {
    expect(readSesDeliveryConfig({})).toBeUndefined();
    expect(readSesDeliveryConfig({ EMAIL_FROM: 'a@b.example' })).toBeUndefined();
    expect(readSesDeliveryConfig({ EMAIL_FROM: 'a@b.example', SES_IDENTITY: 'b.example', AWS_REGION: 'eu-west-2' })).toEqual({
      region: 'eu-west-2',
      from: 'a@b.example',
    });
  });
});
