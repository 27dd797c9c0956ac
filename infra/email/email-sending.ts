/**
 * Email in AWS: the SES identity named by the `sesIdentity` context (created here, with its
 * DKIM records as outputs, or referenced if it already exists), its configuration set (bounces
 * and complaints published to CloudWatch for the alarms, and such addresses suppressed so they
 * are not mailed again), and permission for the functions that drain the outbox to send from
 * that identity through that configuration set and nothing else.
 */
import { CfnOutput, Stack } from 'aws-cdk-lib';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { CloudWatchDimensionSource, ConfigurationSet, EmailIdentity, EmailSendingEvent, EventDestination, Identity, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface EmailSendingProps {
  /** A domain (`waypoint.example.gov.uk`) or a single address. */
  sesIdentity: string;
  alreadyExists: boolean;
  senders: IGrantable[];
  /** Names the configuration set, `waypoint-<stage>`. */
  stage: string;
}

/** The CloudWatch dimension SES puts the configuration set's name in (SES's own auto-tag). */
export const SES_CONFIGURATION_SET_DIMENSION = 'ses:configuration-set';

export class EmailSending extends Construct {
  readonly identityArn: string;
  readonly configurationSet: ConfigurationSet;
  /** Fixed by the stage, so other stacks can name it without a cross-stack reference. */
  readonly configurationSetName: string;

  constructor(scope: Construct, id: string, props: EmailSendingProps) {
    super(scope, id);
    const isAddress = props.sesIdentity.includes('@');
    const configurationSetName = `waypoint-${props.stage}`;
    this.configurationSetName = configurationSetName;
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName,
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSet.addEventDestination('CloudWatch', {
      destination: EventDestination.cloudWatchDimensions([{ source: CloudWatchDimensionSource.MESSAGE_TAG, name: SES_CONFIGURATION_SET_DIMENSION, defaultValue: configurationSetName }]),
      events: [EmailSendingEvent.SEND, EmailSendingEvent.DELIVERY, EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.REJECT],
    });
    if (props.alreadyExists) {
      this.identityArn = Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: props.sesIdentity });
    } else {
      const identity = new EmailIdentity(this, 'Identity', {
        identity: isAddress ? Identity.email(props.sesIdentity) : Identity.domain(props.sesIdentity),
        // Mail sent without naming a set (Cognito's own) goes through it too.
        configurationSet: this.configurationSet,
      });
      this.identityArn = identity.emailIdentityArn;
      if (!isAddress) {
        // Add these three CNAME records to the domain's DNS to verify it and sign with DKIM.
        identity.dkimRecords.forEach((record, index) => {
          new CfnOutput(this, `DkimRecord${index + 1}`, { value: `${record.name} CNAME ${record.value}` });
        });
      }
    }
    const configurationSetArn = Stack.of(this).formatArn({ service: 'ses', resource: 'configuration-set', resourceName: configurationSetName });
    for (const sender of props.senders) {
      sender.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ sid: 'SendFromWaypointIdentity', actions: ['ses:SendEmail'], resources: [this.identityArn, configurationSetArn] }));
    }
  }
}
