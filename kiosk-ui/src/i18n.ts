// The kiosk speaks Simplified Chinese by default and English on request. Both dictionaries are
// typed against one key list, so a key missing from either language is a compile error.

export type Language = 'zh-CN' | 'en';

export const languages: readonly Language[] = ['zh-CN', 'en'];
export const defaultLanguage: Language = 'zh-CN';

const zhCN = {
  'app.title': '中国电子口岸 IC 卡自助服务',
  'header.brand': '中国电子口岸',
  'header.product': 'IC 卡自助服务终端',

  'attract.eyebrow': '欢迎使用',
  'attract.welcome': '中国电子口岸 IC 卡自助服务',
  'attract.prompt': '请选择要办理的业务',
  'attract.help': '如需帮助，请联系大厅工作人员',
  'attract.comingSoonTitle': '即将开放',
  'attract.comingSoonNotice': '“{service}”业务即将开放，目前暂不可办理。请到人工窗口咨询。',
  'attract.dismiss': '知道了',

  'service.unlock.title': '解锁',
  'service.unlock.description': '密码锁定的 IC 卡现场解锁',
  'service.renewal.title': '证书延期',
  'service.renewal.description': '为未过期的 IC 卡证书续期',
  'service.intake.title': '材料预审',
  'service.intake.description': '排队前检查办理材料是否齐全',
  'service.query.title': '卡片查询',
  'service.query.description': '查看 IC 卡信息和证书有效期',
  'service.comingSoon': '即将开放 · 暂不可用',

  'kiosk.degraded': '部分设备需要维护，个别业务可能暂不可用。',
  'kiosk.outOfService': '本机暂停服务，请到人工窗口办理。',

  'language.toggle': 'English',
  'language.toggleLabel': 'Switch to English',

  'connection.open': '已连接',
  'connection.connecting': '正在连接…',
  'connection.reconnecting': '{seconds} 秒后重新连接',
  'connection.closed': '未连接',

  'overlay.title': '暂停服务',
  'overlay.body': '终端正在恢复与服务程序的连接，请稍候。',
  'overlay.help': '如长时间未恢复，请联系大厅工作人员。',

  'status.label': '设备状态',
  'device.cardReader': '读卡器',
  'device.printer': '打印机',
  'device.scanner': '扫描仪',
  'device.gpio': '指示灯',

  'state.unknown': '状态未知',
  'state.noDevice': '未连接',
  'state.cardReader.noCard': '就绪',
  'state.cardReader.present': '已插卡',
  'state.cardReader.busy': '正在读卡',
  'state.cardReader.error': '故障',
  'state.printer.online': '就绪',
  'state.printer.paperNearEnd': '纸将用完',
  'state.printer.paperOut': '缺纸',
  'state.printer.coverOpen': '机盖打开',
  'state.printer.cutterError': '切纸故障',
  'state.printer.offline': '离线',
  'state.printer.disconnected': '已断开',
  'state.scanner.idle': '就绪',
  'state.scanner.busy': '正在扫描',
  'state.scanner.jammed': '卡纸',
  'state.scanner.coverOpen': '机盖打开',
  'state.scanner.noPaper': '就绪（进纸器空）',
  'state.scanner.error': '故障',
  'state.gpio.online': '正常',
  'state.gpio.error': '故障',

  'tech.title': '技术员页面',
  'tech.bannerTitle': '只读状态视图',
  'tech.bannerBody': '技术员模式（设备测试、计数器、日志、停止服务）尚未开放，将在后续版本提供（issue 7）。本页只显示设备状态，不提供任何操作。',
  'tech.kioskId': '终端编号',
  'tech.version': '软件版本',
  'tech.overall': '整体状态',
  'tech.uptime': '运行时间',
  'tech.uptimeValue': '{hours} 小时 {minutes} 分',
  'tech.overall.ready': '正常服务',
  'tech.overall.degraded': '部分可用',
  'tech.overall.outOfService': '暂停服务',
  'tech.waiting': '正在获取设备状态…',
  'tech.source': '来源',
  'tech.source.sim': '模拟设备',
  'tech.source.hardware': '硬件',
  'tech.detail.device': '设备',
  'tech.detail.reason': '原因',
  'tech.detail.message': '信息',
  'tech.detail.operation': '操作',
  'tech.detail.cardNo': '卡号',
  'tech.detail.lifecycle': '卡状态',
  'tech.detail.lights': '灯',
  'tech.detail.inputs': '输入',
} as const;

/** Every message the UI can show. The Chinese dictionary defines the list. */
export type MessageKey = keyof typeof zhCN;
export type Dictionary = Readonly<Record<MessageKey, string>>;

