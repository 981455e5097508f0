// Item 1 of the dashboard: a jurisdiction (province, city, county or zone) and its figures,
// drilling down to its unions; and one union's figures.
import { api, query } from '../api.js';
import { chartCard } from '../charts.js';
import { h, table } from '../dom.js';
import { label, lang, number, t } from '../i18n.js';
import { breadcrumbs, figureLabel, filterForm, filters, inScope, kpi, pageTitle, percent } from './common.js';
import { figureHref, figureLink } from './figures.js';
import { rankingCards, targetsCard } from './targets.js';
import { adminCards, administers, movesCard, namesCard, registerCard } from './unions.js';

function params() {
  return query({ year: filters.year, asOf: filters.asOf, knownAt: filters.knownAt });
}

/** [kind, id] of the scope a page shows, for the links to the members behind its figures. */
function subjectOf(stats) {
  return stats.unionId ? ['u', stats.unionId] : ['j', stats.code];
}

function kpis(stats, known) {
  const then = (path) => (known ? path(known) : undefined);
  const [kind, id] = subjectOf(stats);
  const href = (figure) => figureHref(kind, id, figure);
  return h('div', { class: 'kpis', id: 'kpis' },
    kpi('active', t('fig.activeMembers'), stats.members.active, then((s) => s.members.active), 0, href('activeMembers')),
    kpi('onHold', t('fig.onHold'), stats.members.onHold, then((s) => s.members.onHold), 0, href('onHold')),
    kpi('new', t('fig.newEnrollments'), stats.flows.newEnrollments, then((s) => s.flows.newEnrollments), 0, href('newEnrollments')),
    kpi('transfersIn', t('fig.transfersIn'), stats.flows.transfersIn, then((s) => s.flows.transfersIn), 0, href('transfersIn')),
    kpi('transfersOut', t('fig.transfersOut'), stats.flows.transfersOut, then((s) => s.flows.transfersOut), 0, href('transfersOut')),
    kpi('newUnions', t('fig.unionsEstablished'), stats.unions.newlyEstablished, then((s) => s.unions.newlyEstablished), 0,
      href('unionsEstablished')),
    kpi('personTimes', t('fig.services.personTimes'), stats.services.deliveredHere.personTimes,
      then((s) => s.services.deliveredHere.personTimes), 0, href('services.personTimes')));
}

/**
 * With knownAt, the figures as known then come in the answer's figures; the ones as recorded
 * now are those plus recordedAfterKnownAt. Returns [now, then] in the shape of the answer.
 */
async function statistics(path) {
  const stats = await api(`${path}/statistics${params()}`);
  if (!filters.knownAt) {
    return [stats, null];
  }
  const now = await api(`${path}/statistics${query({ year: filters.year, asOf: filters.asOf })}`);
  return [now, stats];
}

function gaugeCard(stats) {
  const [kind, id] = subjectOf(stats);
  const rows = stats.completion.map((c) => ({ source: label('source', c.source), target: c.target,
    newEnrollments: c.newEnrollments, percent: c.percent }));
  const gauges = stats.completion.map((c, i) => ({
    type: 'gauge', center: [`${25 + 50 * i}%`, '55%'], radius: '58%', min: 0, max: 150, splitNumber: 5,
    title: { offsetCenter: [0, '95%'], fontSize: 12 },
    detail: { formatter: () => (c.percent == null ? t('gauge.noTarget') : `${Number(c.percent).toFixed(1)}%`), fontSize: 15, offsetCenter: [0, '55%'] },
    axisLabel: { fontSize: 9, distance: 12 }, progress: { show: c.percent != null, width: 8 }, axisLine: { lineStyle: { width: 8 } },
    pointer: { show: c.percent != null, width: 4 }, splitLine: { length: 8 }, axisTick: { show: false },
    data: [{ value: c.percent == null ? 0 : Math.min(150, Number(c.percent)), name: label('source', c.source) }],
  }));
  return chartCard({ id: 'chart-completion', title: t('chart.completion'), option: { series: gauges },
    columns: [{ key: 'source', label: t('col.source') }, { key: 'target', label: t('col.target'), numeric: true },
      { key: 'newEnrollments', label: t('fig.newEnrollments'), numeric: true,
        render: (r) => figureLink(kind, id, 'newEnrollments', number(r.newEnrollments)) },
      { key: 'percent', label: t('col.completion'), numeric: true, render: (r) => percent(r.percent) }],
    rows });
}

