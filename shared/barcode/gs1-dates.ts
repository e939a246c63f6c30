/**
 * GS1 date fields. Pure: the reference year is always passed in, never read
 * from a clock (shared/ must be deterministic).
 */

export type Gs1DateFormat = 'yymmdd' | 'yymmd0' | 'yyyymmdd' | 'yyyymmd0';

export type Gs1DateResult = { ok: true; date: string } | { ok: false; problem: string };

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/**
 * Expands a two-digit year with GS1's sliding century window (GenSpecs 7.12,
 * "Determination of century in dates"): relative to the reference year, a
 * difference of 51..99 means the previous century, -99..-50 the next one,
 * otherwise the same century. So the window is refYear-49 .. refYear+50.
 */
export function gs1FullYear(yy: number, refYear: number): number {
  const current = refYear % 100;
  const century = refYear - current;
  const diff = yy - current;
  if (diff >= 51) return century - 100 + yy;
  if (diff <= -50) return century + 100 + yy;
  return century + yy;
}

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Gregorian month length; `month` is 1..12. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Reads a GS1 date. `...d0` formats accept day 00, which GS1 defines as "no
 * day given" (GenSpecs 7.12); we report it as the last day of the month, the
 * safe reading for expiry and best-before dates.
 */
export function parseGs1Date(digits: string, format: Gs1DateFormat, refYear: number): Gs1DateResult {
  const yearLen = format.startsWith('yyyy') ? 4 : 2;
  if (!new RegExp(`^\\d{${yearLen + 4}}$`).test(digits)) {
    return { ok: false, problem: `it is not in ${format.toUpperCase()} form` };
  }
  const rawYear = Number(digits.slice(0, yearLen));
  const year = yearLen === 4 ? rawYear : gs1FullYear(rawYear, refYear);
  const month = Number(digits.slice(yearLen, yearLen + 2));
  const day = Number(digits.slice(yearLen + 2));
  if (month < 1 || month > 12) return { ok: false, problem: `there is no month ${pad(month, 2)}` };
  const last = daysInMonth(year, month);
  const monthName = `${MONTH_NAMES[month - 1] ?? ''} ${year}`;
  if (day === 0) {
    if (!format.endsWith('d0')) return { ok: false, problem: 'day 00 is not allowed here' };
    return { ok: true, date: `${pad(year, 4)}-${pad(month, 2)}-${pad(last, 2)}` };
  }
  if (day > last) return { ok: false, problem: `${monthName} has only ${last} days` };
  return { ok: true, date: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

/**
 * Turns a 'YYYY-MM-DD' reference date into the year used for the century
 * window. Only the year matters to GenSpecs 7.12, but we take a full date so
 * callers can pass "today" as they already have it.
 */
export function referenceYear(today: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`options.today must be a real date as YYYY-MM-DD, got "${today}"`);
  }
  return year;
}
