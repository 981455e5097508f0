// Item 5: supervisors' and auditors' pages: findings in pages, filtered by jurisdiction,
// union, kind and status, with names instead of ids; confirm / dismiss with a reason,
// correct a confirmed double count (after a confirmation), a member's full personal data
// on request (recorded); a member's timeline; verification of the sealed event store.
import { api, query, settled } from '../api.js';
import { h, table } from '../dom.js';
import { label, lang, number, t } from '../i18n.js';
import { filters, pageTitle } from './common.js';

const KINDS = ['DUPLICATE_ENROLLMENT_ATTEMPT', 'TERMINATION_THEN_ENROLLMENT', 'BACKDATED_RECORD', 'CROSSES_YEAR_BOUNDARY',
  'ENROLLMENT_INTO_DISSOLVED_UNION', 'BURST_BEFORE_DEADLINE', 'CREDENTIAL_EXPIRED_UNUSED', 'CROSS_LEDGER_DOUBLE_COUNT',
  'RE_ENROLLED_AFTER_LEAVING_FOR_LEDGER'];
const STATUSES = ['OPEN', 'CONFIRMED', 'DISMISSED', 'CORRECTED'];
const PAGE_SIZE = 20;
const OUTSIDE = '[outside your jurisdiction]';
/** Detail entries that name another union; their city is under the key without "Id" plus "Jurisdiction". */
const UNION_KEYS = ['currentUnionId', 'terminatedAtUnion', 'toUnionId'];

export async function showFindings(main, [code], me) {
  const root = code || (me.scope.jurisdiction ? me.scope.jurisdiction.code : '13');
  const state = { jurisdiction: root, union: '', kind: '', status: '', page: 0 };
  const where = h('select', { id: 'findings-jurisdiction' });
  const union = h('select', { id: 'findings-union' }, h('option', { value: '' }, t('findings.allUnions')));
  const kind = h('select', { id: 'findings-kind' }, h('option', { value: '' }, t('findings.allKinds')),
    KINDS.map((k) => h('option', { value: k }, label('kind', k))));
  const status = h('select', { id: 'findings-status' }, h('option', { value: '' }, t('findings.allStatuses')),
    STATUSES.map((s) => h('option', { value: s }, label('findingStatus', s))));
  const list = h('div', { id: 'findings-list' });
  const message = h('div', { id: 'findings-message', role: 'status', 'aria-live': 'polite' });
  const canDecide = me.role === 'SUPERVISOR' || me.role === 'SYSTEM_ADMIN';
  const fillUnions = async () => {
    union.replaceChildren(h('option', { value: '' }, t('findings.allUnions')));
    try {
      const answer = await api(`/api/jurisdictions/${encodeURIComponent(where.value)}/unions`);
      union.append(...answer.unions.map((u) => h('option', { value: u.unionId }, u.name)));
    } catch (error) {
      // Without the list the findings are still read for the whole jurisdiction.
    }
  };
  const load = async () => {
    list.replaceChildren(h('p', { role: 'status' }, t('app.loading')));
    const scope = state.union ? { unionId: state.union } : { jurisdiction: state.jurisdiction };
    const answer = await api(`/api/supervision/findings${query({ ...scope, year: filters.year, kind: state.kind,
      status: state.status, page: state.page, size: PAGE_SIZE })}`);
    const pages = Math.max(1, Math.ceil(answer.count / PAGE_SIZE));
    const names = { unions: answer.unionNames || {}, jurisdictions: answer.jurisdictionNames || {}, members: answer.memberNames || {} };
    const context = { canDecide, canDisclose: canDecide, reload: load, message };
    list.replaceChildren(
      h('p', {}, h('span', { id: 'findings-count' }, t('findings.count', { count: answer.count })), ' ',
        h('span', { class: 'sub', id: 'findings-by-status' }, STATUSES.map((s) =>
          `${label('findingStatus', s)} ${number(answer.byStatus ? answer.byStatus[s] : 0)}`).join(' · '))),
      answer.findings.length ? h('ul', { class: 'findings' }, answer.findings.map((f) => findingItem(f, names, context)))
        : h('p', { class: 'empty', id: 'findings-empty' }, t('findings.empty')),
      pager(state.page, pages, (next) => {
        state.page = next;
        load().catch(showError);
      }));
  };
  const showError = (error) => list.replaceChildren(h('p', { class: 'message error', role: 'alert' }, error.message));
  const form = h('form', { class: 'filters', id: 'findings-filter' },
    h('div', { class: 'field' }, h('label', { for: 'findings-jurisdiction' }, t('findings.jurisdiction')), where),
    h('div', { class: 'field' }, h('label', { for: 'findings-union' }, t('findings.union')), union),
    h('div', { class: 'field' }, h('label', { for: 'findings-kind' }, t('findings.kind')), kind),
    h('div', { class: 'field' }, h('label', { for: 'findings-status' }, t('findings.status')), status),
    h('button', { type: 'submit', class: 'primary' }, t('filter.apply')));
  where.addEventListener('change', () => {
    fillUnions();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    Object.assign(state, { jurisdiction: where.value, union: union.value, kind: kind.value, status: status.value, page: 0 });
    message.replaceChildren();
    load().catch(showError);
  });
  // The jurisdiction by name: the one of the route and the units directly below it.
  const here = await api(`/api/jurisdictions/${encodeURIComponent(root)}/unions`);
  where.append(h('option', { value: root }, here.name));
  try {
    const below = await api(`/api/jurisdictions/${encodeURIComponent(root)}/children`);
    where.append(...(below.children || []).map((c) => h('option', { value: c.code }, c.name)));
  } catch (error) {
    // A county has no units below; its unions are in the union filter.
  }
  union.append(...here.unions.map((u) => h('option', { value: u.unionId }, u.name)));
  main.replaceChildren(pageTitle(t('nav.findings'), t('findings.sub')), form, message, list);
  await load();
}

