// The unlock's "place your ID card on the reader" screen: the chip gives the agent's name and ID number.
import type { Translations } from './translations.ts';

export const placeIdCardWords = {
  'idCardPlace.title': { 'zh-CN': '请把本人身份证放在身份证读卡区', en: 'Place your ID card on the ID-card reader' },
  'idCardPlace.body': {
    'zh-CN': '本机从身份证芯片读出您的姓名和身份证号码，不用手工输入。请把身份证平放在读卡区，读完之前不要移开。',
    en: "The kiosk reads your name and ID number from your resident ID card's chip, so there is nothing to type. Lay the card flat on the reader and leave it there until it is read.",
  },
  'idCardPlace.copyNext': {
    'zh-CN': '读完后请扫描身份证复印件，本机会把复印件上的信息与芯片核对。本机不读取、不保存身份证照片。',
    en: 'Then scan the copy of your ID card; the kiosk checks it against the chip. The kiosk neither reads nor keeps the photo on the card.',
  },
  'idCardPlace.reading': { 'zh-CN': '正在读取身份证，请不要移开……', en: 'Reading your ID card, leave it on the reader…' },
  'idCardPlace.picture': { 'zh-CN': '示意图：身份证平放在读卡区', en: 'Picture: an ID card laid flat on the reader' },
  'idCardPlace.useCopy': { 'zh-CN': '改用复印件并手工填写', en: 'Use the copy and type instead' },
} as const satisfies Translations;
