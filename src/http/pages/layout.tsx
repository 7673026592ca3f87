import type { Child } from "hono/jsx";
import type { Principal } from "../access/principal.js";

export interface LayoutProps {
  readonly title: string;
  readonly principal?: Principal | undefined;
  readonly csrfToken?: string | undefined;
  readonly current?: "queue" | "accounts" | undefined;
  readonly children?: Child;
}

/** Every page's frame: a skip link, the navigation, who is signed in (and with what role), and sign-out. */
export function Layout(props: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · evidence review`}</title>
        <link rel="stylesheet" href="/assets/review.css" />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <a class="brand" href="/">
            evidence review
          </a>
          {props.principal === undefined ? null : (
            <nav aria-label="Main">
              <a href="/" aria-current={props.current === "queue" ? "page" : undefined}>
                Review queue
              </a>
              <a href="/accounts" aria-current={props.current === "accounts" ? "page" : undefined}>
                Accounts
              </a>
            </nav>
          )}
          {props.principal === undefined || props.csrfToken === undefined ? null : (
            <div class="who">
              <span>
                Signed in as <strong>{props.principal.reviewer}</strong> ({props.principal.role === "reviewer" ? "reviewer" : "reader: can read, not review"})
              </span>
              <form method="post" action="/sign-out">
                <input type="hidden" name="csrf" value={props.csrfToken} />
                <button class="link" type="submit">
                  Sign out
                </button>
              </form>
            </div>
          )}
        </header>
        <main id="main">{props.children}</main>
      </body>
    </html>
  );
}

/** The hidden field every state-changing form carries. */
export function CsrfField(props: { readonly token: string }) {
  return <input type="hidden" name="csrf" value={props.token} />;
}
