/**
 * Where the GS1 readers (element strings, Digital Link URIs) put what they read: each valid
 * element in input order, and the issues. `parseElementString` and `parseDigitalLink` keep the
 * elements as a list; `parseGs1` keeps them as the `ais` record and its named fields at once, so
 * that it builds no list only to copy it.
 */
import type { SerialIssue } from '../issues.js';
import { type AiDefinition, checkAiValue, type Gs1Element, isGtinAi } from './ai.js';
import { gs1Issue, gtinIssue } from './issues.js';

/** Receives what a reader reads. */
export interface ElementSink {
  /** The issues found so far; readers push to it. */
  readonly issues: SerialIssue[];
  /** A value that passed its AI's checks. */
  add(def: AiDefinition, value: string): void;
}

/** The elements as a list, in input order. */
export class ElementList implements ElementSink {
  readonly issues: SerialIssue[] = [];
  readonly elements: Gs1Element[] = [];

  add(def: AiDefinition, value: string): void {
    this.elements.push({ ai: def.ai, value });
  }
}

/**
 * Validates an AI value and adds it to `sink`, or adds an issue. `valueStart` is where the value
 * starts in `input`; when the value is not a verbatim copy of the input there (it was unescaped,
 * percent-decoded or padded), issues point at its start rather than into it.
 */
export function pushElement(
  input: string,
  def: AiDefinition,
  value: string,
  valueStart: number,
  verbatim: boolean,
  sink: ElementSink,
): void {
  const problem = checkAiValue(def, value, 0, value.length);
  if (problem === undefined) {
    sink.add(def, value);
  } else if (problem.reason === 'invalid_check_digit' && isGtinAi(def.ai)) {
    sink.issues.push(gtinIssue(input, valueStart));
  } else {
    const position = verbatim ? valueStart + problem.position : valueStart;
    sink.issues.push(gs1Issue(input, problem.reason, def.ai, position));
  }
}
