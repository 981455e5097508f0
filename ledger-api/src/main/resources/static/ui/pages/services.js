// Item 3: services delivered, in person-times and yuan, by type and by seasonal campaign.
import { api, query } from '../api.js';
import { chartCard } from '../charts.js';
import { h } from '../dom.js';
import { label, number, t } from '../i18n.js';
import { breadcrumbs, filterForm, filters, kpi, pageTitle } from './common.js';

function measureCard(id, title, kind, measures) {
  const rows = Object.entries(measures).map(([key, m]) => ({ key: label(kind, key), personTimes: m.personTimes,
    amountYuan: Number(m.amountYuan), deliveries: m.deliveries }));
  return chartCard({ id, title,
    option: { tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.key), axisLabel: { interval: 0, rotate: 30, fontSize: 10 } },
      yAxis: [{ type: 'value', name: t('fig.personTimes'), minInterval: 1 }, { type: 'value', name: t('fig.amountYuan') }],
      series: [{ name: t('fig.personTimes'), type: 'bar', data: rows.map((r) => r.personTimes), itemStyle: { color: '#2f4554' } },
        { name: t('fig.amountYuan'), type: 'bar', yAxisIndex: 1, data: rows.map((r) => r.amountYuan), itemStyle: { color: '#d48265' } }] },
    columns: [{ key: 'key', label: t(`col.${kind}`) }, { key: 'deliveries', label: t('fig.deliveries'), numeric: true },
      { key: 'personTimes', label: t('fig.personTimes'), numeric: true },
      { key: 'amountYuan', label: t('fig.amountYuan'), numeric: true, render: (r) => number(r.amountYuan, 2) }],
    rows });
}

export async function show(main, parts, me) {
  const union = parts[0] === 'u';
  const id = union ? parts[1] : parts[0];
  const path = union ? `/api/unions/${encodeURIComponent(id)}` : `/api/jurisdictions/${id}`;
  const stats = await api(`${path}/statistics${query({ year: filters.year, asOf: filters.asOf })}`);
  const reload = () => show(main, parts, me);
  let crumbs = '';
  let title = id;
  if (!union) {
    const division = await api(`${path}/children`);
    crumbs = breadcrumbs(me, division.path, 'services');
    title = t('page.codeTitle', { name: division.name, code: id });
  } else {
    title = (await api(path)).name;
  }
  const here = stats.services.deliveredHere;
  main.replaceChildren(crumbs,
    pageTitle(`${t('nav.services')} · ${title}`, t('page.jurisdictionSub', { year: stats.statisticalYear, from: stats.from, asOf: stats.asOf })),
    filterForm(me, reload, { knownAt: false }),
    h('div', { class: 'kpis', id: 'kpis' },
      kpi('deliveries', t('fig.deliveries'), here.deliveries),
      kpi('personTimes', t('fig.personTimes'), here.personTimes),
      kpi('amount', t('fig.amountYuan'), Number(here.amountYuan), undefined, 2),
      kpi('distinct', t('fig.distinctMembers'), here.distinctMembers)),
    h('div', { class: 'grid' },
      measureCard('chart-campaign', t('chart.byCampaign'), 'campaign', here.byCampaign),
      measureCard('chart-type', t('chart.byType'), 'serviceType', here.byType)));
}
