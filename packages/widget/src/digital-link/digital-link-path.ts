/** A URL path that carries a unit: a GS1 Digital Link's `/01/{gtin}/21/{serial}`. */
export const UNIT_PATH = /\/01\/[^/]+\/21\/[^/?#]/;
