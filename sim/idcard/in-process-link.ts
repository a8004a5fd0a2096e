// The driver's link to a virtual SAM module in the same process: simulator mode without socat.
import { ok } from '../../basics/result.ts';
import type { OpenLink } from '../../drivers/serial/byte-link.ts';
import type { VirtualSamModule } from './virtual-sam-module.ts';

export function inProcessLink(module: VirtualSamModule): OpenLink {
  return async (handlers) => {
    let open = true;
    // Answers go out on a later turn, as they would from a device, never inside the driver's write.
    module.attach((bytes) => {
      const copy = Uint8Array.from(bytes);
      setImmediate(() => {
        if (open) handlers.onData(copy);
      });
    });
    return ok({
      write: async (bytes) => {
        if (open) module.receive(Uint8Array.from(bytes));
        return ok(undefined);
      },
      close: async () => {
        open = false;
        module.detach();
      },
    });
  };
}
