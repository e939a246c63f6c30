import { createContext, useContext } from 'react';
import type { FulfilmentServices } from '../fulfilment/services';
import type { ReceivingService } from './receiving-service';
import type { ReplicaService } from './replica-service';
import type { SyncService } from './sync-service';

export interface Services {
  replica: ReplicaService;
  sync: SyncService;
  receiving: ReceivingService;
  /** Put-away, picking, packing and shipping. */
  fulfilment: FulfilmentServices;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside ServicesContext');
  return s;
}