const en: Dictionary = {
  'app.title': 'China E-Port IC Card Self-Service',
  'header.brand': 'China E-Port',
  'header.product': 'IC Card Self-Service',

  'attract.eyebrow': 'Welcome',
  'attract.welcome': 'China E-Port IC Card Self-Service',
  'attract.prompt': 'Please choose a service',
  'attract.help': 'Need help? Please ask a member of the hall staff.',
  'attract.comingSoonTitle': 'Coming soon',
  'attract.comingSoonNotice': '{service} is coming soon and not available yet. Please ask at a staffed counter.',
  'attract.dismiss': 'OK',

  'service.unlock.title': 'Unlock',
  'service.unlock.description': 'Unlock an IC card blocked by wrong PINs',
  'service.renewal.title': 'Certificate renewal',
  'service.renewal.description': 'Renew the certificate of a card that has not expired',
  'service.intake.title': 'Materials check',
  'service.intake.description': 'Check your documents are complete before queueing',
  'service.query.title': 'Card query',
  'service.query.description': 'See card details and certificate validity',
  'service.comingSoon': 'Not available yet',

  'kiosk.degraded': 'Some devices need maintenance; some services may be unavailable.',
  'kiosk.outOfService': 'This kiosk is out of service. Please go to a staffed counter.',

  'language.toggle': '中文',
  'language.toggleLabel': '切换到中文',

  'connection.open': 'Connected',
  'connection.connecting': 'Connecting…',
  'connection.reconnecting': 'Reconnecting in {seconds} s',
  'connection.closed': 'Not connected',

  'overlay.title': 'Temporarily out of service',
  'overlay.body': 'The kiosk is reconnecting to its service. Please wait.',
  'overlay.help': 'If this takes long, please ask a member of the hall staff.',

  'status.label': 'Device status',
  'device.cardReader': 'Card reader',
  'device.printer': 'Printer',
  'device.scanner': 'Scanner',
  'device.gpio': 'Lights',

  'state.unknown': 'Unknown',
  'state.noDevice': 'Not connected',
  'state.cardReader.noCard': 'Ready',
  'state.cardReader.present': 'Card inserted',
  'state.cardReader.busy': 'Reading card',
  'state.cardReader.error': 'Fault',
  'state.printer.online': 'Ready',
  'state.printer.paperNearEnd': 'Paper low',
  'state.printer.paperOut': 'Out of paper',
  'state.printer.coverOpen': 'Cover open',
  'state.printer.cutterError': 'Cutter fault',
  'state.printer.offline': 'Offline',
  'state.printer.disconnected': 'Disconnected',
  'state.scanner.idle': 'Ready',
  'state.scanner.busy': 'Scanning',
  'state.scanner.jammed': 'Paper jam',
  'state.scanner.coverOpen': 'Cover open',
  'state.scanner.noPaper': 'Ready (feeder empty)',
  'state.scanner.error': 'Fault',
  'state.gpio.online': 'Working',
  'state.gpio.error': 'Fault',

  'tech.title': 'Technician page',
  'tech.bannerTitle': 'Read-only status view',
  'tech.bannerBody': 'Technician mode (device tests, counters, logs, out of service) is not available yet; it comes in a later release (issue 7). This page only shows device status and offers no actions.',
  'tech.kioskId': 'Kiosk ID',
  'tech.version': 'Software version',
  'tech.overall': 'Overall state',
  'tech.uptime': 'Uptime',
  'tech.uptimeValue': '{hours} h {minutes} min',
  'tech.overall.ready': 'In service',
  'tech.overall.degraded': 'Degraded',
  'tech.overall.outOfService': 'Out of service',
  'tech.waiting': 'Fetching device status…',
  'tech.source': 'Source',
  'tech.source.sim': 'Simulated',
  'tech.source.hardware': 'Hardware',
  'tech.detail.device': 'Device',
  'tech.detail.reason': 'Reason',
  'tech.detail.message': 'Message',
  'tech.detail.operation': 'Operation',
  'tech.detail.cardNo': 'Card number',
  'tech.detail.lifecycle': 'Card status',
  'tech.detail.lights': 'Lights',
  'tech.detail.inputs': 'Inputs',
};

export const dictionaries: Readonly<Record<Language, Dictionary>> = { 'zh-CN': zhCN, en };

/** The message in `language`, with `{name}` placeholders filled from `params`. */
export function translate(language: Language, key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return dictionaries[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function otherLanguage(language: Language): Language {
  switch (language) {
    case 'zh-CN':
      return 'en';
    case 'en':
      return 'zh-CN';
  }
}
