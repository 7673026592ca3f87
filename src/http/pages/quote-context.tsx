import type { EvidenceContextView } from "../schemas/api-schemas.js";
import { signalWords } from "./words.js";

/**
 * A cited quote in its place: the comment or call turns around it, each with speaker and time, the quote
 * itself marked. Text is rendered by JSX, which escapes it: what a ticket says is shown, never run.
 */
export function QuoteInContext(props: { readonly context: EvidenceContextView }) {
  const { evidence, passages } = props.context;
  return (
    <figure class="quote" id={`evidence-${evidence.id}`}>
      <figcaption>
        <strong>{signalWords(evidence.signalId)}</strong> · evidence #{evidence.id} · {evidence.citation}
        {evidence.status === "disputed" ? " · disputed" : ""}
      </figcaption>
      {passages.length === 0 ? (
        <blockquote class="turn">“{evidence.quote}”</blockquote>
      ) : (
        passages.map((passage) => (
          <p class={passage.containsQuote ? "turn" : "turn other"}>
            <span class="speaker">
              {passage.speaker} ({passage.speakerRole}), {passage.place}:
            </span>{" "}
            {passage.containsQuote && passage.quoteStart !== undefined && passage.quoteEnd !== undefined ? (
              <>
                {passage.text.slice(0, passage.quoteStart)}
                <mark>{passage.text.slice(passage.quoteStart, passage.quoteEnd)}</mark>
                {passage.text.slice(passage.quoteEnd)}
              </>
            ) : (
              passage.text
            )}
          </p>
        ))
      )}
    </figure>
  );
}
