import type { EvidenceContextView, HypothesisView } from "../schemas/api-schemas.js";
import { CsrfField } from "./layout.js";
import { QuoteInContext } from "./quote-context.js";
import { expansionWords, gateStatusWords, gateWords, hypothesisStatusWords, verdictWords } from "./words.js";

export interface HypothesisCardProps {
  readonly hypothesis: HypothesisView;
  readonly accountName: string;
  readonly quotes: readonly EvidenceContextView[];
  /** Absent for readers: they see the card without the review form. */
  readonly csrfToken?: string | undefined;
  readonly canReview: boolean;
}

/** One hypothesis as a reviewer weighs it: the verdict, each gate with its reasons, the prose, the quotes. */
export function HypothesisCard(props: HypothesisCardProps) {
  const { hypothesis } = props;
  const headingId = `hypothesis-${hypothesis.id}-title`;
  const needsOverride = hypothesis.verdict !== "ready";
  return (
    <article class="card" id={`hypothesis-${hypothesis.id}`} aria-labelledby={headingId} data-hypothesis-id={hypothesis.id}>
      <header>
        <h2 id={headingId}>
          <a href={`/accounts/${hypothesis.accountId}`}>{props.accountName}</a>: {expansionWords(hypothesis.expansionType)}
        </h2>
        <span class={`badge verdict-${hypothesis.verdict}`}>{verdictWords(hypothesis.verdict)}</span>
      </header>
      <p class="meta">
        Hypothesis #{hypothesis.id}, {hypothesisStatusWords(hypothesis.status)}
        {hypothesis.asOf === null ? "" : `, decided as of ${hypothesis.asOf}`}, rules {hypothesis.rulesVersion}
        {hypothesis.reviewedBy === null ? "" : `; reviewed by ${hypothesis.reviewedBy}`}
        {hypothesis.reviewComment === null ? "" : `: “${hypothesis.reviewComment}”`}
      </p>
      {hypothesis.statusReason === null ? null : <p class="problem">{hypothesis.statusReason}</p>}

      <h3>Gates</h3>
      {hypothesis.gates.length === 0 ? (
        <p class="empty">No gate results stored with this hypothesis.</p>
      ) : (
        <ul class="gates">
          {hypothesis.gates.map((gate) => (
            <li>
              <span>
                <span class="gate-name">{gateWords(gate.gate)}</span>
                <br />
                <span class={`badge status-${gate.status}`}>{gateStatusWords(gate.status)}</span>
              </span>
              <ul>
                {gate.reasons.map((reason) => (
                  <li>{reason}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}

      <h3>The hypothesis</h3>
      <dl class="sections">
        {hypothesis.sections.map((section) => (
          <>
            <dt>{section.title}</dt>
            <dd>
              {section.text}
              {section.evidenceIds.length === 0 ? null : (
                <span class="meta">
                  {" "}
                  (evidence{" "}
                  {section.evidenceIds.map((id, index) => (
                    <>
                      {index === 0 ? "" : ", "}
                      <a href={`#evidence-${id}`}>#{id}</a>
                    </>
                  ))}
                  )
                </span>
              )}
            </dd>
          </>
        ))}
      </dl>

      <h3>What the customer said</h3>
      {props.quotes.length === 0 ? <p class="empty">No quotes cited.</p> : props.quotes.map((context) => <QuoteInContext context={context} />)}

      {props.canReview && props.csrfToken !== undefined && hypothesis.status === "draft" ? (
        <form class="review" method="post" action={`/hypotheses/${hypothesis.id}/review`}>
          <CsrfField token={props.csrfToken} />
          <label for={`comment-${hypothesis.id}`}>Comment (required to reject; goes into the audit trail)</label>
          <textarea id={`comment-${hypothesis.id}`} name="comment" maxlength={2000}></textarea>
          {needsOverride ? (
            <>
              <label for={`override-${hypothesis.id}`}>Why approve although the rules say “{verdictWords(hypothesis.verdict)}”? (required to approve)</label>
              <textarea id={`override-${hypothesis.id}`} name="overrideReason" maxlength={2000}></textarea>
            </>
          ) : null}
          <div class="actions">
            <button class="approve" type="submit" name="decision" value="approve">
              Approve
            </button>
            <button class="reject" type="submit" name="decision" value="reject">
              Reject
            </button>
          </div>
        </form>
      ) : null}
    </article>
  );
}
