import { describe, expect, it } from "vitest";
import { byUrgency, countdown } from "./sla";

const now = new Date("2026-03-02T10:00:00Z");

describe("countdown", () => {
  it("counts down to the due time", () => {
    const c = countdown({ due: "2026-03-02T12:30:00Z", warningAt: null, done: false, paused: false }, now);
    expect(c).toEqual({ state: "on-time", text: "2 h 30 min left", secondsLeft: 9000 });
  });

  it("says due soon once the warning time has passed", () => {
    const c = countdown(
      { due: "2026-03-02T10:20:00Z", warningAt: "2026-03-02T09:50:00Z", done: false, paused: false },
      now,
    );
    expect(c.state).toBe("due-soon");
    expect(c.text).toBe("20 min left");
  });

  it("counts time overdue once breached", () => {
    const c = countdown({ due: "2026-03-01T09:00:00Z", warningAt: null, done: false, paused: false }, now);
    expect(c).toMatchObject({ state: "breached", text: "1 d 1 h overdue" });
  });

  it("stands still while waiting on the client", () => {
    const c = countdown({ due: null, warningAt: null, done: false, paused: true }, now);
    expect(c.state).toBe("paused");
  });

  it("puts breached first, then due soon, then the least time left", () => {
    const clocks = [
      countdown({ due: "2026-03-02T15:00:00Z", warningAt: null, done: false, paused: false }, now),
      countdown({ due: null, warningAt: null, done: false, paused: true }, now),
      countdown({ due: "2026-03-02T11:00:00Z", warningAt: null, done: false, paused: false }, now),
      countdown({ due: "2026-03-02T09:00:00Z", warningAt: null, done: false, paused: false }, now),
    ];
    expect(clocks.sort(byUrgency).map((c) => c.state)).toEqual(["breached", "on-time", "on-time", "paused"]);
    expect(clocks[1]!.secondsLeft).toBe(3600);
  });
});
