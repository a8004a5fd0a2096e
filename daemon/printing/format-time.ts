// Receipt time stamps in the service hall's time (China, UTC+8, no DST), whatever TZ the host
// runs with: a receipt printed by a kiosk whose clock is set to UTC must still read right.
const chinaTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export function receiptTime(date: Date): string {
  const part = Object.fromEntries(chinaTime.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.year ?? ''}-${part.month ?? ''}-${part.day ?? ''} ${part.hour ?? ''}:${part.minute ?? ''}:${part.second ?? ''}`;
}