/** Previous / next and where we are; nothing for a single page. */
export function pager(page, pages, go, id = 'findings-pager') {
  if (pages <= 1) {
    return null;
  }
  return h('nav', { class: 'pager', id, 'aria-label': t('pager.label') },
    h('button', { type: 'button', class: 'pager-prev', disabled: page <= 0, onclick: () => go(page - 1) }, t('pager.previous')),
    h('span', { class: 'pager-where' }, t('pager.where', { page: page + 1, pages })),
    h('button', { type: 'button', class: 'pager-next', disabled: page + 1 >= pages, onclick: () => go(page + 1) }, t('pager.next')));
}

/** A union by name; one outside the reader's scope by its city's name. */
function unionName(value, detail, key, names) {
  if (value === OUTSIDE) {
    const city = detail[`${key.replace(/Id$/, '')}Jurisdiction`];
    return t('findings.outside', { city: names.jurisdictions[city] || t('findings.otherCity') });
  }
  return names.unions[value] || t('findings.unknownUnion');
}

/** A detail's value as a reader reads it: enums translated, unions named. */
function detailValue(key, value, detail, names) {
  if (UNION_KEYS.includes(key)) {
    return unionName(value, detail, key, names);
  }
  switch (key) {
    case 'reason': return label('rejection', value);
    case 'lastRefusalReason': return label('credentialRefusal', value);
    case 'event': return label('event', value);
    case 'otherLedger': return label('ledger', value);
    case 'channel': return label('channel', value);
    default: return String(value);
  }
}

function findingDetails(finding, names) {
  const detail = finding.detail || {};
  return Object.entries(detail)
    .filter(([key]) => !key.endsWith('Jurisdiction'))
    .map(([key, value]) => `${label('findingDetail', key)}：${detailValue(key, value, detail, names)}`)
    .join(' · ');
}

function findingItem(finding, names, context) {
  const status = finding.correctedBy ? 'CORRECTED' : finding.status;
  const safe = finding.id.replace(/[^A-Za-z0-9]/g, '-');
  const details = findingDetails(finding, names);
  const memberName = finding.memberId ? (names.members[finding.memberId] || t('findings.memberUnnamed')) : null;
  const item = h('li', { class: `finding status-${status}`, dataset: { finding: finding.id } },
    h('div', { class: 'finding-head' },
      h('strong', {}, label('kind', finding.kind)), ' ',
      h('span', { class: 'badge' }, label('findingStatus', status))),
    h('p', {}, t('findings.line', { union: names.unions[finding.unionId] || t('findings.unknownUnion'),
      county: names.jurisdictions[finding.jurisdictionCode] || '', effective: finding.effectiveDate, recorded: finding.recordedOn }),
    memberName ? [' · ', t('findings.member'), h('a', { href: `#/member/${finding.memberId}`, class: 'member-name' },
      memberName === '[erased]' ? t('findings.erased') : memberName)] : null),
    details ? h('p', { class: 'sub finding-detail' }, details) : null,
    finding.decisionReason ? h('p', { class: 'sub' }, t('findings.decided', { by: finding.decidedBy, reason: finding.decisionReason })) : null,
    finding.correctedBy ? h('p', { class: 'sub finding-corrected' }, t('findings.correctedBy', { by: finding.correctedBy, reason: finding.correctionReason })) : null);
  if (context.canDecide && finding.status === 'OPEN') {
    item.append(decideBlock(finding, safe, context));
  }
  if (context.canDecide && status === 'CONFIRMED' && finding.memberId) {
    item.append(correctBlock(finding, safe, memberName, context));
  }
  if (context.canDisclose && finding.memberId) {
    item.append(discloseBlock(finding, safe));
  }
  return item;
}

