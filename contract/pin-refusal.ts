// Why the kiosk refuses a new PIN (seed 002: keep it secret; not a phone number, not a birth date),
// in plain words for the agent in both languages: the UI, the CLI and the daemon read them here.
import type { BilingualText } from './bilingual-text.ts';

export type PinRefusal =
  | 'notEightDigits'
  | 'allSame'
  | 'sequence'
  | 'birthDate'
  /** A phone number the registry holds for the card's holder or the enterprise's contact. */
  | 'phoneNumber'
  | 'initialPin'
  | 'sameAsOld'
  | 'mismatch';

/** Plain words for the agent, in both languages (the UI shows the one in use). */
export const pinRefusalText: Record<PinRefusal, BilingualText> = {
  notEightDigits: { zh: '密码须为 8 位数字。', en: 'The PIN must be 8 digits.' },
  allSame: { zh: '密码不能全部是同一个数字。', en: 'The PIN cannot be one digit repeated.' },
  sequence: { zh: '密码不能是连续数字（如 12345678）。', en: 'The PIN cannot be a run of digits such as 12345678.' },
  birthDate: { zh: '密码不能包含持卡人的出生日期。', en: "The PIN cannot contain the holder's date of birth." },
  phoneNumber: {
    zh: '密码不能是登记的电话号码（持卡人或企业联系人）。',
    en: "The PIN cannot be a phone number on record (the holder's or the enterprise contact's).",
  },
  initialPin: { zh: '密码不能是初始密码。', en: 'The PIN cannot be the initial PIN.' },
  sameAsOld: { zh: '新密码不能与旧密码相同。', en: 'The new PIN must differ from the old one.' },
  mismatch: { zh: '两次输入的密码不一致。', en: 'The two entries do not match.' },
};
