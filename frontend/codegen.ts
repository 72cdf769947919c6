import type { CodegenConfig } from '@graphql-codegen/cli';

// Types come from the server's schema files, never from hand-written copies.
const config: CodegenConfig = {
  schema: '../graph/*.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: { unmaskFunctionName: 'getFragmentData' } },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: false,
        scalars: {
          ID: 'string',
          Time: 'string',
          Cursor: 'string',
          Map: 'Record<string, unknown>',
          Int64: 'number',
        },
      },
    },
  },
};

export default config;
