"use client";

import { useCallback, useEffect, useState } from "react";
import { appsApi } from "@/lib/apps/apps-api";
import type { AppSummary } from "@/lib/apps/wire";
import { describeError } from "../ui/describe-error";

/** The developer's apps, loaded once, then kept in step with each change's answer. */
export function useApps() {
  const [apps, setApps] = useState<AppSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setApps(await appsApi.list());
      setError(null);
    } catch (e) {
      setError(describeError(e));
    }
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loads the list once
    void refresh();
  }, [refresh]);

  return {
    apps,
    error,
    added: (app: AppSummary) => setApps((list) => [app, ...(list ?? [])]),
    changed: (app: AppSummary) => setApps((list) => (list ?? []).map((a) => (a.clientId === app.clientId ? app : a))),
    deleted: (clientId: string) => setApps((list) => (list ?? []).filter((a) => a.clientId !== clientId)),
  };
}
