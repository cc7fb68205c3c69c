/**
 * The public API of the crypto core: pure, isomorphic (browser, workerd,
 * Node), no I/O. It implements the project security model (v1): key
 * hierarchy, AAD labels, envelopes, relay tokens, policy MAC and sealing.
 */
export { CryptoError, isCryptoError, type CryptoErrorCode } from "./errors";
export { assertBytes, concatBytes, wipeBytes } from "./bytes";
export { equalBytes } from "./compare";
export {
  decodeBase64Url,
  decodeHex,
  decodeUtf8,
  encodeBase64Url,
  encodeHex,
  encodePassword,
  encodeUtf8,
} from "./encoding";
export { BASE62_ALPHABET, decodeBase62, encodeBase62 } from "./base62";
export { computeCrc32 } from "./crc32";
export { CONNECTION_ID_BYTES, KEY_BYTES, SALT_BYTES, newConnectionId, newKey, newSalt, randomBytes } from "./random";
export {
  formatConnectionId,
  parseConnectionId,
  toConnectionIdBytes,
  toConnectionIdText,
  type ConnectionIdInput,
} from "./connection-id";
export {
  buildCkServerAad,
  buildCkTokenAad,
  buildCkVaultAad,
  buildGrantAad,
  buildItemAad,
  buildSealAad,
  buildVaultAad,
  buildVaultPasskeyAad,
} from "./aad";
export { decryptAesGcm, encryptAesGcm } from "./aes-gcm";
export {
  ENVELOPE_VERSION,
  openEnvelope,
  parseEnvelope,
  sealEnvelope,
  type OpenEnvelopeInput,
  type SealEnvelopeInput,
} from "./envelope";
export {
  ARGON2_PARAM_BOUNDS,
  DEFAULT_ARGON2_PARAMS,
  assertArgon2Params,
  deriveMasterKey,
  formatArgon2Params,
  needsParamUpgrade,
  parseArgon2Params,
  type Argon2Params,
  type DeriveMasterKeyInput,
} from "./kdf";
export { checkVerifier, computeVerifier, derivePolicyKey, deriveTokenWrapKey } from "./derive-keys";
export { RELAY_TOKEN_LENGTH, RELAY_TOKEN_PREFIX, formatRelayToken, parseRelayToken, type RelayTokenParts } from "./relay-token";
export { canonicalizeJson, type JsonValue } from "./canonical-json";
export { assertPolicy, canonicalizePolicy, signPolicy, verifyPolicy, type Policy } from "./policy";
export { newAppKeyPair, openSealed, parseAppPublicKey, sealToApp, type SealContext } from "./seal";
export { assembleRelayToken } from "./assemble-token";
export {
  VAULT_SIGN_INFO,
  deriveVaultSigningPublicKey,
  deriveVaultSigningSeed,
  signVaultRequest,
  vaultSignedMessage,
  verifyVaultSignature,
  type VaultSignedRequest,
} from "./vault-signing";
export { PASSKEY_INFO, PRF_OUTPUT_BYTES, PRF_SALT_BYTES, decodeCredentialId, derivePasskeyWrapKey } from "./passkey-key";
