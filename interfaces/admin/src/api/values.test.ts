import { describe, expect, it } from "vitest";
import { commandSpec } from "./commands";
import { emptyValues, toInput } from "./values";

describe("command forms", () => {
  it("are drawn from the mutation's input type, without the automatic fields", () => {
    const spec = commandSpec("recordCost");
    const names = spec.fields.map((f) => f.name);
    expect(names).toContain("amount");
    expect(names).not.toContain("idempotencyKey");
    expect(names).not.toContain("expectedVersion");
    expect(spec.fields.find((f) => f.name === "amount")).toMatchObject({ widget: "decimal", required: true });
    expect(spec.takesIdempotencyKey).toBe(true);
  });

  it("offer an enum's values as choices", () => {
    const severity = commandSpec("receiveComplaint").fields.find((f) => f.name === "severity");
    expect(severity?.widget).toBe("choice");
    expect(severity?.options).toEqual(["CRITICAL", "HIGH", "MEDIUM", "LOW"]);
  });

  it("leave out empty optional values and send instants for local date-times", () => {
    const spec = commandSpec("recordCost");
    const values = emptyValues(spec.fields);
    values.amount = "12.50";
    values.occurredAt = "2026-03-02T10:00";
    const input = toInput(spec.fields, values);
    expect(input.amount).toBe("12.50");
    expect(input.note).toBeUndefined();
    expect(input.occurredAt).toBe(new Date("2026-03-02T10:00").toISOString());
  });

  it("refuse to draw a command Rapport does not have", () => {
    expect(() => commandSpec("launchRocket")).toThrow(/no mutation launchRocket/);
  });
});
