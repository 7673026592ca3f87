/**
 * Personal data stays on the machine: before text goes to a model provider, emails, phone numbers, card
 * and account numbers (and any configured pattern) become placeholders such as `[EMAIL_1]`. What the
 * model sends back is restored with the same session, so a quote that contained a placeholder becomes the
 * source's own words again before the citation check looks for it.
 */

export type PersonalDataKind = "EMAIL" | "CARD" | "ACCOUNT" | "PHONE" | "REDACTED";

interface Detector {
  readonly kind: PersonalDataKind;
  readonly pattern: RegExp;
  /** A second look at a match, for what a pattern alone cannot decide (Luhn, digit counts). */
  readonly accept?: (match: string) => boolean;
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, "");
}

/** The Luhn checksum every payment card number satisfies: keeps order numbers and the like readable. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length >= 13 && sum % 10 === 0;
}

// Order matters: a card number would otherwise be read as a phone or account number.
const BUILT_IN_DETECTORS: readonly Detector[] = [
  { kind: "EMAIL", pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu },
  { kind: "CARD", pattern: /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g, accept: (match) => passesLuhn(digitsOf(match)) },
  // IBANs, then numbers introduced as account, member, routing or sort-code numbers, then long digit runs.
  { kind: "ACCOUNT", pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g },
  { kind: "ACCOUNT", pattern: /(?<=\b(?:account|acct|member|routing|sort code|iban)\s*(?:number|no\.?|#)?\s*[:#]?\s*)[A-Z0-9][A-Z0-9 -]{4,}[A-Z0-9]/gi },
  { kind: "ACCOUNT", pattern: /(?<![\w-])\d{8,}(?![\w-])/g },
  // Phones: an international prefix or an area code in brackets, or digit groups joined by - or . (7+ digits).
  {
    kind: "PHONE",
    pattern: /(?<![\w-])(?:\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]\d{2,4}){1,4}|\(\d{2,4}\)[ .-]?\d{3,4}[ .-]?\d{3,4}|\d{2,4}(?:[.-]\d{2,4}){1,3})(?![\w-])/g,
    accept: (match) => digitsOf(match).length >= 7 && !/^\d{4}-\d{2}-\d{2}$/.test(match),
  },
];

export interface RedactorOptions {
  /** Extra patterns (regular expression sources) whose matches are redacted as `[REDACTED_n]`. */
  readonly extraPatterns?: readonly string[];
}

/** One conversation with a provider: the same value always gets the same placeholder, and is restored. */
export class RedactionSession {
  private readonly placeholderOf = new Map<string, string>();
  private readonly originalOf = new Map<string, string>();
  private readonly counts = new Map<PersonalDataKind, number>();

  constructor(private readonly detectors: readonly Detector[]) {}

  /** How many distinct values were replaced. */
  get replaced(): number {
    return this.originalOf.size;
  }

  redact(text: string): string {
    let result = text;
    for (const detector of this.detectors) {
      result = result.replace(new RegExp(detector.pattern.source, detector.pattern.flags), (match: string) => {
        if (/^\[[A-Z]+_\d+\]$/.test(match) || (detector.accept !== undefined && !detector.accept(match))) return match;
        return this.placeholderFor(detector.kind, match);
      });
    }
    return result;
  }

  /** Puts the original values back wherever a placeholder of this session appears. */
  restore(text: string): string {
    return text.replace(/\[(?:EMAIL|CARD|ACCOUNT|PHONE|REDACTED)_\d+\]/g, (placeholder) => this.originalOf.get(placeholder) ?? placeholder);
  }

  private placeholderFor(kind: PersonalDataKind, value: string): string {
    const known = this.placeholderOf.get(value);
    if (known !== undefined) return known;
    const count = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, count);
    const placeholder = `[${kind}_${count}]`;
    this.placeholderOf.set(value, placeholder);
    this.originalOf.set(placeholder, value);
    return placeholder;
  }
}

/**
 * Starts redaction sessions. A disabled redactor (`--no-redact`) passes text through untouched.
 *
 * @example const session = new Redactor().session(); session.redact("mail dana@acme.example") // "mail [EMAIL_1]"
 */
export class Redactor {
  readonly enabled: boolean;
  private readonly detectors: readonly Detector[];

  constructor(options: RedactorOptions & { enabled?: boolean } = {}) {
    this.enabled = options.enabled ?? true;
    const extra = (options.extraPatterns ?? []).map((source): Detector => ({ kind: "REDACTED", pattern: new RegExp(source, "g") }));
    // Configured patterns first: they name what the organisation knows to be sensitive (member ids...).
    this.detectors = this.enabled ? [...extra, ...BUILT_IN_DETECTORS] : [];
  }

  session(): RedactionSession {
    return new RedactionSession(this.detectors);
  }
}
