/**
 * GS1 Application Identifiers (GS1 General Specifications section 3): the format of each AI's
 * value, which AIs have a predefined length (no FNC1 needed after them in a barcode), and which
 * are GS1 Digital Link primary keys with their key qualifiers.
 */

import { gs1CheckDigitOf } from '../checksums/gs1-mod10.js';
import { gs1Pair } from '../checksums/gs1-pair.js';
import {
  CHARSET_FLAGS,
  isSet64Padding,
  SET_39_BIT,
  SET_64_BIT,
  SET_82_BIT,
  set64PaddingStart,
} from './character-sets.js';
import { isYymmdd, isYyyymmdd, twoDigits } from './dates.js';
import type { Gs1IssueReason } from './issues.js';
import { PREDEFINED_LENGTHS } from './predefined-lengths.js';

export { PREDEFINED_LENGTHS };

/** Character set of a value component: N numeric, X set 82, Y set 39, Z set 64. */
export type AiCharset = 'N' | 'X' | 'Y' | 'Z';

/** Content checks this library applies to a component, named as in the GS1 syntax dictionary. */
export type AiCheck =
  | 'csum'
  | 'csumalpha'
  | 'yymmd0'
  | 'yymmdd'
  | 'yyyymmdd'
  | 'hhmi'
  | 'hh'
  | 'mi'
  | 'ss';

/** One part of an AI value, e.g. the N13 or the optional X..17 of AI 253 (GDTI). */
export interface AiComponent {
  readonly charset: AiCharset;
  readonly min: number;
  readonly max: number;
  /** Only a trailing component can be optional. */
  readonly optional: boolean;
  readonly check?: AiCheck;
}

/** What GS1 defines for one Application Identifier. */
export interface AiDefinition {
  /** The AI, 2 to 4 digits. */
  readonly ai: string;
  /** GS1 data title, e.g. 'BATCH/LOT'. */
  readonly title: string;
  /** The value's format in GS1 notation, e.g. 'N14', 'X..20', 'N13+[X..17]'. */
  readonly format: string;
  readonly components: readonly AiComponent[];
  readonly minLength: number;
  readonly maxLength: number;
  readonly fixedLength: boolean;
  /** The widest character set of the value: 'numeric', 'set82', 'set39' or 'set64'. */
  readonly charset: 'numeric' | 'set82' | 'set39' | 'set64';
  /**
   * The AI's first two digits are in the GS1 table of predefined lengths (Figure 7.8.5-2), so in a
   * raw element string it is never followed by an FNC1 separator.
   */
  readonly predefinedLength: boolean;
  /**
   * For a GS1 Digital Link primary key, the allowed sequences of key qualifiers, in path order
   * (AI 01: `[['22', '10', '21'], ['235']]`); any qualifier of a sequence may be left out.
   */
  readonly keyQualifiers?: readonly (readonly string[])[];
}

/** One AI and its value, as found in an element string or a Digital Link URI. */
export interface Gs1Element {
  ai: string;
  value: string;
}

/*
 * [AI or range, value spec, title]. The spec lists components separated by spaces: charset, '..'
 * for a variable length, the (maximum) length, then ',check'; brackets make a trailing component
 * optional.
 */
