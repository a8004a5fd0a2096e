// The ID-card reader of a kiosk that has none (`devices.idCardReader: "none"`): it reports
// `notFitted`, which counts as ready, and every read says there is no reader.
import { err, type Result } from '../../basics/result.ts';
import type { IdCardReaderStatus, IdCardReadFailure } from '../../contract/devices/id-card-reader.ts';
import { StatusHolder } from '../device/status-holder.ts';
import type { IdCardRead, IdCardReader } from './id-card-reader.ts';

const notFitted: IdCardReadFailure = { reason: 'noDevice', message: 'this kiosk has no ID-card reader (devices.idCardReader: none)' };

export class NotFittedIdCardReader extends StatusHolder<IdCardReaderStatus> implements IdCardReader {
  readonly device = 'none';

  constructor() {
    super('idCardReader', 'hardware', { state: 'notFitted' });
  }

  read(): Promise<Result<IdCardRead, IdCardReadFailure>> {
    return Promise.resolve(err(notFitted));
  }

  samId(): Promise<Result<string, IdCardReadFailure>> {
    return Promise.resolve(err(notFitted));
  }
}
