import type { Principal } from "../access/principal.js";
import type { ProblemDetails } from "../problem-details.js";
import type { AnswerView, EvidenceContextView, EvidenceView, HypothesisView } from "../schemas/api-schemas.js";
import type { AccountView } from "../use-case-port.js";
import { EvidenceTable } from "./evidence-table.js";
import { HypothesisCard } from "./hypothesis-card.js";
import { CsrfField, Layout } from "./layout.js";
import { hypothesisStatusWords, verdictWords } from "./words.js";

export interface SignedIn {
  readonly principal: Principal;
  readonly csrfToken: string;
}

/** What a redirect after a form tells the next page, from a fixed list (nothing from the request is echoed). */
export const NOTICES = {
  approved: "Hypothesis approved. It is in the audit trail under your name.",
  rejected: "Hypothesis rejected. It is in the audit trail under your name.",
  disputed: "Evidence disputed: the rules no longer read it, and hypotheses that cited it are now stale.",
} as const;

export type NoticeKey = keyof typeof NOTICES;

function Notice(props: { readonly notice?: NoticeKey | undefined }) {
  return props.notice === undefined ? null : (
    <p class="notice" role="status">
      {NOTICES[props.notice]}
    </p>
  );
}

export function SignInPage(props: { readonly failed?: boolean; readonly next?: string }) {
  return (
    <Layout title="Sign in">
      <h1>Sign in</h1>
      <p class="lede">Paste the token you were given (it starts with evd_). It stays in this browser as a session cookie, never in a page.</p>
      {props.failed === true ? (
        <p class="problem" role="alert">
          That token matches none this server knows. Check it, or ask for a new one.
        </p>
      ) : null}
      <form method="post" action="/sign-in" class="review">
        <label for="token">Token</label>
        <input id="token" name="token" type="password" autocomplete="off" required />
        {props.next === undefined ? null : <input type="hidden" name="next" value={props.next} />}
        <div class="actions">
          <button type="submit">Sign in</button>
        </div>
      </form>
    </Layout>
  );
}

export interface QueueItem {
  readonly hypothesis: HypothesisView;
  readonly accountName: string;
  readonly quotes: readonly EvidenceContextView[];
}

export function QueuePage(props: SignedIn & { readonly items: readonly QueueItem[]; readonly notice?: NoticeKey | undefined }) {
  const canReview = props.principal.role === "reviewer";
  return (
    <Layout title="Review queue" principal={props.principal} csrfToken={props.csrfToken} current="queue">
      <h1>Review queue</h1>
      <p class="lede">
        {props.items.length === 0
          ? "Nothing is waiting for review in the accounts you can see."
          : `${props.items.length} ${props.items.length === 1 ? "hypothesis awaits" : "hypotheses await"} review. The rules set each verdict; you decide whether it goes to the account team.`}
      </p>
      <Notice notice={props.notice} />
      {props.items.map((item) => (
        <HypothesisCard hypothesis={item.hypothesis} accountName={item.accountName} quotes={item.quotes} csrfToken={props.csrfToken} canReview={canReview} />
      ))}
    </Layout>
  );
}

