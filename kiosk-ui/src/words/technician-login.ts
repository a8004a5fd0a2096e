// Logging in to technician mode, by technician card or by the service switch.
import type { Translations } from './translations.ts';

export const technicianLoginWords = {
  'login.title': { 'zh-CN': '技术员登录', en: 'Technician login' },
  'login.intro': {
    'zh-CN': '选择登录方式。登录期间本机暂停对外服务，退出后自动恢复。',
    en: 'Choose how to log in. While you are logged in the kiosk is out of service for agents; it returns to service when you log out.',
  },
  'login.method': { 'zh-CN': '登录方式', en: 'Login method' },
  'login.method.card': { 'zh-CN': '技术员卡', en: 'Technician card' },
  'login.method.serviceSwitch': { 'zh-CN': '维护开关', en: 'Service switch' },
  'login.card.step1': { 'zh-CN': '插入技术员卡', en: 'Insert the technician card' },
  'login.card.step2': { 'zh-CN': '输入技术员卡的 PIN 码', en: "Enter the card's PIN" },
  'login.card.inserted': { 'zh-CN': '已插卡', en: 'Card inserted' },
  'login.card.notInserted': { 'zh-CN': '未插卡', en: 'No card' },
  'login.card.first': { 'zh-CN': '请先插入技术员卡。', en: 'Insert the technician card first.' },
  'login.switch.step1': { 'zh-CN': '打开机柜，拨动内部的维护开关', en: 'Open the cabinet and turn the service switch inside' },
  'login.switch.step2': { 'zh-CN': '输入技术员 PIN 码', en: 'Enter the technician PIN' },
  'login.switch.on': { 'zh-CN': '开关已拨动', en: 'Switch turned' },
  'login.switch.off': { 'zh-CN': '开关未拨动', en: 'Switch not turned' },
  'login.switch.first': { 'zh-CN': '请先拨动机柜内的维护开关。', en: 'Turn the service switch in the cabinet first.' },
  'login.pinHint': { 'zh-CN': 'PIN 码只用于本次登录，不会显示或保存。', en: 'The PIN is used for this login only; it is never shown or stored.' },
  'login.submit': { 'zh-CN': '登录', en: 'Log in' },
  'login.checking': { 'zh-CN': '正在验证…', en: 'Checking…' },
  'login.elsewhere': {
    'zh-CN': '技术员 {actor} 已在另一个页面登录（自 {since} 起）。',
    en: 'Technician {actor} is logged in on another screen (since {since}).',
  },
  'login.refusal.wrongPin': { 'zh-CN': 'PIN 码错误，请重新输入。', en: 'Wrong PIN. Please try again.' },
  'login.refusal.lockedOut': { 'zh-CN': '失败次数过多，请在 {seconds} 秒后再试。', en: 'Too many failed attempts. Try again in {seconds} s.' },
  'login.refusal.notATechnicianCard': { 'zh-CN': '读卡器中的卡不是技术员卡。', en: 'The card in the reader is not a technician card.' },
  'login.refusal.pinMustChange': {
    'zh-CN': '这张技术员卡仍在使用初始密码，须先修改密码才能登录。请在本机首页点“IC 卡业务”→“修改密码”，改好后再回来登录。',
    en: 'This technician card is still on its initial PIN, which must be changed before it can log in. On the kiosk\'s start screen tap Card services, then PIN change; then log in here.',
  },
  'login.refusal.serviceSwitchOff': { 'zh-CN': '请先拨动机柜内的维护开关。', en: 'Turn the service switch in the cabinet first.' },
  'login.refusal.noTechnicianPinConfigured': {
    'zh-CN': '本机未设置技术员 PIN 码，请使用技术员卡登录。',
    en: 'No technician PIN is set on this kiosk. Log in with the technician card.',
  },
  'login.refusal.alreadyActive': {
    'zh-CN': '技术员 {actor} 已经登录，同一时间只能有一位技术员。',
    en: 'Technician {actor} is already logged in; only one technician at a time.',
  },
} as const satisfies Translations;
