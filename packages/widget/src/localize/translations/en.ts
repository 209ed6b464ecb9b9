import type { Translation } from '../translation.js';

/** English. */
const en: Translation = {
  serialLabel: 'Serial number',
  serialHelp: 'You’ll find it on the product label or the box, usually after “S/N”.',
  formatHint: 'Format: {0}, for example {1}',
  looksRight: 'The format looks right.',
  matchesProduct: 'Looks like a serial number of {0}.',
  didYouMean: 'Did you mean:',
  useSuggestion: 'Use {0}',
  suggestionApplied: 'Changed to {0}.',
  prefilled: 'Serial number {0} filled in from the code you scanned.',
  serialEmpty: 'Enter the serial number.',
  checkSerial: 'Check serial number',
  checking: 'Checking…',

  scan: 'Scan the code on the label',
  scanTitle: 'Scan the code',
  scanInstructions: 'Point your camera at the QR or Data Matrix code on the label.',
  scanCancel: 'Cancel',
  scanDenied: 'Camera access is blocked. Type the serial number instead.',
  scanFailed: 'The camera could not be started. Type the serial number instead.',

  genuineTitle: 'Genuine product',
  genuineBody: 'Serial number {0} is registered as original.',
  genuineProductBody: 'Registered as original: {1}, serial number {0}.',
  unknownTitle: 'We can’t find this serial number',
  unknownBody:
    'Check that it matches the label exactly. If it does, contact us: the product may not come from us.',
  recalledTitle: 'This product is recalled',
  recalledBody: 'Serial number {0} is part of a safety recall. Please stop using it.',
  recalledProductBody: '{1}, serial number {0}, is part of a safety recall. Please stop using it.',
  recallLink: 'Read the recall notice',
  coveredUntil: 'Covered until {0}',
  coverageEnded: 'Warranty ended in {0}',
  suspiciousTitle: 'This serial number needs a closer look',
  suspiciousBody: 'Please contact us before you use or resell this product.',
  reasons: {
    many_clients: 'It has been checked from an unusual number of devices.',
    sighted_elsewhere: 'It has been reported for sale elsewhere.',
    not_shipped: 'We have no record of selling this unit.',
  },
  invalidTitle: 'This isn’t a valid serial number',
  invalidBody: 'Compare it with the label and try again.',
  queuedResult: 'Checked when you were back online',
  otherTitle: 'Serial number checked',
  otherBody:
    'We have an answer for serial number {0} that this page can’t show yet. Please contact us for the details.',

  orderLabel: 'Order number',
  contactLabel: 'Email address or postcode of the order',
  contactHelp: 'The one you used when you placed the order.',
  orderEmpty: 'Enter your order number.',
  contactEmpty: 'Enter the email address or the postcode of the order.',
  checkReturn: 'Check return',
  verdicts: {
    match: 'This item is from your order',
    mismatch: 'This item doesn’t belong to this order',
    unknown: 'We can’t find this serial number',
    invalid: 'This isn’t a valid serial number',
    already_returned: 'This item has already been returned',
    order_not_found: 'We can’t find this order',
  },
  nextSteps: {
    send_back:
      'You can send it back. Pack it with its accessories and follow the return instructions.',
    contact_support: 'Please contact our support team before you send anything back.',
    check_serial: 'Check the serial number on the item’s label and try again.',
    check_order:
      'Check the order number and the email address or postcode you used for the order, then try again.',
  },

  nameLabel: 'Your name',
  emailLabel: 'Email address',
  emailHelp: 'We write to it only about this product, for example in a safety recall.',
  consentLabel: 'I agree that you keep my name and email address to contact me about this product.',
  nameEmpty: 'Enter your name.',
  emailInvalid: 'Enter your email address, for example name@example.com.',
  consentMissing: 'Tick the box to agree, so that we can register the product to you.',
  registerProduct: 'Register product',
  sending: 'Sending…',
  registrations: {
    received: 'Registration received',
    unknown: 'We can’t find this serial number',
    invalid: 'This isn’t a valid serial number',
  },
  registeredBody:
    'Thank you. We have your registration of serial number {0} and will contact you about this product only.',
  detailsRefusedTitle: 'Please check your details',
  detailsRefusedBody: 'Correct what is listed below and send the registration again.',

  offlineQueued: 'You’re offline. We’ll check {0} as soon as you’re back online.',
  offline: 'You’re offline. Check your connection and try again.',
  network: 'We couldn’t reach the service. Check your connection and try again.',
  timeout: 'The check took too long. Please try again.',
  rateLimited: 'Too many checks in a short time. Try again in {0} seconds.',
  rateLimitedOne: 'Too many checks in a short time. Try again in 1 second.',
  rateLimitOver: 'You can check again now.',
  server: 'Something went wrong on our side. Please try again in a moment.',
  invalidResponse: 'We received an unexpected answer. Please try again in a moment.',
  retry: 'Try again',
};

export default en;
