// Item 5 of issue 15: from a figure to the people behind it. Every headline and table figure
// links here (#/figure/{j|u}/{code or unionId}/{figure}[/{page}]); the page lists, a page at
// a time, the events the ledger counted in the figure and the member each is about, from
// the API's drill-down (GET …/statistics/{figure}/events) under the reader's scope. Names
// only where the ledger gives them (masked, to those who may read the member's records).
import { api, query } from '../api.js';
import { h, table } from '../dom.js';
import { label, number, t } from '../i18n.js';
import { figureLabel, filters, pageTitle } from './common.js';

export const PAGE_SIZE = 50;

/** The link to the events and members behind a figure of a jurisdiction or a union. */
export function figureHref(kind, id, figure) {
  return `#/figure/${kind}/${encodeURIComponent(id)}/${encodeURIComponent(figure)}`;
}

/** A figure shown as a link to the members behind it. */
export function figureLink(kind, id, figure, text) {
  return h('a', { href: figureHref(kind, id, figure), class: 'figure-link', dataset: { figure } }, text);
}

/** Who may open a member's timeline (the member page): not jurisdiction admins. */
function readsMembers(me) {
  return ['OFFICER', 'SUPERVISOR', 'AUDITOR', 'SYSTEM_ADMIN'].includes(me.role);
}

/** The day an event took effect, whichever field carries it. */
function effectiveDay(payload) {
  return payload.effectiveDate || payload.deliveredOn || payload.issuedOn || payload.establishedOn
    || payload.dissolvedOn || null;
}

/** Union ids an event names, where it was (from) and where it went (to). */
function unionsOf(payload) {
  const id = (value) => (value && typeof value === 'object' ? value.unionId : value);
  const ids = [payload.fromUnion, payload.union, payload.issuingUnion, payload.toUnion, payload.servingUnion,
    payload.fromUnionId, payload.unionId, payload.toUnionId, payload.servingUnionId]
    .map(id).filter((value) => typeof value === 'string');
  return [...new Set(ids)];
}

/** A figure's label: the figure's own, or its name's parts (figure · dimension · value). */
function describeFigure(figure) {
  const own = figureLabel(figure);
  if (own !== figure) {
    return own;
  }
  // The longest known name, then its breakdowns (dimension · value).
  const parts = figure.split('.');
  for (let length = parts.length - 1; length > 0; length -= 1) {
    const base = parts.slice(0, length).join('.');
    const text = figureLabel(base);
    if (text !== base) {
      const words = [text];
      for (let i = length; i + 1 < parts.length; i += 2) {
        words.push(label(parts[i], parts[i + 1]));
      }
      return words.join(' · ');
    }
  }
  const [base, dimension, value] = parts;
  if (dimension && value) {
    return `${figureLabel(base)} · ${label(dimension, value)}`;
  }
  return own;
}

async function subjectOf(kind, id) {
  if (kind === 'u') {
    const union = await api(`/api/unions/${encodeURIComponent(id)}`);
    return { name: union.name, unions: new Map([[union.unionId, union.name]]) };
  }
  const listed = await api(`/api/jurisdictions/${id}/unions`);
  return { name: listed.name, unions: new Map(listed.unions.map((u) => [u.unionId, u.name])) };
}

export async function showFigure(main, [kind, id, figure, pageText], me) {
  const page = Math.max(0, Number.parseInt(pageText || '0', 10) || 0);
  const base = kind === 'u' ? `/api/unions/${encodeURIComponent(id)}` : `/api/jurisdictions/${id}`;
  const [answer, subject] = await Promise.all([
    api(`${base}/statistics/${encodeURIComponent(figure)}/events${query({ year: filters.year, asOf: filters.asOf,
      knownAt: filters.knownAt, page, size: PAGE_SIZE })}`),
    subjectOf(kind, id)]);
  const unionName = (unionId) => subject.unions.get(unionId) || t('figure.otherUnion');
  const rows = answer.events.map((event, i) => {
    const payload = event.payload || {};
    const memberId = payload.memberId || (event.aggregateId && event.aggregateId.startsWith('m-') ? event.aggregateId : null);
    return { n: page * PAGE_SIZE + i + 1, day: effectiveDay(payload), type: label('event', event.type),
      memberId, name: event.nameMasked || null, unions: unionsOf(payload).map(unionName).join(' → ') };
  });
  const memberCell = (row) => {
    if (!row.memberId) {
      return '—';
    }
    const text = row.name || t('figure.member');
    return readsMembers(me) ? h('a', { href: `#/member/${encodeURIComponent(row.memberId)}`, class: 'member-link' }, text) : text;
  };
  const pages = Math.max(1, Math.ceil(answer.total / PAGE_SIZE));
  const pageLink = (target, text, id_) => h('a', { href: `${figureHref(kind, id, figure)}/${target}`, class: 'button', id: id_ }, text);
  const back = kind === 'u' ? `#/u/${encodeURIComponent(id)}` : `#/j/${id}`;
  // replaceChildren would show a null as the text "null": the absent parts are left out.
  main.replaceChildren(...[
    h('nav', { class: 'breadcrumbs', 'aria-label': t('app.breadcrumbs') }, h('ol', {}, h('li', {}, h('a', { href: back, id: 'figure-back' }, subject.name)),
      h('li', { 'aria-current': 'page' }, describeFigure(figure)))),
    pageTitle(t('figure.title', { figure: describeFigure(figure), name: subject.name }),
      t('figure.sub', { from: answer.from, to: answer.to }) + (answer.knownAt ? ` · ${t('figure.knownAt', { date: answer.knownAt })}` : '')),
    h('div', { class: 'kpis' },
      h('div', { class: 'kpi', id: 'figure-total' },
        h('span', { class: 'kpi-label' }, answer.openingBalance != null ? t('figure.changes') : t('figure.total')),
        h('span', { class: 'kpi-value' }, number(answer.total))),
      answer.openingBalance != null ? h('div', { class: 'kpi', id: 'figure-opening' },
        h('span', { class: 'kpi-label' }, t('figure.opening', { date: answer.from })),
        h('span', { class: 'kpi-value' }, number(answer.openingBalance))) : null),
    answer.openingBalance != null ? h('p', { class: 'sub', id: 'figure-stock' }, t('figure.stockExplain')) : null,
    readsMembers(me) ? null : h('p', { class: 'sub', id: 'figure-no-names' }, t('figure.noNames')),
    h('section', { class: 'card wide', id: 'figure-events' },
      h('h3', {}, t('figure.events', { from: answer.total === 0 ? 0 : page * PAGE_SIZE + 1,
        to: page * PAGE_SIZE + rows.length, total: answer.total })),
      rows.length === 0 ? h('p', { id: 'figure-empty' }, t('figure.empty'))
        : table([{ key: 'n', label: '#', numeric: true }, { key: 'day', label: t('col.effectiveDate') },
          { key: 'type', label: t('col.event') }, { key: 'memberId', label: t('col.member'), render: memberCell },
          { key: 'unions', label: t('col.union') }], rows, { id: 'figure-table' }),
      h('p', { class: 'actions pager' },
        page > 0 ? pageLink(page - 1, t('figure.previous'), 'figure-previous') : null,
        h('span', { id: 'figure-page' }, t('figure.page', { page: page + 1, pages })),
        page + 1 < pages ? pageLink(page + 1, t('figure.next'), 'figure-next') : null))].filter(Boolean));
}
