import { describe, expect, it } from "vitest";
import { choosing, commandSpec } from "./commands";
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

  it("offer the ids a field may name by what a person reads, one or any of them", () => {
    const fields = commandSpec("acceptRequirement").fields;
    const criteria = [{ value: "c1", label: "Exports every row" }];
    const met = choosing(fields.find((f) => f.name === "metCriterionIds")!, criteria);
    expect(met).toMatchObject({ widget: "choices", options: ["c1"], labels: { c1: "Exports every row" } });
    expect(toInput([met], { metCriterionIds: ["c1"] })).toEqual({ metCriterionIds: ["c1"] });
    const milestone = commandSpec("completeMilestone").fields.find((f) => f.name === "milestoneId")!;
    expect(choosing(milestone, []).widget).toBe("choice");
    expect(choosing(milestone, undefined)).toBe(milestone);
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
