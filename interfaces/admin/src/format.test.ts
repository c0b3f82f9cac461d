import { describe, expect, it } from "vitest";
import { localInput } from "./format";

describe("localInput", () => {
  const instant = new Date(2026, 2, 2, 9, 5, 7);

  it("gives the minute by default", () => {
    expect(localInput(instant)).toBe("2026-03-02T09:05");
  });

  it("gives the second when asked", () => {
    expect(localInput(instant, true)).toBe("2026-03-02T09:05:07");
  });
});
