/**
 * Camera scanning with the Shape Detection API's `BarcodeDetector` (Chrome on Android and
 * desktop, Safari behind a flag). Where it is missing the element simply has no scan button:
 * a polyfill would cost more than the whole element.
 */

/** The symbologies product labels carry serials in. */
export const SCAN_FORMATS = ['qr_code', 'data_matrix'] as const;

interface DetectedBarcode {
  rawValue: string;
  format: string;
}

interface BarcodeDetectorInstance {
  detect(source: ImageBitmapSource): Promise<DetectedBarcode[]>;
}

/** The part of the `BarcodeDetector` constructor the element uses (not yet in lib.dom). */
export interface BarcodeDetectorConstructor {
  new (options?: { formats?: string[] }): BarcodeDetectorInstance;
  getSupportedFormats?(): Promise<string[]>;
}

function detectorConstructor(): BarcodeDetectorConstructor | undefined {
  return (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
}

/**
 * The symbologies of {@link SCAN_FORMATS} this browser can read from a camera; empty when it
 * has no `BarcodeDetector` or no camera API.
 */
export async function supportedScanFormats(): Promise<string[]> {
  const Detector = detectorConstructor();
  if (!Detector || !navigator.mediaDevices?.getUserMedia) return [];
  try {
    const supported = (await Detector.getSupportedFormats?.()) ?? [...SCAN_FORMATS];
    return SCAN_FORMATS.filter((format) => supported.includes(format));
  } catch {
    return [];
  }
}

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    const stop = () => {
      clearTimeout(timer);
      resolve();
    };
    signal.addEventListener('abort', stop, { once: true });
  });

/**
 * Shows the back camera in `video` and resolves with the first code read. Rejects with the
 * `getUserMedia` error (`NotAllowedError` when the customer or the site blocks the camera), or
 * with the signal's reason once aborted. The camera is released in every case.
 */
export async function scanCode(
  video: HTMLVideoElement,
  formats: readonly string[],
  signal: AbortSignal,
): Promise<string> {
  const Detector = detectorConstructor();
  if (!Detector) throw new DOMException('BarcodeDetector is not available', 'NotSupportedError');
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: { ideal: 'environment' } },
    audio: false,
  });
  try {
    signal.throwIfAborted();
    video.srcObject = stream;
    await video.play();
    const detector = new Detector({ formats: [...formats] });
    while (!signal.aborted) {
      const codes = await detector.detect(video).catch(() => []);
      const code = codes.find((candidate) => candidate.rawValue);
      if (code) return code.rawValue;
      // A few reads a second find a code quickly without keeping a phone's CPU busy.
      await pause(150, signal);
    }
    throw signal.reason;
  } finally {
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  }
}
