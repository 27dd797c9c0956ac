/**
 * Runs casework-process.ts in a child process (with this process's node flags, so the same
 * young generation and `--expose-gc`) against this stack's database and issuer, and waits for
 * its samples: the case GET, the audit GET through the casework handler and the case's raw
 * GetItem, measured where nothing but the casework function runs, as in AWS.
 */
import { fork } from 'node:child_process';
import { DEMO_PASSWORD } from '@waypoint/functions/local/identity/demo-password';
import type { TestStack } from '../support/stack.ts';
import { stackAddresses, type StackAddresses } from './casework-surroundings.ts';
import { percentile } from './measure.ts';
import type { ReadCpu } from './read-cpu.ts';

/**
 * Rounds of the three reads in the casework process: a round takes about 10 ms, so five times
 * the bench's usual 60 cost a few seconds and steady the medians, which at load averages of 3 to
 * 8 on 2 cores moved by a fifth between runs of 60.
 */
const CASEWORK_ROUNDS = Number(process.env.BENCH_CASEWORK_ROUNDS || 300);

export interface CaseworkReadsRequest extends StackAddresses {
  tenantId: string;
  token: string;
  caseRef: string;
  auditId: string;
  warmUp: number;
  rounds: number;
  cpuBlocks: number;
}

export interface CaseworkReads {
  samples: Record<'raw_getitem' | 'case_get_handler' | 'audit_get_handler', number[]>;
  cpu: Record<'raw_getitem' | 'case_get_handler' | 'audit_get_handler', ReadCpu>;
}

/** What the caller chooses: whose token, and which case and audit to read. */
type Reads = Pick<CaseworkReadsRequest, 'tenantId' | 'token' | 'caseRef' | 'auditId'>;

export function caseworkReadsInOwnProcess(stack: TestStack, reads: Reads): Promise<CaseworkReads> {
  const child = fork(new URL('./casework-process.ts', import.meta.url));
  const request: CaseworkReadsRequest = {
    ...reads,
    ...stackAddresses(stack, DEMO_PASSWORD),
    warmUp: 50,
    rounds: CASEWORK_ROUNDS,
    cpuBlocks: 20,
  };
  return new Promise((resolve, reject) => {
    child.once('message', (answer: { result?: CaseworkReads; error?: string }) => (answer.result ? resolve(answer.result) : reject(new Error(`the casework process failed: ${answer.error}`))));
    child.once('exit', (code) => reject(new Error(`the casework process exited (${code}) without an answer`)));
    child.send(request);
  });
}

/** The read figures from the casework process: the budgeted ratios, and their CPU beside them. */
export function printCaseworkReads(own: CaseworkReads, print: (name: string, value: number, digits?: number) => void): void {
  const p50 = (name: keyof CaseworkReads['samples']) => percentile(own.samples[name], 50);
  print('casework_process_case_get_p50_ms', p50('case_get_handler'));
  print('casework_process_raw_getitem_p50_ms', p50('raw_getitem'));
  print('api_read_overhead_ratio', p50('case_get_handler') / p50('raw_getitem'));
  print('audit_get_vs_case_get_ratio_via_handler', p50('audit_get_handler') / p50('case_get_handler'));
  print('casework_process_cpu_raw_getitem_us', own.cpu.raw_getitem.processUs, 0);
  print('casework_process_cpu_case_get_us', own.cpu.case_get_handler.processUs, 0);
  print('api_read_overhead_ratio_cpu', own.cpu.case_get_handler.processUs / own.cpu.raw_getitem.processUs);
  print('api_read_overhead_ratio_main_thread_cpu', own.cpu.case_get_handler.mainThreadUs / own.cpu.raw_getitem.mainThreadUs);
  print('audit_get_vs_case_get_ratio_cpu', own.cpu.audit_get_handler.processUs / own.cpu.case_get_handler.processUs);
}
