/**
 * `npm run bench`: speed of the compiled validator against the xstate-replay reference and the status→id floor,
 * and of the CLI on a generated 1,000,000-record NDJSON fleet log (10,000 instances) against a plain
 * `readline` + `JSON.parse` script, with the CLI's peak memory (also on a 3x bigger log, to show it stays bounded);
 * and the fleet report (`report`) on the same log against `validate`, paired (each round runs both, back to back,
 * in alternating order, so the machine's changing load hits both alike), in wall and CPU time, with its peak memory;
 * and the CLI's memory per instance: 1,000,000 records over 100,000 and over 1,000,000 instances, all legal and all
 * illegal, each run's peak RSS beyond the base (1,000,000 records of the same kind over 1,000 instances) divided by
 * its instances (the median of 3 rounds, each running the base and both sizes back to back; for illegal fleets also
 * less the bytes of the problems the report keeps); and both cores: one thread against every core (`--workers` the cores, not the default, which
 * keeps to the cores the load average leaves free) on a 5,000,000-record log, paired, with
 * the reports compared, each run followed by a yardstick (pure CPU work on as many threads) that shows how much
 * parallelism the machine gave at that moment. The CLI runs paired with the one-core scripts are kept to one thread (`--workers 1`).
 * Prints a table, or with `--json` a JSON object of the figures. Options: `--records N`, `--quick` (skip the big log).
 * The logs are written to a temporary directory and removed afterwards.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { services } from '../machines/index.js';
import { type ChildRun, runMeasured } from './childRun.js';
import { measureFakeCloud } from './fakeCloud.js';
import { writeFleetLog } from './fleetLog.js';
import { measureStartup, modulesLoaded } from './startup.js';
import { measureStatusRates } from './statusRates.js';
import { keptProblemBytes, writeWideFleet } from './wideFleet.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    records: { type: 'string', default: '1000000' },
    quick: { type: 'boolean' },
    'parallel-records': { type: 'string', default: '5000000' },
  },
});
const records = Number(values.records);
/** Extra rounds of validate and report alone, after the rounds of every program, for more pairs. */
const EXTRA_PAIRS = 3;
const instances = 10_000;
const cli = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const plain = fileURLToPath(new URL('./plainJsonParse.js', import.meta.url));
const split = fileURLToPath(new URL('./splitLines.js', import.meta.url));
const yardstick = fileURLToPath(new URL('./parallelYardstick.js', import.meta.url));
const splitFloor = fileURLToPath(new URL('./splitFloor.js', import.meta.url));
const MB = 1024 * 1024;
const log = (text: string) => values.json || process.stderr.write(text + '\n');

log('measuring the validator on generated histories...');
const rates = services.map((s) => measureStatusRates(s.id));

