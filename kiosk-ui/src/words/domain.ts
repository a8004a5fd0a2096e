// The kiosk's domain words on screen: the businesses, the card types and the PIN refusals, as the contract names
// them once for the screens, the receipts and the intake check's findings (contract/businesses.ts,
// contract/devices/card-reader.ts). A screen shows them as they are in Chinese and with a capital
// in English, where they stand as titles and buttons.
import type { BilingualText } from '../../../contract/bilingual-text.ts';
import { businessLabel, type Business } from '../../../contract/businesses.ts';
import { cardTypeLabel, type CardType } from '../../../contract/devices/card-reader.ts';
import { pinRefusalText, type PinRefusal } from '../../../contract/pin-refusal.ts';
import type { Translation } from './translations.ts';

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function onScreen<P extends string, K extends string>(prefix: P, labels: Readonly<Record<K, BilingualText>>): Readonly<Record<`${P}.${K}`, Translation>> {
  const entries = (Object.entries(labels) as [K, BilingualText][]).map(([key, label]) => [`${prefix}.${key}`, { 'zh-CN': label.zh, en: capitalised(label.en) }]);
  return Object.fromEntries(entries) as Record<`${P}.${K}`, Translation>;
}

export const businessWords = onScreen('business', businessLabel);
export const cardTypeWords = onScreen('cardType', cardTypeLabel);
export const pinRefusalWords = onScreen('pinRefusal', pinRefusalText);

/** The message key of a business's name. */
export const businessKey = (business: Business): `business.${Business}` => `business.${business}`;
/** The message key of a card type's name. */
export const cardTypeKey = (type: CardType): `cardType.${CardType}` => `cardType.${type}`;
/** The message key of why a new PIN was refused (the same words `kiosk technician hash-pin` prints). */
export const pinRefusalKey = (refusal: PinRefusal): `pinRefusal.${PinRefusal}` => `pinRefusal.${refusal}`;
