/**
 * The console's texts by language. All four ship in the console bundle (an admin screen loads
 * once and stays open); the language is the one the shared {@link LocalizeController} picks from
 * the closest `lang` attribute.
 */
import type { ConsoleTranslation } from './console-translation.js';
import de from './de.js';
import en from './en.js';
import es from './es.js';
import fr from './fr.js';

export const consoleTexts: Readonly<Record<string, ConsoleTranslation>> = { en, de, fr, es };