const dir = mkdtempSync(join(tmpdir(), 'instance-lifecycle-bench-'));
let fleet: {
  records: number;
  bytes: number;
  cli: ChildRun;
  plain: ChildRun;
  split: ChildRun;
  duckdb: ChildRun;
  view: { run: ChildRun; pageBytes: number };
  report: ChildRun;
  /** Per round: validate's time over report's (the paired ratio), wall and CPU. */
  reportRatios: number[];
  reportCpuRatios: number[];
  big?: { records: number; cli: ChildRun; report?: ChildRun };
};
let startup: Record<string, number>;
let startupModules: ReturnType<typeof modulesLoaded>;
const wideRecords = 1_000_000;
const wideBase = 1_000;
const wideSizes = [100_000, 1_000_000];
/** Rounds of the memory runs (each round runs the base and every size, back to back); the median peak counts. */
const wideRounds = 3;
/** A wide fleet's runs: the peak RSS of each round, and the bytes of the problems the report keeps. */
type WideRuns = { peaks: number[]; keptBytes: number };
/** Per kind of fleet: the base, 1,000,000 records over 1,000 instances of that kind. */
const memoryBase: Partial<Record<'legal' | 'illegal', WideRuns>> = {};
const perInstance: { kind: 'legal' | 'illegal'; instances: number; runs: WideRuns }[] = [];
const parallelRecords = Number(values['parallel-records']);
/** Per round: the one-thread run and the default (every core) run on the big log, and whether the reports agree. */
/** A round of the both-cores figure: the CLI on one thread and on every core, each followed by its yardsticks. */
interface ParallelRound {
  one: ChildRun;
  all: ChildRun;
  spinOne: ChildRun;
  spinAll: ChildRun;
  /** The file read on every core with no join (see bench/splitFloor.ts). */
  floorAll: ChildRun;
}
const parallel: ParallelRound[] = [];
let wideDefault: ChildRun | undefined;
const cores = availableParallelism();
try {
  const file = join(dir, 'fleet.ndjson');
  log(`generating ${records.toLocaleString('en')} NDJSON records (${instances.toLocaleString('en')} instances)...`);
  await writeFleetLog(file, 'kafka', records, instances);
  // one thread, as the scripts it is paired with (the default uses every core for files of 32 MiB or more)
  const cliArgs = (path: string): [string, string[]] => [
    cli,
    ['validate', 'kafka', path, '--mode', 'strict', '--workers', '1'],
  ];
  // exit 1 is a finding (instances left in a transitional status count as stuck), not a failure
  const reportArgs = (path: string): [string, string[]] => [cli, ['report', 'kafka', path, '--mode', 'strict']];
  log('running the CLI, report and the plain JSON.parse script (best of 3 each, alternating)...');
  // best of three runs each, alternating the two so that changes in the machine's load hit both alike
  type Program = 'cli' | 'report' | 'plain' | 'split' | 'duckdb';
  const runs: Record<Program, ChildRun[]> = { cli: [], report: [], plain: [], split: [], duckdb: [] };
  for (let i = 0; i < 3 + EXTRA_PAIRS; i++) {
    const pair: [Program, string, string[]][] = [
      ['cli', ...cliArgs(file)],
      ['report', ...reportArgs(file)],
      ...(i < 3
        ? ([
            ['plain', plain, [file]],
            ['split', split, [file]],
            // the same check as one SQL query in embedded DuckDB, which uses both cores
            ['duckdb', cli, ['validate', 'kafka', file, '--mode', 'strict', '--engine', 'duckdb']],
          ] as [Program, string, string[]][])
        : []),
    ];
    if (i % 2 === 1) [pair[0], pair[1]] = [pair[1]!, pair[0]!]; // report first every other round
    for (const [name, script, args] of pair) {
      const run = await runMeasured(script, args);
      if (run.code !== 0 && !(name === 'report' && run.code === 1))
        throw new Error(`${script} exited ${run.code}: ${run.stderr.trim()}`);
      runs[name].push(run);
    }
  }
  const best = (list: ChildRun[]): ChildRun => ({
    ...list.reduce((a, b) => (b.seconds < a.seconds ? b : a)),
    peakRss: Math.max(...list.map((run) => run.peakRss)),
  });
  fleet = {
    records,
    bytes: statSync(file).size,
    cli: best(runs.cli),
    plain: best(runs.plain),
    split: best(runs.split),
    duckdb: best(runs.duckdb),
    view: { run: runs.cli[0]!, pageBytes: 0 },
    report: best(runs.report),
    reportRatios: runs.cli.map((run, i) => run.seconds / runs.report[i]!.seconds),
    reportCpuRatios: runs.cli.map((run, i) => run.cpuSeconds / runs.report[i]!.cpuSeconds),
  };
  log('writing the viewer page of the whole fleet...');
  const page = join(dir, 'fleet.html');
  const viewRun = await runMeasured(cli, ['view', 'kafka', file, '--out', page]);
  if (viewRun.code !== 0) throw new Error(`view exited ${viewRun.code}: ${viewRun.stderr.trim()}`);
  fleet.view = { run: viewRun, pageBytes: statSync(page).size };
  log('measuring start-up...');
  const tiny = join(dir, 'tiny.txt');
  writeFileSync(
    tiny,
    'CREATING\nRUNNING\nRESTARTING\nRUNNING\nEXTENDING\nRUNNING\nDELETING\nDELETED\nDELETED\nDELETED\n',
  );
  const startupCommands = {
    '--version': [cli, '--version'],
    'validate (10 lines)': [cli, 'validate', 'kafka', tiny],
  };
  startup = measureStartup(startupCommands);
  startupModules = modulesLoaded(startupCommands);
  if (!values.quick) {
    const bigFile = join(dir, 'fleet-big.ndjson');
    log(`generating ${(3 * records).toLocaleString('en')} records for the memory check...`);
    rmSync(file);
    await writeFleetLog(bigFile, 'kafka', 3 * records, instances);
    const run = await runMeasured(...cliArgs(bigFile));
    if (run.code !== 0) throw new Error(`CLI exited ${run.code}: ${run.stderr.trim()}`);
    const reportRun = await runMeasured(...reportArgs(bigFile));
    if (reportRun.code !== 0 && reportRun.code !== 1)
      throw new Error(`report exited ${reportRun.code}: ${reportRun.stderr.trim()}`);
    fleet.big = { records: 3 * records, cli: run, report: reportRun };
  }
  log(
    `memory per instance: ${wideRecords.toLocaleString('en')} records over ${wideBase.toLocaleString('en')} (the base), 100,000 and 1,000,000 instances, ${wideRounds} rounds...`,
  );
  const widePath = (instances: number, kind: 'legal' | 'illegal') => join(dir, `wide-${kind}-${instances}.ndjson`);
  // one thread: the state kept per instance (every core adds a fixed part: the workers and the ranges they read)
  const wide = async (
    instances: number,
    kind: 'legal' | 'illegal',
    workers = ['--workers', '1'],
  ): Promise<ChildRun> => {
    // an illegal fleet is judged from the start, so that a history of one record is illegal too
    const fromStart = kind === 'illegal' ? ['--from-start'] : [];
    const run = await runMeasured(cli, ['validate', 'kafka', widePath(instances, kind), ...fromStart, ...workers]);
    if (run.code !== (kind === 'legal' ? 0 : 1)) throw new Error(`CLI exited ${run.code}: ${run.stderr.trim()}`);
    return run;
  };
  for (const kind of ['legal', 'illegal'] as const) {
    // the base does the same work on few instances (an illegal one prints its findings: the same garbage to collect)
    const sizes = [wideBase, ...wideSizes];
    const runs = new Map<number, WideRuns>();
    for (const instances of sizes) {
      await writeWideFleet(widePath(instances, kind), 'kafka', instances, kind, wideRecords);
      const keptBytes = keptProblemBytes('kafka', instances, kind, wideRecords, kind === 'illegal');
      runs.set(instances, { peaks: [], keptBytes });
    }
    for (let round = 0; round < wideRounds; round++)
      for (const instances of sizes) runs.get(instances)!.peaks.push((await wide(instances, kind)).peakRss);
    memoryBase[kind] = runs.get(wideBase)!;
    for (const instances of wideSizes) perInstance.push({ kind, instances, runs: runs.get(instances)! });
    if (kind === 'legal') wideDefault = await wide(wideSizes[1]!, 'legal', ['--workers', String(cores)]);
    for (const instances of sizes) rmSync(widePath(instances, kind));
  }
  log(`both cores: generating ${parallelRecords.toLocaleString('en')} records...`);
  const bigLog = join(dir, 'fleet-parallel.ndjson');
  rmSync(file, { force: true });
  await writeFleetLog(bigLog, 'kafka', parallelRecords, instances);
  log(`both cores: one thread and every core (--workers ${cores}), paired, 3 rounds...`);
  for (let i = 0; i < 3; i++) {
    const args = (workers: string[]) => ['validate', 'kafka', bigLog, '--mode', 'strict', '--json', ...workers];
    const order = i % 2 === 0 ? (['one', 'all'] as const) : (['all', 'one'] as const);
    const round: Partial<ParallelRound> = {};
    for (const which of order) {
      const run = await runMeasured(cli, args(['--workers', which === 'one' ? '1' : String(cores)]), {
        hashStdout: true,
      });
      if (run.code !== 0) throw new Error(`CLI exited ${run.code}: ${run.stderr.trim()}`);
      round[which] = run;
      // the yardstick right after: pure CPU work on as many threads
      const spin = await runMeasured(yardstick, [which === 'one' ? '1' : String(cores)]);
      if (spin.code !== 0) throw new Error(`yardstick exited ${spin.code}: ${spin.stderr.trim()}`);
      round[which === 'one' ? 'spinOne' : 'spinAll'] = spin;
      if (which === 'all') {
        // and the floor: the same file read on as many threads with no join
        const floor = await runMeasured(splitFloor, [bigLog, String(cores)]);
        if (floor.code !== 0) throw new Error(`split floor exited ${floor.code}: ${floor.stderr.trim()}`);
        round.floorAll = floor;
      }
    }
    parallel.push(round as ParallelRound);
  }
  rmSync(bigLog);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

log('measuring the fake cloud and a bare HTTP server (alternating rounds)...');
const fakeCloud = await measureFakeCloud();

const figures = {
  validator: rates.map((r) => ({
    service: r.service,
    compiledStrictPerSecond: Math.round(r.compiled.strict),
    compiledSampledPerSecond: Math.round(r.compiled.sampled),
    referenceStrictPerSecond: Math.round(r.reference.strict),
    referenceSampledPerSecond: Math.round(r.reference.sampled),
    floorPerSecond: Math.round(r.floor),
    /** The smaller of the two modes' speed-ups (each mode against the reference in the same mode). */
    speedupOverReference: Math.min(r.compiled.strict / r.reference.strict, r.compiled.sampled / r.reference.sampled),
    floorOverCompiled: r.floor / Math.min(r.compiled.strict, r.compiled.sampled),
  })),
  cli: {
    records: fleet.records,
    instances,
    fileBytes: fleet.bytes,
    cliRecordsPerSecond: Math.round(fleet.records / fleet.cli.seconds),
    plainRecordsPerSecond: Math.round(fleet.records / fleet.plain.seconds),
    cliOverPlain: fleet.plain.seconds / fleet.cli.seconds,
    splitRecordsPerSecond: Math.round(fleet.records / fleet.split.seconds),
    cliOverSplit: fleet.cli.seconds / fleet.split.seconds,
    duckdbRecordsPerSecond: Math.round(fleet.records / fleet.duckdb.seconds),
    duckdbOverCli: fleet.duckdb.seconds / fleet.cli.seconds,
    duckdbPeakRssBytes: fleet.duckdb.peakRss,
    viewPageBytes: fleet.view.pageBytes,
    viewPeakRssBytes: fleet.view.run.peakRss,
    cliPeakRssBytes: fleet.cli.peakRss,
    plainPeakRssBytes: fleet.plain.peakRss,
    ...(fleet.big
      ? {
          bigRecords: fleet.big.records,
          bigCliRecordsPerSecond: Math.round(fleet.big.records / fleet.big.cli.seconds),
          bigCliPeakRssBytes: fleet.big.cli.peakRss,
        }
      : {}),
  },
  memoryPerInstance: perInstance.map((m) => {
    const base = memoryBase[m.kind]!;
    const peak = median(m.runs.peaks);
    const basePeak = median(base.peaks);
    return {
      fleet: m.kind,
      records: wideRecords,
      instances: m.instances,
      /** The median of the rounds' peaks (each round ran the base and every size back to back). */
      peakRssBytes: peak,
      peakRssBytesEach: m.runs.peaks,
      basePeakRssBytes: basePeak,
      basePeakRssBytesEach: base.peaks,
      bytesPerInstance: Math.round((peak - basePeak) / m.instances),
      /** The problems the report keeps (violations, missed statuses), in the bytes the fleet keeps them in. */
      keptProblemBytesPerInstance: Math.round((m.runs.keptBytes - base.keptBytes) / m.instances),
      /** The peak beyond the base less the kept problems' own bytes (beyond the base's), per instance. */
      bytesPerInstanceBeyondKept: Math.round((peak - basePeak - (m.runs.keptBytes - base.keptBytes)) / m.instances),
    };
  }),
  bothCores: {
    records: parallelRecords,
    pairs: parallel.length,
    oneThreadSeconds: parallel.map((p) => p.one.seconds),
    defaultSeconds: parallel.map((p) => p.all.seconds),
    /** Per round: every core's wall time over one thread's (each round ran both, back to back). */
    ratios: parallel.map((p) => p.all.seconds / p.one.seconds),
    ratioPairedMedian: median(parallel.map((p) => p.all.seconds / p.one.seconds)),
    ratioBest: Math.min(...parallel.map((p) => p.all.seconds)) / Math.min(...parallel.map((p) => p.one.seconds)),
    identicalReports: parallel.every((p) => p.one.stdoutHash === p.all.stdoutHash),
    cores,
    /** Per round: pure CPU work split among every core over the same work on one thread (the machine's best). */
    yardstickRatios: parallel.map((p) => p.spinAll.seconds / p.spinOne.seconds),
    yardstickRatioPairedMedian: median(parallel.map((p) => p.spinAll.seconds / p.spinOne.seconds)),
    /** Per round: the file read on every core with no join (the floor of any exact split) over the CLI's one thread. */
    floorRatios: parallel.map((p) => p.floorAll.seconds / p.one.seconds),
    floorRatioPairedMedian: median(parallel.map((p) => p.floorAll.seconds / p.one.seconds)),
    oneThreadPeakRssBytes: Math.max(...parallel.map((p) => p.one.peakRss)),
    defaultPeakRssBytes: Math.max(...parallel.map((p) => p.all.peakRss)),
    /** Peak RSS of every core on 1M records over 1M instances. */
    wideDefaultPeakRssBytes: wideDefault!.peakRss,
  },
  report: {
    pairs: fleet.reportRatios.length,
    reportRecordsPerSecond: Math.round(fleet.records / fleet.report.seconds),
    /** Best report run against best validate run. */
    reportOverValidate: fleet.cli.seconds / fleet.report.seconds,
    /** The median of the per-round ratios (each round ran both, back to back). */
    reportOverValidatePairedMedian: median(fleet.reportRatios),
    reportOverValidatePaired: fleet.reportRatios,
    /** The same with CPU time instead of wall time (steadier when other processes share the cores). */
    reportOverValidateCpuPairedMedian: median(fleet.reportCpuRatios),
    reportOverValidateCpuPaired: fleet.reportCpuRatios,
    reportPeakRssBytes: fleet.report.peakRss,
    ...(fleet.big?.report
      ? {
          bigReportRecordsPerSecond: Math.round(fleet.big.records / fleet.big.report.seconds),
          bigReportPeakRssBytes: fleet.big.report.peakRss,
        }
      : {}),
  },
  startupMs: startup,
  startupModules,
  fakeCloud: { ...fakeCloud, overBare: fakeCloud.fakeCloudPerSecond / fakeCloud.bareServerPerSecond },
  targets: {
    speedupOverReference: 1000,
    floorOverCompiledAtMost: 2,
    cliOverPlainAtLeast: 1,
    cliOverSplitAtMost: 2.5,
    bytesPerInstanceAtMost: 150,
    bothCoresOverOneAtMost: 0.6,
    peakRssBelowBytes: 200 * MB,
    reportOverValidateAtLeast: 0.8,
  },
};

function median(list: readonly number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

if (values.json) {
  process.stdout.write(JSON.stringify(figures, null, 2) + '\n');
} else {
  const rows: [string, string, string][] = [];
  const per = (n: number) =>
    n >= 1e6 ? `${(n / 1e6).toFixed(2)} M/s` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k/s` : `${n.toFixed(0)} /s`;
  const check = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  for (const v of figures.validator) {
    rows.push([`${v.service}: compiled validator, strict`, per(v.compiledStrictPerSecond), '']);
    rows.push([`${v.service}: compiled validator, sampled`, per(v.compiledSampledPerSecond), '']);
    rows.push([`${v.service}: xstate replay reference, strict`, per(v.referenceStrictPerSecond), '']);
    rows.push([`${v.service}: xstate replay reference, sampled`, per(v.referenceSampledPerSecond), '']);
    rows.push([`${v.service}: floor (status -> id only)`, per(v.floorPerSecond), '']);
    rows.push([
      `${v.service}:   compiled / reference (same mode, worse)`,
      `${Math.round(v.speedupOverReference).toLocaleString('en')}x`,
      `>= 1000x ${check(v.speedupOverReference >= 1000)}`,
    ]);
    rows.push([
      `${v.service}:   floor / compiled (slower mode)`,
      `${v.floorOverCompiled.toFixed(2)}x`,
      `<= 2x ${check(v.floorOverCompiled <= 2)}`,
    ]);
  }
  const c = figures.cli;
  rows.push([
    `CLI validate (one thread), ${c.records.toLocaleString('en')} NDJSON records`,
    per(c.cliRecordsPerSecond),
    '',
  ]);
  rows.push(['plain readline + JSON.parse script', per(c.plainRecordsPerSecond), '']);
  rows.push(['  CLI / plain script', `${(100 * c.cliOverPlain).toFixed(0)}%`, `>= 100% ${check(c.cliOverPlain >= 1)}`]);
  rows.push([
    '  CLI peak RSS',
    `${(c.cliPeakRssBytes / MB).toFixed(0)} MB`,
    `< 200 MB ${check(c.cliPeakRssBytes < 200 * MB)}`,
  ]);
  rows.push(['  plain script peak RSS', `${(c.plainPeakRssBytes / MB).toFixed(0)} MB`, '']);
  rows.push(['read-and-split-lines script', per(c.splitRecordsPerSecond), '']);
  rows.push([
    '  CLI time / split script time',
    `${c.cliOverSplit.toFixed(2)}x`,
    `<= 2.5x ${check(c.cliOverSplit <= 2.5)}`,
  ]);
  rows.push(['same check in DuckDB (validate --engine duckdb)', per(c.duckdbRecordsPerSecond), '']);
  rows.push(['  DuckDB time / CLI time', `${c.duckdbOverCli.toFixed(2)}x`, `> 1x ${check(c.duckdbOverCli > 1)}`]);
  rows.push(['  DuckDB peak RSS', `${(c.duckdbPeakRssBytes / MB).toFixed(0)} MB`, '']);
  rows.push([
    'view of the whole fleet: page size',
    `${(c.viewPageBytes / MB).toFixed(1)} MB`,
    `< 10 MB ${check(c.viewPageBytes < 10 * MB)}`,
  ]);
  rows.push([
    '  view peak RSS',
    `${(c.viewPeakRssBytes / MB).toFixed(0)} MB`,
    `< 200 MB ${check(c.viewPeakRssBytes < 200 * MB)}`,
  ]);
  const node0 = figures.startupMs['node -e 0']!;
  for (const [name, ms] of Object.entries(figures.startupMs)) {
    const ratio = name === 'node -e 0' ? '' : ` (${(ms / node0).toFixed(2)}x node -e 0)`;
    const loaded = figures.startupModules[name];
    const modules = loaded ? `, ${loaded.modules} modules${loaded.xstate ? ' (xstate among them)' : ''}` : '';
    rows.push([
      `start-up: ${name}`,
      `${ms.toFixed(0)} ms${ratio}${modules}`,
      name === 'node -e 0' ? '' : `<= 1.5x ${check(ms / node0 <= 1.5)}`,
    ]);
  }
  if (c.bigRecords !== undefined) {
    rows.push([`CLI validate, ${c.bigRecords.toLocaleString('en')} records`, per(c.bigCliRecordsPerSecond!), '']);
    rows.push([
      '  CLI peak RSS',
      `${(c.bigCliPeakRssBytes! / MB).toFixed(0)} MB`,
      `< 200 MB ${check(c.bigCliPeakRssBytes! < 200 * MB)}`,
    ]);
  }
  const r = figures.report;
  const percents = (list: readonly number[]) => list.map((x) => `${(100 * x).toFixed(0)}%`).join(' ');
  rows.push([`CLI report, ${c.records.toLocaleString('en')} records`, per(r.reportRecordsPerSecond), '']);
  rows.push([
    '  report / validate (wall time, paired median)',
    `${(100 * r.reportOverValidatePairedMedian).toFixed(0)}%`,
    `>= 80% ${check(r.reportOverValidatePairedMedian >= 0.8)}`,
  ]);
  rows.push(['  report / validate (wall time, each pair)', percents(r.reportOverValidatePaired), '']);
  rows.push([
    '  report / validate (CPU time, paired median)',
    `${(100 * r.reportOverValidateCpuPairedMedian).toFixed(0)}%`,
    `>= 80% ${check(r.reportOverValidateCpuPairedMedian >= 0.8)}`,
  ]);
  rows.push(['  report / validate (CPU time, each pair)', percents(r.reportOverValidateCpuPaired), '']);
  rows.push(['  report / validate (best runs)', `${(100 * r.reportOverValidate).toFixed(0)}%`, '']);
  rows.push([
    '  report peak RSS',
    `${(r.reportPeakRssBytes / MB).toFixed(0)} MB`,
    `< 200 MB ${check(r.reportPeakRssBytes < 200 * MB)}`,
  ]);
  if (r.bigReportRecordsPerSecond !== undefined) {
    rows.push([`CLI report, ${c.bigRecords!.toLocaleString('en')} records`, per(r.bigReportRecordsPerSecond), '']);
    rows.push([
      '  report peak RSS',
      `${(r.bigReportPeakRssBytes! / MB).toFixed(0)} MB`,
      `< 200 MB ${check(r.bigReportPeakRssBytes! < 200 * MB)}`,
    ]);
  }
  for (const m of figures.memoryPerInstance) {
    rows.push([
      `CLI validate, ${m.records.toLocaleString('en')} records over ${m.instances.toLocaleString('en')} instances, ${m.fleet}: peak RSS per instance beyond the base`,
      `${m.bytesPerInstance.toLocaleString('en')} B`,
      `<= 150 B ${check(m.bytesPerInstance <= 150)} (median of ${m.peakRssBytesEach.length}: ${(m.peakRssBytes / MB).toFixed(0)} MB; base ${(m.basePeakRssBytes / MB).toFixed(0)} MB)`,
    ]);
    if (m.keptProblemBytesPerInstance > 0)
      rows.push([
        `  beyond the kept problems' own bytes (${m.keptProblemBytesPerInstance} B per instance)`,
        `${m.bytesPerInstanceBeyondKept.toLocaleString('en')} B`,
        `<= 150 B ${check(m.bytesPerInstanceBeyondKept <= 150)}`,
      ]);
  }
  const b = figures.bothCores;
  rows.push([
    `CLI validate, ${b.records.toLocaleString('en')} records: one thread`,
    `${Math.min(...b.oneThreadSeconds).toFixed(2)} s`,
    `(each: ${b.oneThreadSeconds.map((x) => x.toFixed(2)).join(' ')})`,
  ]);
  rows.push([
    `  every core (--workers ${b.cores})`,
    `${Math.min(...b.defaultSeconds).toFixed(2)} s`,
    `(each: ${b.defaultSeconds.map((x) => x.toFixed(2)).join(' ')})`,
  ]);
  rows.push([
    '  every core / one thread (wall time, paired median)',
    `${b.ratioPairedMedian.toFixed(2)}x`,
    `<= 0.6x ${check(b.ratioPairedMedian <= 0.6)}`,
  ]);
  rows.push(['  every core / one thread (best runs)', `${b.ratioBest.toFixed(2)}x`, '']);
  rows.push([
    `  yardstick: pure CPU work on ${b.cores} threads / on one (paired median)`,
    `${b.yardstickRatioPairedMedian.toFixed(2)}x`,
    `(each: ${b.yardstickRatios.map((x) => x.toFixed(2)).join(' ')}; 0.5x on ${b.cores} free cores)`,
  ]);
  rows.push([
    `  floor: the file read on ${b.cores} threads with no join / one thread (paired median)`,
    `${b.floorRatioPairedMedian.toFixed(2)}x`,
    `(each: ${b.floorRatios.map((x) => x.toFixed(2)).join(' ')}; no exact split does better)`,
  ]);
  rows.push(['  reports identical', b.identicalReports ? 'yes' : 'NO', check(b.identicalReports)]);
  rows.push([
    '  peak RSS: one thread, every core',
    `${(b.oneThreadPeakRssBytes / MB).toFixed(0)} MB, ${(b.defaultPeakRssBytes / MB).toFixed(0)} MB`,
    '',
  ]);
  rows.push([
    'CLI validate, 1,000,000 records over 1,000,000 instances, every core: peak RSS',
    `${(b.wideDefaultPeakRssBytes / MB).toFixed(0)} MB`,
    '(the memory rows above are on one thread)',
  ]);
  const f = figures.fakeCloud;
  rows.push(['fake cloud: GET one instance, 8 clients', per(Math.round(f.fakeCloudPerSecond)), '']);
  rows.push(['bare node:http server, same answer', per(Math.round(f.bareServerPerSecond)), '']);
  rows.push(['  fake cloud / bare server', `${f.overBare.toFixed(2)}x`, '']);
  const width = Math.max(...rows.map((r) => r[0].length)) + 2;
  const valueWidth = Math.max(...rows.map((r) => r[1].length)) + 2;
  process.stdout.write(
    `${'measure'.padEnd(width)}${'value'.padStart(valueWidth)}  target\n` +
      rows.map(([a, b, t]) => `${a.padEnd(width)}${b.padStart(valueWidth)}  ${t}`).join('\n') +
      '\n',
  );
}
