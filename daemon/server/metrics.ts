// Prometheus metrics for the technician and the hall's monitoring (prom-client, the de facto
// Node client: text exposition format, default process metrics).
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { deviceKinds } from '../../contract/devices/device.ts';
import type { DeviceStatuses } from '../../contract/protocol/catalogue.ts';

export interface KioskMetrics {
  registry: Registry;
  wsMessages: Counter<'outcome'>;
  wsClients: Gauge;
  updateDevices(statuses: DeviceStatuses): void;
}

export function createMetrics(kioskId: string, startedAt: number): KioskMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ kiosk: kioskId });
  collectDefaultMetrics({ register: registry, prefix: 'kiosk_' });
  const wsMessages = new Counter({ name: 'kiosk_ws_messages_total', help: 'Inbound WebSocket messages by outcome', labelNames: ['outcome'], registers: [registry] });
  // Zero every outcome up front so dashboards see the series before the first message.
  for (const outcome of ['success', 'error', 'closed']) wsMessages.inc({ outcome }, 0);
  const wsClients = new Gauge({ name: 'kiosk_ws_clients', help: 'Connected WebSocket clients', registers: [registry] });
  new Gauge({ name: 'kiosk_start_time_seconds', help: 'When the daemon started (unix seconds)', registers: [registry] }).set(startedAt / 1000);
  const deviceState = new Gauge({ name: 'kiosk_device_state', help: 'Current state of each device (1 for the current state)', labelNames: ['device', 'state'], registers: [registry] });
  return {
    registry,
    wsMessages,
    wsClients,
    updateDevices(statuses) {
      deviceState.reset();
      for (const kind of deviceKinds) deviceState.set({ device: kind, state: statuses[kind].state }, 1);
    },
  };
}
