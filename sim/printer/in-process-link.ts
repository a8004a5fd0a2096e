// The driver's link to a virtual printer in the same process: simulator mode without socat or
// root (`kiosk run --sim`, the README demo). The printer still paces itself to the baud rate.
import { ok } from '../../basics/result.ts';
import type { OpenLink } from '../../drivers/serial/byte-link.ts';
import type { VirtualPrinter } from './virtual-printer.ts';

export function inProcessLink(printer: VirtualPrinter): OpenLink {
  return async (handlers) => {
    let open = true;
    // Replies go out on a later turn, as they would from a device, never inside the driver's write.
    printer.attach((bytes) => {
      const copy = Uint8Array.from(bytes);
      setImmediate(() => {
        if (open) handlers.onData(copy);
      });
    });
    return ok({
      write: async (bytes) => {
        if (open) printer.receive(Uint8Array.from(bytes));
        return ok(undefined);
      },
      close: async () => {
        open = false;
        printer.detach();
      },
    });
  };
}
