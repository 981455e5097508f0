// The print view of a signed yearly report (统计年报): every signed figure with its label
// in the reader's language, amounts in yuan (元), the version's facts and digests, and the
// same report as an XLSX file. The print stylesheet leaves out the header, the navigation
// and the buttons. Every value comes from the API's sheet of the report.
import { api } from '../api.js';
import { h, table } from '../dom.js';
import { lang, number, t } from '../i18n.js';
import { pageTitle } from './common.js';

function when(instant, me) {
  return instant ? new Date(instant).toLocaleString(lang(), { timeZone: me.zone, hour12: false,
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }) : '—';
}

/** A signed line's value: yuan with two decimals, counts whole (also the sign-off page's). */
export function lineValue(line) {
  return line.unit ? number(line.value, 2) : number(line.value);
}

export async function show(main, [code, yearText], me) {
  const year = /^\d{4}$/.test(yearText || '') ? yearText : String(me.statisticalYear - 1);
  const base = `/api/jurisdictions/${encodeURIComponent(code)}/annual-reports/${year}`;
  const language = lang();
  const sheet = await api(`${base}/sheet?lang=${encodeURIComponent(language)}`);
  const facts = h('dl', { class: 'facts print-facts', id: 'print-facts' },
    h('dt', {}, t('signoff.version')), h('dd', { id: 'print-version' }, `v${sheet.version}`),
    h('dt', {}, t('signoff.signedBy')), h('dd', {}, sheet.signedBy),
    h('dt', {}, t('signoff.signedAt')), h('dd', {}, when(sheet.signedAt, me)),
    h('dt', {}, t('signoff.position')), h('dd', {}, number(sheet.globalPosition)),
    h('dt', {}, t('signoff.sealedThrough')), h('dd', {}, number(sheet.sealedThrough)),
    h('dt', {}, t('signoff.digest')), h('dd', { class: 'digest-full', id: 'print-report-digest' }, sheet.reportDigest),
    sheet.previousReportDigest ? [h('dt', {}, t('signoff.previousDigest')),
      h('dd', { class: 'digest-full', id: 'print-previous-digest' }, sheet.previousReportDigest)] : null,
    h('dt', {}, t('signoff.sealDigest')), h('dd', { class: 'digest-full', id: 'print-seal-digest' }, sheet.sealDigest),
    h('dt', {}, t('signoff.comment')), h('dd', {}, sheet.comment || '—'));
  const lines = table([
    { key: 'label', label: t('report.col.figure') },
    { key: 'value', label: t('report.col.value'), numeric: true, render: lineValue },
    { key: 'unit', label: t('report.col.unit'), render: (line) => line.unit || '' }],
  sheet.lines.map((line) => ({ ...line, _class: `line-${line.figure.replaceAll('.', '-')}` })), { id: 'print-lines' });
  const children = sheet.children && sheet.children.length ? h('section', { class: 'print-children' },
    h('h3', {}, t('report.children')),
    table([{ key: 'name', label: t('signoff.unit') }, { key: 'status', label: t('signoff.status') },
      { key: 'version', label: t('signoff.version'), render: (c) => (c.version ? `v${c.version}` : '—') },
      { key: 'reportDigest', label: t('signoff.digest'), render: (c) => h('span', { class: 'digest-full' }, c.reportDigest || '—') }],
    sheet.children, { id: 'print-children' })) : null;
  const actions = h('p', { class: 'actions no-print' },
    h('button', { type: 'button', class: 'primary', id: 'print-button', onclick: () => window.print() }, t('report.print')),
    ' ', h('a', { href: `${base}/report.xlsx?lang=${encodeURIComponent(language)}`, id: 'report-xlsx', download: '' }, t('report.downloadXlsx')),
    ' ', h('a', { href: `#/signoff/${code}/${year}`, id: 'print-back' }, t('nav.signoff')));
  main.replaceChildren(pageTitle(sheet.title, t('report.printSub')), actions,
    h('section', { class: 'print-sheet', id: 'print-sheet' }, facts, lines, children));
}