function monthlyCard(monthly) {
  const months = monthly.months.map((m) => m.month);
  const series = [
    { name: t('fig.newEnrollments'), type: 'line', data: monthly.months.map((m) => m.figures.newEnrollments) },
    { name: t('fig.transfersIn'), type: 'line', data: monthly.months.map((m) => m.figures.transfersIn) },
  ];
  const columns = [{ key: 'month', label: t('col.month') },
    { key: 'newEnrollments', label: t('fig.newEnrollments'), numeric: true },
    { key: 'transfersIn', label: t('fig.transfersIn'), numeric: true },
    { key: 'reEnrollments', label: t('fig.reEnrollments'), numeric: true }];
  if (monthly.knownAt) {
    series.push({ name: t('chart.newKnownAt', { date: monthly.knownAt }), type: 'line', lineStyle: { type: 'dashed' },
      data: monthly.months.map((m) => m.knownAtFigures.newEnrollments) });
    columns.push({ key: 'knownNew', label: t('chart.newKnownAt', { date: monthly.knownAt }), numeric: true });
  }
  const rows = monthly.months.map((m) => ({ month: m.month, newEnrollments: m.figures.newEnrollments,
    transfersIn: m.figures.transfersIn, reEnrollments: m.figures.reEnrollments,
    knownNew: m.knownAtFigures ? m.knownAtFigures.newEnrollments : null,
    _class: m.knownAtFigures && m.knownAtFigures.newEnrollments !== m.figures.newEnrollments ? 'late' : null }));
  return chartCard({ id: 'chart-monthly', title: t('chart.monthly'), wide: true,
    option: { tooltip: { trigger: 'axis' }, legend: { top: 0, textStyle: { fontSize: 11 } },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months }, yAxis: { type: 'value', minInterval: 1 }, series },
    columns, rows });
}

/** A breakdown's chart; its table links each value to the members behind it (figure.kind.value). */
function breakdownCard(id, title, kind, values, pie = false, drill = null) {
  const rows = Object.entries(values).map(([key, value]) => ({ key: label(kind, key), value,
    figure: drill ? `${drill.figure}.${kind}.${key}` : null }));
  const option = pie
    ? { tooltip: { trigger: 'item' }, legend: { bottom: 0, textStyle: { fontSize: 11 } },
      series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], data: rows.map((r) => ({ name: r.key, value: r.value })) }] }
    : { tooltip: { trigger: 'axis' }, grid: { left: 8, right: 16, top: 10, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.key), axisLabel: { interval: 0, rotate: 30, fontSize: 10 } },
      yAxis: { type: 'value', minInterval: 1 }, series: [{ type: 'bar', data: rows.map((r) => r.value), itemStyle: { color: '#61a0a8' } }] };
  return chartCard({ id, title, option, rows,
    columns: [{ key: 'key', label: t(`col.${kind}`) }, { key: 'value', label: t('col.count'), numeric: true,
      render: (r) => (drill && r.value ? figureLink(drill.kind, drill.id, r.figure, number(r.value)) : number(r.value)) }] });
}

function lateTable(now, then) {
  const differences = then.recordedAfterKnownAt || {};
  const names = Object.keys(differences).filter((n) => !n.includes('.') || n.startsWith('transfers.'));
  const rows = names.map((name) => ({ figure: figureLabel(name), known: (then.figures[name] || 0),
    now: (then.figures[name] || 0) + differences[name], difference: differences[name], _class: 'late' }));
  return h('section', { class: 'card wide', id: 'late-entries' },
    h('h3', {}, t('late.title', { date: then.knownAt })),
    h('p', { class: 'sub' }, t('late.explain')),
    rows.length === 0 ? h('p', { id: 'late-none' }, t('late.none'))
      : table([{ key: 'figure', label: t('col.figure') }, { key: 'known', label: t('late.known'), numeric: true },
        { key: 'now', label: t('late.now'), numeric: true }, { key: 'difference', label: t('late.difference'), numeric: true }],
      rows, { id: 'late-table' }));
}

