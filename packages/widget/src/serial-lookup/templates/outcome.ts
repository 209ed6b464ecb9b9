/** The answer under the form: a result card, or a notice for a check that waits or failed. */
import { html, nothing, type TemplateResult } from 'lit';
import type { ApiError } from '../../api/api-error.js';
import { fill, type Translation } from '../../localize/translation.js';
import {
  type AnswerTexts,
  failureText,
  isRefusedInput,
  reasonTexts,
  refusedTexts,
  registerTexts,
  returnTexts,
  verifyTexts,
} from '../answer-texts.js';
import type { Mode, Outcome, Phase, VerifyOutcome } from '../check-controller.js';
import {
  checkIcon,
  clockIcon,
  crossIcon,
  offlineIcon,
  questionIcon,
  warningIcon,
} from '../icons.js';
import { sentence } from './sentence.js';

/** What the outcome shows. */
export interface OutcomeState {
  t: Translation;
  /** The element's mode: a refused registration speaks of the customer's details. */
  mode: Mode;
  phase: Phase;
  outcome: Outcome | undefined;
  failure: ApiError | undefined;
  queuedSerial: string;
  secondsToWait: number;
  /** The field's local issues, preferred to the service's (they are in the customer's language). */
  localIssues: readonly { message: string }[];
  /** The language in use, for the month names of the coverage line. */
  lang: string;
  onRetry: () => void;
}

const ICONS: Record<string, () => TemplateResult> = {
  genuine: checkIcon,
  received: checkIcon,
  recalled: warningIcon,
  suspicious: warningIcon,
  invalid: crossIcon,
  match: checkIcon,
  mismatch: crossIcon,
  already_returned: warningIcon,
};

/** Issues as a list, or nothing. */
function issueList(issues: readonly { message: string }[]): TemplateResult | typeof nothing {
  return issues.length > 0
    ? html`<ul>${issues.map((issue) => html`<li>${issue.message}</li>`)}</ul>`
    : nothing;
}

function card(
  texts: AnswerTexts,
  extra: TemplateResult | typeof nothing = nothing,
  eyebrow?: string,
): TemplateResult {
  const { status } = texts;
  return html`
    <div class="result" part="result result-${status}" data-status=${status}>
      <span class="icon" part="result-icon">${(ICONS[status] ?? questionIcon)()}</span>
      <div class="content">
        ${eyebrow ? html`<p class="eyebrow">${eyebrow}</p>` : nothing}
        <p class="title" part="result-title">${texts.title}</p>
        <p part="result-body">${sentence(texts.body, ...texts.values)}</p>
        ${extra}
        <slot name=${texts.slot.replaceAll('_', '-')}></slot>
      </div>
    </div>
  `;
}

function notice(
  state: OutcomeState,
  kind: string,
  icon: TemplateResult,
  message: string,
  retry: boolean,
): TemplateResult {
  return html`
    <div class="error" part="error" data-kind=${kind}>
      <span class="icon">${icon}</span>
      <div class="content">
        <p>${message}</p>
        ${
          retry
            ? html`<button class="secondary" part="retry" type="button" @click=${state.onRetry}>
                ${state.t.retry}
              </button>`
            : nothing
        }
      </div>
    </div>
  `;
}

/** Only web links are followed from a recall notice (never `javascript:` and the like). */
function safeLink(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, document.baseURI);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function verifyCard(state: OutcomeState, outcome: VerifyOutcome): TemplateResult {
  const { t } = state;
  const { result, serial } = outcome;
  const texts = verifyTexts(t, result, serial);
  const eyebrow = outcome.queued ? t.queuedResult : undefined;
  let extra: TemplateResult | typeof nothing = nothing;
  if (texts.status === 'recalled') {
    const link = safeLink(result.recall?.url);
    extra = html`
      ${result.recall ? html`<p class="notice" part="recall-notice">${result.recall.notice}</p>` : nothing}
      ${link ? html`<p><a part="result-link" href=${link}>${t.recallLink}</a></p>` : nothing}
    `;
  } else if (texts.status === 'suspicious') {
    const reasons = reasonTexts(t, result);
    extra =
      reasons.length > 0
        ? html`<ul part="reasons">${reasons.map((reason) => html`<li>${reason}</li>`)}</ul>`
        : nothing;
  } else if (texts.status === 'invalid') {
    extra = issueList(state.localIssues.length > 0 ? state.localIssues : result.issues);
  }
  return card(texts, html`${extra}${coverageLine(state, result.coverage)}`, eyebrow);
}

/** "Covered until May 2026" (or when it ended), in the element's language; nothing without a month. */
function coverageLine(
  state: OutcomeState,
  coverage: VerifyOutcome['result']['coverage'],
): TemplateResult | typeof nothing {
  if (!coverage?.until) return nothing;
  const [year, month] = coverage.until.split('-').map(Number);
  const when = new Intl.DateTimeFormat(state.lang, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year!, month! - 1, 1)));
  const text = fill(coverage.covered ? state.t.coveredUntil : state.t.coverageEnded, when);
  return html`<p class="coverage" part="coverage" ?data-covered=${coverage.covered}>${text}</p>`;
}

/** The outcome of the last check, or nothing. */
export function outcome(state: OutcomeState): TemplateResult | typeof nothing {
  const { t, phase, failure } = state;
  if (phase === 'queued') {
    return notice(
      state,
      'offline',
      offlineIcon(),
      fill(t.offlineQueued, state.queuedSerial),
      false,
    );
  }
  if (phase === 'error' && failure) {
    if (isRefusedInput(failure)) {
      return card(refusedTexts(t, state.mode), issueList(failure.issues));
    }
    const icon =
      failure.kind === 'offline' || failure.kind === 'network'
        ? offlineIcon()
        : failure.kind === 'rate_limited'
          ? clockIcon()
          : warningIcon();
    return notice(
      state,
      failure.kind,
      icon,
      failureText(t, failure, state.secondsToWait),
      failure.kind !== 'rate_limited',
    );
  }
  if (phase !== 'done' || !state.outcome) return nothing;
  if (state.outcome.mode === 'return') return card(returnTexts(t, state.outcome.result));
  if (state.outcome.mode === 'register') {
    const { result, serial } = state.outcome;
    const texts = registerTexts(t, result, serial);
    return card(texts, texts.status === 'invalid' ? issueList(state.localIssues) : nothing);
  }
  return verifyCard(state, state.outcome);
}
