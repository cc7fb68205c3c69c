import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

// The master password's strength, estimated with zxcvbn-ts (dictionaries, keyboard
// patterns, dates, l33t). Creation requires a score of at least 3 (security model).

export const MIN_PASSWORD_SCORE = 3;
export const MIN_PASSWORD_LENGTH = 10;

export interface PasswordVerdict {
  score: 0 | 1 | 2 | 3 | 4;
  acceptable: boolean;
  label: string;
  advice: string[];
}

let factory: ZxcvbnFactory | null = null;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    translations: english.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
  });
  return factory;
}

const labels = ["Very weak", "Weak", "Fair", "Strong", "Very strong"] as const;

export function ratePassword({ password, userInputs = [] }: { password: string; userInputs?: string[] }): PasswordVerdict {
  // The person's own words (email and its parts) count as known to an attacker.
  const known = userInputs.flatMap((s) => [s, ...s.split(/[^\p{L}\p{N}]+/u)]).filter((s) => s.length >= 3);
  const result = estimator().check(password.normalize("NFKC"), known);
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter((s): s is string => Boolean(s));
  const longEnough = password.length >= MIN_PASSWORD_LENGTH;
  if (!longEnough) advice.unshift(`Use at least ${MIN_PASSWORD_LENGTH} characters; a few unrelated words work well.`);
  const acceptable = result.score >= MIN_PASSWORD_SCORE && longEnough;
  if (!acceptable && advice.length === 0) advice.push("Add another word or two that are not related to each other.");
  return { score: result.score, acceptable, label: labels[result.score], advice };
}
