"use client";

import dynamic from "next/dynamic";

// The strength estimator carries large dictionaries and only ever runs in the browser:
// keep it out of the server bundle (and so out of the deployed worker).
export const PasswordStrength = dynamic(() => import("./password-strength").then((m) => m.PasswordStrength), { ssr: false });