type Row = readonly [ai: string, spec: string, title: string];
const ROWS: readonly Row[] = [
  ['00', 'N18,csum', 'SSCC'],
  ['01', 'N14,csum', 'GTIN'],
  ['02', 'N14,csum', 'CONTENT'],
  ['03', 'N14,csum', 'MTO GTIN'],
  ['10', 'X..20', 'BATCH/LOT'],
  ['11', 'N6,yymmd0', 'PROD DATE'],
  ['12', 'N6,yymmd0', 'DUE DATE'],
  ['13', 'N6,yymmd0', 'PACK DATE'],
  ['15', 'N6,yymmd0', 'BEST BEFORE or BEST BY'],
  ['16', 'N6,yymmd0', 'SELL BY'],
  ['17', 'N6,yymmd0', 'USE BY OR EXPIRY'],
  ['20', 'N2', 'VARIANT'],
  ['21', 'X..20', 'SERIAL'],
  ['22', 'X..20', 'CPV'],
  ['235', 'X..28', 'TPX'],
  ['240', 'X..30', 'ADDITIONAL ID'],
  ['241', 'X..30', 'CUST. PART No.'],
  ['242', 'N..6', 'MTO VARIANT'],
  ['243', 'X..20', 'PCN'],
  ['250', 'X..30', 'SECONDARY SERIAL'],
  ['251', 'X..30', 'REF. TO SOURCE'],
  ['253', 'N13,csum [X..17]', 'GDTI'],
  ['254', 'X..20', 'GLN EXTENSION COMPONENT'],
  ['255', 'N13,csum [N..12]', 'GCN'],
  ['30', 'N..8', 'VAR. COUNT'],
  ['3100-3105', 'N6', 'NET WEIGHT (kg)'],
  ['3110-3115', 'N6', 'LENGTH (m)'],
  ['3120-3125', 'N6', 'WIDTH (m)'],
  ['3130-3135', 'N6', 'HEIGHT (m)'],
  ['3140-3145', 'N6', 'AREA (m²)'],
  ['3150-3155', 'N6', 'NET VOLUME (l)'],
  ['3160-3165', 'N6', 'NET VOLUME (m³)'],
  ['3200-3205', 'N6', 'NET WEIGHT (lb)'],
  ['3210-3215', 'N6', 'LENGTH (in)'],
  ['3220-3225', 'N6', 'LENGTH (ft)'],
  ['3230-3235', 'N6', 'LENGTH (yd)'],
  ['3240-3245', 'N6', 'WIDTH (in)'],
  ['3250-3255', 'N6', 'WIDTH (ft)'],
  ['3260-3265', 'N6', 'WIDTH (yd)'],
  ['3270-3275', 'N6', 'HEIGHT (in)'],
  ['3280-3285', 'N6', 'HEIGHT (ft)'],
  ['3290-3295', 'N6', 'HEIGHT (yd)'],
  ['3300-3305', 'N6', 'GROSS WEIGHT (kg)'],
  ['3310-3315', 'N6', 'LENGTH (m), log'],
  ['3320-3325', 'N6', 'WIDTH (m), log'],
  ['3330-3335', 'N6', 'HEIGHT (m), log'],
  ['3340-3345', 'N6', 'AREA (m²), log'],
  ['3350-3355', 'N6', 'VOLUME (l), log'],
  ['3360-3365', 'N6', 'VOLUME (m³), log'],
  ['3370-3375', 'N6', 'KG PER m²'],
  ['3400-3405', 'N6', 'GROSS WEIGHT (lb)'],
  ['3410-3415', 'N6', 'LENGTH (in), log'],
  ['3420-3425', 'N6', 'LENGTH (ft), log'],
  ['3430-3435', 'N6', 'LENGTH (yd), log'],
  ['3440-3445', 'N6', 'WIDTH (in), log'],
  ['3450-3455', 'N6', 'WIDTH (ft), log'],
  ['3460-3465', 'N6', 'WIDTH (yd), log'],
  ['3470-3475', 'N6', 'HEIGHT (in), log'],
  ['3480-3485', 'N6', 'HEIGHT (ft), log'],
  ['3490-3495', 'N6', 'HEIGHT (yd), log'],
  ['3500-3505', 'N6', 'AREA (in²)'],
  ['3510-3515', 'N6', 'AREA (ft²)'],
  ['3520-3525', 'N6', 'AREA (yd²)'],
  ['3530-3535', 'N6', 'AREA (in²), log'],
  ['3540-3545', 'N6', 'AREA (ft²), log'],
  ['3550-3555', 'N6', 'AREA (yd²), log'],
  ['3560-3565', 'N6', 'NET WEIGHT (t oz)'],
  ['3570-3575', 'N6', 'NET VOLUME (oz)'],
  ['3600-3605', 'N6', 'NET VOLUME (qt)'],
  ['3610-3615', 'N6', 'NET VOLUME (gal.)'],
  ['3620-3625', 'N6', 'VOLUME (qt), log'],
  ['3630-3635', 'N6', 'VOLUME (gal.), log'],
  ['3640-3645', 'N6', 'VOLUME (in³)'],
  ['3650-3655', 'N6', 'VOLUME (ft³)'],
  ['3660-3665', 'N6', 'VOLUME (yd³)'],
  ['3670-3675', 'N6', 'VOLUME (in³), log'],
  ['3680-3685', 'N6', 'VOLUME (ft³), log'],
  ['3690-3695', 'N6', 'VOLUME (yd³), log'],
  ['37', 'N..8', 'COUNT'],
  ['3900-3909', 'N..15', 'AMOUNT'],
  ['3910-3919', 'N3 N..15', 'AMOUNT'],
  ['3920-3929', 'N..15', 'PRICE'],
  ['3930-3939', 'N3 N..15', 'PRICE'],
  ['3940-3943', 'N4', 'PRCNT OFF'],
  ['3950-3955', 'N6', 'PRICE/UoM'],
  ['400', 'X..30', 'ORDER NUMBER'],
  ['401', 'X..30', 'GINC'],
  ['402', 'N17,csum', 'GSIN'],
  ['403', 'X..30', 'ROUTE'],
  ['410', 'N13,csum', 'SHIP TO LOC'],
  ['411', 'N13,csum', 'BILL TO'],
  ['412', 'N13,csum', 'PURCHASE FROM'],
  ['413', 'N13,csum', 'SHIP FOR LOC'],
  ['414', 'N13,csum', 'LOC No.'],
  ['415', 'N13,csum', 'PAY TO'],
  ['416', 'N13,csum', 'PROD/SERV LOC'],
  ['417', 'N13,csum', 'PARTY'],
  ['420', 'X..20', 'SHIP TO POST'],
  ['421', 'N3 X..9', 'SHIP TO POST'],
  ['422', 'N3', 'ORIGIN'],
  ['423', 'N3 [N3] [N3] [N3] [N3]', 'COUNTRY - INITIAL PROCESS'],
  ['424', 'N3', 'COUNTRY - PROCESS'],
  ['425', 'N3 [N3] [N3] [N3] [N3]', 'COUNTRY - DISASSEMBLY'],
  ['426', 'N3', 'COUNTRY - FULL PROCESS'],
  ['427', 'X..3', 'ORIGIN SUBDIVISION'],
  ['4300', 'X..35', 'SHIP TO COMP'],
  ['4301', 'X..35', 'SHIP TO NAME'],
  ['4302', 'X..70', 'SHIP TO ADD1'],
  ['4303', 'X..70', 'SHIP TO ADD2'],
  ['4304', 'X..70', 'SHIP TO SUB'],
  ['4305', 'X..70', 'SHIP TO LOC'],
  ['4306', 'X..70', 'SHIP TO REG'],
  ['4307', 'X2', 'SHIP TO COUNTRY'],
  ['4308', 'X..30', 'SHIP TO PHONE'],
  ['4309', 'N10 N10', 'SHIP TO GEO'],
  ['4310', 'X..35', 'RTN TO COMP'],
  ['4311', 'X..35', 'RTN TO NAME'],
  ['4312', 'X..70', 'RTN TO ADD1'],
  ['4313', 'X..70', 'RTN TO ADD2'],
  ['4314', 'X..70', 'RTN TO SUB'],
  ['4315', 'X..70', 'RTN TO LOC'],
  ['4316', 'X..70', 'RTN TO REG'],
  ['4317', 'X2', 'RTN TO COUNTRY'],
  ['4318', 'X..20', 'RTN TO POST'],
  ['4319', 'X..30', 'RTN TO PHONE'],
  ['4320', 'X..35', 'SRV DESCRIPTION'],
  ['4321', 'N1', 'DANGEROUS GOODS'],
  ['4322', 'N1', 'AUTH TO LEAVE'],
  ['4323', 'N1', 'SIG REQUIRED'],
  ['4324', 'N6,yymmd0 N4,hhmi', 'NOT BEF DEL DT'],
  ['4325', 'N6,yymmd0 N4,hhmi', 'NOT AFT DEL DT'],
  ['4326', 'N6,yymmdd', 'REL DATE'],
  ['4330', 'N6 [X1]', 'MAX TEMP F.'],
  ['4331', 'N6 [X1]', 'MAX TEMP C.'],
  ['4332', 'N6 [X1]', 'MIN TEMP F.'],
  ['4333', 'N6 [X1]', 'MIN TEMP C.'],
  ['7001', 'N13', 'NSN'],
  ['7002', 'X..30', 'MEAT CUT'],
  ['7003', 'N6,yymmdd N4,hhmi', 'EXPIRY TIME'],
  ['7004', 'N..4', 'ACTIVE POTENCY'],
  ['7005', 'X..12', 'CATCH AREA'],
  ['7006', 'N6,yymmdd', 'FIRST FREEZE DATE'],
  ['7007', 'N6,yymmdd [N6,yymmdd]', 'HARVEST DATE'],
  ['7008', 'X..3', 'AQUATIC SPECIES'],
  ['7009', 'X..10', 'FISHING GEAR TYPE'],
  ['7010', 'X..2', 'PROD METHOD'],
  ['7011', 'N6,yymmdd [N4,hhmi]', 'TEST BY DATE'],
  ['7020', 'X..20', 'REFURB LOT'],
  ['7021', 'X..20', 'FUNC STAT'],
  ['7022', 'X..20', 'REV STAT'],
  ['7023', 'X..30', 'GIAI - ASSEMBLY'],
  ['7030-7039', 'N3 X..27', 'PROCESSOR # s'],
  ['7040', 'N1 X1 X1 X1', 'UIC+EXT'],
  ['7041', 'X..4', 'UFRGT UNIT TYPE'],
  ['710', 'X..20', 'NHRN PZN'],
  ['711', 'X..20', 'NHRN CIP'],
  ['712', 'X..20', 'NHRN CN'],
  ['713', 'X..20', 'NHRN DRN'],
  ['714', 'X..20', 'NHRN AIM'],
  ['715', 'X..20', 'NHRN NDC'],
  ['716', 'X..20', 'NHRN AIC'],
  ['7230-7239', 'X2 X..28', 'CERT # s'],
  ['7240', 'X..20', 'PROTOCOL'],
  ['7241', 'N2', 'AIDC MEDIA TYPE'],
  ['7242', 'X..25', 'VCN'],
  ['7250', 'N8,yyyymmdd', 'DOB'],
  ['7251', 'N8,yyyymmdd N4,hhmi', 'DOB TIME'],
  ['7252', 'N1', 'BIO SEX'],
  ['7253', 'X..40', 'FAMILY NAME'],
  ['7254', 'X..40', 'GIVEN NAME'],
  ['7255', 'X..10', 'SUFFIX'],
  ['7256', 'X..90', 'FULL NAME'],
  ['7257', 'X..70', 'PERSON ADDR'],
  ['7258', 'X3', 'BIRTH SEQUENCE'],
  ['7259', 'X..40', 'BABY'],
  ['8001', 'N4 N5 N3 N1 N1', 'DIMENSIONS'],
  ['8002', 'X..20', 'CMT No.'],
  ['8003', 'N1 N13,csum [X..16]', 'GRAI'],
  ['8004', 'X..30', 'GIAI'],
  ['8005', 'N6', 'PRICE PER UNIT'],
  ['8006', 'N14,csum N4', 'ITIP'],
  ['8007', 'X..34', 'IBAN'],
  ['8008', 'N6,yymmdd N2,hh [N2,mi] [N2,ss]', 'PROD TIME'],
  ['8009', 'X..50', 'OPTSEN'],
  ['8010', 'Y..30', 'CPID'],
  ['8011', 'N..12', 'CPID SERIAL'],
  ['8012', 'X..20', 'VERSION'],
  ['8013', 'X..25,csumalpha', 'GMN'],
  ['8014', 'X..25,csumalpha', 'MUDI'],
  ['8017', 'N18,csum', 'GSRN - PROVIDER'],
  ['8018', 'N18,csum', 'GSRN - RECIPIENT'],
  ['8019', 'N..10', 'SRIN'],
  ['8020', 'X..25', 'REF No.'],
  ['8026', 'N14,csum N4', 'ITIP CONTENT'],
  ['8030', 'Z..90', 'DIGSIG'],
  ['8110', 'X..70', 'COUPON'],
  ['8111', 'N4', 'POINTS'],
  ['8112', 'X..70', 'PAPERLESS COUPON'],
  ['8200', 'X..70', 'PRODUCT URL'],
  ['90', 'X..30', 'INTERNAL'],
  ['91-99', 'X..90', 'INTERNAL'],
];

