// Parts several pages share: the date filters, breadcrumbs, figure cards.
import { h } from '../dom.js';
import { number, t } from '../i18n.js';

/** The filters every figure page shares; kept while the user moves between pages. */
export const filters = { year: '', asOf: '', knownAt: '' };

export function inScope(me, code) {
  if (me.scope.everywhere) {
    return true;
  }
  return Boolean(me.scope.jurisdiction) && code.startsWith(me.scope.jurisdiction.code);
}

/** The path's levels, each linked to the route (plus suffix, e.g. a year) where in scope. */
export function breadcrumbs(me, path, route, last, suffix = '') {
  const items = path.map((level, index) => {
    const text = `${level.name}`;
    const isLast = index === path.length - 1 && !last;
    if (isLast) {
      return h('li', { 'aria-current': 'page' }, text);
    }
    return h('li', {}, inScope(me, level.code) ? h('a', { href: `#/${route}/${level.code}${suffix}` }, text) : text);
  });
  if (last) {
    items.push(h('li', { 'aria-current': 'page' }, last));
  }
  return h('nav', { class: 'breadcrumbs', 'aria-label': t('app.breadcrumbs') }, h('ol', { id: 'breadcrumbs' }, items));
}

/** Year, as-of and known-at pickers; onApply re-reads the page. */
export function filterForm(me, onApply, { knownAt = true } = {}) {
  const current = me.statisticalYear;
  const year = h('select', { id: 'filter-year' }, [current, current - 1, current - 2].map((y) =>
    h('option', { value: String(y), selected: String(y) === String(filters.year || current) }, t('filter.yearOption', { year: y }))));
  const asOf = h('input', { type: 'date', id: 'filter-asof', value: filters.asOf, max: me.today });
  const known = h('input', { type: 'date', id: 'filter-knownat', value: filters.knownAt, max: me.today });
  const form = h('form', { class: 'filters', id: 'filters' },
    h('div', { class: 'field' }, h('label', { for: 'filter-year' }, t('filter.year')), year),
    h('div', { class: 'field' }, h('label', { for: 'filter-asof' }, t('filter.asOf')), asOf),
    knownAt ? h('div', { class: 'field' }, h('label', { for: 'filter-knownat' }, t('filter.knownAt')), known) : null,
    h('button', { type: 'submit', class: 'primary', id: 'filter-apply' }, t('filter.apply')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    filters.year = year.value === String(current) ? '' : year.value;
    filters.asOf = asOf.value;
    filters.knownAt = knownAt ? known.value : '';
    onApply();
  });
  return form;
}

/**
 * A headline figure; with a known-at value, the difference is highlighted; with href, the
 * figure links to the members behind it.
 */
export function kpi(id, title, value, knownValue, digits = 0, href = null) {
  const changed = knownValue !== undefined && knownValue != null && knownValue !== value;
  const shown = number(value, digits);
  return h('div', { class: changed ? 'kpi late' : 'kpi', id: `kpi-${id}` },
    h('span', { class: 'kpi-label' }, title),
    h('span', { class: 'kpi-value' }, href ? h('a', { href, class: 'figure-link', title: t('figure.linkTitle') }, shown) : shown),
    changed ? h('span', { class: 'kpi-known' }, t('kpi.knownAt', { value: number(knownValue, digits) })) : null);
}

export function pageTitle(text, sub) {
  return h('div', { class: 'page-title' }, h('h2', { id: 'page-title' }, text), sub ? h('p', { class: 'sub' }, sub) : null);
}

export function figureLabel(name) {
  const key = `fig.${name}`;
  const text = t(key);
  return text === key ? name : text;
}

export function percent(value) {
  return value == null || value === undefined ? '—' : `${number(Number(value), 2)}%`;
}
