/**
 * A unit's every owner: the orders it shipped in, read from its `shipped` events (the unit row
 * keeps only the latest shipment), each with when it came back.
 */
import type { SerialEvent, UnitShipment } from '@serialkit/core';

/**
 * Every shipment in a unit's history, oldest first. A `returned` event closes the shipment it
 * names (by order id), else the latest open one; a `shipment_cancelled` event removes the one it
 * cancels.
 */
export function shipmentsOf(events: readonly SerialEvent[]): UnitShipment[] {
  const shipments: UnitShipment[] = [];
  for (const event of events) {
    const data = event.data ?? {};
    if (event.type === 'shipped' && typeof data.orderId === 'string') {
      const shipment: UnitShipment = {
        orderId: data.orderId,
        channel: data.channel === 'b2b' ? 'b2b' : 'b2c',
        shippedAt: event.at,
      };
      if (typeof data.shipmentId === 'string') shipment.shipmentId = data.shipmentId;
      if (typeof data.accountId === 'string') shipment.accountId = data.accountId;
      shipments.push(shipment);
    } else if (event.type === 'shipment_cancelled') {
      // The unit never left: the cancelled shipment is not one of its owners.
      const index = shipments.findLastIndex(
        (s) =>
          s.returnedAt === undefined &&
          s.orderId === data.orderId &&
          (data.shipmentId === undefined || s.shipmentId === data.shipmentId),
      );
      if (index >= 0) shipments.splice(index, 1);
    } else if (event.type === 'returned') {
      const open = shipments.filter((s) => s.returnedAt === undefined);
      const named = open.findLast((s) => s.orderId === data.orderId) ?? open.at(-1);
      if (named) named.returnedAt = event.at;
    }
  }
  return shipments;
}

/** True when the history shows the unit left in this order. */
export function shippedIn(events: readonly SerialEvent[], orderId: string): boolean {
  return shipmentsOf(events).some((shipment) => shipment.orderId === orderId);
}
