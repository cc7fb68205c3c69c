/** Distinct colours for series (enough contrast on white; the tables carry the same figures as text). */
export const chartColors = ["#4f46e5", "#0e9384", "#dc6803", "#c11574", "#2e90fa", "#669f2a", "#7a5af8", "#b54708"];
export const colorAt = (i: number): string => chartColors[i % chartColors.length]!;
