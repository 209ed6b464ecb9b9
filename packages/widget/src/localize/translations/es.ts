import type { Translation } from '../translation.js';

/** Español. */
const es: Translation = {
  serialLabel: 'Número de serie',
  serialHelp: 'Está en la etiqueta del producto o en la caja, normalmente después de «S/N».',
  formatHint: 'Formato: {0}, por ejemplo {1}',
  looksRight: 'El formato parece correcto.',
  matchesProduct: 'Parece un número de serie de {0}.',
  didYouMean: 'Quizás quisiste decir:',
  useSuggestion: 'Usar {0}',
  suggestionApplied: 'Cambiado a {0}.',
  prefilled: 'Número de serie {0} tomado del código escaneado.',
  serialEmpty: 'Introduce el número de serie.',
  checkSerial: 'Comprobar número de serie',
  checking: 'Comprobando…',

  scan: 'Escanear el código de la etiqueta',
  scanTitle: 'Escanear el código',
  scanInstructions: 'Apunta la cámara al código QR o Data Matrix de la etiqueta.',
  scanCancel: 'Cancelar',
  scanDenied: 'El acceso a la cámara está bloqueado. Escribe el número de serie.',
  scanFailed: 'No se pudo iniciar la cámara. Escribe el número de serie.',

  genuineTitle: 'Producto original',
  genuineBody: 'El número de serie {0} está registrado como original.',
  genuineProductBody: 'Registrado como original: {1}, número de serie {0}.',
  unknownTitle: 'No encontramos este número de serie',
  unknownBody:
    'Comprueba que coincide exactamente con la etiqueta. Si es así, contáctanos: puede que el producto no sea nuestro.',
  recalledTitle: 'Este producto ha sido retirado',
  recalledBody:
    'El número de serie {0} está afectado por una retirada de seguridad. Deja de usarlo.',
  recalledProductBody:
    '{1}, número de serie {0}, está afectado por una retirada de seguridad. Deja de usarlo.',
  recallLink: 'Leer el aviso de retirada',
  coveredUntil: 'Garantía hasta {0}',
  coverageEnded: 'La garantía terminó en {0}',
  suspiciousTitle: 'Este número de serie requiere una revisión',
  suspiciousBody: 'Contáctanos antes de usar o revender este producto.',
  reasons: {
    many_clients: 'Se ha comprobado desde un número inusual de dispositivos.',
    sighted_elsewhere: 'Se ha visto a la venta en otro sitio.',
    not_shipped: 'No consta que hayamos vendido esta unidad.',
  },
  invalidTitle: 'No es un número de serie válido',
  invalidBody: 'Compáralo con la etiqueta y vuelve a intentarlo.',
  queuedResult: 'Comprobado al volver a estar en línea',
  otherTitle: 'Número de serie comprobado',
  otherBody:
    'Tenemos una respuesta para el número de serie {0} que esta página aún no puede mostrar. Contáctenos para conocer los detalles.',

  orderLabel: 'Número de pedido',
  contactLabel: 'Correo electrónico o código postal del pedido',
  contactHelp: 'El que indicaste al hacer el pedido.',
  orderEmpty: 'Introduce tu número de pedido.',
  contactEmpty: 'Introduce el correo electrónico o el código postal del pedido.',
  checkReturn: 'Comprobar devolución',
  verdicts: {
    match: 'Este artículo es de tu pedido',
    mismatch: 'Este artículo no pertenece a este pedido',
    unknown: 'No encontramos este número de serie',
    invalid: 'No es un número de serie válido',
    already_returned: 'Este artículo ya se ha devuelto',
    order_not_found: 'No encontramos este pedido',
  },
  nextSteps: {
    send_back:
      'Puedes devolverlo. Inclúyelo con sus accesorios y sigue las instrucciones de devolución.',
    contact_support: 'Contacta con nuestro servicio de atención antes de enviar nada.',
    check_serial: 'Comprueba el número de serie en la etiqueta del artículo y vuelve a intentarlo.',
    check_order:
      'Comprueba el número de pedido y el correo electrónico o código postal del pedido, y vuelve a intentarlo.',
  },

  nameLabel: 'Tu nombre',
  emailLabel: 'Correo electrónico',
  emailHelp: 'Solo te escribiremos sobre este producto, por ejemplo en una retirada de seguridad.',
  consentLabel:
    'Acepto que conservéis mi nombre y mi correo electrónico para contactarme sobre este producto.',
  nameEmpty: 'Introduce tu nombre.',
  emailInvalid: 'Introduce tu correo electrónico, por ejemplo nombre@example.com.',
  consentMissing: 'Marca la casilla para aceptar, así podremos registrar el producto a tu nombre.',
  registerProduct: 'Registrar producto',
  sending: 'Enviando…',
  registrations: {
    received: 'Registro recibido',
    unknown: 'No encontramos este número de serie',
    invalid: 'No es un número de serie válido',
  },
  registeredBody:
    'Gracias. Hemos recibido el registro del número de serie {0} y solo te contactaremos sobre este producto.',
  detailsRefusedTitle: 'Revisa tus datos',
  detailsRefusedBody: 'Corrige lo que se indica abajo y vuelve a enviar el registro.',

  offlineQueued: 'Estás sin conexión. Comprobaremos {0} en cuanto vuelvas a estar en línea.',
  offline: 'Estás sin conexión. Revisa tu conexión y vuelve a intentarlo.',
  network: 'No pudimos conectar con el servicio. Revisa tu conexión y vuelve a intentarlo.',
  timeout: 'La comprobación tardó demasiado. Vuelve a intentarlo.',
  rateLimited: 'Demasiadas comprobaciones seguidas. Vuelve a intentarlo en {0} segundos.',
  rateLimitedOne: 'Demasiadas comprobaciones seguidas. Vuelve a intentarlo en 1 segundo.',
  rateLimitOver: 'Ya puedes volver a comprobar.',
  server: 'Algo salió mal por nuestra parte. Vuelve a intentarlo en un momento.',
  invalidResponse: 'Recibimos una respuesta inesperada. Vuelve a intentarlo en un momento.',
  retry: 'Reintentar',
};

export default es;
