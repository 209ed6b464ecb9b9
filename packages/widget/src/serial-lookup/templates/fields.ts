/**
 * The form's fields: the serial number (with its live help), the return mode's order fields, and
 * the text field the register mode's fields (loaded on demand) are built of.
 */
import type { Suggestion } from '@serialkit/core/validate';
import { html, nothing, type TemplateResult } from 'lit';
import type { InputCheck } from '../../formats/check-input.js';
import { fill, type Translation } from '../../localize/translation.js';
import { cameraIcon, checkIcon } from '../icons.js';
import { sentence } from './sentence.js';

/** A field of the form. */
export type Field = 'serial' | 'order' | 'contact' | 'name' | 'email' | 'consent';

/** A field's validation message. */
export interface FieldError {
  field: Field;
  message: string;
}

/** The suggestion with the changed characters marked, so the fix is visible at a glance. */
function markChange({ serial, change }: Suggestion): TemplateResult {
  const start = change.position;
  const length = change.kind === 'transpose' ? 2 : Math.max(1, change.to.length);
  if (start < 0 || start >= serial.length) return html`<span>${serial}</span>`;
  // One span: the button lays out its children as flex items, which would split the serial.
  return html`<span>${serial.slice(0, start)}<mark>${serial.slice(start, start + length)}</mark>${serial.slice(start + length)}</span>`;
}

/** A field's validation message, or nothing. */
export function issue(field: Field, message: string | false | undefined) {
  return message ? html`<p id="${field}-issue" class="issue" part="issue">${message}</p>` : nothing;
}

/** What the serial field shows. */
export interface SerialFieldState {
  t: Translation;
  value: string;
  check: InputCheck;
  /** The customer left the field or submitted: issues show even before the input is long enough. */
  touched: boolean;
  fieldError: FieldError | undefined;
  noSuggestions: boolean;
  /** More than one product's format is possible: a valid serial names its product. */
  severalFormats: boolean;
  /** A scan button, where the browser can scan. */
  canScan: boolean;
  onInput: (event: InputEvent) => void;
  onBlur: () => void;
  onScan: () => void;
  onSuggestion: (suggestion: Suggestion) => void;
}

/** The serial field with its help, format hint, issue and "Did you mean" suggestions. */
export function serialField(state: SerialFieldState): TemplateResult {
  const { t, check } = state;
  const reached = state.touched || check.serial.length >= check.minLength;
  const message =
    state.fieldError?.field === 'serial'
      ? state.fieldError.message
      : reached && check.status === 'invalid'
        ? (check.issues[0]?.message ?? t.invalidTitle)
        : undefined;
  const suggestions =
    reached && !state.noSuggestions && check.status !== 'valid' ? check.suggestions : [];
  const valid = check.status === 'valid';
  const hint = valid
    ? state.severalFormats && check.format
      ? fill(t.matchesProduct, check.format.name)
      : t.looksRight
    : check.format && check.hint
      ? sentence(t.formatHint, check.hint, check.format.example)
      : undefined;
  const describedBy = ['serial-help', hint && 'serial-hint', message && 'serial-issue']
    .filter(Boolean)
    .join(' ');
  return html`
    <div class="field" part="field serial-field">
      <label part="label" for="serial"><slot name="label">${t.serialLabel}</slot></label>
      <p id="serial-help" class="help" part="help"><slot name="help">${t.serialHelp}</slot></p>
      <div class="control">
        <input
          id="serial"
          class="serial"
          part="input serial-input"
          name="serial"
          autocomplete="off"
          autocapitalize="characters"
          autocorrect="off"
          spellcheck="false"
          enterkeyhint="go"
          maxlength="2000"
          .value=${state.value}
          aria-invalid=${!!message}
          aria-describedby=${describedBy}
          @input=${state.onInput}
          @blur=${state.onBlur}
        />
        ${
          state.canScan
            ? html`<button
                class="scan secondary"
                part="scan"
                type="button"
                aria-label=${t.scan}
                title=${t.scan}
                @click=${state.onScan}
              >
                ${cameraIcon()}
              </button>`
            : nothing
        }
      </div>
      ${
        hint
          ? html`<p id="serial-hint" class="hint" part="hint" ?data-valid=${valid}>
              ${valid ? checkIcon(16) : nothing}${hint}
            </p>`
          : nothing
      }
      ${issue('serial', message)}
      ${
        suggestions.length > 0
          ? html`<div
              class="suggestions"
              part="suggestions"
              role="group"
              aria-labelledby="suggestions-label"
            >
              <span id="suggestions-label">${t.didYouMean}</span>
              ${suggestions.map(
                (suggestion) =>
                  html`<button
                    class="suggestion secondary"
                    part="suggestion"
                    type="button"
                    aria-label=${fill(t.useSuggestion, suggestion.serial)}
                    @click=${() => state.onSuggestion(suggestion)}
                  >
                    ${markChange(suggestion)}
                  </button>`,
              )}
            </div>`
          : nothing
      }
    </div>
  `;
}

/** What a form's text fields share: the validation message, and the input handler. */
export interface TextFieldsState {
  fieldError: FieldError | undefined;
  onInput: (event: InputEvent) => void;
}

/** One text field: its id, label, value and input hints. */
export interface TextFieldOptions {
  field: Field;
  label: string;
  value: string;
  autocomplete: string;
  maxlength: number;
  help?: string;
  type?: 'text' | 'email';
}

/** A labelled text input with its help and validation message. */
export function textField(state: TextFieldsState, options: TextFieldOptions): TemplateResult {
  const { field, help } = options;
  const message = state.fieldError?.field === field && state.fieldError.message;
  const describedBy = [help && `${field}-help`, message && `${field}-issue`].filter(Boolean);
  return html`
    <div class="field" part="field ${field}-field">
      <label part="label" for=${field}>${options.label}</label>
      ${help ? html`<p id="${field}-help" class="help" part="help">${help}</p>` : nothing}
      <input
        id=${field}
        part="input ${field}-input"
        name=${field}
        type=${options.type ?? 'text'}
        autocomplete=${options.autocomplete}
        spellcheck="false"
        maxlength=${options.maxlength}
        .value=${options.value}
        aria-invalid=${!!message}
        aria-describedby=${describedBy.join(' ') || nothing}
        @input=${state.onInput}
      />
      ${issue(field, message)}
    </div>
  `;
}

/** What the return mode's fields show. */
export interface ReturnFieldsState extends TextFieldsState {
  t: Translation;
  orderId: string;
  contact: string;
}

/** The return mode's order number and email-or-postcode fields. */
export function returnFields(state: ReturnFieldsState): TemplateResult {
  const { t } = state;
  return html`
    ${textField(state, {
      field: 'order',
      label: t.orderLabel,
      value: state.orderId,
      autocomplete: 'off',
      maxlength: 200,
    })}
    ${textField(state, {
      field: 'contact',
      label: t.contactLabel,
      value: state.contact,
      autocomplete: 'email',
      maxlength: 320,
      help: t.contactHelp,
    })}
  `;
}
