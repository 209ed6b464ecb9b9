/**
 * Deutsch, loaded on demand as its own chunk: the element's texts and core's issue messages and
 * hint words.
 */
import { de as messages } from '@serialkit/core/validate';
import type { Language } from '../languages.js';
import texts from '../translations/de.js';

const language: Language = { texts, messages };
export default language;
