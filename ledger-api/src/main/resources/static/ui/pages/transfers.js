// Item 2: members moving between cities (a Sankey chart) and transfer credentials still
// outstanding or expired, for a jurisdiction (per unit below) or a union.
import { api, query } from '../api.js';
import { chartCard } from '../charts.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { breadcrumbs, filterForm, filters, kpi, pageTitle } from './common.js';
import { actsFor, credentialSections } from './credentials.js';

function sankeyCard(flows) {
  // A Sankey graph must be acyclic: a city appears once as origin and once as destination.
  const nodes = new Map();
  for (const f of flows) {
    nodes.set(`${f.fromName} →`, { name: `${f.fromName} →` });
    nodes.set(`→ ${f.toName}`, { name: `→ ${f.toName}` });
  }
  const rows = flows.map((f) => ({ from: f.fromName, to: f.toName, count: f.count }));
  return chartCard({ id: 'chart-flows', title: t('chart.flows'), wide: true,
    option: flows.length === 0 ? { title: { text: t('flows.none'), left: 'center', top: 'middle', textStyle: { fontSize: 13, color: '#666' } } }
      : { tooltip: { trigger: 'item' },
        series: [{ type: 'sankey', left: 8, right: 90, data: [...nodes.values()], emphasis: { focus: 'adjacency' },
          links: flows.map((f) => ({ source: `${f.fromName} →`, target: `→ ${f.toName}`, value: f.count })),
          label: { fontSize: 11 }, lineStyle: { color: 'gradient', curveness: 0.5 } }] },
    columns: [{ key: 'from', label: t('col.fromCity') }, { key: 'to', label: t('col.toCity') },
      { key: 'count', label: t('col.count'), numeric: true }],
    rows });
}

function credentialsCard(children) {
  const rows = children.map((c) => ({ name: c.name, outstanding: c.outstanding, expired: c.expired }));
  return chartCard({ id: 'chart-credentials', title: t('chart.credentials'), wide: true,
    option: { tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: 30, fontSize: 10 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: t('fig.outstanding'), type: 'bar', stack: 'c', data: rows.map((r) => r.outstanding), itemStyle: { color: '#61a0a8' } },
        { name: t('fig.expired'), type: 'bar', stack: 'c', data: rows.map((r) => r.expired), itemStyle: { color: '#c23531' } }] },
    columns: [{ key: 'name', label: t('col.name') }, { key: 'outstanding', label: t('fig.outstanding'), numeric: true },
      { key: 'expired', label: t('fig.expired'), numeric: true }],
    rows });
}

export async function show(main, parts, me) {
  const union = parts[0] === 'u';
  const id = union ? parts[1] : parts[0];
  const path = union ? `/api/unions/${encodeURIComponent(id)}` : `/api/jurisdictions/${id}`;
  const data = await api(`${path}/transfers${query({ year: filters.year, asOf: filters.asOf })}`);
  const reload = () => show(main, parts, me);
  let crumbs = null;
  let title = data.name ? t('page.codeTitle', { name: data.name, code: id }) : id;
  if (!union) {
    const division = await api(`${path}/children`);
    crumbs = breadcrumbs(me, division.path, 'transfers');
  } else {
    const info = await api(path);
    title = info.name;
  }
  main.replaceChildren(
    crumbs || '',
    pageTitle(`${t('nav.transfers')} · ${title}`, t('transfers.sub')),
    filterForm(me, reload, { knownAt: false }),
    h('div', { class: 'kpis', id: 'kpis' },
      kpi('outstanding', t('fig.outstanding'), data.credentials.outstanding),
      kpi('expired', t('fig.expired'), data.credentials.expired),
      kpi('crossCity', t('fig.crossCityFlows'), data.flows.reduce((sum, f) => sum + f.count, 0))),
    h('div', { class: 'grid' }, sankeyCard(data.flows), data.children && data.children.length ? credentialsCard(data.children) : null),
    h('p', { class: 'sub' }, t('transfers.expiredNote')),
    // The union's own credentials and inbox, for those who act for it.
    ...(union && actsFor(me, id) ? await credentialSections(id, me) : []));
}
