// The technician's view of the audit log.
import type { Translations } from './translations.ts';

export const auditWords = {
  'audit.title': { 'zh-CN': '审计日志（最近 {limit} 条）', en: 'Audit log (latest {limit})' },
  'audit.reload': { 'zh-CN': '刷新', en: 'Refresh' },
  'audit.loading': { 'zh-CN': '正在读取审计日志…', en: 'Reading the audit log…' },
  'audit.empty': { 'zh-CN': '暂无记录。', en: 'No entries yet.' },
  'audit.time': { 'zh-CN': '时间', en: 'Time' },
  'audit.actor': { 'zh-CN': '操作者', en: 'Actor' },
  'audit.action': { 'zh-CN': '操作', en: 'Action' },
  'audit.detail': { 'zh-CN': '详情', en: 'Detail' },
} as const satisfies Translations;
