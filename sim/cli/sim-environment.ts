// What the simulator's commands need of the kiosk: given by the `kiosk` command (daemon/cli/main.ts).
import type { Result } from '../../basics/result.ts';

/**
 * The state directory the daemon would use for these flags — flag, config file, KIOSK_STATE_DIR,
 * STATE_DIRECTORY, .state — or why the configuration is unusable. `sim card serve` and
 * `sim authority serve` resolve it alike, so the cards and the back office share one CA.
 */
export interface SimCommandEnvironment {
  stateDir(flags: { stateDir?: string; configFile?: string }): Result<string, string>;
}
