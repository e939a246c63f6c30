/**
 * Chromium features the desktop shell turns off. DeferRendererTasksAfterInput
 * holds IndexedDB completions (and other deferrable tasks) back after
 * keyboard input until the next frame is drawn: a wedge scan is keyboard
 * input, so its durable write would wait up to a frame before the scan can
 * be confirmed. Plain browsers (web mode) keep the feature; the scan
 * benchmark reports both.
 */
export const CHROMIUM_FEATURES_OFF = ['DeferRendererTasksAfterInput'] as const;
