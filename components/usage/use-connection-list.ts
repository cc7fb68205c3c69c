"use client";

import { useState } from "react";
import { connectionsApi, type ConnectionsList } from "@/lib/connections/connections-api";
import { usePolling } from "./use-polling";
import { POLL_MS } from "./use-request-log";

/** The person's connections with this month's spend (for filters and the budget chart), kept current. */
export function useConnectionList(): ConnectionsList | null {
  const [list, setList] = useState<ConnectionsList | null>(null);
  usePolling(
    async () => {
      try {
        setList(await connectionsApi.listAll());
      } catch {
        // The usage views show their own errors; the filters just keep the last list.
      }
    },
    POLL_MS,
    [],
  );
  return list;
}
