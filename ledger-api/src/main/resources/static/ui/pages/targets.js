// Item 4 of issue 15: a jurisdiction's enrollment targets (目标任务) set and amended on the
// page by the level that owns them, and rankings that say what they rank: among the
// page's siblings (同级) or of the units below it (所辖).
import { api, query } from '../api.js';
import { chartCard } from '../charts.js';
import { h, table } from '../dom.js';
import { number, t } from '../i18n.js';
import { filters, inScope, percent } from './common.js';

const SOURCES = ['ASSIGNED', 'SELF_SET'];

function levelOf(code) {
  if (code.length === 2) {
    return 'province';
  }
  return code.length === 4 ? 'city' : 'county';
}

/** Who set a target, in the words of the page's level (省总要求 for a city, 市总下达 for a county). */
function sourceLabel(code, source) {
  return t(`targets.source.${source}.${levelOf(code)}`);
}

/** The code of the level directly above, or null for a province. */
export function parentCode(code) {
  if (code.length === 6) {
    return code.substring(0, 4);
  }
  return code.length === 4 ? code.substring(0, 2) : null;
}

/**
 * Whether the user sets this target: ASSIGNED by the admin of the level directly above,
 * SELF_SET by the admin of the level itself (the server decides; this only hides the form).
 */
export function ownsTarget(me, code, source) {
  if (me.role === 'SYSTEM_ADMIN') {
    return true;
  }
  if (me.role !== 'JURISDICTION_ADMIN' || !me.scope.jurisdiction) {
    return false;
  }
  const owner = source === 'ASSIGNED' ? parentCode(code) : code;
  return owner === me.scope.jurisdiction.code;
}

function targetForm(me, code, year, source, current, reload) {
  const id = `target-${source}`;
  const input = h('input', { type: 'number', min: '0', max: '100000000', step: '1', id: `${id}-input`, required: true,
    value: current == null ? '' : String(current), inputmode: 'numeric', 'aria-describedby': `${id}-message` });
  const message = h('span', { class: 'form-message', id: `${id}-message`, role: 'status' });
  const form = h('form', { class: 'target-form', id: `${id}-form`, novalidate: true },
    h('label', { for: `${id}-input` }, t('targets.newValue', { source: sourceLabel(code, source) })), input,
    h('button', { type: 'submit', class: 'primary', id: `${id}-save` }, current == null ? t('targets.set') : t('targets.amend')),
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.className = 'form-message';
    message.textContent = '';
    const value = input.value.trim();
    if (!/^\d+$/.test(value)) {
      message.className = 'form-message message error';
      message.textContent = t('targets.invalid');
      return;
    }
    try {
      await api(`/api/jurisdictions/${code}/targets/${year}`, { method: 'PUT', body: { source, target: Number(value) } });
      await reload();
    } catch (error) {
      message.className = 'form-message message error';
      message.textContent = error.message;
    }
  });
  return form;
}

/**
 * The targets of a jurisdiction for the chosen year: target, from when, achieved (new
 * enrollments) and completion rate per source; forms for the sources the user owns.
 */
export async function targetsCard(me, code, reload) {
  const year = filters.year || me.statisticalYear;
  const answer = await api(`/api/jurisdictions/${code}/targets/${year}`);
  const rows = SOURCES.map((source) => {
    const figures = answer.targets[source] || null;
    return { source, sourceLabel: sourceLabel(code, source), target: figures ? figures.target : null,
      effectiveDate: figures ? figures.effectiveDate : null,
      newEnrollments: figures ? figures.newEnrollments : null,
      rate: figures && figures.rate != null ? Number(figures.rate) * 100 : null };
  });
  const owned = SOURCES.filter((source) => ownsTarget(me, code, source));
  return h('section', { class: 'card wide', id: 'targets' },
    h('h3', {}, t('targets.title', { year })),
    h('p', { class: 'sub' }, t('targets.explain')),
    table([
      { key: 'sourceLabel', label: t('col.source') },
      { key: 'target', label: t('col.target'), numeric: true, render: (r) => (r.target == null ? t('gauge.noTarget') : number(r.target)) },
      { key: 'effectiveDate', label: t('targets.effective'), render: (r) => r.effectiveDate || '—' },
      { key: 'newEnrollments', label: t('targets.achieved'), numeric: true, render: (r) => number(r.newEnrollments) },
      { key: 'rate', label: t('col.completion'), numeric: true, render: (r) => percent(r.rate) }],
    rows, { id: 'targets-table' }),
    owned.length === 0 ? h('p', { class: 'sub', id: 'targets-owner' }, t('targets.ownedBy'))
      : h('div', { class: 'target-forms' }, owned.map((source) =>
        targetForm(me, code, year, source, rows.find((r) => r.source === source).target, reload))));
}

