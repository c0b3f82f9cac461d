/** How figures are shown: Rapport sends money and ratios as decimal strings,
 * already rounded, so they are shown as sent, never through a float. */

export function orDash(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === "" ? "—" : String(value);
}

/** An enum value as words: "WAITING_ON_CLIENT" -> "waiting on client". */
export function words(value: string): string {
  return value.toLowerCase().replace(/_/g, " ");
}

export function percent(value: string | null | undefined): string {
  return value === null || value === undefined ? "—" : `${value} %`;
}

export function money(amount: string | null | undefined, currency: string): string {
  return amount === null || amount === undefined ? "—" : `${amount} ${currency}`;
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString(undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** "2 d 3 h", "3 h 05 min", "4 min": the largest two units of a duration. */
export function duration(seconds: number): string {
  const total = Math.floor(Math.abs(seconds) / 60);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, "0")} min`;
  return `${minutes} min`;
}

/** A value for an `<input type="datetime-local">` from an instant, in local
 * time: to the minute, or to the second for an input with `step="1"`. */
export function localInput(instant: Date, seconds = false): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}` +
    `T${pad(instant.getHours())}:${pad(instant.getMinutes())}` +
    (seconds ? `:${pad(instant.getSeconds())}` : "")
  );
}
