/**
 * A Shopify `orders/create` webhook as Shopify sends it: the order resource (the fields of
 * Shopify's published example that serialkit reads, the rest trimmed), signed with the app's
 * client secret in `X-Shopify-Hmac-Sha256` (base64 HMAC-SHA256 of the raw body).
 */
import { createHmac, randomInt } from 'node:crypto';

export interface ShopifyDelivery {
  /** serialkit's id of the order: `shopify-<Shopify order id>`. */
  orderId: string;
  body: string;
  headers: Record<string, string>;
}

/** An order of `quantity` units of `sku` by a B2C customer, signed with `secret`. */
export function shopifyOrderCreated(
  secret: string,
  sku: string,
  quantity: number,
): ShopifyDelivery {
  // Shopify's order ids exceed JavaScript's safe integers: serialkit reads the exact one from
  // `admin_graphql_api_id`.
  const id = String(randomInt(1, 2 ** 47)) + String(randomInt(10_000, 99_999));
  const body = JSON.stringify({
    id: Number(id),
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    email: 'grace@example.com',
    created_at: new Date().toISOString(),
    currency: 'EUR',
    financial_status: 'paid',
    name: `#${id.slice(-4)}`,
    customer: {
      id: 207119551,
      admin_graphql_api_id: 'gid://shopify/Customer/207119551',
      email: 'grace@example.com',
      first_name: 'Grace',
      last_name: 'Hopper',
    },
    shipping_address: {
      first_name: 'Grace',
      last_name: 'Hopper',
      zip: '10115',
      country: 'Germany',
    },
    line_items: [
      { id: 466157049, sku, quantity, title: 'Mechanical keyboard', price: '129.00' },
      // A line without a SKU (a gift card) is left out of the order to pack.
      { id: 466157050, sku: null, quantity: 1, title: 'Gift card', price: '10.00' },
    ],
  });
  return {
    orderId: `shopify-${id}`,
    body,
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': 'orders/create',
      'x-shopify-shop-domain': 'example-shop.myshopify.com',
      'x-shopify-webhook-id': `b54557e4-${id}`,
      'x-shopify-hmac-sha256': createHmac('sha256', secret).update(body).digest('base64'),
    },
  };
}
