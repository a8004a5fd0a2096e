// PINs: the PIN pad, and the screens that ask for a card's PIN or a new one, with the PIN rules.
import type { Translations } from './translations.ts';

export const pinWords = {
  'pin.placeholder': { 'zh-CN': '请输入 PIN 码', en: 'Enter the PIN' },
  'pin.entered': { 'zh-CN': '已输入 {count} 位', en: '{count} digits entered' },
  'pin.clear': { 'zh-CN': '清除', en: 'Clear' },
  'pin.backspace': { 'zh-CN': '删除一位', en: 'Delete one digit' },
  'pin.submit': { 'zh-CN': '确定', en: 'OK' },

  'pinEntry.title': { 'zh-CN': '请输入 IC 卡密码', en: 'Enter the IC card PIN' },
  'pinEntry.titleRenew': { 'zh-CN': '请输入这张卡的密码，开始延期', en: "Enter this card's PIN to renew it" },
  'pinEntry.skipCard': { 'zh-CN': '这张卡不延期', en: 'Do not renew this card' },
  'pinEntry.askedAgain': {
    'zh-CN': '这张卡的密码刚才已验证过。写入新证书前，卡片需要再次验证密码；为安全起见，本机不保存您的密码，所以需要您再输入一次。',
    en: "This card's PIN was verified a moment ago. The card checks its PIN again before a new certificate is written, and for your safety this kiosk never keeps a PIN, so please enter it once more.",
  },
  'pinEntry.hint': { 'zh-CN': '密码为 8 位数字，屏幕上只显示圆点。', en: 'The PIN is 8 digits; the screen shows only dots.' },
  'newPin.title': { 'zh-CN': '设置新密码', en: 'Choose a new PIN' },
  'newPin.first': { 'zh-CN': '第一步：请输入新密码', en: 'Step 1: enter the new PIN' },
  'newPin.checking': { 'zh-CN': '正在按密码规则检查…', en: 'Checking the PIN against the rules…' },
  'newPin.again': { 'zh-CN': '第二步：请再次输入新密码确认', en: 'Step 2: enter the new PIN again to confirm' },
  'newPin.policy': {
    'zh-CN': '密码规则：8 位数字；不能全部是同一个数字；不能是连续数字（如 12345678）；不能包含持卡人出生日期；不能是初始密码。',
    en: "PIN rules: 8 digits; not one digit repeated; not a run such as 12345678; not the holder's date of birth; not the initial PIN.",
  },
  'newPin.restart': { 'zh-CN': '重新输入', en: 'Start again' },
} as const satisfies Translations;