/** Ranks from the API; units with nothing to rank by are left unranked, not tied last. */
function rankRows(ranking, highlight) {
  const byCompletion = ranking.by === 'COMPLETION';
  return ranking.entries.map((e) => {
    // No target to compare with, or nothing achieved yet: listed, but not ranked (a dozen
    // units tied last at 0 tell nobody anything).
    const nothing = e.newEnrollments === 0 || (byCompletion && e.completionRate == null);
    return { code: e.code, name: e.name, newEnrollments: e.newEnrollments, target: e.target,
      rate: e.completionRate == null ? null : Number(e.completionRate) * 100,
      rank: nothing ? null : e.rank, tied: !nothing && e.tied, _class: e.code === highlight ? 'highlight' : null };
  });
}

function rankText(row) {
  if (row.rank == null) {
    return t('ranking.unranked');
  }
  return row.tied ? t('ranking.tied', { rank: row.rank }) : String(row.rank);
}

/**
 * A ranking card. kind 'siblings' (同级排名, the page's unit highlighted) or 'children'
 * (所辖单位排名); its title names what it ranks and by what.
 */
export function rankingCard(ranking, { kind, parentName, level, highlight }) {
  const byCompletion = ranking.by === 'COMPLETION';
  const rows = rankRows(ranking, highlight);
  const ranked = rows.filter((r) => r.rank != null);
  const unranked = rows.length - ranked.length;
  const units = t(`ranking.units.${level}`);
  const basis = byCompletion ? t('ranking.byCompletion') : t('ranking.byNew');
  const title = kind === 'siblings' ? t('ranking.siblings', { parent: parentName, units, basis })
    : t('ranking.children', { parent: parentName, units, basis });
  const id = kind === 'siblings' ? 'chart-ranking' : 'chart-ranking-children';
  const ordered = [...ranked].reverse();
  const value = (r) => (byCompletion ? Math.round(r.rate * 100) / 100 : r.newEnrollments);
  const card = chartCard({ id, title, height: Math.max(220, ranked.length * 22 + 40),
    option: {
      grid: { left: 8, right: 56, top: 10, bottom: 10, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: byCompletion ? '{value}%' : '{value}' }, minInterval: 1 },
      yAxis: { type: 'category', data: ordered.map((r) => `${rankText(r)} ${r.name}`), axisLabel: { fontSize: 10, interval: 0 } },
      tooltip: { trigger: 'axis' },
      series: [{ type: 'bar', data: ordered.map((r) => ({ value: value(r), itemStyle: { color: r.code === highlight ? '#c23531' : '#2f4554' } })),
        label: { show: true, position: 'right', formatter: byCompletion ? '{c}%' : '{c}', fontSize: 10 } }],
    },
    columns: [{ key: 'rank', label: t('col.rank'), render: rankText }, { key: 'name', label: t('col.name') },
      { key: 'newEnrollments', label: t('fig.newEnrollments'), numeric: true, render: (r) => number(r.newEnrollments) },
      { key: 'target', label: t('col.target'), numeric: true, render: (r) => number(r.target) },
      { key: 'rate', label: t('col.completion'), numeric: true, render: (r) => percent(r.rate) }],
    rows });
  if (unranked > 0) {
    card.append(h('p', { class: 'sub ranking-note' }, byCompletion ? t('ranking.noTargetNote', { count: unranked })
      : t('ranking.nothingNote', { count: unranked })));
  }
  return card;
}

/** The ranking of a jurisdiction's children: by completion of the assigned target when any has one. */
export async function rankingOf(code) {
  const byCompletion = await api(`/api/jurisdictions/${code}/ranking${query({ year: filters.year })}`);
  if (byCompletion.entries.some((e) => e.completionRate != null)) {
    return byCompletion;
  }
  return api(`/api/jurisdictions/${code}/ranking${query({ year: filters.year, by: 'newEnrollments' })}`);
}

/**
 * The rankings a jurisdiction page shows: among its siblings when the user may read the
 * level above, and of the units below it (a city's counties, a province's cities).
 */
export async function rankingCards(me, code, division) {
  const county = division.unitKind === 'UNION';
  const cards = [];
  const above = division.path.length > 1 ? division.path[division.path.length - 2] : null;
  if (above && inScope(me, above.code)) {
    const siblings = await rankingOf(above.code).catch(() => null);
    if (siblings) {
      cards.push(rankingCard(siblings, { kind: 'siblings', parentName: above.name, level: county ? 'county' : 'city', highlight: code }));
    }
  }
  if (!county) {
    const children = await rankingOf(code).catch(() => null);
    if (children) {
      cards.push(rankingCard(children, { kind: 'children', parentName: division.name, level: code.length === 2 ? 'city' : 'county' }));
    }
  }
  return cards;
}
