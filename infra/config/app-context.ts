/** CDK context the app always runs with, in `cdk synth` and in the tests alike. */
export const APP_CONTEXT = {
  // Cross-stack references stay CloudFormation exports: a consumer must be updated before its
  // producer can drop a value, which is what protects the table and user pool from a bad deploy.
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
} as const;
