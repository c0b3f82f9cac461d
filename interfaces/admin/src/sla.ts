import { duration } from "./format";

/** Where one SLA clock of a complaint stands at `now`. */
export type ClockState = "met" | "paused" | "breached" | "due-soon" | "on-time";

export interface Countdown {
  state: ClockState;
  text: string;
  secondsLeft: number | null; // for sorting: most urgent first
}

export interface ClockInput {
  due: string | null; // null: no clock running (answered, or paused)
  warningAt: string | null;
  done: boolean; // the clock was met (answered, resolved)
  paused: boolean; // waiting on the client
}

export function countdown(clock: ClockInput, now: Date): Countdown {
  if (clock.done) return { state: "met", text: "met", secondsLeft: null };
  if (clock.paused || clock.due === null) {
    return { state: "paused", text: "paused: waiting on the client", secondsLeft: null };
  }
  const left = (new Date(clock.due).getTime() - now.getTime()) / 1000;
  if (left <= 0) return { state: "breached", text: `${duration(left)} overdue`, secondsLeft: left };
  const warning = clock.warningAt !== null && new Date(clock.warningAt).getTime() <= now.getTime();
  return { state: warning ? "due-soon" : "on-time", text: `${duration(left)} left`, secondsLeft: left };
}

const URGENCY: Record<ClockState, number> = { breached: 0, "due-soon": 1, "on-time": 2, paused: 3, met: 4 };

/** Breached first, then due soon, then the rest; the least time left first within each. */
export function byUrgency(a: Countdown, b: Countdown): number {
  return (
    URGENCY[a.state] - URGENCY[b.state] ||
    (a.secondsLeft ?? Number.POSITIVE_INFINITY) - (b.secondsLeft ?? Number.POSITIVE_INFINITY)
  );
}
