// How a panel shows a refusal or failure: the plain words, and the daemon's detail under them.
import { html, nothing } from 'lit';
import { translate, type Language } from '../i18n.ts';
import type { Words } from '../technician-words.ts';

export interface Problem {
  words: Words;
  detail: string | null;
}

export function problemAlert(language: Language, problem: Problem | null) {
  if (problem === null) return nothing;
  return html`<div class="result" data-level="unavailable" role="alert">
    <strong>${translate(language, problem.words.key, problem.words.params)}</strong>
    ${problem.detail === null ? nothing : html`<span class="detail">${problem.detail}</span>`}
  </div>`;
}
