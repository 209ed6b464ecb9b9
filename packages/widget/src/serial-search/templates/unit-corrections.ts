import { type Correction, correctionAllowed, type SerialRecord } from '@serialkit/core';
import { html, nothing } from 'lit';
import type { ConsoleTranslation } from '../../localize/console/console-translation.js';
import { fill } from '../../localize/translation.js';

/** The corrections, in the order the card offers them. */
const CORRECTIONS: readonly Correction[] = ['release', 'liftRecall', 'void', 'edit'];

/** What the merchant fills in before a correction is applied (dates as `YYYY-MM-DD`). */
export interface CorrectionDraft {
  to: 'in_stock' | 'scrapped';
  reason: string;
  lot: string;
  manufactured: string;
  received: string;
}

/** The draft a correction of `record` starts from: its current lot and dates. */
export function draftOf(
  record: Partial<Pick<SerialRecord, 'lot' | 'manufacturedAt' | 'receivedAt'>> = {},
): CorrectionDraft {
  return {
    to: 'in_stock',
    reason: '',
    lot: record.lot ?? '',
    manufactured: record.manufacturedAt?.slice(0, 10) ?? '',
    received: record.receivedAt?.slice(0, 10) ?? '',
  };
}

/** Whether the correction needs a reason (the service's rule: lifting a recall and voiding). */
export function reasonRequired(correction: Correction): boolean {
  return correction === 'liftRecall' || correction === 'void';
}

export interface CorrectionState {
  /** The correction being confirmed, if any. */
  open: Correction | undefined;
  draft: CorrectionDraft;
  busy: boolean;
  outcome: { ok: boolean; text: string } | undefined;
}

export interface CorrectionActions {
  open(correction: Correction): void;
  change(draft: Partial<CorrectionDraft>): void;
  apply(correction: Correction): void;
  cancel(): void;
}

function field(
  id: string,
  label: string,
  value: string,
  onInput: (value: string) => void,
  options: { type?: string; required?: boolean; part?: string } = {},
) {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <input
      id=${id}
      type=${options.type ?? 'text'}
      part=${options.part ?? nothing}
      autocomplete="off"
      ?required=${options.required ?? false}
      .value=${value}
      @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
    />
  </div>`;
}

function form(
  t: ConsoleTranslation,
  record: SerialRecord,
  correction: Correction,
  state: CorrectionState,
  actions: CorrectionActions,
) {
  const c = t.corrections;
  const { draft } = state;
  const required = reasonRequired(correction);
  const ready = !required || draft.reason.trim().length > 0;
  return html`<form
    class="confirm"
    part="correction-form"
    data-correction=${correction}
    aria-labelledby="correction-question"
    @submit=${(e: Event) => {
      e.preventDefault();
      if (ready) actions.apply(correction);
    }}
  >
    <p id="correction-question" class="label">${fill(c.confirm[correction], record.serial)}</p>
    ${
      correction === 'release'
        ? html`<div class="field">
            <label for="release-to">${c.releaseTo}</label>
            <select
              id="release-to"
              part="release-to"
              @change=${(e: Event) =>
                actions.change({
                  to: (e.target as HTMLSelectElement).value as CorrectionDraft['to'],
                })}
            >
              ${(['in_stock', 'scrapped'] as const).map(
                (to) =>
                  html`<option value=${to} ?selected=${draft.to === to}>${c.releaseTargets[to]}</option>`,
              )}
            </select>
          </div>`
        : nothing
    }
    ${
      correction === 'edit'
        ? html`<div class="row">
            ${field('edit-lot', c.lot, draft.lot, (lot) => actions.change({ lot }), { part: 'edit-lot' })}
            ${field('edit-made', c.manufactured, draft.manufactured, (v) => actions.change({ manufactured: v }), { type: 'date', part: 'edit-manufactured' })}
            ${field('edit-received', c.received, draft.received, (v) => actions.change({ received: v }), { type: 'date', part: 'edit-received' })}
          </div>`
        : nothing
    }
    ${field(
      'correction-reason',
      required ? c.reason : c.reasonOptional,
      draft.reason,
      (reason) => actions.change({ reason }),
      { required, part: 'correction-reason' },
    )}
    <div class="row">
      <button type="submit" class="primary" part="apply-correction" ?disabled=${!ready || state.busy}>
        ${c.actions[correction]}
      </button>
      <button type="button" part="cancel-correction" @click=${() => actions.cancel()}>${t.cancel}</button>
    </div>
  </form>`;
}

/**
 * The unit card's corrections: a button for each the unit's state allows (core's rules, as the
 * service applies them), then a form that asks to confirm, with a reason, before anything changes.
 */
export function unitCorrections(
  t: ConsoleTranslation,
  record: SerialRecord,
  state: CorrectionState,
  actions: CorrectionActions,
) {
  const c = t.corrections;
  const allowed = CORRECTIONS.filter((correction) => correctionAllowed(correction, record));
  return html`<section part="corrections" aria-labelledby="corrections-title">
    <h4 id="corrections-title">${c.title}</h4>
    ${
      allowed.length === 0
        ? html`<p class="help">${c.none}</p>`
        : html`<div class="row">
            ${allowed.map(
              (correction) => html`<button
                type="button"
                part="correction"
                data-correction=${correction}
                aria-expanded=${state.open === correction ? 'true' : 'false'}
                @click=${() => actions.open(correction)}
              >
                ${c.actions[correction]}
              </button>`,
            )}
          </div>`
    }
    ${state.open ? form(t, record, state.open, state, actions) : nothing}
    ${
      state.outcome
        ? html`<p class="notice ${state.outcome.ok ? 'ok' : 'error'}" part="correction-outcome" tabindex="-1">
            ${state.outcome.text}
          </p>`
        : nothing
    }
  </section>`;
}
