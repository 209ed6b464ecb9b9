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

/** The browser's `BarcodeDetector`, if it has one. */
export function detectorConstructor(): BarcodeDetectorConstructor | undefined {
  return (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
}

/**
 * The symbologies of `wanted` ({@link SCAN_FORMATS} by default) this browser can read from a
 * camera; empty when it has no `BarcodeDetector` or no camera API.
 */
export async function supportedScanFormats(
  wanted: readonly string[] = SCAN_FORMATS,
): Promise<string[]> {
  const Detector = detectorConstructor();
  if (!Detector || !navigator.mediaDevices?.getUserMedia) return [];
  try {
    const supported = (await Detector.getSupportedFormats?.()) ?? [...wanted];
    return wanted.filter((format) => supported.includes(format));
  } catch {
    return [];
  }
}
