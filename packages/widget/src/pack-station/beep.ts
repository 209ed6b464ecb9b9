/**
 * The pack station's sounds, made with WebAudio (no audio files): one high tone for an accepted
 * scan, two low ones for a refusal, so a packer hears the answer without looking.
 */
export type Tone = 'accepted' | 'refused';

let context: AudioContext | undefined;

/** Plays the tone of an answer; silently does nothing where audio is unavailable. */
export function beep(tone: Tone): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
    const notes =
      tone === 'accepted'
        ? [[880, 0]]
        : [
            [220, 0],
            [220, 0.18],
          ];
    for (const [frequency, offset] of notes) {
      const start = context.currentTime + offset!;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = tone === 'accepted' ? 'sine' : 'square';
      oscillator.frequency.value = frequency!;
      gain.gain.setValueAtTime(0.15, start);
      gain.gain.exponentialRampToValueAtTime(0.001, start + 0.14);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start);
      oscillator.stop(start + 0.15);
    }
  } catch {
    // No audio (a locked-down browser): the visible answer stands alone.
  }
}
