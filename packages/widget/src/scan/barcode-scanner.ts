/**
 * Reading a code from the camera, loaded on demand (its own chunk) when the customer taps the
 * scan button; {@link supportedScanFormats} (in `scan-support.ts`) decides whether the button
 * shows at all.
 */
import { detectorConstructor } from './scan-support.js';

export { supportedScanFormats } from './scan-support.js';

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