function decideBlock(finding, safe, context) {
  const id = `reason-${safe}`;
  const reason = h('input', { id, required: true, maxlength: '1000' });
  const error = h('span', { class: 'field-error', role: 'status' });
  const decide = (decision) => async () => {
    if (!reason.value.trim()) {
      error.textContent = t('findings.reasonRequired');
      reason.focus();
      return;
    }
    try {
      await api(`/api/supervision/findings/${encodeURIComponent(finding.id)}/decision`, { method: 'POST', body: { decision, reason: reason.value } });
      await settled(context.reload);
      context.message.replaceChildren(h('p', { class: 'message ok' }, t(decision === 'CONFIRMED' ? 'findings.confirmedDone' : 'findings.dismissedDone')));
    } catch (problem) {
      error.textContent = problem.message;
    }
  };
  return h('div', { class: 'decide' },
    h('label', { for: id }, t('findings.reason')), reason,
    h('button', { type: 'button', class: 'primary', onclick: decide('CONFIRMED') }, t('findings.confirm')),
    h('button', { type: 'button', onclick: decide('DISMISSED') }, t('findings.dismiss')), error);
}

/**
 * A confirmed double count is corrected by a compensating event: the member's first
 * enrollment counts as a transfer in from its effective date on. The page asks first.
 */
function correctBlock(finding, safe, memberName, context) {
  // As the finding's kind is corrected (the server says): a person counted in another
  // ledger too stops being counted here; otherwise the first enrollment becomes a transfer in.
  const k = finding.correction === 'END_MEMBERSHIP_HERE' ? (key) => `${key}Ledger` : (key) => key;
  const id = `correct-reason-${safe}`;
  const reason = h('input', { id, required: true, maxlength: '1000', class: 'correct-reason' });
  const error = h('span', { class: 'field-error', role: 'status' });
  const ask = h('div', { class: 'correct-confirm message', role: 'alertdialog', hidden: true },
    h('p', {}, t(k('findings.correctQuestion'), { member: memberName || '' })));
  const yes = h('button', { type: 'button', class: 'primary correct-yes' }, t('findings.correctYes'));
  const no = h('button', { type: 'button', class: 'correct-no' }, t('findings.correctNo'));
  ask.append(yes, ' ', no);
  const start = h('button', { type: 'button', class: 'correct-start' }, t(k('findings.correct')));
  start.addEventListener('click', () => {
    if (!reason.value.trim()) {
      error.textContent = t('findings.reasonRequired');
      reason.focus();
      return;
    }
    error.textContent = '';
    ask.hidden = false;
    yes.focus();
  });
  no.addEventListener('click', () => {
    ask.hidden = true;
    start.focus();
  });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    try {
      await api(`/api/supervision/findings/${encodeURIComponent(finding.id)}/correction`, { method: 'POST', body: { reason: reason.value } });
      await settled(context.reload);
      context.message.replaceChildren(h('p', { class: 'message ok', id: 'correction-done' }, t(k('findings.correctedDone'), { member: memberName || '' })));
    } catch (problem) {
      ask.hidden = true;
      error.textContent = problem.message;
    } finally {
      yes.disabled = false;
    }
  });
  return h('div', { class: 'correct' },
    h('p', { class: 'sub' }, t(k('findings.correctExplain'))),
    h('div', { class: 'decide' }, h('label', { for: id }, t('findings.correctReason')), reason, start, error), ask);
}

