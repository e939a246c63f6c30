import { describe, expect, it } from 'vitest';
import { fromWorkerSchema, MAX_FRAME_SIDE, toWorkerSchema } from '../../../renderer/scanner/camera/worker-protocol';

const frame = (width: number, height: number, bytes = width * height * 4) => ({
  type: 'decode',
  id: 1,
  width,
  height,
  data: new Uint8ClampedArray(bytes),
  options: {},
});

describe('messages to the worker', () => {
  it('accepts init and a well-formed decode', () => {
    expect(toWorkerSchema.safeParse({ type: 'init', engine: 'zxing-wasm' }).success).toBe(true);
    expect(toWorkerSchema.safeParse({ ...frame(4, 2), options: { formats: ['DataMatrix', 'Code128'], tryHarder: false } }).success).toBe(true);
  });

  it.each([
    ['an unknown engine', { type: 'init', engine: 'quagga' }],
    ['an unknown type', { type: 'scan', id: 1 }],
    ['pixels that do not match the size', frame(4, 2, 31)],
    ['a plain array instead of pixel bytes', { ...frame(1, 1), data: [0, 0, 0, 255] }],
    ['an ArrayBuffer instead of pixel bytes', { ...frame(1, 1), data: new ArrayBuffer(4) }],
    ['a negative id', { ...frame(1, 1), id: -1 }],
    ['a fractional size', { ...frame(1, 1), width: 1.5 }],
    ['a huge frame', { ...frame(1, 1), width: MAX_FRAME_SIDE + 1 }],
    ['an unknown format', { ...frame(1, 1), options: { formats: ['MaxiCode'] } }],
    ['an empty format list', { ...frame(1, 1), options: { formats: [] } }],
    ['an unknown option', { ...frame(1, 1), options: { tryRotate: true } }],
    ['an extra field', { type: 'init', engine: 'zxing-js', debug: true }],
    ['nothing', null],
  ])('rejects %s', (_, message) => {
    expect(toWorkerSchema.safeParse(message).success).toBe(false);
  });
});

describe('messages from the worker', () => {
  it('accepts ready, result and error', () => {
    expect(fromWorkerSchema.safeParse({ type: 'ready', engine: 'zxing-js', initMs: 3 }).success).toBe(true);
    expect(
      fromWorkerSchema.safeParse({ type: 'result', id: 7, ms: 1.5, results: [{ text: '01\u001d10', format: 'DataMatrix', symbologyIdentifier: ']d2' }] }).success,
    ).toBe(true);
    expect(fromWorkerSchema.safeParse({ type: 'error', id: null, message: 'no wasm' }).success).toBe(true);
  });

  it('rejects a result with a malformed identifier or format', () => {
    expect(fromWorkerSchema.safeParse({ type: 'result', id: 7, ms: 1, results: [{ text: 'x', format: 'DataMatrix', symbologyIdentifier: 'd2' }] }).success).toBe(false);
    expect(fromWorkerSchema.safeParse({ type: 'result', id: 7, ms: 1, results: [{ text: 'x', format: 'Barcode' }] }).success).toBe(false);
  });
});
