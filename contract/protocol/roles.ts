// Who may call what (issue 13): every connection gets a role when its WebSocket opens, from how it
// proved itself, never from what a message says; every command declares the roles that may call
// it, and the daemon's dispatcher refuses the rest with authorisationRequired. Browser-safe: the
// pages import the names and the query they open /ws with. docs/security.md has the threat model.
import type { CommandName, UnsolicitedName } from './catalogue.ts';

/**
 * - `kiosk`: the agent's screen (`/`). Drives cards and papers only through its own flow.
 * - `technician`: the technician page (`/technician/`). Nothing but the login until a technician
 *   has logged in on this very connection with a technician card or the service switch and a PIN.
 * - `dock`: the dev dock (`/dev-dock/`), in simulator mode only: the simulator's hands.
 * - `tool`: a local program that showed the per-boot tool token (`<stateDir>/tool-token`, readable
 *   by the daemon's user alone): `kiosk diag`, the test harness. Everything a shell of the
 *   daemon's user could do anyway.
 * - `anonymous`: anything else — a client without Origin or token, or a page role asked for
 *   without its Origin. Capabilities only; no pushes.
 */
export const connectionRoles = ['kiosk', 'technician', 'dock', 'tool', 'anonymous'] as const;
export type ConnectionRole = (typeof connectionRoles)[number];

/** The page roles a browser asks for in the /ws query (`?page=kiosk`). */
export const pageRoles = ['kiosk', 'technician', 'dock'] as const;
export type PageRole = (typeof pageRoles)[number];

/**
 * What a command needs: a role that may call it outright, or `technicianLoggedIn` (the technician
 * page after a login on the same connection). `anyone` includes anonymous.
 */
export type Grant = 'anyone' | 'kiosk' | 'technicianPage' | 'technicianLoggedIn' | 'dock' | 'tool';

const status: readonly Grant[] = ['kiosk', 'technicianPage', 'dock', 'tool'];
const technician: readonly Grant[] = ['technicianLoggedIn', 'tool'];
const toolOnly: readonly Grant[] = ['tool'];
const simulator: readonly Grant[] = ['dock', 'tool'];
const flow: readonly Grant[] = ['kiosk', 'tool'];

/**
 * Each command's grants. Raw card commands, the intake draft and reprints are not the kiosk
 * page's: it drives them through its flow, which does the paper checks (issue 13, item 2).
 */
export const commandGrants: { readonly [N in CommandName]: readonly Grant[] } = {
  'Common.Status': status,
  'Common.Capabilities': ['anyone'],
  'Common.Cancel': ['anyone'],
  'CardReader.ReadCard': toolOnly,
  'CardReader.VerifyPin': toolOnly,
  'CardReader.ChangePin': toolOnly,
  'Kiosk.StartSession': toolOnly,
  'Kiosk.EndSession': toolOnly,
  'Kiosk.Unlock': toolOnly,
  'Kiosk.Renew': toolOnly,
  'Technician.Login': ['technicianPage', 'tool'],
  'Technician.Logout': technician,
  'Technician.SetOutOfService': technician,
  'Technician.Audit': technician,
  'Technician.TestLight': technician,
  'Technician.TestCard': technician,
  'Technician.TestIdCardReader': technician,
  'Technician.Counters': technician,
  'Technician.LogTail': technician,
  'Technician.ExportBundle': technician,
  'Technician.PrintReadiness': technician,
  'Technician.ScanPreview': technician,
  'Sim.SetInput': simulator,
  'Sim.ScannerLoad': simulator,
  'Sim.CardReaderPlug': simulator,
  'Sim.ScannerFault': simulator,
  'Sim.InsertCard': simulator,
  'Sim.RemoveCard': simulator,
  'Sim.IdCardPlace': simulator,
  'Sim.IdCardRemove': simulator,
  'Sim.PrinterPaper': simulator,
  'Sim.PrinterCover': simulator,
  'Sim.PrinterOnline': simulator,
  'Printer.Status': status,
  'Printer.PrintTestPage': technician,
  'Printer.Reprint': technician,
  'Printer.Jobs': technician,
  'Scanner.Status': status,
  'Scanner.Scan': technician,
  'Scanner.Cancel': technician,
  'Scanner.Pages': technician,
  'Scanner.DiscardPages': technician,
  'Kiosk.StartIntake': toolOnly,
  'Kiosk.IntakeState': toolOnly,
  'Kiosk.CaptureDocument': toolOnly,
  'Kiosk.ConfirmDocument': toolOnly,
  'Kiosk.RemoveDocument': toolOnly,
  'Kiosk.SetIntakeParties': toolOnly,
  'Kiosk.CheckIntake': toolOnly,
  'Kiosk.SubmitIntake': toolOnly,
  'Kiosk.StartFlow': flow,
  'Kiosk.FlowAction': flow,
  // The simulator's dock watches the flow (to feed the paper a scan screen asks for); it never acts on it.
  'Kiosk.Flow': [...flow, 'dock'],
  'Kiosk.EndFlow': flow,
  'Kiosk.StillHere': flow,
};

/** Whether a connection of `role` may call command `name` now (`technicianLoggedIn`: on this connection). */
export function mayCall(name: CommandName, role: ConnectionRole, technicianLoggedIn: boolean): boolean {
  return commandGrants[name].some((grant) => {
    switch (grant) {
      case 'anyone':
        return true;
      case 'kiosk':
      case 'dock':
      case 'tool':
        return role === grant;
      case 'technicianPage':
        return role === 'technician';
      case 'technicianLoggedIn':
        return role === 'technician' && technicianLoggedIn;
    }
  });
}

/**
 * Who hears each push. The agent's screen (Kiosk.FlowChanged) is further limited by the daemon
 * to the page whose flow it is (and the tools).
 */
export const unsolicitedRoles: { readonly [N in UnsolicitedName]: readonly ConnectionRole[] } = {
  'Common.StatusChangedEvent': ['kiosk', 'technician', 'dock', 'tool'],
  'Kiosk.ServiceStateChanged': ['kiosk', 'technician', 'dock', 'tool'],
  'Kiosk.PresenceEvent': ['kiosk', 'technician', 'dock', 'tool'],
  'Kiosk.TechnicianRequested': ['kiosk', 'technician', 'dock', 'tool'],
  'Kiosk.FlowChanged': ['kiosk', 'tool'],
};

/** The /ws query a page opens the socket with: its role, and the random id of this page load. */
export function pageSocketQuery(page: PageRole, instance: string): string {
  return `page=${encodeURIComponent(page)}&instance=${encodeURIComponent(instance)}`;
}

/** A page instance id: 128 random bits as hex (crypto.getRandomValues, in the page or Node). */
export const pageInstancePattern = /^[0-9a-f]{32}$/;

/** The header a local tool presents its token in at the upgrade. */
export const toolTokenHeader = 'x-kiosk-tool-token';

/** The token file's name in the state directory. */
export const toolTokenFileName = 'tool-token';
