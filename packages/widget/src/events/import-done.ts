/**
 * `<serialkit-import>` finished an import (the service answered its report).
 *
 * @example
 * importer.addEventListener('serialkit-import-done', (event) => console.log(event.detail.errorCount));
 */
export class ImportDoneEvent extends Event {
  static readonly eventName = 'serialkit-import-done';
  readonly detail: {
    kind: 'serials' | 'shipments';
    rows: number;
    imported: number;
    errorCount: number;
  };

  constructor(detail: ImportDoneEvent['detail']) {
    super(ImportDoneEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'serialkit-import-done': ImportDoneEvent;
  }
}
