// Vite (and so vitest) imports a file's text with the ?raw suffix; used by the test that keeps
// README.md's field table equal to unsupported-fields.ts.
declare module "*.md?raw" {
  const text: string;
  export default text;
}
