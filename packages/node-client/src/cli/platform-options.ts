/**
 * `serialkit serve`'s shop platform settings: the webhook secrets of Shopify and WooCommerce and,
 * when given, the credentials that write shipped serials back. All from the environment or
 * files, never from the command line, as every other secret of `serve`.
 */
import type { PlatformOptions } from '../http/routes/platforms.js';
import { shopifyAdmin } from '../platforms/shopify.js';
import { wooCommerceAdmin } from '../platforms/woocommerce.js';
import type { OptionSpec } from './command.js';
import type { CliOutput } from './io.js';
import { UsageError } from './io.js';

/** The options `serve` adds for the platforms. */
export const PLATFORM_SERVE_OPTIONS: Record<string, OptionSpec> = {
  'shopify-secret-file': {
    type: 'string',
    value: 'FILE',
    description:
      'File holding the Shopify webhook secret (or SERIALKIT_SHOPIFY_SECRET); turns on /v1/platforms/shopify/webhooks',
  },
  'woocommerce-secret-file': {
    type: 'string',
    value: 'FILE',
    description:
      'File holding the WooCommerce webhook secret (or SERIALKIT_WOOCOMMERCE_SECRET); turns on /v1/platforms/woocommerce/webhooks',
  },
};

/** What `serve --help` says about them. */
export const PLATFORM_SERVE_HELP = [
  'Shop platforms: SERIALKIT_SHOPIFY_SECRET (or --shopify-secret-file) takes in Shopify order webhooks at',
  '/v1/platforms/shopify/webhooks, SERIALKIT_WOOCOMMERCE_SECRET (or --woocommerce-secret-file) WooCommerce ones at',
  '/v1/platforms/woocommerce/webhooks; without its secret an endpoint answers 404. Shipped serials are written back',
  'to Shopify with SERIALKIT_SHOPIFY_SHOP (my-shop.myshopify.com) and SERIALKIT_SHOPIFY_ACCESS_TOKEN, to WooCommerce',
  'with SERIALKIT_WOOCOMMERCE_URL, SERIALKIT_WOOCOMMERCE_CONSUMER_KEY and SERIALKIT_WOOCOMMERCE_CONSUMER_SECRET.',
].join(' ');

type SecretReader = (option: string, variable: string, what: string) => string | undefined;

/** The handler's `platforms` option from `serve`'s options and environment (undefined: none). */
export function platformServeOptions(
  env: Readonly<Record<string, string | undefined>>,
  secret: SecretReader,
  stderr: CliOutput,
): PlatformOptions | undefined {
  const platforms: PlatformOptions = {};
  const shopifySecret = secret(
    'shopify-secret-file',
    'SERIALKIT_SHOPIFY_SECRET',
    'The Shopify webhook secret',
  );
  const shop = env.SERIALKIT_SHOPIFY_SHOP;
  const token = env.SERIALKIT_SHOPIFY_ACCESS_TOKEN;
  if ((shop === undefined) !== (token === undefined)) {
    throw new UsageError(
      'Shopify write-back needs both SERIALKIT_SHOPIFY_SHOP and SERIALKIT_SHOPIFY_ACCESS_TOKEN',
    );
  }
  if (shopifySecret !== undefined) {
    platforms.shopify = {
      secret: shopifySecret,
      ...(shop && token ? { admin: shopifyAdmin({ shop, accessToken: token }) } : {}),
    };
  } else if (shop !== undefined) {
    throw new UsageError(
      'Shopify write-back needs the webhook secret too: set SERIALKIT_SHOPIFY_SECRET',
    );
  }

  const wooSecret = secret(
    'woocommerce-secret-file',
    'SERIALKIT_WOOCOMMERCE_SECRET',
    'The WooCommerce webhook secret',
  );
  const url = env.SERIALKIT_WOOCOMMERCE_URL;
  const key = env.SERIALKIT_WOOCOMMERCE_CONSUMER_KEY;
  const consumerSecret = env.SERIALKIT_WOOCOMMERCE_CONSUMER_SECRET;
  const given = [url, key, consumerSecret].filter((v) => v !== undefined).length;
  if (given !== 0 && given !== 3) {
    throw new UsageError(
      'WooCommerce write-back needs SERIALKIT_WOOCOMMERCE_URL, SERIALKIT_WOOCOMMERCE_CONSUMER_KEY and SERIALKIT_WOOCOMMERCE_CONSUMER_SECRET',
    );
  }
  if (wooSecret !== undefined) {
    platforms.woocommerce = {
      secret: wooSecret,
      ...(url && key && consumerSecret
        ? { admin: wooCommerceAdmin({ url, consumerKey: key, consumerSecret }) }
        : {}),
    };
  } else if (given) {
    throw new UsageError(
      'WooCommerce write-back needs the webhook secret too: set SERIALKIT_WOOCOMMERCE_SECRET',
    );
  }
  if (!platforms.shopify && !platforms.woocommerce) return undefined;
  platforms.onWriteBackError = (error, order) =>
    stderr.write(
      `serialkit: writing the serials of ${order.id} back failed: ${(error as Error).message}\n`,
    );
  return platforms;
}

/** Which platforms `serve` takes orders from, for its banner. */
export function platformNames(platforms: PlatformOptions | undefined): string[] {
  return platforms ? (['shopify', 'woocommerce'] as const).filter((name) => platforms[name]) : [];
}
