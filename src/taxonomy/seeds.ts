/** The domain sources every signal and rule is traced to (kept in ../shared/seeds/). */
export const SEEDS = {
  "000": { file: "000_d6703d2a9f48ab40.txt", topic: "expansion is the result of onboarding and adoption" },
  "001": { file: "001_1fb39992c4ab0c42.txt", topic: "earned expansion, customer pull vs vendor push, the expansion hypothesis" },
  "002": { file: "002_d2c5b205fc267fd2.txt", topic: "a journey designed for expansion, executive backing" },
  "003": { file: "003_1dc1341fa9d60dee.txt", topic: "second use case, internal advocacy, outcome attribution" },
  "004": { file: "004_29db239ea6dc4777.txt", topic: "expansion discovery playbook: readiness check, signals, expansion types" },
} as const;

export type SeedId = keyof typeof SEEDS;
