/**
 * @serialkit/widget: `<serial-lookup>`, the storefront element for serial number authenticity
 * and return checks, and for owners who register the unit they own. Importing this module registers the element.
 *
 * @example
 * import '@serialkit/widget';
 * // <serial-lookup endpoint="https://shop.example/serialkit" sku="ARIA-700"></serial-lookup>
 */

export type {
  Known,
  OwnerAnswer,
  ReturnAnswer,
  Unrecognized,
  VerifyAnswer,
} from './api/answers.js';
export { ApiError, type ApiErrorKind } from './api/api-error.js';
export {
  type ApiClient,
  type ApiClientOptions,
  createApiClient,
  type FormatHintsResponse,
} from './api/client.js';
export {
  type SerialLookupErrorDetail,
  SerialLookupErrorEvent,
} from './events/serial-lookup-error.js';
export {
  type SerialLookupResultDetail,
  SerialLookupResultEvent,
} from './events/serial-lookup-result.js';
export { type Language, registerTranslation } from './localize/languages.js';
export type {
  OwnerRegistrationStatus,
  ReturnNextStep,
  ReturnVerdictCode,
  SuspicionReason,
  Translation,
} from './localize/translation.js';
export { SerialLookup } from './serial-lookup/serial-lookup.js';
