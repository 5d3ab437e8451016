// The domain ring does no I/O: this rule keeps the outer rings' libraries out of src/domain.
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "data/", "dist/", "coverage/", ".tmp/"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/domain/**/*.ts"],
    // Unit tests beside the code need node:test and node:assert; they still do no other I/O.
    ignores: ["src/domain/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/services/**", "**/adapters/**", "**/ports/**"],
              message: "The domain depends on nothing outside it.",
            },
            {
              group: ["node:*", "fs", "path", "http", "https", "net", "crypto", "child_process", "os"],
              message: "The domain does no I/O; pass values in.",
            },
            {
              group: [
                "pg",
                "kysely",
                "@electric-sql/*",
                "fastify",
                "@fastify/*",
                "nodemailer",
                "pino",
                "commander",
                "csv-parse",
              ],
              message: "The domain does no I/O.",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "The domain never reads the clock; take `now` as an argument.",
        },
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: "The domain never reads the clock; take `now` as an argument.",
        },
      ],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "Randomness arrives as an argument." },
      ],
    },
  },
);
