import type { Session } from "./access/sessions.js";
import type { Principal } from "./access/principal.js";

/** What middleware leaves on a request's context for the routes after it. */
export interface HttpEnv {
  Variables: {
    principal: Principal;
    /** Set on the review page's routes (cookie sign-in); absent on bearer API calls. */
    session?: Session;
  };
}
