import type { Translation } from '../translation.js';

/** Deutsch. */
const de: Translation = {
  serialLabel: 'Seriennummer',
  serialHelp: 'Sie steht auf dem Typenschild oder der Verpackung, meist nach „S/N“.',
  formatHint: 'Format: {0}, zum Beispiel {1}',
  looksRight: 'Das Format sieht richtig aus.',
  matchesProduct: 'Sieht aus wie eine Seriennummer von {0}.',
  didYouMean: 'Meinten Sie:',
  useSuggestion: '{0} übernehmen',
  suggestionApplied: 'Geändert zu {0}.',
  prefilled: 'Seriennummer {0} aus dem gescannten Code übernommen.',
  serialEmpty: 'Geben Sie die Seriennummer ein.',
  checkSerial: 'Seriennummer prüfen',
  checking: 'Wird geprüft…',

  scan: 'Code auf dem Etikett scannen',
  scanTitle: 'Code scannen',
  scanInstructions: 'Richten Sie die Kamera auf den QR- oder Data-Matrix-Code auf dem Etikett.',
  scanCancel: 'Abbrechen',
  scanDenied: 'Der Kamerazugriff ist blockiert. Geben Sie die Seriennummer bitte ein.',
  scanFailed: 'Die Kamera konnte nicht gestartet werden. Geben Sie die Seriennummer bitte ein.',

  genuineTitle: 'Originalprodukt',
  genuineBody: 'Seriennummer {0} ist als Original registriert.',
  genuineProductBody: 'Als Original registriert: {1}, Seriennummer {0}.',
  unknownTitle: 'Diese Seriennummer finden wir nicht',
  unknownBody:
    'Prüfen Sie, ob sie genau mit dem Etikett übereinstimmt. Wenn ja, kontaktieren Sie uns: Das Produkt stammt möglicherweise nicht von uns.',
  recalledTitle: 'Dieses Produkt wird zurückgerufen',
  recalledBody:
    'Seriennummer {0} ist von einem Sicherheitsrückruf betroffen. Bitte verwenden Sie das Gerät nicht weiter.',
  recalledProductBody:
    '{1}, Seriennummer {0}, ist von einem Sicherheitsrückruf betroffen. Bitte verwenden Sie das Gerät nicht weiter.',
  recallLink: 'Rückrufhinweis lesen',
  coveredUntil: 'Garantie bis {0}',
  coverageEnded: 'Garantie abgelaufen im {0}',
  suspiciousTitle: 'Diese Seriennummer prüfen wir genauer',
  suspiciousBody:
    'Bitte kontaktieren Sie uns, bevor Sie das Produkt verwenden oder weiterverkaufen.',
  reasons: {
    many_clients: 'Sie wurde von ungewöhnlich vielen Geräten aus geprüft.',
    sighted_elsewhere: 'Sie wurde anderswo zum Verkauf gemeldet.',
    not_shipped: 'Laut unseren Unterlagen wurde dieses Gerät nicht verkauft.',
  },
  invalidTitle: 'Das ist keine gültige Seriennummer',
  invalidBody: 'Vergleichen Sie sie mit dem Etikett und versuchen Sie es erneut.',
  queuedResult: 'Geprüft, als Sie wieder online waren',
  otherTitle: 'Seriennummer geprüft',
  otherBody:
    'Zu Seriennummer {0} liegt eine Antwort vor, die diese Seite noch nicht anzeigen kann. Bitte kontaktieren Sie uns für die Einzelheiten.',

  orderLabel: 'Bestellnummer',
  contactLabel: 'E-Mail-Adresse oder Postleitzahl der Bestellung',
  contactHelp: 'Die Angabe, die Sie bei der Bestellung gemacht haben.',
  orderEmpty: 'Geben Sie Ihre Bestellnummer ein.',
  contactEmpty: 'Geben Sie die E-Mail-Adresse oder die Postleitzahl der Bestellung ein.',
  checkReturn: 'Rücksendung prüfen',
  verdicts: {
    match: 'Dieser Artikel gehört zu Ihrer Bestellung',
    mismatch: 'Dieser Artikel gehört nicht zu dieser Bestellung',
    unknown: 'Diese Seriennummer finden wir nicht',
    invalid: 'Das ist keine gültige Seriennummer',
    already_returned: 'Dieser Artikel wurde bereits zurückgesendet',
    order_not_found: 'Diese Bestellung finden wir nicht',
  },
  nextSteps: {
    send_back:
      'Sie können ihn zurücksenden. Legen Sie das Zubehör bei und folgen Sie der Rücksendeanleitung.',
    contact_support: 'Bitte kontaktieren Sie unseren Kundenservice, bevor Sie etwas zurücksenden.',
    check_serial: 'Prüfen Sie die Seriennummer auf dem Etikett und versuchen Sie es erneut.',
    check_order:
      'Prüfen Sie die Bestellnummer und die E-Mail-Adresse oder Postleitzahl der Bestellung und versuchen Sie es erneut.',
  },

  nameLabel: 'Ihr Name',
  emailLabel: 'E-Mail-Adresse',
  emailHelp:
    'Wir schreiben Ihnen nur zu diesem Produkt, zum Beispiel bei einem Sicherheitsrückruf.',
  consentLabel:
    'Ich bin einverstanden, dass Sie meinen Namen und meine E-Mail-Adresse speichern, um mich zu diesem Produkt zu kontaktieren.',
  nameEmpty: 'Geben Sie Ihren Namen ein.',
  emailInvalid: 'Geben Sie Ihre E-Mail-Adresse ein, zum Beispiel name@example.com.',
  consentMissing:
    'Setzen Sie das Häkchen zur Einwilligung, damit wir das Produkt auf Sie registrieren können.',
  registerProduct: 'Produkt registrieren',
  sending: 'Wird gesendet…',
  registrations: {
    received: 'Registrierung eingegangen',
    unknown: 'Diese Seriennummer finden wir nicht',
    invalid: 'Das ist keine gültige Seriennummer',
  },
  registeredBody:
    'Vielen Dank. Ihre Registrierung der Seriennummer {0} liegt uns vor; wir kontaktieren Sie nur zu diesem Produkt.',
  detailsRefusedTitle: 'Bitte prüfen Sie Ihre Angaben',
  detailsRefusedBody:
    'Korrigieren Sie die unten genannten Punkte und senden Sie die Registrierung erneut.',

  offlineQueued: 'Sie sind offline. Wir prüfen {0}, sobald Sie wieder online sind.',
  offline: 'Sie sind offline. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  network:
    'Der Dienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  timeout: 'Die Prüfung hat zu lange gedauert. Bitte versuchen Sie es erneut.',
  rateLimited: 'Zu viele Prüfungen in kurzer Zeit. Versuchen Sie es in {0} Sekunden erneut.',
  rateLimitedOne: 'Zu viele Prüfungen in kurzer Zeit. Versuchen Sie es in 1 Sekunde erneut.',
  rateLimitOver: 'Sie können jetzt wieder prüfen.',
  server: 'Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es gleich noch einmal.',
  invalidResponse:
    'Wir haben eine unerwartete Antwort erhalten. Bitte versuchen Sie es gleich noch einmal.',
  retry: 'Erneut versuchen',
};

export default de;
