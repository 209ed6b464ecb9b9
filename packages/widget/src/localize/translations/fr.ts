import type { Translation } from '../translation.js';

/** Français. */
const fr: Translation = {
  serialLabel: 'Numéro de série',
  serialHelp: 'Il figure sur l’étiquette du produit ou sur la boîte, souvent après « S/N ».',
  formatHint: 'Format\u00a0: {0}, par exemple {1}',
  looksRight: 'Le format semble correct.',
  matchesProduct: 'Ressemble à un numéro de série de {0}.',
  didYouMean: 'Vouliez-vous dire\u00a0:',
  useSuggestion: 'Utiliser {0}',
  suggestionApplied: 'Remplacé par {0}.',
  prefilled: 'Numéro de série {0} repris du code scanné.',
  serialEmpty: 'Saisissez le numéro de série.',
  checkSerial: 'Vérifier le numéro de série',
  checking: 'Vérification…',

  scan: 'Scanner le code de l’étiquette',
  scanTitle: 'Scanner le code',
  scanInstructions: 'Pointez l’appareil photo vers le code QR ou Data Matrix de l’étiquette.',
  scanCancel: 'Annuler',
  scanDenied: 'L’accès à la caméra est bloqué. Saisissez plutôt le numéro de série.',
  scanFailed: 'La caméra n’a pas pu démarrer. Saisissez plutôt le numéro de série.',

  genuineTitle: 'Produit authentique',
  genuineBody: 'Le numéro de série {0} est enregistré comme authentique.',
  genuineProductBody: 'Enregistré comme authentique\u00a0: {1}, numéro de série {0}.',
  unknownTitle: 'Nous ne trouvons pas ce numéro de série',
  unknownBody:
    'Vérifiez qu’il correspond exactement à l’étiquette. Si c’est le cas, contactez-nous : le produit ne vient peut-être pas de chez nous.',
  recalledTitle: 'Ce produit fait l’objet d’un rappel',
  recalledBody:
    'Le numéro de série {0} fait l’objet d’un rappel de sécurité. Veuillez cesser de l’utiliser.',
  recalledProductBody:
    '{1}, numéro de série {0}, fait l’objet d’un rappel de sécurité. Veuillez cesser de l’utiliser.',
  recallLink: 'Lire l’avis de rappel',
  coveredUntil: 'Garantie jusqu’en {0}',
  coverageEnded: 'Garantie terminée en {0}',
  suspiciousTitle: 'Ce numéro de série demande une vérification',
  suspiciousBody: 'Contactez-nous avant d’utiliser ou de revendre ce produit.',
  reasons: {
    many_clients: 'Il a été vérifié depuis un nombre inhabituel d’appareils.',
    sighted_elsewhere: 'Il a été signalé en vente ailleurs.',
    not_shipped: 'Nous n’avons aucune trace de la vente de cet appareil.',
  },
  invalidTitle: 'Ce n’est pas un numéro de série valide',
  invalidBody: 'Comparez-le avec l’étiquette et réessayez.',
  queuedResult: 'Vérifié à votre retour en ligne',
  otherTitle: 'Numéro de série vérifié',
  otherBody:
    'Nous avons une réponse pour le numéro de série {0} que cette page ne peut pas encore afficher. Contactez-nous pour en savoir plus.',

  orderLabel: 'Numéro de commande',
  contactLabel: 'Adresse e-mail ou code postal de la commande',
  contactHelp: 'Celui indiqué lors de la commande.',
  orderEmpty: 'Saisissez votre numéro de commande.',
  contactEmpty: 'Saisissez l’adresse e-mail ou le code postal de la commande.',
  checkReturn: 'Vérifier le retour',
  verdicts: {
    match: 'Cet article provient de votre commande',
    mismatch: 'Cet article n’appartient pas à cette commande',
    unknown: 'Nous ne trouvons pas ce numéro de série',
    invalid: 'Ce n’est pas un numéro de série valide',
    already_returned: 'Cet article a déjà été retourné',
    order_not_found: 'Nous ne trouvons pas cette commande',
  },
  nextSteps: {
    send_back:
      'Vous pouvez le renvoyer. Joignez ses accessoires et suivez les instructions de retour.',
    contact_support: 'Contactez notre service client avant de renvoyer quoi que ce soit.',
    check_serial: 'Vérifiez le numéro de série sur l’étiquette de l’article et réessayez.',
    check_order:
      'Vérifiez le numéro de commande et l’adresse e-mail ou le code postal de la commande, puis réessayez.',
  },

  nameLabel: 'Votre nom',
  emailLabel: 'Adresse e-mail',
  emailHelp:
    'Nous vous écrivons uniquement au sujet de ce produit, par exemple lors d’un rappel de sécurité.',
  consentLabel:
    'J’accepte que vous conserviez mon nom et mon adresse e-mail pour me contacter au sujet de ce produit.',
  nameEmpty: 'Saisissez votre nom.',
  emailInvalid: 'Saisissez votre adresse e-mail, par exemple nom@example.com.',
  consentMissing:
    'Cochez la case pour donner votre accord, afin que nous enregistrions le produit à votre nom.',
  registerProduct: 'Enregistrer le produit',
  sending: 'Envoi…',
  registrations: {
    received: 'Enregistrement reçu',
    unknown: 'Nous ne trouvons pas ce numéro de série',
    invalid: 'Ce n’est pas un numéro de série valide',
  },
  registeredBody:
    'Merci. Nous avons bien reçu l’enregistrement du numéro de série {0} et vous contacterons uniquement au sujet de ce produit.',
  detailsRefusedTitle: 'Vérifiez vos informations',
  detailsRefusedBody: 'Corrigez les points ci-dessous et envoyez de nouveau l’enregistrement.',

  offlineQueued: 'Vous êtes hors ligne. Nous vérifierons {0} dès votre retour en ligne.',
  offline: 'Vous êtes hors ligne. Vérifiez votre connexion et réessayez.',
  network: 'Le service est injoignable. Vérifiez votre connexion et réessayez.',
  timeout: 'La vérification a pris trop de temps. Veuillez réessayer.',
  rateLimited: 'Trop de vérifications en peu de temps. Réessayez dans {0} secondes.',
  rateLimitedOne: 'Trop de vérifications en peu de temps. Réessayez dans 1 seconde.',
  rateLimitOver: 'Vous pouvez vérifier à nouveau.',
  server: 'Un problème est survenu de notre côté. Veuillez réessayer dans un instant.',
  invalidResponse: 'Nous avons reçu une réponse inattendue. Veuillez réessayer dans un instant.',
  retry: 'Réessayer',
};

export default fr;