/** A figure of a unit below, linked to the members behind it. */
function unitFigure(kind, id, figure, value) {
  return value == null ? number(value) : figureLink(kind, id, figure, number(value));
}

/**
 * The units below with their figures, all from one request
 * (GET /api/jurisdictions/{code}/children/statistics).
 */
function childrenTable(division) {
  const rows = division.children.map((c) => {
    const assigned = c.completion ? c.completion.find((x) => x.source === 'ASSIGNED') : null;
    return { name: c.name, code: c.code, active: c.members.active, newEnrollments: c.flows.newEnrollments,
      transfersIn: c.flows.transfersIn, target: assigned ? assigned.target : null,
      rate: assigned && assigned.percent != null ? Number(assigned.percent) : null };
  });
  return h('section', { class: 'card wide', id: 'children' },
    h('h3', {}, t('children.title')),
    table([
      { key: 'name', label: t('col.name'), render: (r) => h('a', { href: `#/j/${r.code}`, class: 'drill' }, r.name) },
      { key: 'code', label: t('col.code') },
      { key: 'active', label: t('fig.activeMembers'), numeric: true, render: (r) => unitFigure('j', r.code, 'activeMembers', r.active) },
      { key: 'newEnrollments', label: t('fig.newEnrollments'), numeric: true,
        render: (r) => unitFigure('j', r.code, 'newEnrollments', r.newEnrollments) },
      { key: 'transfersIn', label: t('fig.transfersIn'), numeric: true, render: (r) => unitFigure('j', r.code, 'transfersIn', r.transfersIn) },
      { key: 'target', label: t('col.target'), numeric: true, render: (r) => number(r.target) },
      { key: 'rate', label: t('col.completion'), numeric: true, render: (r) => percent(r.rate) }],
    rows, { sortable: true, id: 'children-table' }));
}

/** A county's or zone's unions with their figures, from the same one request. */
function unionsTable(unions) {
  const rows = unions.map((u) => ({ ...u, typeLabel: label('unionType', u.type), sectorLabel: label('sector', u.sector),
    active: u.members.active, newEnrollments: u.flows.newEnrollments }));
  return h('section', { class: 'card wide', id: 'unions' },
    h('h3', {}, t('unions.title')),
    rows.length === 0 ? h('p', {}, t('unions.none')) : table([
      { key: 'name', label: t('col.name'), render: (r) => h('a', { href: `#/u/${r.unionId}`, class: 'drill' }, r.name) },
      { key: 'active', label: t('fig.activeMembers'), numeric: true, render: (r) => unitFigure('u', r.unionId, 'activeMembers', r.active) },
      { key: 'newEnrollments', label: t('fig.newEnrollments'), numeric: true,
        render: (r) => unitFigure('u', r.unionId, 'newEnrollments', r.newEnrollments) },
      { key: 'typeLabel', label: t('col.unionType') },
      { key: 'sectorLabel', label: t('col.sector') },
      { key: 'establishedOn', label: t('col.established') }], rows, { sortable: true, id: 'unions-table' }));
}

/** The sign-off page opens on the chosen year when it has ended, else on its own default. */
function signOffYear(me) {
  return filters.year && Number(filters.year) < me.statisticalYear ? `/${filters.year}` : '';
}