/** GS1 Digital Link primary keys and their key qualifier sequences (GS1 Digital Link URI syntax). */
const KEY_QUALIFIERS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  '00': [],
  '01': [['22', '10', '21'], ['235']],
  '253': [],
  '255': [],
  '401': [],
  '402': [],
  '414': [['254'], ['7040']],
  '415': [['8020']],
  '417': [['7040']],
  '8003': [],
  '8004': [['7040']],
  '8006': [['22', '10', '21']],
  '8010': [['8011']],
  '8013': [],
  '8017': [['8019']],
  '8018': [['8019']],
};

const CHARSET_NAMES = { N: 'numeric', X: 'set82', Y: 'set39', Z: 'set64' } as const;
const CHARSET_WIDTH = { N: 0, Y: 1, X: 2, Z: 3 } as const;

function parseSpec(spec: string): AiComponent[] {
  return spec.split(' ').map((part) => {
    const optional = part.startsWith('[');
    const [format = '', check] = part.replace(/[[\]]/g, '').split(',');
    const variable = format.includes('..');
    const max = Number(format.slice(variable ? 3 : 1));
    // Every component has the same keys (`check` may be undefined): one shape for the checker.
    const component: AiComponent = {
      charset: format[0] as AiCharset,
      min: variable ? 1 : max,
      max,
      optional,
      check: check ? (check as AiCheck) : undefined,
    };
    return component;
  });
}

