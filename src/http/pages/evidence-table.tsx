import type { EvidenceView } from "../schemas/api-schemas.js";
import { CsrfField } from "./layout.js";
import { signalWords } from "./words.js";

/** An account's evidence, one row per quote, with a dispute button per active row for reviewers. */
export function EvidenceTable(props: { readonly evidence: readonly EvidenceView[]; readonly csrfToken: string; readonly canReview: boolean; readonly accountId: string }) {
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
                  <form method="post" action={`/evidence/${row.id}/dispute`}>
                    <CsrfField token={props.csrfToken} />
                    <input type="hidden" name="account" value={props.accountId} />
                    <button class="small" type="submit" aria-label={`Dispute evidence #${row.id}: ${signalWords(row.signalId)}`}>
                      Dispute
                    </button>
                  </form>
                )}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
