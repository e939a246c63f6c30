/** Timers as a seam: real setTimeout in the app, a manual clock in tests. Returns a cancel function. */
export type Schedule = (run: () => void, delayMs: number) => () => void;

export const realSchedule: Schedule = (run, delayMs) => {
  const timer = setTimeout(run, delayMs);
  return () => clearTimeout(timer);
};