function define(ai: string, spec: string, title: string): AiDefinition {
  const components = parseSpec(spec);
  let minLength = 0;
  let maxLength = 0;
  let widest: AiCharset = 'N';
  for (const c of components) {
    if (!c.optional) minLength += c.min;
    maxLength += c.max;
    if (CHARSET_WIDTH[c.charset] > CHARSET_WIDTH[widest]) widest = c.charset;
  }
  const qualifiers = KEY_QUALIFIERS[ai];
  return Object.freeze({
    ai,
    title,
    format: components
      .map((c) => {
        const f = `${c.charset}${c.min === c.max ? '' : '..'}${c.max}`;
        return c.optional ? `[${f}]` : f;
      })
      .join('+'),
    components: Object.freeze(components.map((c) => Object.freeze(c))),
    minLength,
    maxLength,
    fixedLength: minLength === maxLength,
    charset: CHARSET_NAMES[widest],
    predefinedLength: PREDEFINED_LENGTHS[ai.slice(0, 2)] !== undefined,
    ...(qualifiers
      ? { keyQualifiers: Object.freeze(qualifiers.map((q) => Object.freeze([...q]))) }
      : {}),
  });
}

/**
 * Definitions indexed by AI length and numeric value: 2 digits at 0-99, 3 at 100-1099, 4 at
 * 1100-11099. Lookups by character code need no substring.
 */
