import type { Command } from "commander";
import { contextFor, type ContextDependencies } from "../command-context.js";

export function registerMigrateCommand(program: Command, dependencies: ContextDependencies): void {
  program
    .command("migrate")
    .description("create or upgrade the database schema (every command also does this on start)")
    .action(async (_options: unknown, command: Command) => {
      const context = contextFor(command, dependencies);
      const { location, engine, migrations } = await context.run(async ({ database, migrations }) => ({ location: database.location, engine: database.engine, migrations }));
      context.output.result({ location, engine, ...migrations }, () =>
        migrations.applied.length === 0
          ? `Schema is up to date (${migrations.alreadyApplied} migrations) at ${location}.`
          : `Applied ${migrations.applied.join(", ")} at ${location}.`,
      );
    });
}
