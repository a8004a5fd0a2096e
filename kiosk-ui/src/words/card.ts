// The IC card screens of a flow: insert, reading, the card's details and state, take the card back.
import type { Translations } from './translations.ts';

export const cardWords = {
  'insert.title': { 'zh-CN': '请插入 IC 卡', en: 'Please insert the IC card' },
  'insert.wanted.lockedCard': { 'zh-CN': '请将已锁定的 IC 卡芯片朝上插入插卡口。', en: 'Insert the locked IC card into the slot, chip facing up.' },
  'insert.wanted.legalPersonCard': {
    'zh-CN': '请将本企业的法人卡芯片朝上插入插卡口。',
    en: "Insert the enterprise's legal-person card into the slot, chip facing up.",
  },
  'insert.wanted.cardToRenew': { 'zh-CN': '请将要延期的 IC 卡芯片朝上插入插卡口。', en: 'Insert the IC card to renew into the slot, chip facing up.' },
  'insert.wanted.anyCard': { 'zh-CN': '请将要查询的 IC 卡芯片朝上插入插卡口。', en: 'Insert the IC card to check into the slot, chip facing up.' },
  'insert.wanted.enterpriseCards': {
    'zh-CN': '请将本企业的 IC 卡逐张芯片朝上插入插卡口：法人卡、操作员卡、办税员卡都要读。读完一张，取出后再插下一张。',
    en: "Insert the enterprise's IC cards one at a time, chip facing up: the legal-person, operator and tax-clerk cards are all read. Take each out before the next.",
  },
  'insert.cardsTitle': { 'zh-CN': '本企业的 IC 卡（电子口岸登记）', en: "The enterprise's IC cards (E-Port registry)" },
  'insert.cardRead': { 'zh-CN': '已读取', en: 'Read' },
  'insert.cardNotRead': { 'zh-CN': '待读取', en: 'Not read yet' },
  'insert.light': { 'zh-CN': '插卡口的指示灯正在闪烁。', en: 'The light at the card slot is flashing.' },
  'insert.checkPapers': { 'zh-CN': '预审窗口需要的材料并取号', en: 'Check the papers for the counter and get a ticket' },
  'insert.noMoreCards': { 'zh-CN': '没有更多卡片，继续', en: 'No more cards: continue' },
  'reading.title': { 'zh-CN': '正在读卡', en: 'Reading the card' },
  'reading.body': { 'zh-CN': '请勿拔出卡片。', en: 'Please do not pull the card out.' },

  'card.title': { 'zh-CN': '请确认卡片信息', en: 'Please check the card' },
  'card.holder': { 'zh-CN': '持卡人', en: 'Holder' },
  'card.idNumber': { 'zh-CN': '证件号码', en: 'ID number' },
  'card.enterprise': { 'zh-CN': '企业名称', en: 'Enterprise' },
  'card.uscc': { 'zh-CN': '统一社会信用代码', en: 'Unified social credit code' },
  'card.cardNo': { 'zh-CN': '卡号', en: 'Card number' },
  'card.type': { 'zh-CN': '卡类型', en: 'Card type' },
  'card.lifecycle': { 'zh-CN': '卡状态', en: 'Card state' },
  'card.expiry': { 'zh-CN': '证书有效期至', en: 'Certificate valid until' },
  'card.daysLeft': { 'zh-CN': '剩余天数', en: 'Days left' },
  'card.daysLeftValue': { 'zh-CN': '{days} 天', en: '{days} days' },
  'card.expiredAgo': { 'zh-CN': '已过期 {days} 天', en: 'Expired {days} days ago' },
  'card.pinTries': { 'zh-CN': '密码剩余尝试次数', en: 'PIN tries left' },
  'card.pinTriesValue': { 'zh-CN': '{tries} 次', en: '{tries}' },
  'card.confirm': { 'zh-CN': '是这张卡，继续', en: 'This is the card, continue' },
  'lifecycle.active': { 'zh-CN': '正常', en: 'Active' },
  'lifecycle.expired': { 'zh-CN': '证书已过期', en: 'Certificate expired' },
  'lifecycle.locked': { 'zh-CN': '密码已锁定', en: 'PIN locked' },
  'lifecycle.frozen': { 'zh-CN': '已冻结', en: 'Frozen' },
  'lifecycle.reportedLost': { 'zh-CN': '已挂失', en: 'Reported lost' },
  'lifecycle.invalidated': { 'zh-CN': '已注销', en: 'Invalidated' },

  'renewEarly.title': { 'zh-CN': '这张卡暂时不需要延期', en: 'This card does not need renewing yet' },
  'renewEarly.body': {
    'zh-CN': '这张卡的证书还有 {days} 天才到期（有效期至 {date}）。剩余超过 90 天的卡一般无需延期。',
    en: "This card's certificate has {days} days left (valid until {date}). A card with more than 90 days left does not usually need renewing.",
  },
  'renewEarly.question': { 'zh-CN': '仍要延期这张卡吗？', en: 'Renew it anyway?' },
  'renewEarly.renew': { 'zh-CN': '仍要延期', en: 'Renew anyway' },
  'renewEarly.skip': { 'zh-CN': '不延期这张卡', en: 'Do not renew this card' },
  'removePrevious.title': { 'zh-CN': '请先取出上一张卡', en: 'Take out the previous card first' },
  'removePrevious.body': {
    'zh-CN': '上一张 IC 卡还在读卡器中。请从闪烁的插卡口取出，然后插入下一张要延期的卡。',
    en: 'The previous IC card is still in the reader. Take it from the flashing slot, then insert the next card to renew.',
  },

  'takeCard.title': { 'zh-CN': '请取走您的 IC 卡', en: 'Please take your IC card' },
  'takeCard.body.finished': {
    'zh-CN': '业务已办理完毕，IC 卡仍在读卡器中。请从闪烁的插卡口取出卡片。',
    en: 'The business is done and your card is still in the reader. Please take it from the flashing slot.',
  },
  'takeCard.body.canceled': {
    'zh-CN': '业务已取消，IC 卡仍在读卡器中。请从闪烁的插卡口取出卡片。',
    en: 'The business was canceled and your card is still in the reader. Please take it from the flashing slot.',
  },
  'takeCard.body.timedOut': {
    'zh-CN': '长时间没有操作，本次办理已自动结束，已扫描的材料和已输入的信息已清除。请从闪烁的插卡口取出 IC 卡。',
    en: 'Nothing was done for a while, so this session ended by itself and the papers scanned and details entered were wiped. Please take your card from the flashing slot.',
  },
  'takeCard.body.failed': {
    'zh-CN': '业务未能完成，IC 卡仍在读卡器中。请从闪烁的插卡口取出卡片。',
    en: 'The business could not be completed and your card is still in the reader. Please take it from the flashing slot.',
  },
} as const satisfies Translations;
