import type { EvidenceView } from "../schemas/api-schemas.js";
import { CsrfField } from "./layout.js";
import { signalWords } from "./words.js";

/** An account's evidence, one row per quote, with a dispute button per active row for reviewers. */
export function EvidenceTable(props: { readonly evidence: readonly EvidenceView[]; readonly csrfToken: string; readonly canReview: boolean }) {
  if (props.evidence.length === 0) return <p class="empty">No evidence extracted for this account yet.</p>;
  return (
    <table>
      <caption class="hint">
        Disputing a row takes it out of the rules' input and makes hypotheses that cite it stale.
      </caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Signal</th>
          <th scope="col">Quote</th>
          <th scope="col">Where</th>
          {props.canReview ? <th scope="col">Review</th> : null}
        </tr>
      </thead>
      <tbody>
        {props.evidence.map((row) => (
          <tr class={row.status === "disputed" ? "disputed" : undefined} id={`evidence-${row.id}`} data-evidence-id={row.id}>
            <td class="keep">{row.id}</td>
            <td>{signalWords(row.signalId)}</td>
            <td>“{row.quote}”</td>
            <td>{row.citation}</td>
            {props.canReview ? (
              <td class="keep">
                {row.status === "disputed" ? (
                  "disputed"
                ) : (
                  <details class="dispute">
                    <summary aria-label={`Dispute evidence #${row.id}: ${signalWords(row.signalId)}`}>Dispute…</summary>
                    <form method="post" action={`/evidence/${row.id}/dispute`}>
                      <CsrfField token={props.csrfToken} />
                      <label for={`dispute-comment-${row.id}`}>What is wrong with it?</label>
                      <input id={`dispute-comment-${row.id}`} type="text" name="comment" maxlength={2000} placeholder="vendor speech, resolved, wrong signal…" />
                      <button class="small" type="submit">
                        Dispute #{row.id}
                      </button>
                    </form>
                  </details>
                )}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
