// `@scaling-cloud/sdk/mocks/vitest`: matchers for consumers' tests (to be implemented).
export {};
