// YouTube counts its daily quota per Pacific-time day (America/Los_Angeles,
// midnight to midnight, DST included), so the unit ledger does too.
const ZONE = "America/Los_Angeles";

const parts = new Intl.DateTimeFormat("en-CA", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function local(at: number): { y: number; m: number; d: number; hour: number; minute: number } {
  const get = (type: string) => Number(parts.formatToParts(at).find((p) => p.type === type)?.value);
  return { y: get("year"), m: get("month"), d: get("day"), hour: get("hour"), minute: get("minute") };
}

export interface PacificDay {
  /** "YYYY-MM-DD" of the Pacific day `now` falls in. */
  day: string;
  /** The next Pacific midnight: when YouTube's quota (and the ledger) resets. */
  resetsAt: Date;
}

export function pacificDay(now: Date): PacificDay {
  const { y, m, d } = local(now.getTime());
  const day = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  // Midnight is never inside a DST jump (those happen at 02:00), so it is 07:00 or 08:00 UTC.
  for (const offsetHours of [7, 8]) {
    const candidate = Date.UTC(y, m - 1, d + 1, offsetHours);
    const at = local(candidate);
    if (at.hour === 0 && at.minute === 0) return { day, resetsAt: new Date(candidate) };
  }
  throw new Error(`no Pacific midnight found after ${now.toISOString()}`);
}
