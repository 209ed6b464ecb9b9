import { readGs1Unit } from '@serialkit/core/validate';
import { UNIT_PATH } from './digital-link-path.js';

/** The unit a GS1 Digital Link names. */
export interface DigitalLinkUnit {
  gtin: string;
  serial: string;
  /** The link without its query, which the service can read itself. */
  uri: string;
}

/**
 * Reads a GS1 Digital Link with a serial (`…/01/{gtin}/21/{serial}`, any host, any path
 * before `/01/`) from a URL, such as the page a product's QR code opened.
 *
 * @example
 * readDigitalLink('https://shop.example/01/09506000134352/21/SN-2024-0001238');
 * // { gtin: '09506000134352', serial: 'SN-2024-0001238', uri: '…' }
 */
export function readDigitalLink(url: string): DigitalLinkUnit | undefined {
  let parsedUrl: URL;
  try {
    parsedUrl = new URL(url);
  } catch {
    return undefined;
  }
  // The path carries the unit. The query may hold the page's own parameters (campaign tags and
  // the like) that are none of the service's business, so it is left out.
  const uri = `${parsedUrl.origin}${parsedUrl.pathname}`;
  if (!UNIT_PATH.test(parsedUrl.pathname)) return undefined;
  const unit = readGs1Unit(uri);
  if (!unit?.success || !unit.data.serial || !unit.data.gtin) return undefined;
  return { gtin: unit.data.gtin, serial: unit.data.serial, uri };
}