const BY_CODE: (AiDefinition | undefined)[] = new Array(11100).fill(undefined);
const OFFSET = [0, 0, 0, 100, 1100];

for (const [range, spec, title] of ROWS) {
  const [first = '', last = first] = range.split('-');
  for (let n = Number(first); n <= Number(last); n++) {
    const ai = String(n).padStart(first.length, '0');
    BY_CODE[OFFSET[ai.length]! + n] = define(ai, spec, title);
  }
}

/**
 * Every Application Identifier this library knows, by AI.
 *
 * @example
 * applicationIdentifiers.get('17')?.format; // 'N6'
 */
export const applicationIdentifiers: ReadonlyMap<string, AiDefinition> = new Map(
  BY_CODE.filter((d): d is AiDefinition => d !== undefined).map((d) => [d.ai, d]),
);

/**
 * The definition of `ai`, or `undefined` when GS1 defines no such AI.
 *
 * @example
 * getAiDefinition('21'); // { ai: '21', title: 'SERIAL', format: 'X..20', maxLength: 20, … }
 */
export function getAiDefinition(ai: string): AiDefinition | undefined {
  return applicationIdentifiers.get(ai);
}

/**
 * The AI that starts at `s[i]` (GS1 AIs are prefix-free: at most one of the 2, 3 and 4 digit
 * readings is defined), or `undefined`.
 */
export function aiAt(s: string, i: number, end: number): AiDefinition | undefined {
  let n = 0;
  for (let len = 1; len <= 4 && i + len <= end; len++) {
    const d = s.charCodeAt(i + len - 1) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
    if (len >= 2) {
      const def = BY_CODE[OFFSET[len]! + n];
      if (def) return def;
    }
  }
  return undefined;
}

/** The AI that is exactly `s[start, end)`, or `undefined`; no substring is made. */
export function aiIn(s: string, start: number, end: number): AiDefinition | undefined {
  const len = end - start;
  if (len < 2 || len > 4) return undefined;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  return BY_CODE[OFFSET[len]! + n];
}

/** AIs that qualify a Digital Link primary key (22, 10, 21, 235, …). */
export const KEY_QUALIFIER_AIS: ReadonlySet<string> = new Set(
  Object.values(KEY_QUALIFIERS).flatMap((alternatives) => alternatives.flat()),
);

