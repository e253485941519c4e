/**
 * `timeValue`: an observation's time as a number to compare, fast for the common ISO 8601 UTC form. Parsing times
 * is a large part of validating a big log, so `YYYY-MM-DDTHH:MM:SS[.fff]Z` is read digit by digit; every other form
 * goes to `Date.parse`, and the fast path gives the same number `Date.parse` would.
 */

/**
 * Milliseconds for a time: a number as given (it must be finite), a `Date`'s time, numeric text as a number, and
 * other text by `Date.parse`. NaN when unreadable.
 *
 * @example timeValue('2026-01-01T00:00:01.5Z') // 1767225601500
 * @example timeValue(' 42 ') // 42
 */
export function timeValue(time: string | number | Date): number {
  if (typeof time === 'number') return Number.isFinite(time) ? time : NaN;
  if (typeof time !== 'string') return time.getTime();
  const fast = isoUtcMillis(time);
  if (!Number.isNaN(fast)) return fast;
  const trimmed = time.trim();
  if (trimmed !== '' && /^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return Date.parse(trimmed);
}

/** `YYYY-MM-DDTHH:MM:SS[.fraction]Z` with fields in their usual ranges, as milliseconds; NaN for anything else. */
function isoUtcMillis(text: string): number {
  const length = text.length;
  if (length < 20 || text.charCodeAt(length - 1) !== 90 /* Z */) return NaN;
  if (
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58
  ) {
    return NaN;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return NaN; // also NaN fields
  let millis = 0;
  if (length > 20) {
    if (text.charCodeAt(19) !== 46 /* . */ || length === 21) return NaN;
    const fraction = digits(text, 20, Math.min(3, length - 21));
    if (Number.isNaN(fraction) || (length > 24 && Number.isNaN(digits(text, 23, length - 24)))) return NaN;
    millis = length === 22 ? fraction * 100 : length === 23 ? fraction * 10 : fraction;
  }
  return daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis;
}

/**
 * Days since 1970-01-01 of a date of the proleptic Gregorian calendar (H. Hinnant's `days_from_civil`), for years
 * from 100 on; a day past the month's end counts on into the next month, as `Date.UTC` does.
 *
 * @example daysFromCivil(1970, 1, 2) // 1
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The number written by `count` decimal digits at `start`, or NaN when one is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    value = value * 10 + d;
  }
  return value;
}
