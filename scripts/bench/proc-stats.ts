/** CPU time and resident memory of a server process, read from /proc (Linux). */
import { readFileSync } from "node:fs";

/** Clock ticks per second for /proc/PID/stat times; 100 on every Linux this runs on (`getconf CLK_TCK`). */
const CLOCK_TICKS = 100;

/** utime + stime in seconds. Fields are counted after the `)` closing the command name, which may hold spaces. */
export function parseCpuSeconds(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After the name: state is field 3 of the man page, utime 14 and stime 15 → indices 11 and 12 here.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** VmRSS in KiB from /proc/PID/status text. */
export function parseRssKiB(status: string): number {
  const m = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return m ? Number(m[1]) : Number.NaN;
}

export function cpuSeconds(pid: number): number {
  try {
    return parseCpuSeconds(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return Number.NaN;
  }
}

export function rssKiB(pid: number): number {
  try {
    return parseRssKiB(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return Number.NaN;
  }
}
