// `1relay token [--show]`: prints the saved token for another program, as in
// `export OPENAI_API_KEY="$(1relay token)"`. On a terminal it refuses without --show, so the
// token does not land on screen or in a scrollback by accident.
import type { ParsedArgs } from "../args.js";
import { requireCredentials } from "../credentials.js";
import { CliError } from "../errors.js";
import type { CliIo } from "../io.js";

export async function token(io: CliIo, args: ParsedArgs): Promise<number> {
  const saved = await requireCredentials(io);
  if (io.stdout.isTTY && !args.options.show) throw new CliError('`1relay token` prints the token for another program, as in "$(1relay token)". To show it on this screen, add --show.');
  io.stdout.write(`${saved.token}\n`);
  return 0;
}
