/**
 * Every Waypoint Lambda is built the same way: Node 24 on arm64, bundled by the local esbuild
 * with the options in lambda-bundle.ts (CommonJS unless the code needs ESM, the runtime's
 * AWS SDK, source maps beside the bundle but not loaded at start), its own log group with a
 * retention period, and Powertools logger's settings in its environment.
 */
import { Duration } from 'aws-cdk-lib';
import { PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { ICommandHooks } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { ESM_REQUIRE_SHIM, LAMBDA_BUNDLE, type BundleFormat } from './lambda-bundle.ts';
import { LOCK_FILE, REPO_ROOT } from './paths.ts';

export const LAMBDA_RUNTIME = Runtime.NODEJS_24_X;

export interface WaypointFunctionProps {
  entry: string;
  /** A fixed name, where something must name the function without a reference to it (the imports function invokes itself). */
  functionName?: string;
  description: string;
  /** The service name, so log lines say which function wrote them. */
  serviceName: string;
  logLevel: string;
  logRetention: RetentionDays;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
  /** Concurrency kept for this function alone, so nothing else can take it all. */
  reservedConcurrency?: number;
  /** CommonJS unless given; the portal's SvelteKit server needs ESM. */
  format?: BundleFormat;
  /** Extra files the bundle needs beside the code (the portal's prerendered pages). */
  commandHooks?: ICommandHooks;
}

/** A Lambda role that may write to its own log group and nothing else until granted more. */
export function lambdaRoleWritingTo(scope: Construct, id: string, logGroup: LogGroup): Role {
  return new Role(scope, id, {
    assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    inlinePolicies: {
      OwnLogGroup: new PolicyDocument({
        statements: [new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] })],
      }),
    },
  });
}

export function waypointFunction(scope: Construct, id: string, props: WaypointFunctionProps): NodejsFunction {
  const logGroup = new LogGroup(scope, `${id}Logs`, { retention: props.logRetention });
  return new NodejsFunction(scope, id, {
    role: lambdaRoleWritingTo(scope, `${id}Role`, logGroup),
    entry: props.entry,
    ...(props.functionName ? { functionName: props.functionName } : {}),
    handler: 'handler',
    description: props.description,
    runtime: LAMBDA_RUNTIME,
    architecture: Architecture.ARM_64,
    memorySize: props.memorySize ?? 512,
    timeout: props.timeout ?? Duration.seconds(29),
    ...(props.reservedConcurrency ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
    logGroup,
    projectRoot: REPO_ROOT,
    depsLockFilePath: LOCK_FILE,
    environment: {
      SERVICE_NAME: props.serviceName,
      LOG_LEVEL: props.logLevel,
      ...props.environment,
    },
    bundling: {
      format: props.format === 'esm' ? OutputFormat.ESM : OutputFormat.CJS,
      target: LAMBDA_BUNDLE.target,
      platform: LAMBDA_BUNDLE.platform,
      mainFields: [...LAMBDA_BUNDLE.mainFields],
      minify: LAMBDA_BUNDLE.minify,
      sourceMap: LAMBDA_BUNDLE.sourcemap,
      externalModules: [...LAMBDA_BUNDLE.external],
      ...(props.format === 'esm' ? { banner: ESM_REQUIRE_SHIM } : {}),
      esbuildArgs: { '--charset': LAMBDA_BUNDLE.charset, '--legal-comments': LAMBDA_BUNDLE.legalComments },
      forceDockerBundling: false,
      commandHooks: props.commandHooks,
    },
  });
}
