// `import-songs` as people run it: the built CLI in a process of its own on a given database, so
// its time and memory are the command's (the platform and the songs module, not the whole app).
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/bundle/cli.js', import.meta.url));

/** A process's VmRSS or VmHWM in MB, or 0 once it has gone. */
async function statusMb(pid, field) {
  try {
    return Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(await readFile(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return 0;
  }
}

const count = (text, pattern) => Number(pattern.exec(text)?.[1]?.replaceAll(',', '') ?? NaN);

/**
 * Runs `import-songs --csv <file>...` on `url` and measures it from outside: seconds from the
 * command's notice that it starts importing (after connecting and starting its services) to its
 * report, and its resident memory then (the baseline) and at its peak (VmHWM when the report
 * arrives, the process still alive; polled too, in case it has already exited).
 */
export async function importSongsCli(url, csvFiles) {
  const child = spawn(process.execPath, [cli, 'import-songs', ...csvFiles.flatMap((file) => ['--csv', file])], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let started;
  let finished;
  let baselineRss = 0;
  let peakRss = 0;
  const reads = [];
  const poll = setInterval(() => reads.push(statusMb(child.pid, 'VmHWM').then((mb) => (peakRss = Math.max(peakRss, mb)))), 100);
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    if (started === undefined && /^Clearing before the import/m.test(stdout)) {
      started = performance.now();
      reads.push(statusMb(child.pid, 'VmRSS').then((mb) => (baselineRss = mb)));
    }
    if (finished === undefined && /^Songs in table/m.test(stdout)) {
      finished = performance.now();
      reads.push(statusMb(child.pid, 'VmHWM').then((mb) => (peakRss = Math.max(peakRss, mb))));
    }
  });
  const code = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(poll);
  await Promise.all(reads);
  if (code !== 0 || finished === undefined) throw new Error(`import-songs failed (exit ${code}):\n${stdout}\n${stderr}`);
  return {
    seconds: (finished - started) / 1000,
    rows: count(stdout, /^Rows read: +([\d,]+)/m),
    songs: count(stdout, /^Imported: +([\d,]+) new songs/m),
    baselineRss,
    peakRss,
    report: stdout,
  };
}
