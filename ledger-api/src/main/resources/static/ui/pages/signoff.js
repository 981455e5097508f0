// The sign-off page (签报 / 统计年报): a level's yearly report for a statistical year, the
// status of every unit below it, the change flags this user may see, and, for the level's
// own admin (or a system admin), the sign-off itself. Every value comes from the API.
import { api } from '../api.js';
import { h, table } from '../dom.js';
import { label, lang, number, t } from '../i18n.js';
import { breadcrumbs, figureLabel, inScope, pageTitle } from './common.js';
import { lineValue } from './report.js';

/** How many ended years the year picker offers. */
const YEARS_OFFERED = 4;

/** A message to show once, after the page re-reads itself (the sign-off's outcome). */
let notice = null;

/** The last statistical year that has ended: the one before the year of the ledger's today. */
export function lastEndedYear(me) {
  return me.statisticalYear - 1;
}

/** The jurisdiction admin of this very level, or a system admin (the server checks again). */
function maySign(me, code) {
  return me.role === 'SYSTEM_ADMIN'
    || (me.role === 'JURISDICTION_ADMIN' && Boolean(me.scope.jurisdiction) && me.scope.jurisdiction.code === code);
}

function when(instant, me) {
  if (!instant) {
    return '—';
  }
  return new Date(instant).toLocaleString(lang(), { timeZone: me.zone, hour12: false,
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/**
 * A digest shown shortened, with a button to show it whole and one to copy it; the whole
 * value is also in data-digest and the title.
 */
function digest(value, id) {
  if (!value) {
    return h('span', { id }, '—');
  }
  const text = h('span', { class: 'code digest-text', id: `${id}-text` }, `${value.substring(0, 12)}…`);
  const expand = h('button', { type: 'button', class: 'small', 'aria-expanded': 'false', 'aria-controls': `${id}-text`,
    'aria-label': t('digest.expandLabel') }, t('digest.expand'));
  const status = h('span', { class: 'copied', role: 'status', 'aria-live': 'polite' });
  expand.addEventListener('click', () => {
    const whole = expand.getAttribute('aria-expanded') !== 'true';
    expand.setAttribute('aria-expanded', String(whole));
    expand.textContent = whole ? t('digest.collapse') : t('digest.expand');
    text.textContent = whole ? value : `${value.substring(0, 12)}…`;
  });
  const copy = h('button', { type: 'button', class: 'small', 'aria-label': t('digest.copyLabel') }, t('digest.copy'));
  copy.addEventListener('click', async () => {
    status.textContent = (await copyText(value)) ? t('digest.copied') : t('digest.copyFailed');
  });
  return h('span', { class: 'digest', id, title: value, dataset: { digest: value } }, text, expand, copy, status);
}

async function copyText(value) {
  try {
    await navigator.clipboard.writeText(value);
    return true;
  } catch (error) {
    // No clipboard API (or no permission): copy through a selected text field.
    const area = h('textarea', { class: 'offscreen', readonly: true }, value);
    document.body.append(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

function statusBadge(status, version, extra = {}) {
  const text = status === 'SIGNED' ? t('signoff.signedVersion', { version }) : label('signoffStatus', status);
  return h('span', { class: `badge status status-${status}`, ...extra,
    dataset: { status, version: version == null ? '' : String(version), ...(extra.dataset || {}) } }, text);
}

/**
 * A figure's name for people: the signed sheet's label when it has the figure (amounts in 元),
 * else its label, a breakdown's dimension and value; the name itself beside it as a code.
 */
function figureName(name, labels) {
  if (!name) {
    return t('flags.wholeReport');
  }
  if (labels && labels.has(name)) {
    return h('span', {}, labels.get(name), ' ', h('small', { class: 'code sub' }, name));
  }
  const parts = name.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const base = parts.slice(0, length).join('.');
    const text = figureLabel(base);
    if (text !== base || length === 1) {
      const rest = parts.slice(length);
      const dimensions = [];
      for (let i = 0; i + 1 < rest.length; i += 2) {
        dimensions.push(label(rest[i], rest[i + 1]));
      }
      if (rest.length % 2 === 1) {
        dimensions.push(rest[rest.length - 1]);
      }
      return h('span', {}, [text, ...dimensions].join(' · '), ' ', h('small', { class: 'code sub' }, name));
    }
  }
  return name;
}

function yearForm(me, code, year) {
  const last = lastEndedYear(me);
  const years = [];
  for (let y = last; y > last - YEARS_OFFERED; y -= 1) {
    years.push(y);
  }
  if (!years.includes(year)) {
    years.push(year);
    years.sort((a, b) => b - a);
  }
  const select = h('select', { id: 'signoff-year' }, years.map((y) =>
    h('option', { value: String(y), selected: y === year }, t('filter.yearOption', { year: y }))));
  const form = h('form', { class: 'filters', id: 'signoff-filter' },
    h('div', { class: 'field' }, h('label', { for: 'signoff-year' }, t('filter.year')), select),
    h('button', { type: 'submit', class: 'primary', id: 'signoff-year-apply' }, t('filter.apply')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.location.hash = `#/signoff/${code}/${select.value}`;
  });
  return form;
}

function ownReport(report, me, sheet) {
  const signed = report.status === 'SIGNED';
  const facts = signed ? h('dl', { class: 'facts', id: 'report-facts' },
    h('dt', {}, t('signoff.version')), h('dd', { id: 'report-version' }, `v${report.version}`),
    h('dt', {}, t('signoff.signedBy')), h('dd', { id: 'report-signer' }, report.signedBy),
    h('dt', {}, t('signoff.signedAt')), h('dd', { id: 'report-signed-at' }, when(report.signedAt, me)),
    h('dt', {}, t('signoff.position')), h('dd', { id: 'report-position' }, number(report.globalPosition)),
    h('dt', {}, t('signoff.sealedThrough')), h('dd', {}, number(report.sealedThrough)),
    h('dt', {}, t('signoff.digest')), h('dd', {}, digest(report.reportDigest, 'report-digest')),
    report.previousReportDigest ? [h('dt', {}, t('signoff.previousDigest')),
      h('dd', {}, digest(report.previousReportDigest, 'report-previous-digest'))] : null,
    h('dt', {}, t('signoff.sealDigest')), h('dd', {}, digest(report.sealDigest, 'report-seal-digest')),
    h('dt', {}, t('signoff.comment')), h('dd', { id: 'report-comment' }, report.comment || '—'))
    : h('p', { id: 'report-unsigned' }, t('signoff.notSignedYet', { year: report.statisticalYear }));
  const versions = signed && report.versions.length > 1 ? h('details', { class: 'more' },
    h('summary', {}, t('signoff.versions', { count: report.versions.length })),
    table([{ key: 'version', label: t('signoff.version'), render: (v) => `v${v.version}` },
      { key: 'signedAt', label: t('signoff.signedAt'), render: (v) => when(v.signedAt, me) },
      { key: 'signedBy', label: t('signoff.signedBy') },
      { key: 'globalPosition', label: t('signoff.position'), numeric: true, render: (v) => number(v.globalPosition) },
      { key: 'reportDigest', label: t('signoff.digest'), render: (v) => digest(v.reportDigest, `version-${v.version}-digest`) }],
    report.versions, { id: 'versions-table' })) : null;
  // The signed figures as the report's sheet labels them, in the reader's language, amounts in 元.
  const figures = signed && sheet ? h('details', { class: 'more' },
    h('summary', {}, t('signoff.figures', { count: sheet.lines.length })),
    table([{ key: 'label', label: t('col.figure') },
      { key: 'value', label: t('signoff.signedValue'), numeric: true, render: lineValue },
      { key: 'unit', label: t('report.col.unit'), render: (line) => line.unit || '' }],
    sheet.lines, { id: 'figures-table' })) : null;
  return h('section', { class: 'card wide', id: 'report', 'aria-labelledby': 'report-title' },
    h('div', { class: 'card-head' }, h('h3', { id: 'report-title' }, t('signoff.ownReport')),
      statusBadge(report.status, report.version, { id: 'report-status' })),
    facts, versions, figures);
}

function signForm(report, me, code, year, reload) {
  if (!maySign(me, code)) {
    return null;
  }
  if (year >= me.statisticalYear) {
    return h('p', { class: 'message', id: 'signoff-not-ended' }, t('signoff.notEnded', { year }));
  }
  const comment = h('textarea', { id: 'signoff-comment', maxlength: '1000', rows: '2' });
  const button = h('button', { type: 'submit', class: 'primary', id: 'signoff-submit' },
    report.status === 'SIGNED' ? t('signoff.signAgain', { version: report.version + 1 }) : t('signoff.sign'));
  const message = h('div', { class: 'form-message', id: 'signoff-message', role: 'alert' });
  const form = h('form', { class: 'sign-form', id: 'signoff-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'signoff-comment' }, t('signoff.commentOptional')), comment),
    h('div', { class: 'sign-row' }, button, message));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    message.className = 'form-message';
    message.replaceChildren();
    const text = comment.value.trim();
    try {
      const signed = await api(`/api/jurisdictions/${code}/annual-reports/${year}/sign-off`,
        { method: 'POST', body: text ? { comment: text } : {} });
      notice = t('signoff.done', { version: signed.version });
      await reload();
    } catch (error) {
      const problem = error.problem || {};
      message.className = 'form-message message error';
      message.replaceChildren(h('strong', {}, problem.rule ? label('rule', problem.rule) : t('signoff.refused')), ' ',
        h('span', { id: 'signoff-detail' }, error.message), ' ',
        h('span', { class: 'code', id: 'signoff-rule' }, `(HTTP ${error.status}${problem.rule ? ` ${problem.rule}` : ''})`));
      button.disabled = false;
      comment.focus();
    }
  });
  return h('section', { class: 'card wide', id: 'signoff', 'aria-labelledby': 'signoff-title' },
    h('h3', { id: 'signoff-title' }, t('signoff.signTitle')),
    h('p', { class: 'sub' }, t('signoff.signExplain')), form);
}

function unitsTable(report, me, year) {
  const included = new Map((report.includedChildren || []).map((c) => [c.code, c]));
  const pending = report.children.filter((c) => c.status === 'NOT_SIGNED').length;
  const rows = report.children.map((c) => {
    const inReport = included.get(c.code);
    return { ...c, included: inReport ? inReport.reportDigest : null,
      _class: c.status === 'NOT_SIGNED' ? 'pending' : (c.openFlags > 0 ? 'late' : null) };
  });
  return h('section', { class: 'card wide', id: 'units', 'aria-labelledby': 'units-title' },
    h('h3', { id: 'units-title' }, t('signoff.units')),
    report.children.length === 0 ? h('p', { id: 'units-none' }, t('signoff.noUnits')) : [
      h('p', { class: report.childrenReady ? 'sub' : 'sub warn', id: 'units-summary' },
        report.childrenReady ? t('signoff.unitsReady') : t('signoff.unitsPending', { count: pending })),
      table([
        { key: 'name', label: t('col.name'), render: (r) => (inScope(me, r.code)
          ? h('a', { href: `#/signoff/${r.code}/${year}`, class: 'drill' }, r.name) : r.name) },
        { key: 'code', label: t('col.code') },
        { key: 'status', label: t('signoff.status'), render: (r) => statusBadge(r.status, r.version, { dataset: { code: r.code } }) },
        { key: 'signedAt', label: t('signoff.signedAt'), render: (r) => when(r.signedAt, me) },
        { key: 'reportDigest', label: t('signoff.digest'), render: (r) => digest(r.reportDigest, `unit-${r.code}-digest`) },
        { key: 'openFlags', label: t('signoff.openFlags'), numeric: true,
          render: (r) => (r.openFlags === undefined ? '—' : h('span', { dataset: { code: r.code }, class: 'open-flags' }, number(r.openFlags))) },
        { key: 'included', label: t('signoff.included'), render: (r) => (r.included
          ? h('span', { class: r.included === r.reportDigest ? 'included' : 'included outdated' },
            digest(r.included, `included-${r.code}-digest`),
            r.included === r.reportDigest ? null : h('small', {}, ` ${t('signoff.includedOutdated')}`))
          : '—') }],
      rows, { sortable: true, id: 'units-table' })]);
}

function flagRow(flag, names) {
  return { ...flag, unit: t('page.codeTitle', { name: names.get(flag.jurisdictionCode) || '', code: flag.jurisdictionCode }),
    difference: flag.currentValue - flag.signedValue, _class: flag.status === 'OPEN' ? 'late flag-open' : null };
}

function eventsOf(flag) {
  return h('ul', { class: 'flag-events' },
    flag.events.map((e) => h('li', {}, t('flags.event', { type: label('event', e.type), date: e.effectiveDate || '—',
      amount: e.amount > 0 ? `+${e.amount}` : String(e.amount), position: e.position }))),
    flag.moreEvents > 0 ? h('li', {}, t('flags.more', { count: flag.moreEvents })) : null);
}

/** A flagged figure's value as people read it: amounts (kept in 分) in 元, counts whole. */
function flagValue(flag, value) {
  return flag.figure && flag.figure.endsWith('amountFen') ? number(value / 100, 2) : number(value);
}

function flagsCard(report, flags, labels) {
  const names = new Map([[report.code, report.name], ...report.children.map((c) => [c.code, c.name])]);
  const rows = flags.flags.map((f) => flagRow(f, names));
  const open = rows.filter((f) => f.status === 'OPEN');
  const cleared = rows.filter((f) => f.status !== 'OPEN');
  const columns = [
    { key: 'unit', label: t('signoff.unit') },
    { key: 'version', label: t('signoff.version'), render: (f) => `v${f.version}` },
    { key: 'figure', label: t('col.figure'), render: (f) => figureName(f.figure, f.label ? new Map([[f.figure, f.label]]) : labels) },
    { key: 'signedValue', label: t('signoff.signedValue'), numeric: true, render: (f) => flagValue(f, f.signedValue) },
    { key: 'currentValue', label: t('flags.current'), numeric: true, render: (f) => flagValue(f, f.currentValue) },
    { key: 'difference', label: t('late.difference'), numeric: true,
      render: (f) => (f.difference > 0 ? `+${flagValue(f, f.difference)}` : flagValue(f, f.difference)) },
    { key: 'events', label: t('flags.events'), render: (f) => [eventsOf(f), f.note ? h('small', { class: 'sub' }, f.note) : null] }];
  return h('section', { class: 'card wide', id: 'flags', 'aria-labelledby': 'flags-title' },
    h('h3', { id: 'flags-title' }, t('flags.title', { count: flags.openFlags })),
    h('p', { class: 'sub' }, t('flags.explain')),
    report.status === 'SIGNED' && report.flagsVisible === false ? h('p', { class: 'message', id: 'flags-hidden' }, t('flags.hidden')) : null,
    open.length === 0 ? h('p', { id: 'flags-none' }, t('flags.none'))
      : table([...columns.slice(0, 6), { key: 'raisedAt', label: t('flags.raisedAt'), numeric: true, render: (f) => number(f.raisedAt) },
        columns[6]], open, { id: 'flags-table' }),
    cleared.length === 0 ? null : h('details', { class: 'more' },
      h('summary', {}, t('flags.cleared', { count: cleared.length })),
      table([...columns.slice(0, 6), { key: 'clearedByVersion', label: t('flags.clearedBy'), render: (f) => `v${f.clearedByVersion}` }],
        cleared, { id: 'cleared-flags-table' })));
}

export async function show(main, [codeText, yearText], me) {
  const code = codeText || (me.scope.jurisdiction ? me.scope.jurisdiction.code : '13');
  const year = /^\d{4}$/.test(yearText || '') ? Number(yearText) : lastEndedYear(me);
  const base = `/api/jurisdictions/${encodeURIComponent(code)}`;
  const [report, flags, division] = await Promise.all([api(`${base}/annual-reports/${year}`),
    api(`${base}/annual-reports/${year}/flags`), api(`${base}/children`)]);
  // A signed report's figures are read as its sheet labels them (the flags name the same figures).
  const sheet = report.status === 'SIGNED'
    ? await api(`${base}/annual-reports/${year}/sheet?lang=${encodeURIComponent(lang())}`).catch(() => null) : null;
  const labels = new Map(sheet ? sheet.lines.map((line) => [line.figure, line.label]) : []);
  const reload = () => show(main, [code, String(year)], me);
  const shown = notice;
  notice = null;
  main.replaceChildren(...[
    breadcrumbs(me, division.path, 'signoff', null, `/${year}`),
    pageTitle(t('signoff.title', { name: report.name, code, year }), t('signoff.sub')),
    yearForm(me, code, year),
    h('p', { class: 'actions' }, h('a', { href: `#/j/${code}`, id: 'signoff-figures-link' }, t('signoff.figuresLink')),
      report.status === 'SIGNED' ? [' ', h('a', { href: `#/report/${code}/${year}`, id: 'signoff-print-link' }, t('report.printView'))] : null),
    shown ? h('p', { class: 'message ok', id: 'signoff-done', role: 'status', tabindex: '-1' }, shown) : null,
    ownReport(report, me, sheet),
    signForm(report, me, code, year, reload),
    unitsTable(report, me, year),
    flagsCard(report, flags, labels)].filter(Boolean));
  // After a sign-off the page is new: the focus goes to its outcome.
  document.getElementById('signoff-done')?.focus();
}
