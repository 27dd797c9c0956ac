/**
 * A vitest reporter that says where a run's time went: per project, the seconds spent importing
 * test files (collect) and running their tests and hooks, and the slowest files. Added beside the
 * default reporter when asked (`--reporter=default --reporter=./test/support/durations-reporter.ts`);
 * with DURATIONS_JSON set it also writes every file's figures there. Seconds are a worker's
 * time, so on a busy machine they say what dominates, not how fast anything is.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

interface FileFigures {
  project: string;
  file: string;
  collectS: number;
  runS: number;
  testsS: number;
  tests: number;
}

const SLOWEST = 15;

export default class DurationsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const files = testModules.map(figuresOf);
    const byProject = new Map<string, { files: number; collectS: number; runS: number; tests: number }>();
    for (const f of files) {
      const p = byProject.get(f.project) ?? { files: 0, collectS: 0, runS: 0, tests: 0 };
      byProject.set(f.project, { files: p.files + 1, collectS: p.collectS + f.collectS, runS: p.runS + f.runS, tests: p.tests + f.tests });
    }
    const lines = ['', 'Where the time went (worker seconds):'];
    for (const [project, p] of byProject) lines.push(`  ${project}: ${p.files} files, ${p.tests} tests, importing ${p.collectS.toFixed(0)} s, running ${p.runS.toFixed(0)} s`);
    lines.push(`  slowest files (import + run, of which in tests):`);
    for (const f of [...files].sort((a, b) => b.collectS + b.runS - (a.collectS + a.runS)).slice(0, SLOWEST)) {
      lines.push(`    ${(f.collectS + f.runS).toFixed(1).padStart(7)} s (${f.testsS.toFixed(1)} s in ${f.tests} tests)  ${f.project}  ${f.file}`);
    }
    console.log(lines.join('\n'));
    if (process.env.DURATIONS_JSON) writeFileSync(process.env.DURATIONS_JSON, JSON.stringify(files, null, 1));
  }
}

function figuresOf(module: TestModule): FileFigures {
  const d = module.diagnostic();
  const tests = [...module.children.allTests()];
  return {
    project: module.project.name,
    file: relative(process.cwd(), module.moduleId),
    collectS: (d.collectDuration + d.prepareDuration + d.setupDuration + d.environmentSetupDuration) / 1000,
    runS: d.duration / 1000,
    testsS: tests.reduce((sum, t) => sum + (t.diagnostic()?.duration ?? 0), 0) / 1000,
    tests: tests.length,
  };
}
