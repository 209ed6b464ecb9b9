import { compileFormat } from '@serialkit/core';
import { describe, expect, it } from 'vitest';
import { formatRange, numericStart } from '../../src/workflows/serial-ranges.js';

describe('numericStart', () => {
  it('finds the one variable-length run of digits after fixed-width parts', () => {
    const start = (pattern: string) => numericStart(compileFormat(pattern));
    expect(start('SN-{D:1-6}')).toBe(3);
    expect(start('{D:1-6}')).toBe(0);
    expect(start('{YYYY}-{D:1-4}{check:luhn}')).toBe(5);
    expect(start('{A:2}{MM}{seq:3}/{D:1-9}-X')).toBe(8);
    expect(start('ÄB-{D:1-6}')).toBe(3);
  });

  it('keeps text order for fixed-length formats and for other variable parts', () => {
    const start = (pattern: string) => numericStart(compileFormat(pattern));
    expect(start('SN-{D:6}')).toBeUndefined();
    expect(start('SN-{YYYY}-{seq:6}{check:luhn}')).toBeUndefined();
    expect(start('SN-{A:1-3}')).toBeUndefined();
    expect(start('{D:1-3}-{D:1-3}')).toBeUndefined();
    expect(start('{A:1-3}-{D:1-3}')).toBeUndefined();
  });

  it('turns a range of the format into a store range', () => {
    expect(formatRange(compileFormat('SN-{D:1-6}'), { from: 'SN-9', to: 'SN-12' })).toEqual({
      from: 'SN-9',
      to: 'SN-12',
      numericAt: 3,
    });
    expect(formatRange(compileFormat('SN-{D:6}'), { from: 'SN-000009', to: 'SN-000012' })).toEqual({
      from: 'SN-000009',
      to: 'SN-000012',
    });
  });
});
