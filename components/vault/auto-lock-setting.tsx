"use client";

import { AUTO_LOCK_CHOICES } from "@/lib/vault/auto-lock";
import { setAutoLockMinutes } from "@/lib/vault/vault-store";
import { useVault } from "./use-vault";

export function AutoLockSetting() {
  const { autoLockMinutes } = useVault();
  return (
    <div className="card">
      <h2>Auto-lock</h2>
      <div className="field">
        <label htmlFor="auto-lock">Lock the vault after this long without activity</label>
        <select id="auto-lock" value={autoLockMinutes} onChange={(e) => setAutoLockMinutes(Number(e.target.value))}>
          {AUTO_LOCK_CHOICES.map((m) => (
            <option key={m} value={m}>
              {m < 60 ? `${m} minute${m === 1 ? "" : "s"}` : `${m / 60} hour${m === 60 ? "" : "s"}`}
            </option>
          ))}
        </select>
        <span className="hint">Signing out, or locking in any tab, locks every tab at once. A reload always starts locked.</span>
      </div>
    </div>
  );
}
