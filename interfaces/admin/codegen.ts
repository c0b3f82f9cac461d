import type { CodegenConfig } from "@graphql-codegen/cli";

// Typed operations from the schema Rapport publishes (`rapport schema`). An
// operation the schema no longer answers fails generation, and `--check`
// fails when the generated types are stale.
const config: CodegenConfig = {
  schema: "../../schema.graphql",
  documents: ["src/**/*.ts", "src/**/*.vue", "!src/gql/**"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: {
          UUID: "string",
          DateTime: "string",
          Date: "string",
          Decimal: "string",
          JSON: "unknown",
        },
      },
    },
  },
};

export default config;
