import { usageError } from "./errors.js";

// A small argv parser: `--name value`, `--name=value` and boolean `--flag`; everything after `--`
// is the command of `1relay run`, untouched.

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | true>;
  /** After `--`. */
  rest: string[] | null;
}

export function parseArgs({ argv, valued, flags }: { argv: string[]; valued: readonly string[]; flags: readonly string[] }): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === "--") return { positionals, options, rest: argv.slice(i + 1) };
    if (!arg.startsWith("--") || arg === "-") {
      if (arg.startsWith("-") && arg !== "-" && arg !== "-h") throw usageError(`Unknown option ${arg}.`);
      positionals.push(arg === "-h" ? "--help" : arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (flags.includes(name)) {
      if (eq !== -1) throw usageError(`--${name} takes no value.`);
      options[name] = true;
    } else if (valued.includes(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === "") throw usageError(`--${name} needs a value.`);
      options[name] = value;
    } else if (name === "help") {
      options.help = true;
    } else {
      throw usageError(`Unknown option --${name}.`);
    }
  }
  return { positionals, options, rest: null };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options[name];
  return typeof value === "string" ? value : undefined;
}

export function numberOption(args: ParsedArgs, name: string, { integer }: { integer: boolean }): number | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(value) || (integer && !Number.isInteger(value))) throw usageError(`--${name} must be a ${integer ? "whole " : ""}number.`);
  return value;
}
