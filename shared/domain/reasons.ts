/**
 * Why an event became an exception, as a stable code (stored, replicated,
 * tested) and the words a supervisor reads. Codes never change meaning.
 */
export const EXCEPTION_REASONS = {
  unknown_item: 'The scanned item is not in the item master.',
  unknown_uom: 'The unit of measure is not defined for this item.',
  unknown_location: 'The location is not in this warehouse; stock was put on the default dock.',
  no_dock: 'This warehouse has no dock location to receive into.',
  unknown_po: 'The purchase order is not known to the server.',
  po_other_warehouse: 'The purchase order belongs to another warehouse.',
  po_closed: 'The purchase order is already closed; goods were received into quarantine.',
  asn_mismatch: 'The ASN does not belong to this purchase order.',
  receipt_closed: 'The receipt was already closed; goods were received into quarantine.',
  lot_required: 'The item is lot-tracked but no lot was scanned; goods are in quarantine.',
  expiry_required: 'The item is expiry-tracked but no expiry date was scanned; goods are in quarantine.',
  serials_required: 'The item is serial-tracked but the serial numbers do not match the quantity; goods are in quarantine.',
  serial_duplicate: 'A serial number is already in stock; goods are in quarantine.',
  expired: 'The goods are past their expiry date; they are in quarantine.',
  item_inactive: 'The item is discontinued; goods are in quarantine.',
  receipt_discrepancy: 'The closed receipt differs from what was expected.',
  stock_not_found: 'The location did not hold that much stock by the books; the move was recorded and the location needs a count.',
  unknown_task: 'The pick task is not known to the server.',
  task_closed: 'The pick task was already completed; the extra pick was recorded.',
  wrong_location: 'The pick was made from another location than the task named.',
  wrong_item: 'The picked item is not the one the task named.',
  pick_over: 'More was picked than the task asked for.',
  pick_short: 'The picker found less than the task asked for; the bin needs a count and the order is re-allocated.',
  unknown_order: 'The order is not known to the server.',
  pack_mismatch: 'The carton does not match what was picked for the order.',
  unknown_carton: 'A carton on the shipment was never closed at packing.',
  carton_shipped: 'A carton on the shipment had already shipped.',
  unknown_lpn: 'The licence plate is not known to the server: nothing was ever received onto it.',
  lpn_other_warehouse: 'The licence plate belongs to another warehouse; the goods were received on the dock without it, into quarantine.',
  lpn_put_away: 'The licence plate was already put away into a bin; a plate is used once. Goods were received on the dock without it, into quarantine.',
  lpn_other_location: 'The licence plate holds stock at another location; the goods were received without it, into quarantine.',
  lpn_empty: 'Nothing is on the licence plate by the books; nothing was moved.',
} as const;

export type ExceptionReason = keyof typeof EXCEPTION_REASONS;

export function describeReasons(reasons: readonly ExceptionReason[]): string {
  return reasons.map((r) => EXCEPTION_REASONS[r]).join(' ');
}
