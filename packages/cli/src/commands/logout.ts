// `1relay logout [--force]`: revokes the token at 1Relay (RFC 7009, /connect/revoke) and deletes
// the file. If 1Relay cannot be reached the file is kept (the token would live on), unless --force.
import { revokeToken } from "../../../connect/src/server.js";
import type { ParsedArgs } from "../args.js";
import { credentialsPath, deleteCredentials, readCredentials } from "../credentials.js";
import { CliError } from "../errors.js";
import { line, type CliIo } from "../io.js";
import { explainConnectError } from "./login.js";

export async function logout(io: CliIo, args: ParsedArgs): Promise<number> {
  const saved = await readCredentials(io);
  if (!saved) {
    line(io.stdout, "Not logged in: nothing to do.");
    return 0;
  }
  try {
    await revokeToken({ baseUrl: saved.url, clientId: saved.clientId, token: saved.token, fetchImpl: io.fetch });
  } catch (error) {
    const reason = explainConnectError({ error, url: saved.url }).message;
    if (!args.options.force) throw new CliError(`${reason}\nThe token was not revoked, so it was kept in ${credentialsPath(io)}. Try again, revoke it in the dashboard (Connections), or run \`1relay logout --force\` to delete the file anyway.`);
    await deleteCredentials(io);
    line(io.stderr, `${reason}\nThe file was deleted, but the token was NOT revoked: revoke it in the dashboard (Connections).`);
    return 1;
  }
  await deleteCredentials(io);
  line(io.stdout, `Logged out of ${saved.url}: the token was revoked and ${credentialsPath(io)} deleted.`);
  return 0;
}
