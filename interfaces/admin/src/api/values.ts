import type { FieldSpec } from "./commands";

/** What a form holds for each widget, and how it becomes a GraphQL input. */
export type FormValue = string | boolean | string[] | FormValues | FormValues[];
export interface FormValues {
  [name: string]: FormValue;
}

export function emptyValues(fields: FieldSpec[]): FormValues {
  const values: FormValues = {};
  for (const field of fields) values[field.name] = emptyValue(field);
  return values;
}

export function emptyValue(field: FieldSpec): FormValue {
  switch (field.widget) {
    case "boolean":
      return false;
    case "choices":
      return [];
    case "group":
      return emptyValues(field.fields);
    case "groups":
      return [];
    default:
      return "";
  }
}

/** The input to send: empty optional fields left out (the server's default
 * applies), numbers as numbers, a local date-time as an instant, one line per
 * item of a list. */
export function toInput(fields: FieldSpec[], values: FormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    const value = convert(field, values[field.name]);
    if (value !== undefined) input[field.name] = value;
  }
  return input;
}

function convert(field: FieldSpec, value: FormValue | undefined): unknown {
  switch (field.widget) {
    case "boolean":
      return Boolean(value);
    case "choices":
      return value;
    case "group":
      return toInput(field.fields, value as FormValues);
    case "groups":
      return (value as FormValues[]).map((item) => toInput(field.fields, item));
    case "lines": {
      const lines = String(value ?? "")
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
      return lines.length || field.required ? lines : undefined;
    }
    default: {
      const text = String(value ?? "");
      if (text.trim() === "") return field.required && field.widget !== "integer" ? text : undefined;
      if (field.widget === "integer") return Number(text);
      if (field.widget === "datetime") return new Date(text).toISOString();
      return text;
    }
  }
}
