/**
 * Email in AWS: the SES identity named by the `sesIdentity` context (created here, with its
 * DKIM records as outputs, or referenced if it already exists), and permission for the
 * functions that drain the outbox to send from it and from nothing else.
 */
import { CfnOutput, Stack } from 'aws-cdk-lib';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface EmailSendingProps {
  /** A domain (`waypoint.example.gov.uk`) or a single address. */
  sesIdentity: string;
  alreadyExists: boolean;
  senders: IGrantable[];
}

export class EmailSending extends Construct {
  readonly identityArn: string;

  constructor(scope: Construct, id: string, props: EmailSendingProps) {
    super(scope, id);
    const isAddress = props.sesIdentity.includes('@');
    if (props.alreadyExists) {
      this.identityArn = Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: props.sesIdentity });
    } else {
      const identity = new EmailIdentity(this, 'Identity', {
        identity: isAddress ? Identity.email(props.sesIdentity) : Identity.domain(props.sesIdentity),
      });
      this.identityArn = identity.emailIdentityArn;
      if (!isAddress) {
        // Add these three CNAME records to the domain's DNS to verify it and sign with DKIM.
        identity.dkimRecords.forEach((record, index) => {
          new CfnOutput(this, `DkimRecord${index + 1}`, { value: `${record.name} CNAME ${record.value}` });
        });
      }
    }
    for (const sender of props.senders) {
      sender.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ sid: 'SendFromWaypointIdentity', actions: ['ses:SendEmail'], resources: [this.identityArn] }));
    }
  }
}
