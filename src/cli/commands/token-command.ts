import { Command, InvalidArgumentError, Option } from "commander";
import { createToken } from "../../config/access-tokens.js";
import { ACCESS_ROLES, type AccessRole } from "../../config/serve-config.js";
import { createOutput } from "../output.js";
import type { ContextDependencies } from "../command-context.js";

function accountList(value: string): string[] {
  const ids = value.split(",").map((id) => id.trim()).filter((id) => id !== "");
  if (ids.length === 0 || ids.some((id) => !/^[a-z0-9][a-z0-9-]*$/.test(id))) {
    throw new InvalidArgumentError("give account ids separated by commas, like acme,globex");
  }
  return ids;
}

export function registerTokenCommand(program: Command, dependencies: ContextDependencies): void {
  const token = program.command("token").description("API and review-page tokens for `evidence serve`");
  token
    .command("create")
    .description("print a new random token and the settings entry (with its sha-256, never the token) that grants it")
    .requiredOption("--reviewer <name>", "whose token it is: the name recorded on every approve, reject and dispute")
    .addOption(new Option("--role <role>", "reader (read only) or reviewer (may approve, reject, dispute)").choices(ACCESS_ROLES).makeOptionMandatory())
    .option("--accounts <ids>", "only these accounts (comma-separated ids); default every account", accountList)
    .addHelpText(
      "after",
      '\nExample:\n  evidence token create --reviewer "Maya Chen" --role reviewer --accounts brightpath-logistics,northwind-labs\n' +
        '\nPut the printed entry in the "serve.tokens" list of evidence.config.json, or in the EVIDENCE_TOKENS JSON array.',
    )
    .action((options: { reviewer: string; role: AccessRole; accounts?: string[] }, command: Command) => {
      const json = command.optsWithGlobals<{ json?: boolean }>().json ?? false;
      const created = createToken({ reviewer: options.reviewer.trim(), role: options.role, accounts: options.accounts ?? "*" });
      createOutput(json, dependencies.write).result(created, () =>
        [
          `Token for ${created.entry.reviewer} (${created.entry.role}); it is shown only now, so hand it over safely:`,
          "",
          `  ${created.token}`,
          "",
          'Add this entry to the "serve": { "tokens": [...] } list of evidence.config.json (or to the EVIDENCE_TOKENS JSON array):',
          "",
          `  ${JSON.stringify(created.entry)}`,
        ].join("\n"),
      );
    });
}
