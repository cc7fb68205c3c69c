"use client";

import { listProviders } from "@/lib/providers/registry";
import type { UsageParams } from "@/lib/usage/usage-api";

export interface FilterOptions {
  connections: { id: string; name: string }[];
  models: string[];
}

const providers = listProviders().map((p) => [p.id, p.displayName] as const);

/** Range (today, this month, chosen days; all UTC) and filters by app, provider, model and status. */
export function UsageControls({ params, onChange, options, hideConnection = false }: { params: UsageParams; onChange: (next: UsageParams) => void; options: FilterOptions; hideConnection?: boolean }) {
  const set = (patch: Partial<UsageParams>) => onChange({ ...params, ...patch });
  return (
    <form className="usage-controls" aria-label="Usage range and filters" onSubmit={(e) => e.preventDefault()}>
      <fieldset className="field range-choice">
        <legend>Range (UTC)</legend>
        <div className="segmented">
          {(["today", "month", "custom"] as const).map((name) => (
            <label key={name}>
              <input type="radio" name="usage-range" value={name} checked={params.range === name} onChange={() => set({ range: name })} />
              <span>{name === "today" ? "Today" : name === "month" ? "This month" : "Chosen days"}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {params.range === "custom" ? (
        <>
          <div className="field">
            <label htmlFor="usage-from">From (UTC)</label>
            <input id="usage-from" type="date" value={params.from ?? ""} max={params.to} onChange={(e) => set({ from: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="usage-to">To (UTC, included)</label>
            <input id="usage-to" type="date" value={params.to ?? ""} min={params.from} onChange={(e) => set({ to: e.target.value })} />
          </div>
        </>
      ) : null}
      {hideConnection ? null : (
        <div className="field">
          <label htmlFor="usage-app">App</label>
          <select id="usage-app" value={params.connection ?? ""} onChange={(e) => set({ connection: e.target.value || undefined })}>
            <option value="">All apps and tokens</option>
            {options.connections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="usage-provider">Provider</label>
        <select id="usage-provider" value={params.provider ?? ""} onChange={(e) => set({ provider: e.target.value || undefined })}>
          <option value="">All providers</option>
          {providers.map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="usage-model">Model</label>
        <select id="usage-model" value={params.model ?? ""} onChange={(e) => set({ model: e.target.value || undefined })}>
          <option value="">All models</option>
          {options.models.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="usage-status">Status</label>
        <select id="usage-status" value={params.status ?? ""} onChange={(e) => set({ status: (e.target.value || undefined) as UsageParams["status"] })}>
          <option value="">Any status</option>
          <option value="ok">Succeeded</option>
          <option value="error">Refused or failed</option>
        </select>
      </div>
    </form>
  );
}
