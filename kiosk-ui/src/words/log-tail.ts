// The technician's tail of the service log.
import type { Translations } from './translations.ts';

export const logTailWords = {
  'logTail.title': { 'zh-CN': '服务日志（最近 {lines} 行）', en: 'Service log (latest {lines} lines)' },
  'logTail.hint': {
    'zh-CN': '日志已脱敏：不含 PIN，证件号已遮盖。点按一行查看原始内容。',
    en: 'Already redacted: no PINs, ID numbers masked. Tap a line to see it raw.',
  },
  'logTail.reload': { 'zh-CN': '刷新日志', en: 'Refresh the log' },
  'logTail.loading': { 'zh-CN': '正在读取日志…', en: 'Reading the log…' },
  'logTail.empty': { 'zh-CN': '暂无日志。', en: 'No log lines yet.' },
  'logTail.unparsed': { 'zh-CN': '（非 JSON 行）', en: '(not a JSON line)' },
} as const satisfies Translations;
