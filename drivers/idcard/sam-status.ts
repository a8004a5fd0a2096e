// SW3 of a SAM response: what the module says happened (SW1 and SW2 are 00 00 in every module we
// read about). The meanings as the public implementations list them (docs/idcard-reader.md).

export type SamStatusName =
  | 'success'
  | 'noContent'
  | 'cardFound'
  | 'checksumError'
  | 'lengthError'
  | 'commandError'
  | 'unauthorisedOperation'
  | 'unknownError'
  | 'cardAuthenticatesSamFailed'
  | 'samAuthenticatesCardFailed'
  | 'informationCheckFailed'
  | 'noCardFoundYet'
  | 'unknownCardType'
  | 'readCardFailed'
  | 'randomNumberFailed'
  | 'samSelfTestFailed'
  | 'samNotAuthorised'
  | 'findCardFailed'
  | 'selectCardFailed';

export interface SamStatusEntry {
  sw3: number;
  name: SamStatusName;
  zh: string;
  en: string;
}

export const samStatusTable: readonly SamStatusEntry[] = [
  { sw3: 0x90, name: 'success', zh: '操作成功', en: 'success' },
  { sw3: 0x91, name: 'noContent', zh: '证/卡中此项无内容', en: 'the card has no such item' },
  { sw3: 0x9f, name: 'cardFound', zh: '寻找证/卡成功', en: 'card found' },
  { sw3: 0x10, name: 'checksumError', zh: '接收业务终端数据的校验和错', en: 'the module received a bad checksum' },
  { sw3: 0x11, name: 'lengthError', zh: '接收业务终端数据的长度错', en: 'the module received a bad length' },
  { sw3: 0x21, name: 'commandError', zh: '接收业务终端的命令错误', en: 'unknown or malformed command' },
  { sw3: 0x23, name: 'unauthorisedOperation', zh: '越权操作', en: 'operation not permitted' },
  { sw3: 0x24, name: 'unknownError', zh: '无法识别的错误', en: 'unidentified error' },
  { sw3: 0x31, name: 'cardAuthenticatesSamFailed', zh: '证/卡认证SAM失败', en: 'the card did not authenticate the SAM' },
  { sw3: 0x32, name: 'samAuthenticatesCardFailed', zh: 'SAM认证证/卡失败', en: 'the SAM did not authenticate the card' },
  { sw3: 0x33, name: 'informationCheckFailed', zh: '信息验证错误', en: 'information check failed' },
  { sw3: 0x34, name: 'noCardFoundYet', zh: '尚未找卡，不能进行对卡的操作', en: 'no card found yet' },
  { sw3: 0x40, name: 'unknownCardType', zh: '无法识别的卡类型', en: 'unknown card type' },
  { sw3: 0x41, name: 'readCardFailed', zh: '读证/卡操作失败', en: 'reading the card failed' },
  { sw3: 0x47, name: 'randomNumberFailed', zh: '取随机数失败', en: 'getting a random number failed' },
  { sw3: 0x60, name: 'samSelfTestFailed', zh: 'SAM自检失败，不能接收命令', en: 'SAM self-test failed' },
  { sw3: 0x66, name: 'samNotAuthorised', zh: 'SAM未经授权，无法使用', en: 'SAM not authorised' },
  { sw3: 0x80, name: 'findCardFailed', zh: '寻找证/卡失败', en: 'no card found' },
  { sw3: 0x81, name: 'selectCardFailed', zh: '选取证/卡失败', en: 'selecting the card failed' },
];

const bySw3 = new Map(samStatusTable.map((entry) => [entry.sw3, entry]));
const byName = new Map(samStatusTable.map((entry) => [entry.name, entry]));

export type SamStatus = SamStatusEntry | { sw3: number; name: 'unlisted'; zh: string; en: string };

export function samStatus(sw3: number): SamStatus {
  return bySw3.get(sw3) ?? { sw3, name: 'unlisted', zh: '未列出的状态', en: `unlisted status ${hex(sw3)}` };
}

export function sw3Of(name: SamStatusName): number {
  const entry = byName.get(name);
  if (entry === undefined) throw new Error(`no SAM status named ${name}`);
  return entry.sw3;
}

export function hex(byte: number): string {
  return `0x${byte.toString(16).padStart(2, '0').toUpperCase()}`;
}

/** The commands the driver and the simulator know: [CMD, PARA]. */
export const samCommands = {
  resetSam: [0x10, 0xff],
  samStatus: [0x11, 0xff],
  samId: [0x12, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readBasicInfo: [0x30, 0x01],
  readBasicInfoWithFingerprint: [0x30, 0x10],
} as const satisfies Record<string, readonly [number, number]>;
