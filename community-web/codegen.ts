import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed operations from the API's SDL: every `graphql(...)` document in app/ gets its types. */
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['app/**/*.{ts,tsx}', '!app/graphql/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'app/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};
export default config;
