// The consent screen: the notice on the personal information the business uses, agree or decline.
import type { Translations } from './translations.ts';

export const consentWords = {
  'consent.title': { 'zh-CN': '个人信息使用告知', en: 'Use of your personal information' },
  'consent.body': {
    'zh-CN': '办理解锁需要读取 IC 卡上的持卡人信息，并扫描经办人身份证复印件和介绍信。这些信息只用于本次业务并报送中国电子口岸，办理结束后本机立即清除。',
    en: "To unlock the card the kiosk reads the holder's details on the IC card and scans the agent's ID card copy and introduction letter. They are used only for this business and sent to China E-Port, and wiped from this kiosk as soon as you finish.",
  },
  'consent.agree': { 'zh-CN': '同意并继续', en: 'I agree, continue' },
  'consent.decline': { 'zh-CN': '不同意', en: 'I do not agree' },
} as const satisfies Translations;
