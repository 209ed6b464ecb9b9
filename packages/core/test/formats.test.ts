import { describe, expect, test } from 'vitest';
import { compileFormat } from '../src/formats/index.js';

describe('SN-{YYYY}-{D:6}{check:luhn}', () => {
  const format = compileFormat('SN-{YYYY}-{D:6}{check:luhn}');

  test('accepts the canonical serial', () => {
    expect(format.validate('SN-2024-0001238')).toEqual({
      success: true,
      data: { serial: 'SN-2024-0001238', fields: { YYYY: '2024' } },
    });
    expect(format.test('SN-2024-0001238')).toBe(true);
  });

  test('accepts typed forms and returns the canonical serial', () => {
    for (const typed of ['sn 2024 0001238', 'SN20240001238', '  sn-2024-000 1238 ']) {
      const result = format.validate(typed);
      expect(result.success && result.data.serial).toBe('SN-2024-0001238');
    }
    expect(format.test('sn 2024 0001238')).toBe(false);
  });

  test('generates sequential serials with the Luhn digit over all data characters', () => {
    expect(format.generate({ sequence: 42, date: new Date('2024-05-01') })).toBe('SN-2024-0000420');
    expect(format.generate({ sequence: 123, date: new Date('2024-05-01') })).toBe(
      'SN-2024-0001238',
    );
  });

  test('hint and example', () => {
    expect(format.hint).toBe('SN-YYYY-NNNNNN + check digit');
    expect(format.example).toBe('SN-2024-0001238');
  });
});
