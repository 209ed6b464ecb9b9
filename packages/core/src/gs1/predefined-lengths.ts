/**
 * Total length (AI + value) of element strings whose AI starts with these two digits: the GS1 table
 * of predefined lengths. No FNC1 follows them; every other AI's value ends at FNC1 or the end.
 */
export const PREDEFINED_LENGTHS: Readonly<Record<string, number>> = Object.freeze({
  '00': 20,
  '01': 16,
  '02': 16,
  '03': 16,
  '04': 18,
  '11': 8,
  '12': 8,
  '13': 8,
  '14': 8,
  '15': 8,
  '16': 8,
  '17': 8,
  '18': 8,
  '19': 8,
  '20': 4,
  '31': 10,
  '32': 10,
  '33': 10,
  '34': 10,
  '35': 10,
  '36': 10,
  '41': 16,
});
