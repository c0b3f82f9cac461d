import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputField,
  type GraphQLInputType,
} from "graphql";
import type { Client } from "@urql/core";
import schemaText from "../../../../schema.graphql?raw";

/** Rapport's schema, as the server publishes it (`rapport schema`): the
 * command forms are drawn from the mutations' input types, so every command
 * has a form and a form never asks for a field the server does not take. */
export const schema = buildSchema(schemaText);

export type Widget =
  | "text"
  | "textarea"
  | "integer"
  | "decimal"
  | "date"
  | "datetime"
  | "boolean"
  | "choice"
  | "lines"
  | "choices"
  | "group"
  | "groups";

export interface FieldSpec {
  name: string;
  label: string;
  help: string;
  widget: Widget;
  required: boolean;
  options: string[];
  labels?: Record<string, string>; // what a person reads for each option, when not the option itself
  fields: FieldSpec[]; // of a group, or of each item of groups
}

/** One thing a field may name (a milestone, a criterion), as a person reads it. */
export interface Choice {
  value: string;
  label: string;
}

/** `field` offering `choices` instead of asking for ids typed in: one of them,
 * or (for a list) any of them. */
export function choosing(field: FieldSpec, choices: Choice[] | undefined): FieldSpec {
  if (!choices) return field;
  return {
    ...field,
    widget: field.widget === "lines" ? "choices" : "choice",
    options: choices.map((c) => c.value),
    labels: Object.fromEntries(choices.map((c) => [c.value, c.label])),
  };
}

// Filled in by the form itself, never asked of a person.
const AUTOMATIC = new Set(["idempotencyKey", "expectedVersion"]);

export function label(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1).replace(/\bid\b/, "id");
}

function widgetOf(type: GraphQLInputType, help: string): Widget {
  const bare = isNonNullType(type) ? type.ofType : type;
  if (isListType(bare)) {
    const item = getNamedType(bare);
    if (isInputObjectType(item)) return "groups";
    if (isEnumType(item)) return "choices";
    return "lines";
  }
  const named = getNamedType(bare);
  if (isInputObjectType(named)) return "group";
  if (isEnumType(named)) return "choice";
  switch (named.name) {
    case "Int":
      return "integer";
    case "Decimal":
      return "decimal";
    case "Date":
      return "date";
    case "DateTime":
      return "datetime";
    case "Boolean":
      return "boolean";
    default:
      return /may span lines/.test(help) ? "textarea" : "text";
  }
}

function specOf(field: GraphQLInputField): FieldSpec {
  const help = field.description ?? "";
  const named = getNamedType(field.type);
  return {
    name: field.name,
    label: label(field.name),
    help,
    widget: widgetOf(field.type, help),
    required: isNonNullType(field.type) && field.defaultValue === undefined,
    options: isEnumType(named) ? named.getValues().map((v) => v.name) : [],
    fields: isInputObjectType(named) ? Object.values(named.getFields()).map(specOf) : [],
  };
}

export interface CommandSpec {
  mutation: string;
  description: string;
  inputType: string;
  fields: FieldSpec[];
  takesIdempotencyKey: boolean;
}

/** The form of the mutation `name`, which takes one `input` argument. */
export function commandSpec(name: string): CommandSpec {
  const field = schema.getMutationType()?.getFields()[name];
  const argument = field?.args.find((a) => a.name === "input");
  const input = argument && getNamedType(argument.type);
  if (!field || !input || !isInputObjectType(input)) {
    throw new Error(`Rapport has no mutation ${name} taking an input`);
  }
  return {
    mutation: name,
    description: field.description ?? "",
    inputType: input.name,
    fields: Object.values(input.getFields())
      .filter((f) => !AUTOMATIC.has(f.name))
      .map(specOf),
    takesIdempotencyKey: "idempotencyKey" in input.getFields(),
  };
}

/** Why a command changed nothing, as the mutation's typed error says. */
export interface Refusal {
  kind: string;
  message: string;
  field: string | null; // the input field refused, for a ValidationError
}

export type Outcome = { ok: true; payload: Record<string, unknown> } | { ok: false; refusal: Refusal };

/** Run the mutation with `input`; `selection` picks what the success payload
 * should answer besides its type name. */
export async function runCommand(
  client: Client,
  spec: CommandSpec,
  input: Record<string, unknown>,
  selection = "",
): Promise<Outcome> {
  const document = `mutation Run($input: ${spec.inputType}!) {
    result: ${spec.mutation}(input: $input) {
      __typename
      ${selection}
      ... on Error { message }
      ... on ValidationError { field }
      ... on RuleViolation { rule }
    }
  }`;
  // A key of its own makes a retried submission (a double click, a lost
  // answer) the same command, answered once.
  const sent = spec.takesIdempotencyKey ? { ...input, idempotencyKey: crypto.randomUUID() } : input;
  const answer = await client.mutation(document, { input: sent }).toPromise();
  if (answer.error) {
    const message = answer.error.graphQLErrors[0]?.message ?? answer.error.message;
    return { ok: false, refusal: { kind: "Error", message, field: null } };
  }
  const result = answer.data?.result as Record<string, unknown> & { __typename: string };
  if ("message" in result && typeof result.message === "string") {
    const path = (result.field as string[] | undefined) ?? [];
    return {
      ok: false,
      refusal: { kind: result.__typename, message: result.message, field: path[1] ?? null },
    };
  }
  return { ok: true, payload: result };
}

/** The mutations about one kind of subject: those whose input names it by
 * `idField` (`complaintId`, `riskId`, ...), in the schema's order. */
export function commandsAbout(idField: string): string[] {
  const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
  return mutations
    .filter((m) => {
      const argument = m.args.find((a) => a.name === "input");
      const input = argument && getNamedType(argument.type);
      return input && isInputObjectType(input) && idField in input.getFields();
    })
    .map((m) => m.name);
}
