// Flat config: typescript-eslint's recommended rules with type information.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/lib/**", "**/node_modules/**", "eslint.config.mjs", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      eqeqeq: ["error", "always"],
      "no-console": "error",
    },
  },
  {
    // Every function instance loads lib/index.js: the package root and the v2
    // index load every trigger provider (the Realtime Database SDK among them).
    files: ["functions/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "firebase-functions", message: "Import the subpath you need (firebase-functions/logger, /v2/https, /params…): the root loads every provider." },
            { name: "firebase-functions/v2", message: "Import the subpath you need (firebase-functions/v2/https, /v2/options…): the v2 index loads every provider." },
          ],
        },
      ],
    },
  },
  {
    // Tests and tools may print and use chai's property assertions.
    files: ["functions/test/**/*.ts", "tools/**/*.ts"],
    rules: {
      "no-console": "off",
      "@typescript-eslint/no-unused-expressions": "off",
    },
  },
);
