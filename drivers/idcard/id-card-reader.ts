import type { Result } from '../../basics/result.ts';
import type { IdCardReadFailure, IdCardReaderStatus } from '../../contract/devices/id-card-reader.ts';
import type { Device } from '../device/device.ts';
import type { IdCardText } from './basic-info.ts';

/**
 * What one read of a resident ID card gives: the text of its chip, in full. Sensitive: it lives in
 * the agent's session only; the ID number leaves the daemon unmasked only towards the authority.
 * There is no photo: the driver drops the WLT bytes unread (docs/idcard-reader.md).
 */
export interface IdCardRead {
  text: IdCardText;
  /** From FIND CARD sent to the text decoded. */
  elapsedMs: number;
}

/**
 * A resident ID-card reader (a GA 467 SAM module). Its status follows the card on the reader by
 * polling; `read` does FIND, SELECT and READ BASIC INFORMATION now, one read at a time.
 */
export interface IdCardReader extends Device<IdCardReaderStatus> {
  /** The device path, or what stands for it (the simulated module). */
  readonly device: string;
  read(): Promise<Result<IdCardRead, IdCardReadFailure>>;
  /** The SAM module's id (12 FF), as lowercase hex: the technician's check that the module answers. */
  samId(): Promise<Result<string, IdCardReadFailure>>;
}
