/**
 * Which of an account's speakers a question names. Speaker labels are kept out of the indexed text (they
 * are data on each chunk), so "what did Dana say about seats?" cannot find Dana's turns by its words alone;
 * a question that names a speaker is ranked again with that speaker's passages first among the matches.
 */

// Words that make up role-like speaker names ("Project Manager", "Support Team", "Industrial Designer")
// but say nothing about who is meant when one of them appears alone in a question. A single-word name
// ("Marketing") still matches as a whole name.
const GENERIC_NAME_WORDS = new Set([
  "the", "and", "team", "group", "user", "users", "manager", "lead", "head", "staff", "customer", "vendor", "client",
  "speaker", "unknown", "support", "sales", "service", "services", "account", "admin", "office", "company", "guest",
  "project", "product", "program", "programme", "director", "officer", "engineer", "designer", "analyst", "interface",
  "industrial", "technical", "operations", "finance", "member", "chair", "host", "professor", "student", "grad",
]);

const wordsOf = (text: string): string[] =>
  text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .match(/\p{L}[\p{L}'’-]*|\d+/gu) ?? [];

/**
 * The speakers a question refers to: by their whole name, or by one distinctive word of it (a first or
 * last name of three letters or more that is not a generic role word), matched as a whole word.
 *
 * @example namedSpeakers("what did dana say about seats?", ["Dana Okafor", "Luis Romero"]) // ["Dana Okafor"]
 */
export function namedSpeakers(question: string, speakers: readonly string[]): string[] {
  const asked = wordsOf(question);
  const askedText = ` ${asked.join(" ")} `;
  const askedWords = new Set(asked);
  return speakers.filter((speaker) => {
    const nameWords = wordsOf(speaker);
    if (nameWords.length === 0) return false;
    if (askedText.includes(` ${nameWords.join(" ")} `)) return true;
    return nameWords.some((word) => word.length >= 3 && !GENERIC_NAME_WORDS.has(word) && askedWords.has(word));
  });
}

/**
 * Reciprocal rank fusion of a ranking with the same ranking restricted to each named speaker's passages:
 * a passage in both rises, one only in the first keeps its order among the rest.
 */
export function fuseBySpeaker<T>(ranked: readonly T[], spokenLists: ReadonlyArray<readonly T[]>, idOf: (item: T) => string | number, limit: number, constant = 60): T[] {
  const scores = new Map<string | number, { item: T; score: number; firstSeen: number }>();
  for (const list of [ranked, ...spokenLists]) {
    list.forEach((item, index) => {
      const entry = scores.get(idOf(item)) ?? { item, score: 0, firstSeen: scores.size };
      entry.score += 1 / (constant + index + 1);
      scores.set(idOf(item), entry);
    });
  }
  return [...scores.values()]
    .sort((left, right) => right.score - left.score || left.firstSeen - right.firstSeen)
    .slice(0, limit)
    .map((entry) => entry.item);
}
