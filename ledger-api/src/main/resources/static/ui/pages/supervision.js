// Item 5: supervisors' and auditors' pages: findings with confirm / dismiss and a reason,
// a member's timeline, and verification of the sealed event store.
import { api, query } from '../api.js';
import { h, table } from '../dom.js';
import { label, lang, number, t } from '../i18n.js';
import { filters, pageTitle } from './common.js';

const KINDS = ['DUPLICATE_ENROLLMENT_ATTEMPT', 'TERMINATION_THEN_ENROLLMENT', 'BACKDATED_RECORD', 'CROSSES_YEAR_BOUNDARY', 'ENROLLMENT_INTO_DISSOLVED_UNION'];

export async function showFindings(main, [code], me) {
  const root = code || (me.scope.jurisdiction ? me.scope.jurisdiction.code : '13');
  const kind = h('select', { id: 'findings-kind' }, h('option', { value: '' }, t('findings.allKinds')),
    KINDS.map((k) => h('option', { value: k }, label('kind', k))));
  const where = h('input', { id: 'findings-jurisdiction', value: root, inputmode: 'numeric', maxlength: '6' });
  const list = h('div', { id: 'findings-list' });
  const load = async () => {
    list.replaceChildren(h('p', { role: 'status' }, t('app.loading')));
    const answer = await api(`/api/supervision/findings${query({ jurisdiction: where.value, year: filters.year, kind: kind.value })}`);
    const canDecide = me.role === 'SUPERVISOR' || me.role === 'SYSTEM_ADMIN';
    list.replaceChildren(h('p', { id: 'findings-count' }, t('findings.count', { count: answer.count })),
      h('ul', { class: 'findings' }, answer.findings.map((f) => findingItem(f, canDecide, load))));
  };
  const form = h('form', { class: 'filters', id: 'findings-filter' },
    h('div', { class: 'field' }, h('label', { for: 'findings-jurisdiction' }, t('findings.jurisdiction')), where),
    h('div', { class: 'field' }, h('label', { for: 'findings-kind' }, t('findings.kind')), kind),
    h('button', { type: 'submit', class: 'primary' }, t('filter.apply')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load().catch((error) => list.replaceChildren(h('p', { class: 'message error', role: 'alert' }, error.message)));
  });
  main.replaceChildren(pageTitle(t('nav.findings'), t('findings.sub')), form, list);
  await load();
}

function findingItem(finding, canDecide, reload) {
  const details = Object.entries(finding.detail || {}).map(([k, v]) => `${k}: ${v}`).join(' · ');
  const item = h('li', { class: `finding status-${finding.status}`, dataset: { finding: finding.id } },
    h('div', { class: 'finding-head' },
      h('strong', {}, label('kind', finding.kind)), ' ',
      h('span', { class: 'badge' }, label('findingStatus', finding.status))),
    h('p', {}, t('findings.line', { union: finding.unionId, effective: finding.effectiveDate, recorded: finding.recordedOn }),
      finding.memberId ? [' · ', h('a', { href: `#/member/${finding.memberId}` }, finding.memberId)] : null),
    details ? h('p', { class: 'sub' }, details) : null,
    finding.decisionReason ? h('p', { class: 'sub' }, t('findings.decided', { by: finding.decidedBy, reason: finding.decisionReason })) : null);
  if (canDecide && finding.status === 'OPEN') {
    const id = `reason-${finding.id.replace(/[^A-Za-z0-9]/g, '-')}`;
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
        await reload();
      } catch (problem) {
        error.textContent = problem.message;
      }
    };
    item.append(h('div', { class: 'decide' },
      h('label', { for: id }, t('findings.reason')), reason,
      h('button', { type: 'button', class: 'primary', onclick: decide('CONFIRMED') }, t('findings.confirm')),
      h('button', { type: 'button', onclick: decide('DISMISSED') }, t('findings.dismiss')), error));
  }
  return item;
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
