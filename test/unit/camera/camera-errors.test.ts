import { describe, expect, it } from 'vitest';
import { describeCameraError } from '../../../renderer/scanner/camera/camera-errors';

describe('describeCameraError', () => {
  it.each([
    ['NotAllowedError', /blocked.*Allow this app to use the camera/],
    ['NotFoundError', /No usable camera/],
    ['OverconstrainedError', /No usable camera/],
    ['NotReadableError', /in use by another app/],
    ['SecurityError', /secure connection/],
  ])('explains %s in plain words', (name, text) => {
    expect(describeCameraError(new DOMException('technical detail', name))).toMatch(text);
  });

  it('falls back to the message for anything else', () => {
    expect(describeCameraError(new Error('boom'))).toBe('The camera could not be started: boom.');
    expect(describeCameraError('weird')).toBe('The camera could not be started.');
  });
});
