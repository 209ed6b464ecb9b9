export { CORRECTION_RULES, type Correction, correctionAllowed } from './rules.js';
