/** One receiving session at the dock: a receipt the device writes lines to, for a PO or an ASN. */
export interface ReceivingSession {
  receiptId: string;
  poId: string | null;
  asnId: string | null;
  /** The dock the goods are put down at; null = the warehouse's default dock. */
  locationId: string | null;
  /** The licence plate (pallet) item scans land on until another is scanned or it is closed; absent or null: loose on the dock. */
  lpn?: string | null;
}

/** Who and where: stamped on every event this device writes. */
export interface Actor {
  userId: string;
  deviceId: string;
  warehouseId: string;
}