export function AccountsPage(props: SignedIn & { readonly accounts: readonly AccountView[] }) {
  return (
    <Layout title="Accounts" principal={props.principal} csrfToken={props.csrfToken} current="accounts">
      <h1>Accounts</h1>
      {props.accounts.length === 0 ? (
        <p class="empty">Your token sees no account.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Tier</th>
              <th scope="col">Health</th>
              <th scope="col">Renewal</th>
            </tr>
          </thead>
          <tbody>
            {props.accounts.map((account) => (
              <tr>
                <td>
                  <a href={`/accounts/${account.id}`}>{account.name}</a>
                </td>
                <td>{account.tier}</td>
                <td>
                  {account.health}
                  {account.health_trend === "unknown" ? "" : `, trending ${account.health_trend}`}
                </td>
                <td>{account.renewal_date ?? "-"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

export interface AccountPageProps extends SignedIn {
  readonly account: AccountView;
  readonly evidence: readonly EvidenceView[];
  readonly hypotheses: readonly HypothesisView[];
  readonly notice?: NoticeKey | undefined;
}

export function AccountPage(props: AccountPageProps) {
  const { account } = props;
  const canReview = props.principal.role === "reviewer";
  return (
    <Layout title={account.name} principal={props.principal} csrfToken={props.csrfToken} current="accounts">
      <h1>{account.name}</h1>
      <ul class="facts" aria-label="Account facts">
        <li>
          <span>Tier</span> {account.tier}
        </li>
        <li>
          <span>ARR</span> {account.arr.toLocaleString("en-US")}
        </li>
        <li>
          <span>Health</span> {account.health}
          {account.health_trend === "unknown" ? "" : `, ${account.health_trend}`}
        </li>
        {account.licensed_seats === undefined ? null : (
          <li>
            <span>Seats</span> {account.licensed_seats}
          </li>
        )}
        {account.renewal_date === undefined ? null : (
          <li>
            <span>Renewal</span> {account.renewal_date}
          </li>
        )}
        {account.champion === undefined ? null : (
          <li>
            <span>Champion</span> {account.champion}
          </li>
        )}
      </ul>
      <Notice notice={props.notice} />

      <h2 id="ask">Ask about this account</h2>
      <form class="ask" method="get" action={`/accounts/${account.id}/ask`}>
        <div>
          <label for="question">Question</label>
          <input id="question" name="question" type="search" maxlength={1000} placeholder="What did they say about the marketing team?" required />
        </div>
        <button type="submit">Ask</button>
      </form>
      <p class="hint">Every sentence of the answer points at a ticket or a call.</p>

      <h2>Hypotheses</h2>
      {props.hypotheses.length === 0 ? (
        <p class="empty">No hypothesis drafted yet.</p>
      ) : (
        <ul>
          {props.hypotheses.map((hypothesis) => (
            <li>
              #{hypothesis.id} {hypothesis.expansionType.replaceAll("_", " ")}: {verdictWords(hypothesis.verdict)}, {hypothesisStatusWords(hypothesis.status)}
              {hypothesis.reviewedBy === null ? "" : ` by ${hypothesis.reviewedBy}`}
              {hypothesis.reviewComment === null ? "" : `: “${hypothesis.reviewComment}”`}
              {hypothesis.statusReason === null ? "" : ` (${hypothesis.statusReason})`}
              {hypothesis.status === "draft" ? (
                <>
                  {" "}
                  (<a href={`/#hypothesis-${hypothesis.id}`}>review in the queue</a>)
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <h2>Evidence</h2>
      <EvidenceTable evidence={props.evidence} csrfToken={props.csrfToken} canReview={canReview} />

      <h2>Report</h2>
      <p>
        <a href={`/accounts/${account.id}/report`}>Open the evidence report</a> (gates, signals with quotes, brief, gaps and the next customer action), or{" "}
        <a href={`/accounts/${account.id}/report?format=markdown`}>as Markdown</a>.
      </p>
    </Layout>
  );
}

export function AnswerPage(props: SignedIn & { readonly account: AccountView; readonly answer: AnswerView }) {
  const { answer, account } = props;
  const sources: { label: string; quote: string }[] = [];
  const numberOf = (label: string, quote: string): number => {
    const found = sources.findIndex((source) => source.label === label && source.quote === quote);
    if (found >= 0) return found + 1;
    sources.push({ label, quote });
    return sources.length;
  };
  return (
    <Layout title={`Ask ${account.name}`} principal={props.principal} csrfToken={props.csrfToken} current="accounts">
      <p>
        <a href={`/accounts/${account.id}`}>← {account.name}</a>
      </p>
      <p class="asked">You asked about {account.name}:</p>
      <h1>{answer.question}</h1>
      <section class="answer" aria-label="Answer">
        {answer.insufficient ? <p class="problem">The sources of this account do not answer this question.</p> : null}
        {answer.sentences.map((sentence) => (
          <p>
            {sentence.text}
            {sentence.citations.map((citation) => {
              const number = numberOf(citation.label, citation.quote);
              return (
                <sup>
                  {" "}
                  <a href={`#source-${number}`} aria-label={`source ${number}: ${citation.label}`}>
                    [{number}]
                  </a>
                </sup>
              );
            })}
          </p>
        ))}
      </section>
      {sources.length === 0 ? null : (
        <>
          <h2>Sources</h2>
          <ol class="sources">
            {sources.map((source, index) => (
              <li id={`source-${index + 1}`}>
                <strong>{source.label}</strong>: “{source.quote}”
              </li>
            ))}
          </ol>
        </>
      )}
      <form class="ask" method="get" action={`/accounts/${account.id}/ask`}>
        <div>
          <label for="question">Ask another question</label>
          <input id="question" name="question" type="search" maxlength={1000} required />
        </div>
        <button type="submit">Ask</button>
      </form>
    </Layout>
  );
}

export function ErrorPage(props: { readonly problem: ProblemDetails; readonly signedIn?: SignedIn | undefined }) {
  return (
    <Layout title={props.problem.title} principal={props.signedIn?.principal} csrfToken={props.signedIn?.csrfToken}>
      <h1>{props.problem.title}</h1>
      <p class="problem" role="alert">
        {props.problem.detail}
      </p>
      {props.problem.problems === undefined ? null : (
        <ul>
          {props.problem.problems.map((problem) => (
            <li>
              {problem.field ?? problem.file}: {problem.reason}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/">Back to the review queue</a>
      </p>
    </Layout>
  );
}
