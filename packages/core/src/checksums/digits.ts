/** Single-digit strings by value, so that `compute` returns interned strings instead of building them. */
export const DIGITS: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