/** The member's full name and resident ID, read for a stated purpose; the read is recorded. */
function discloseBlock(finding, safe) {
  const id = `purpose-${safe}`;
  const purpose = h('input', { id, required: true, maxlength: '200', class: 'disclose-purpose' });
  const error = h('span', { class: 'field-error', role: 'status' });
  const shown = h('div', { class: 'disclosed', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'disclose-button' }, t('disclose.show'));
  button.addEventListener('click', async () => {
    if (!purpose.value.trim()) {
      error.textContent = t('disclose.purposeRequired');
      purpose.focus();
      return;
    }
    error.textContent = '';
    button.disabled = true;
    try {
      const data = await api(`/api/members/${encodeURIComponent(finding.memberId)}/personal-data${query({ purpose: purpose.value })}`);
      shown.replaceChildren(h('dl', { class: 'facts' },
        h('dt', {}, t('form.name')), h('dd', { class: 'disclosed-name' }, data.name),
        h('dt', {}, t('form.residentId')), h('dd', { class: 'disclosed-id' }, data.residentId)),
        h('p', { class: 'sub warn' }, t('disclose.recorded')));
    } catch (problem) {
      error.textContent = problem.message;
    } finally {
      button.disabled = false;
    }
  });
  return h('details', { class: 'disclose' }, h('summary', {}, t('disclose.title')),
    h('p', { class: 'sub' }, t('disclose.explain')),
    h('div', { class: 'decide' }, h('label', { for: id }, t('disclose.purpose')), purpose, button, error), shown);
}

export async function showMember(main, [memberId], me) {
  const input = h('input', { id: 'member-id', value: memberId || '', autocomplete: 'off', required: true });
  const form = h('form', { class: 'filters', id: 'member-form' },
    h('div', { class: 'field' }, h('label', { for: 'member-id' }, t('member.id')), input),
    h('button', { type: 'submit', class: 'primary' }, t('member.show')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.location.hash = `#/member/${encodeURIComponent(input.value.trim())}`;
  });
  const content = [pageTitle(t('nav.member'), t('member.sub')), form];
  if (memberId) {
    const history = await api(`/api/members/${encodeURIComponent(memberId)}/history`);
    content.push(h('p', {}, t('member.now', { union: history.unionId, status: label('memberStatus', history.status) })),
      h('ol', { class: 'timeline', id: 'timeline' }, history.events.map((e) => h('li', {},
        h('span', { class: 'when' }, e.effectiveDate || e.issuedOn || (e.recordedAt || '').substring(0, 10)),
        h('strong', {}, label('event', e.type)),
        h('span', { class: 'sub' }, timelineDetail(e, me.zone))))));
  }
  main.replaceChildren(...content);
}

function timelineDetail(event, zone) {
  const parts = [];
  if (event.residentIdMasked) {
    parts.push(`${event.nameMasked} ${event.residentIdMasked}`);
  }
  const union = event.union || event.issuingUnion;
  if (union && union.unionId) {
    parts.push(union.unionId);
  }
  if (event.fromUnion && event.fromUnion.unionId) {
    parts.push(`${event.fromUnion.unionId} → ${event.toUnion.unionId}`);
  }
  if (event.code) {
    parts.push(event.code);
  }
  if (event.recordedAt) {
    // Recorded instants are shown in the ledger's zone, as the ledger counts days in it.
    const at = new Date(event.recordedAt).toLocaleString(lang(), { timeZone: zone, hour12: false,
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    parts.push(t('member.recorded', { at }));
  }
  if (event.recordedBy) {
    parts.push(String(event.recordedBy));
  }
  return parts.filter(Boolean).join(' · ');
}

export async function showVerify(main) {
  const result = h('div', { id: 'verify-result', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'primary', id: 'verify-button' }, t('verify.run'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    result.replaceChildren(h('p', {}, t('app.loading')));
    try {
      const report = await api('/api/audit/verification');
      result.replaceChildren(h('div', { class: report.intact ? 'message ok' : 'message error', id: 'verify-outcome' },
        h('strong', {}, report.intact ? t('verify.intact') : t('verify.broken')),
        h('dl', { class: 'facts' },
          h('dt', {}, t('verify.upTo')), h('dd', { id: 'verify-upto' }, number(report.verifiedUpTo)),
          h('dt', {}, t('verify.commits')), h('dd', {}, number(report.commitsChecked)),
          h('dt', {}, t('verify.events')), h('dd', { id: 'verify-events' }, number(report.eventsChecked)),
          h('dt', {}, t('verify.digests')), h('dd', {}, number(report.digestsChecked))),
        report.problems && report.problems.length ? table([{ key: 'position', label: t('verify.position'), numeric: true },
          { key: 'kind', label: t('col.rule') }, { key: 'detail', label: t('col.message') }], report.problems) : null));
    } catch (error) {
      result.replaceChildren(h('p', { class: 'message error', role: 'alert' }, error.message));
    } finally {
      button.disabled = false;
    }
  });
  main.replaceChildren(pageTitle(t('nav.verify'), t('verify.sub')), h('p', {}, button), result);
}
