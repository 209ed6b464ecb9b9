import { expect } from '@open-wc/testing';
import type { FormatHint } from '@serialkit/core';
import { de, en } from '@serialkit/core/validate';
import { candidateFormats, checkInput } from '../src/formats/check-input.js';
import { genuineSerial, hints, lookalikeSerial, swappedSerial } from './support.js';

const battery: FormatHint = {
  sku: 'BAT-18650',
  name: 'Battery pack',
  format: '{lot=X:4}-{D:5}{check:mod37-36}',
  hint: 'XXXX-NNNNN + check character',
  example: 'A1B2-00123M',
};
const legacy: FormatHint = {
  sku: 'OLD-1',
  name: 'Legacy amp',
  format: null,
  hint: '8 to 12 letters or digits',
  example: 'AMP12345',
};
const all = [battery, ...hints.formats];

describe('checkInput', () => {
  it('accepts a serial of any candidate, canonical, and names its product', () => {
    const check = checkInput(genuineSerial.toLowerCase(), all, { messages: en });
    expect(check).to.include({ status: 'valid', canonical: genuineSerial });
    expect(check.format?.sku).to.equal('ARIA-700');
  });

  it('finds the product meant by a mistyped serial, even among formats it is shorter than', () => {
    const check = checkInput(lookalikeSerial, all, { messages: en });
    expect(check.status).to.equal('invalid');
    expect(check.format?.sku).to.equal('ARIA-700');
    expect(check.hint).to.equal('SN-YYYY-NNNNNN + check digit');
    expect(check.suggestions.map((s) => s.serial)).to.deep.equal([genuineSerial]);
  });

  it('offers only the likeliest fixes, never a guessed digit', () => {
    expect(checkInput(swappedSerial, all, { messages: en }).suggestions[0]?.change.kind).to.equal(
      'transpose',
    );
    // One digit changed: many single-digit changes would satisfy the check digit, none is likelier.
    const substituted = checkInput('SN-2024-0000116', all, { messages: en });
    expect(substituted.issues[0]?.code).to.equal('invalid_checksum');
    expect(substituted.suggestions).to.deep.equal([]);
  });

  it('gives issues and hints in the requested locale', () => {
    const check = checkInput(lookalikeSerial, candidateFormats(all, 'ARIA-700'), { messages: de });
    expect(check.issues[0]?.message).to.match(/Ziffer/);
    expect(check.hint).to.match(/Prüfziffer/);
  });

  it('leaves the verdict to the service when a candidate format is only known there', () => {
    expect(checkInput('AMP-0001', [legacy, ...hints.formats], { messages: en }).status).to.equal(
      'unchecked',
    );
    expect(checkInput('AMP-0001', [legacy], { messages: en })).to.include({
      status: 'unchecked',
      hint: '8 to 12 letters or digits',
    });
  });

  it('reads the serial out of GS1 element strings and Digital Links', () => {
    const link = `https://id.example/01/09506000134352/21/${encodeURIComponent(genuineSerial)}`;
    expect(checkInput(link, all, { messages: en })).to.include({
      status: 'valid',
      gs1: true,
      serial: genuineSerial,
    });
    expect(checkInput(`(01)09506000134352(21)${genuineSerial}`, all, { messages: en })).to.include({
      status: 'valid',
      gs1: true,
    });
    // A product code without a unit serial: the service says what it is.
    expect(checkInput('(01)09506000134352', all, { messages: en }).status).to.equal('unchecked');
    expect(checkInput('(01)09506000134353(21)X', all, { messages: en }).status).to.equal('invalid');
  });

  it('is empty for blank input, with the only candidate’s hint', () => {
    expect(checkInput('  ', candidateFormats(all, 'BAT-18650'), { messages: en })).to.include({
      status: 'empty',
      hint: 'XXXX-NNNNN + check character',
    });
  });
});