export async function showJurisdiction(main, [code], me) {
  const path = `/api/jurisdictions/${code}`;
  // The units below and their figures in one request (not one per unit), with the path.
  const [[stats, then], division, monthly] = await Promise.all([statistics(path),
    api(`${path}/children/statistics${query({ year: filters.year, asOf: filters.asOf })}`),
    api(`${path}/statistics/monthly${params()}`)]);
  const county = division.unitKind === 'UNION';
  const reload = () => showJurisdiction(main, [code], me);
  const [rankings, targets] = await Promise.all([rankingCards(me, code, division),
    targetsCard(me, code, reload).catch(() => null)]);
  const shown = then || stats;
  main.replaceChildren(
    breadcrumbs(me, division.path, 'j'),
    pageTitle(t('page.codeTitle', { name: division.name, code }), t('page.jurisdictionSub', { year: shown.statisticalYear, from: shown.from, asOf: shown.asOf })),
    h('p', { class: 'actions' }, h('a', { href: `#/signoff/${code}${signOffYear(me)}`, class: 'button', id: 'open-signoff' }, t('nav.signoff'))),
    filterForm(me, reload),
    kpis(stats, then),
    h('div', { class: 'grid' },
      gaugeCard(shown),
      targets,
      ...rankings,
      monthlyCard(monthly),
      breakdownCard('chart-sector', t('chart.sector'), 'sector', shown.breakdowns.newEnrollmentsBySector, false,
        { kind: 'j', id: code, figure: 'newEnrollments' }),
      breakdownCard('chart-channel', t('chart.channel'), 'channel', shown.breakdowns.newEnrollmentsByChannel, true,
        { kind: 'j', id: code, figure: 'newEnrollments' }),
      breakdownCard('chart-new-unions', t('chart.newUnions', { count: shown.unions.newlyEstablished }), 'unionType',
        shown.unions.newlyEstablishedByUnionType, false, { kind: 'j', id: code, figure: 'unionsEstablished' }),
      then ? lateTable(stats, then) : null),
    // replaceChildren would show a null as the text "null": the register form only for admins
    ...[county ? registerCard(me, code, division.name, reload) : null].filter(Boolean),
    county ? unionsTable(division.children) : childrenTable(division));
}

export async function showUnion(main, [unionId], me) {
  const path = `/api/unions/${encodeURIComponent(unionId)}`;
  const [union, [stats, then], monthly] = await Promise.all([api(path), statistics(path),
    api(`${path}/statistics/monthly${params()}`)]);
  const levels = [];
  levels.push({ code: union.provinceCode, name: union.provinceName || union.provinceCode },
    { code: union.cityCode, name: union.cityName || union.cityCode },
    { code: union.jurisdictionCode, name: union.jurisdictionName || union.jurisdictionCode });
  if (inScope(me, union.provinceCode) || inScope(me, union.cityCode)) {
    const division = await api(`/api/jurisdictions/${union.jurisdictionCode}/children`).catch(() => null);
    if (division) {
      division.path.forEach((level, i) => { levels[i] = level; });
    }
  }
  const reload = () => showUnion(main, [unionId], me);
  const shown = then || stats;
  const dissolved = union.dissolvedOn ? ` · ${t('unionAdmin.dissolvedOn', { date: union.dissolvedOn })}` : '';
  main.replaceChildren(
    breadcrumbs(me, levels, 'j', union.name),
    pageTitle(union.name, `${label('unionType', union.type)} · ${label('sector', union.sector)} · ${t('col.established')} ${union.establishedOn}${dissolved}`),
    ...(administers(me, union.jurisdictionCode) ? [h('div', { class: 'message ok', id: 'union-admin-result', role: 'status', hidden: true })] : []),
    filterForm(me, reload),
    kpis(stats, then),
    h('div', { class: 'grid' },
      monthlyCard(monthly),
      breakdownCard('chart-channel', t('chart.channel'), 'channel', shown.breakdowns.newEnrollmentsByChannel, true,
        { kind: 'u', id: unionId, figure: 'newEnrollments' }),
      namesCard(union),
      movesCard(union),
      then ? lateTable(stats, then) : null),
    ...adminCards(me, union, reload),
    // replaceChildren would show a null as the text "null": officers' actions only when allowed
    ...(me.role === 'OFFICER' || me.role === 'SYSTEM_ADMIN'
      ? [h('p', { class: 'actions' }, h('a', { href: `#/enroll/${unionId}`, class: 'button' }, t('nav.enroll')),
        h('a', { href: `#/issue/${unionId}`, class: 'button' }, t('nav.issue')),
        h('a', { href: `#/transfers/u/${unionId}`, class: 'button' }, t('nav.transfers')))]
      : []));
  // The roster as a file, for those who may read the union's members (the server checks).
  if (['OFFICER', 'SUPERVISOR', 'AUDITOR', 'SYSTEM_ADMIN'].includes(me.role)) {
    main.append(h('p', { class: 'actions', id: 'roster-exports' },
      h('a', { href: `${path}/roster.csv?lang=${lang()}`, download: '', id: 'roster-csv' }, t('roster.downloadCsv')), ' ',
      h('a', { href: `${path}/roster.xlsx?lang=${lang()}`, download: '', id: 'roster-xlsx' }, t('roster.downloadXlsx'))));
  }
}
