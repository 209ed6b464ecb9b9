/**
 * The characters an algorithm reads or writes.
 * - `numeric`: 0-9
 * - `alphanumeric`: 0-9 A-Z (upper case; callers upper-case first)
 * - `crockford`: Crockford base32 data characters (0-9 A-Z without I L O U)
 * - `gs1-82`: the GS1 AI encodable character set 82 (case-sensitive)
 */
export type CharacterSet = 'numeric' | 'alphanumeric' | 'crockford' | 'gs1-82';

/** The names of the built-in check character algorithms. */
export type CheckAlgorithmName =
  | 'luhn'
  | 'gs1'
  | 'mod11-2'
  | 'mod37-2'
  | 'mod97-10'
  | 'mod11-10'
  | 'mod37-36'
  | 'damm'
  | 'verhoeff'
  | 'crockford'
  | 'gs1-pair';

/**
 * A check character algorithm. `compute` returns only the check character(s) for `data`;
 * `validate` takes data followed by its check character(s). Neither throws on bad input:
 * `compute` returns `''` and `validate` returns `false` when `data` has characters outside `input`.
 *
 * @example
 * checksums.luhn.compute('7992739871'); // '3'
 * checksums.luhn.validate('79927398713'); // true
 */
export interface CheckAlgorithm {
  readonly name: CheckAlgorithmName;
  /** Human name, e.g. "ISO/IEC 7064 MOD 11-2". */
  readonly label: string;
  /** Characters accepted in the data part. */
  readonly input: CharacterSet;
  /** The characters a check character can be (e.g. '0123456789X' for MOD 11-2). */
  readonly output: string;
  /** Number of check characters appended (2 for mod97-10 and gs1-pair, 1 otherwise). */
  readonly checkLength: 1 | 2;
  compute(data: string): string;
  validate(full: string): boolean;
}

/** What validating needs of an algorithm: {@link CheckAlgorithm} without `compute`. */
export type CheckValidator = Omit<CheckAlgorithm, 'compute'>;

/** Finds an algorithm by name: the full registry (`getCheckAlgorithm`) or the validators only. */
export type CheckLookup = (name: string) => CheckValidator | undefined;
