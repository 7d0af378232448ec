import { accepted, quote, refused } from './mapping-types.js';
import type { Parsed } from './mapping-types.js';

const ALLOWED =
  "an ISO date-time 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM:SS' or 'YYYY-MM-DDTHH:MM:SS', " +
  'with up to 6 fractional digits of seconds and no time zone';

const DATETIME =
  /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,6}))?)?$/;

/** A time followed by Z or a UTC offset (±hh, ±hhmm, ±hh:mm). */
const ZONED =
  /[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)$/;

/**
 * Canonical RANGE_DATETIME text: `YYYY-MM-DD HH:MM:SS`, plus `.ffffff` (exactly six
 * digits) only when the fraction is not zero. A date alone means midnight. One
 * instant has one text, and canonical texts sort like the instants they name
 * (fixed widths; a missing fraction is a prefix, so it sorts first), so plain
 * string comparison orders them.
 *
 * A zone suffix (Z, +02:00) is refused, not normalised: a DATETIME column has no
 * time zone, and the stored value is whatever local time the writer used. Converting
 * to UTC would need that zone, which the router does not know, and a guess would
 * silently route a row to another shard than the one its stored value belongs to.
 *
 * Years are any four digits (proleptic Gregorian calendar). MySQL documents
 * 1000-9999 as supported, but stores earlier years too; refusing them here would
 * make such rows unroutable. The zero date '0000-00-00' is refused (no month 0).
 */
export function parseDatetimeText(text: string): Parsed<string> {
  const m = DATETIME.exec(text);
  if (m === null) {
    if (ZONED.test(text)) {
      return refused(
        `${quote(text)} has a time zone, but a DATETIME column has none: convert it to the ` +
          `column's local time and drop the zone (expected ${ALLOWED})`,
      );
    }
    return refused(`${quote(text)} is not ${ALLOWED}`);
  }
  const [, y = '', mo = '', d = '', h = '00', mi = '00', s = '00', frac = ''] = m;
  const why = calendarError(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s));
  if (why !== undefined) return refused(`${quote(text)} is not a valid date-time: ${why}`);
  const micros = frac.padEnd(6, '0');
  const fraction = micros === '000000' ? '' : `.${micros}`;
  return accepted(`${y}-${mo}-${d} ${h}:${mi}:${s}${fraction}`);
}

function calendarError(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
): string | undefined {
  if (mo < 1 || mo > 12) return `month ${mo} is not 1-12`;
  const last = daysInMonth(y, mo);
  if (d < 1 || d > last) return `day ${d} is not 1-${last} for ${y}-${pad2(mo)}`;
  if (h > 23) return `hour ${h} is not 0-23`;
  if (mi > 59) return `minute ${mi} is not 0-59`;
  // MySQL has no leap seconds in DATETIME: :60 is invalid there too.
  if (s > 59) return `second ${s} is not 0-59`;
  return undefined;
}

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(mo) ? 30 : 31;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Order of two canonical RANGE_DATETIME texts (ASCII, fixed width: see above). */
export function compareDatetimes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
