// The PIN change: its tile, the card to insert, the current PIN then the new one twice on one pad,
// the first-use notice, the working and done screens, and the first-use refusal and advice that
// the other businesses show for a card still on its initial PIN.
import type { Translations } from './translations.ts';

export const pinChangeWords = {
  'service.pinChange.title': { 'zh-CN': '修改密码', en: 'Change PIN' },
  'service.pinChange.description': {
    'zh-CN': '修改 IC 卡密码；新卡首次使用须先修改初始密码',
    en: "Change an IC card's PIN; a new card must change its initial PIN first",
  },
  'insert.wanted.cardForPinChange': {
    'zh-CN': '请将要修改密码的 IC 卡芯片朝上插入插卡口。',
    en: 'Insert the IC card whose PIN you want to change into the slot, chip facing up.',
  },
  'changePin.title': { 'zh-CN': '修改 IC 卡密码', en: 'Change the IC card PIN' },
  'changePin.current': { 'zh-CN': '第一步：请输入当前密码', en: 'Step 1: enter the current PIN' },
  'changePin.verifying': { 'zh-CN': '正在验证当前密码…', en: 'Checking the current PIN…' },
  'changePin.first': { 'zh-CN': '第二步：请输入新密码', en: 'Step 2: enter the new PIN' },
  'changePin.checking': { 'zh-CN': '正在按密码规则检查…', en: 'Checking the new PIN against the rules…' },
  'changePin.again': { 'zh-CN': '第三步：请再次输入新密码确认', en: 'Step 3: enter the new PIN again to confirm' },
  'changePin.firstUse': {
    'zh-CN': '这是一张新卡，仍在使用初始密码（8 个“8”）。按规定，首次使用前必须先修改密码，之后才能办理其他业务。当前密码请输入 88888888。',
    en: 'This is a new card still on its initial PIN (eight 8s). It must be changed before the card can be used for anything else. For the current PIN, enter 88888888.',
  },
  'changePin.policy': {
    'zh-CN': '新密码规则：8 位数字；不能全部是同一个数字；不能是连续数字（如 12345678）；不能包含持卡人出生日期；不能是登记的电话号码；不能是初始密码；不能与当前密码相同。',
    en: "New PIN rules: 8 digits; not one digit repeated; not a run such as 12345678; not the holder's date of birth; not a phone number on record; not the initial PIN; not the current PIN.",
  },
  'changePin.restart': { 'zh-CN': '重新输入新密码', en: 'Enter the new PIN again from the start' },
  'idle.body.pinChange': { 'zh-CN': '{seconds} 秒后将结束本次修改密码，密码保持不变。', en: 'In {seconds} s this PIN change ends; the PIN stays as it was.' },
  'flow.cancelBodyPinChange': { 'zh-CN': '密码尚未修改，将保持不变。', en: 'The PIN has not been changed yet and stays as it was.' },
  'working.changingPin': { 'zh-CN': '正在修改密码', en: 'Changing the PIN' },
  'done.pinChange': { 'zh-CN': '{holder} 的 IC 卡密码已修改，请使用新密码。', en: 'The PIN of the IC card of {holder} is changed. Use the new PIN from now on.' },
  'fp.pinMustChange': {
    'zh-CN': '这张卡仍在使用初始密码，首次使用前必须先修改密码。',
    en: 'This card is still on its initial PIN, which must be changed before the card is used.',
  },
  'fpNext.changePin': {
    'zh-CN': '请先修改密码：点“现在修改密码”（卡片不用取出），或在首页选择“修改密码”；修改后再来办理。',
    en: 'Change the PIN first: tap "Change the PIN now" (leave the card in), or choose "Change PIN" on the start screen; then come back to this business.',
  },
  'fpNext.changePinAfterCheck': {
    'zh-CN': '这张卡（{cardNo}）不计入本次预审。请取出，放入下一张卡或点“没有其他卡片了”；预审结束后在首页选择“修改密码”。已扫描的材料保留。',
    en: 'This card ({cardNo}) is not counted in this check. Take it out, then insert the next card or tap "No more cards"; after the check, choose "Change PIN" on the start screen. The papers scanned are kept.',
  },
  'fp.pinChangeNotDone': {
    'zh-CN': '卡片在修改密码时被取出，修改没有完成：密码仍是原来的密码。还可尝试 {tries} 次。',
    en: 'The card was taken out while its PIN was being changed, and the change did not take: the PIN is still the old one. {tries} tries left.',
  },
  'fpNext.pinChangeNotDone': {
    'zh-CN': '请重新输入原来的密码，再设置新密码。修改完成前请不要取出卡片。',
    en: 'Enter the old PIN again, then the new one. Leave the card in until the change is done.',
  },
  'changePin.settle': {
    'zh-CN': '卡片在修改密码时被取出，需要确认修改是否完成：请输入您刚才设置的新密码。',
    en: 'The card was taken out while its PIN was being changed. To see whether the change took, enter the new PIN you just chose.',
  },
  'changePin.now': { 'zh-CN': '现在修改密码', en: 'Change the PIN now' },
  'advice.changePin': {
    'zh-CN': '这张卡仍在使用初始密码，使用前必须先修改密码，可以现在在本机修改。',
    en: 'This card is still on its initial PIN, which must be changed before any use: you can change it at this kiosk now.',
  },
} as const satisfies Translations;
