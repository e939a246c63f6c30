import type { Movement } from './ledger';
import type { ExceptionReason } from './reasons';
import type { AsnFacts, CartonState, OrderState, PickTaskState, PlateHeader, PoFacts, ReceiptState, SerialState } from './state';

/**
 * What applying one event means, decided by a pure reducer. The server
 * persists it; a device folds it into its optimistic view. Documents are
 * given whole (their new state), so writing them is an upsert.
 */
export interface Effects {
  status: 'applied' | 'exception';
  /** Exception reasons (stable codes), or a note for an applied no-op. */
  reasons: ExceptionReason[];
  note: string | null;
  movements: Movement[];
  receipts: ReceiptState[];
  pos: PoFacts[];
  asns: AsnFacts[];
  serials: SerialState[];
  tasks: PickTaskState[];
  orders: OrderState[];
  cartons: CartonState[];
  /** Licence plates whose status or location changed, or whose contents a movement touched. */
  plates: PlateHeader[];
  /** Orders whose open quantity the server should try to allocate again (after a short pick). */
  reallocate: string[];
  /** Exception-queue items to raise for a supervisor. */
  exceptions: { kind: ExceptionReason; reason: string }[];
}

export function noEffects(): Effects {
  return {
    status: 'applied',
    reasons: [],
    note: null,
    movements: [],
    receipts: [],
    pos: [],
    asns: [],
    serials: [],
    tasks: [],
    orders: [],
    cartons: [],
    plates: [],
    reallocate: [],
    exceptions: [],
  };
}
