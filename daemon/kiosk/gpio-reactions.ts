// What the kiosk does when its sensors and switches change, and which lights it shows:
// - cabinet opened without a technician: out of service, audited, the alarm light flashes, and a
//   running unlock or renewal stops at its next step (the card stays consistent);
// - someone walks up: the UI wakes the attract screen;
// - the service switch: the UI asks for the technician PIN.
import type { Gpio } from '../../drivers/gpio/gpio.ts';
import type { GpioStatus, InputName } from '../../contract/devices/gpio.ts';
import type { Logger } from '../log/logger.ts';
import type { Store } from '../store/store.ts';
import type { KioskServiceState, ServiceState } from './service-state.ts';
import type { TechnicianMode } from './technician-mode.ts';

export interface GpioReactionDeps {
  gpio: Gpio;
  service: KioskServiceState;
  technician: TechnicianMode;
  store: Store;
  logger: Logger;
  /** Tells the UI (unsolicited messages). */
  notify: {
    presence(present: boolean): void;
    technicianRequested(): void;
  };
  /** Ends the agent's session when the kiosk goes out of service under them. */
  endAgentSession(): void;
}

function inputsOf(status: GpioStatus): Record<InputName, boolean> | null {
  return status.state === 'online' ? status.inputs : null;
}

export function applyServiceLights(gpio: Gpio, state: ServiceState): void {
  gpio.setLight('inService', state.state === 'inService' ? 'on' : 'off');
  gpio.setLight('alarm', state.state === 'outOfService' && state.reasons.includes('tamper') ? 'fast' : 'off');
}

export function watchGpio(deps: GpioReactionDeps): () => void {
  const { gpio, service, technician, store, logger } = deps;
  let previous = inputsOf(gpio.status());

  const cabinetOpened = (): void => {
    const session = technician.current();
    if (session !== null) {
      store.audit(session.actor, 'cabinetOpened', { during: 'technician mode' });
      return;
    }
    logger.event('kiosk.tamper', {});
    service.set('tamper', 'gpio:tamper', { input: 'tamper' });
    deps.endAgentSession();
  };

  const onStatus = (status: GpioStatus): void => {
    const inputs = inputsOf(status);
    if (inputs === null) return;
    const before = previous;
    previous = inputs;
    const rose = (input: InputName) => inputs[input] && before?.[input] !== true;
    const fell = (input: InputName) => !inputs[input] && before?.[input] === true;
    if (rose('tamper')) cabinetOpened();
    if (fell('tamper')) store.audit(technician.current()?.actor ?? 'gpio:tamper', 'cabinetClosed', {});
    if (rose('presence') || fell('presence')) {
      logger.event('kiosk.presence', { present: inputs.presence });
      deps.notify.presence(inputs.presence);
    }
    if (rose('serviceSwitch')) {
      store.audit('gpio:serviceSwitch', 'technicianRequested', {});
      deps.notify.technicianRequested();
    }
  };

  const unsubscribeGpio = gpio.onStatusChange(onStatus);
  const unsubscribeService = service.onChange((state) => applyServiceLights(gpio, state));
  // A cabinet found open at start, with nobody logged in, is a tamper too.
  if (previous?.tamper === true) cabinetOpened();
  applyServiceLights(gpio, service.state());
  return () => {
    unsubscribeGpio();
    unsubscribeService();
  };
}
