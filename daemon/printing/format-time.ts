// Receipt time stamps: the kiosk's local wall-clock time, as the agent reads it.
const pad = (n: number): string => String(n).padStart(2, '0');

export function receiptTime(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
