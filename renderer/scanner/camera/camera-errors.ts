/**
 * getUserMedia failures in words a warehouse worker can act on.
 */
export function describeCameraError(error: unknown): string {
  const name = typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
      return 'Camera access is blocked. Allow this app to use the camera (browser or system settings), then try again.';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'No usable camera was found on this device.';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'The camera could not be started. It may be in use by another app: close it and try again.';
    case 'SecurityError':
      return 'The camera can only be used over a secure connection (HTTPS) or in the installed app.';
    case 'CameraUnsupported':
      return 'This device or browser cannot use a camera here.';
    default: {
      const detail = error instanceof Error && error.message ? `: ${error.message}` : '';
      return `The camera could not be started${detail}.`;
    }
  }
}
