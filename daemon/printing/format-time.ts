// Receipt time stamps in the service hall's time (China, UTC+8, no DST since 1991), whatever TZ the
// host runs with: a receipt printed by a kiosk whose clock is set to UTC must still read right.
// A fixed offset, not Intl with Asia/Shanghai: ICU's time-zone data would be paged in at start
// (~7 MB resident) for an offset that does not change.
const chinaOffsetMs = 8 * 60 * 60 * 1000;

export function receiptTime(date: Date): string {
  const iso = new Date(date.getTime() + chinaOffsetMs).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
