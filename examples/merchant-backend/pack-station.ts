/**
 * Packing an order as the console's pack station does: scan each unit against the order (a
 * pick, answered at once), then ship what was picked. Against the service this goes through its
 * orders API with the admin key, so the service writes the serials back to the shop platform
 * the order came from; on SQLite it goes through the client's `orders` resource.
 */
import type { SerialClient } from '@serialkit/node-client';

export interface PackStation {
  /** Scans a unit against the order: `picked`, or why not (`wrong_sku`, `not_in_stock`…). */
  pick(orderId: string, input: string): Promise<{ outcome: string }>;
  /** Ships the picked units; the shipment's id and units. */
  ship(
    orderId: string,
  ): Promise<{ shipmentId?: string | undefined; units: { sku: string; serial: string }[] }>;
}

/** The pack station over the service's orders API (`POST /v1/orders/:id/picks`, `/ship`). */
export function httpPackStation(baseUrl: string, adminKey: string): PackStation {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  };
  const order = (id: string) => `/v1/orders/${encodeURIComponent(id)}`;
  return {
    pick: async (orderId, input) =>
      (await post(`${order(orderId)}/picks`, { input })) as { outcome: string },
    ship: async (orderId) => {
      const { shipment } = (await post(`${order(orderId)}/ship`, {})) as {
        shipment: { shipmentId: string; units: { sku: string; serial: string }[] };
      };
      return shipment;
    },
  };
}

/** The same station through the client (no service: SQLite in this process). */
export function clientPackStation(client: SerialClient): PackStation {
  return {
    pick: (orderId, input) => client.orders.pick(orderId, input),
    ship: async (orderId) => (await client.orders.ship(orderId)).shipment,
  };
}