/** A problem with an AI value: why, and where in the input. */
export interface ValueProblem {
  reason: Gs1IssueReason;
  position: number;
}

/**
 * Checks the value `s[start, end)` of the AI `def`: length, character sets and the content checks
 * (check digits, dates, times). Returns `undefined` when it is valid.
 */
export function checkAiValue(
  def: AiDefinition,
  s: string,
  start: number,
  end: number,
): ValueProblem | undefined {
  const length = end - start;
  if (length === 0) return { reason: 'missing_value', position: start };
  if (length > def.maxLength) return { reason: 'too_long', position: start + def.maxLength };
  if (length < def.minLength) return { reason: 'too_short', position: end };
  const components = def.components;
  // Most AIs have one component, which the length checks above have fitted to the value.
  if (components.length === 1) return checkComponent(components[0]!, s, start, end);
  let i = start;
  for (let n = 0; n < components.length; n++) {
    const c = components[n]!;
    if (i === end && c.optional) break;
    const stop = i + (c.min === c.max ? c.max : Math.min(c.max, end - i));
    if (stop > end) return { reason: 'too_short', position: end };
    const problem = checkComponent(c, s, i, stop);
    if (problem !== undefined) return problem;
    i = stop;
  }
  return i === end ? undefined : { reason: 'too_long', position: i };
}

/** Checks one component `s[i, stop)`, whose length fits it: characters, then content. */
function checkComponent(
  c: AiComponent,
  s: string,
  i: number,
  stop: number,
): ValueProblem | undefined {
  const { charset, check } = c;
  if (charset === 'N') {
    if (check === 'csum') {
      // The check digit sum reads every digit anyway: scan for the culprit only when it fails.
      const expected = gs1CheckDigitOf(s, i, stop - 1);
      const last = s.charCodeAt(stop - 1) - 48;
      if (expected >= 0 && last >= 0 && last <= 9) {
        return expected === last ? undefined : { reason: 'invalid_check_digit', position: i };
      }
    }
    for (let k = i; k < stop; k++) {
      const digit = s.charCodeAt(k) - 48;
      if (digit < 0 || digit > 9) return { reason: 'invalid_character', position: k };
    }
  } else {
    let charsEnd = stop;
    if (charset === 'Z') {
      charsEnd = set64PaddingStart(s, i, stop);
      if (!isSet64Padding(i, charsEnd, stop)) {
        return { reason: 'invalid_padding', position: charsEnd };
      }
    }
    const bit = charset === 'X' ? SET_82_BIT : charset === 'Y' ? SET_39_BIT : SET_64_BIT;
    for (let k = i; k < charsEnd; k++) {
      const code = s.charCodeAt(k);
      if (code >= 128 || (CHARSET_FLAGS[code]! & bit) === 0) {
        return { reason: 'invalid_character', position: k };
      }
    }
  }
  if (check === undefined) return undefined;
  const reason = contentProblem(check, s, i, stop);
  return reason === undefined ? undefined : { reason, position: i };
}

function contentProblem(
  check: AiCheck,
  s: string,
  start: number,
  end: number,
): Gs1IssueReason | undefined {
  switch (check) {
    case 'csum':
      return gs1CheckDigitOf(s, start, end - 1) === s.charCodeAt(end - 1) - 48
        ? undefined
        : 'invalid_check_digit';
    case 'csumalpha':
      return gs1Pair.validate(s.slice(start, end)) ? undefined : 'invalid_check_pair';
    case 'yymmd0':
    case 'yymmdd':
      return isYymmdd(s, start, check === 'yymmd0') ? undefined : 'invalid_date';
    case 'yyyymmdd':
      return isYyyymmdd(s, start) ? undefined : 'invalid_date';
    case 'hhmi':
      return twoDigits(s, start) <= 23 && twoDigits(s, start + 2) <= 59
        ? undefined
        : 'invalid_time';
    case 'hh':
      return twoDigits(s, start) <= 23 ? undefined : 'invalid_time';
    case 'mi':
    case 'ss':
      return twoDigits(s, start) <= 59 ? undefined : 'invalid_time';
  }
}

/** AIs whose value is a GTIN: a bad check digit there is reported as `invalid_gtin`. */
export function isGtinAi(ai: string): boolean {
  return ai === '01' || ai === '02' || ai === '03';
}
