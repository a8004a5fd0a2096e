// The legal-person card's registry operations by name (seed 003's words), defined once for the
// screens and the receipts.
import type { RegistryOperation } from './authority/authority.ts';
import type { BilingualText } from './bilingual-text.ts';

export const registryOperationLabel: Record<RegistryOperation, BilingualText> = {
  reportLoss: { zh: '挂失', en: 'report loss' },
  undoLoss: { zh: '解挂', en: 'undo the loss report' },
  freeze: { zh: '冻结', en: 'freeze' },
  unfreeze: { zh: '解冻', en: 'unfreeze' },
  deregister: { zh: '注销操作员', en: 'deregister the operator' },
  declareOperator: { zh: '申报新操作员', en: 'declare a new operator' },
};
