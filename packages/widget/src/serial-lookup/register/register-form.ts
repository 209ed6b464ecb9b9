/**
 * The register mode's part of the form: the owner's name, email and consent, and their checks
 * before anything is sent. Loaded on demand (its own chunk of the CDN bundle), so that a
 * storefront that only verifies serials does not load it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../../localize/translation.js';
import { type FieldError, issue, type TextFieldsState, textField } from '../templates/fields.js';

/** What the owner typed. */
export interface OwnerDetails {
  name: string;
  email: string;
  consent: boolean;
}

/** What the register fields show. */
export interface RegisterFieldsState extends TextFieldsState, OwnerDetails {
  t: Translation;
  onConsent: (event: Event) => void;
}

/** An address the service accepts has a local part, an @ and a domain with a dot. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/**
 * The first of the owner's details that cannot be sent, with what to tell them; undefined when
 * all can. The service checks again (and answers with core's issues).
 */
export function ownerDetailsError(t: Translation, details: OwnerDetails): FieldError | undefined {
  if (!details.name.trim()) return { field: 'name', message: t.nameEmpty };
  if (!EMAIL.test(details.email.trim())) return { field: 'email', message: t.emailInvalid };
  if (!details.consent) return { field: 'consent', message: t.consentMissing };
  return undefined;
}

/** The name and email fields and the consent checkbox (required, never ticked in advance). */
export function registerFields(state: RegisterFieldsState): TemplateResult {
  const { t } = state;
  const consentMessage = state.fieldError?.field === 'consent' && state.fieldError.message;
  return html`
    ${textField(state, {
      field: 'name',
      label: t.nameLabel,
      value: state.name,
      autocomplete: 'name',
      maxlength: 200,
    })}
    ${textField(state, {
      field: 'email',
      label: t.emailLabel,
      value: state.email,
      autocomplete: 'email',
      maxlength: 320,
      help: t.emailHelp,
      type: 'email',
    })}
    <div class="field" part="field consent-field">
      <label class="consent" part="label consent-label" for="consent">
        <input
          id="consent"
          part="consent"
          name="consent"
          type="checkbox"
          required
          .checked=${state.consent}
          aria-invalid=${!!consentMessage}
          aria-describedby=${consentMessage ? 'consent-issue' : nothing}
          @change=${state.onConsent}
        />
        <span>${t.consentLabel}</span>
      </label>
      ${issue('consent', consentMessage)}
    </div>
  `;
}
