// The dashboard's two languages: Simplified Chinese by default, English by the switch.
// Only the choice of language is kept in the browser (localStorage), nothing else.
const dictionaries = {};
const STORAGE_KEY = 'ledger.lang';
export const LANGUAGES = ['zh-CN', 'en'];
let current = LANGUAGES.includes(localStorage.getItem(STORAGE_KEY)) ? localStorage.getItem(STORAGE_KEY) : 'zh-CN';

export function lang() {
  return current;
}

export async function useLanguage(language) {
  if (!dictionaries[language]) {
    const response = await fetch(`/ui/i18n/${language}.json`, { credentials: 'same-origin' });
    dictionaries[language] = await response.json();
  }
  current = language;
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

/** The text for a key, with {name} placeholders filled in; the key itself when missing. */
export function t(key, values) {
  let text = dictionaries[current]?.[key];
  if (text === undefined) {
    text = key;
  }
  if (values) {
    for (const [name, value] of Object.entries(values)) {
      text = text.replaceAll(`{${name}}`, String(value));
    }
  }
  return text;
}

/** An enum value's label (e.g. sector.CONSTRUCTION), or the value itself. */
export function label(kind, value) {
  const key = `${kind}.${value}`;
  const text = t(key);
  return text === key ? value : text;
}

/** Fills every element carrying data-i18n (text) or data-i18n-* (attributes). */
export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => {
    el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder));
  });
}

export function number(value, digits = 0) {
  if (value === null || value === undefined) {
    return '—';
  }
  return Number(value).toLocaleString(current, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
