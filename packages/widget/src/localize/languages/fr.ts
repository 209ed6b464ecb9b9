/**
 * Français, loaded on demand as its own chunk: the element's texts and core's issue messages and
 * hint words.
 */
import { fr as messages } from '@serialkit/core/validate';
import type { Language } from '../languages.js';
import texts from '../translations/fr.js';

const language: Language = { texts, messages };
export default language;
