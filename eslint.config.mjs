import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [".next/**", "lib/generated/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[property.name='$queryRawUnsafe']", message: "Use $queryRaw with a tagged template." },
        { selector: "MemberExpression[property.name='$executeRawUnsafe']", message: "Use $executeRaw with a tagged template." },
      ],
    },
  },
];

export default config;
