// Member work (会员管理): find a member by resident ID or name, a union's member list a page
// at a time with filters, and a member's page with hold (保留会籍), resume (恢复会籍),
// terminate (终止会籍), re-enroll and name correction, each confirmed before it is sent.
import { api, query } from '../api.js';
import { h, table } from '../dom.js';
import { label, number, t } from '../i18n.js';
import { pageTitle } from './common.js';
import { actionForm, clearErrors, field, formShell, section, sendConfirmingBackdating, showProblem, success } from './officer.js';

const PAGE_SIZE = 20;
const TERMINATION_REASONS = ['VOLUNTARY_WITHDRAWAL', 'LEFT_WORKFORCE', 'DECEASED', 'EXPELLED', 'DUPLICATE_RECORD', 'OTHER'];
const CHANNELS = ['ON_SITE', 'ONLINE', 'IMPORT'];

/** Whether a search term is a resident ID (15 digits, or 17 digits and a digit or X). */
function looksLikeResidentId(term) {
  return /^\d{15}$|^\d{17}[\dxX]$/.test(term.trim());
}

function unionName(me, unionId) {
  const union = (me.scope.unions || []).find((u) => u.unionId === unionId);
  return union ? union.name || unionId : unionId;
}

function memberLink(memberId, text) {
  return h('a', { href: `#/m/${encodeURIComponent(memberId)}`, class: 'member-link' }, text);
}

/** The search box: one field, a resident ID in any spelling or a name. */
function searchForm(me, results) {
  const input = h('input', { name: 'term', required: true, maxlength: '100', autocomplete: 'off',
    placeholder: t('members.searchPlaceholder') });
  const form = formShell('member-search', [field('f-term', t('members.search'), input, t('members.searchHint'))],
    t('members.searchButton'));
  form.querySelector('[data-field]').dataset.field = 'term';
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    results.replaceChildren();
    const term = input.value.trim();
    const body = looksLikeResidentId(term) ? { residentId: term } : { name: term };
    try {
      const found = await api('/api/members/lookup', { method: 'POST', body });
      success(form, t('members.found', { count: found.count }));
      results.replaceChildren(table([
        { key: 'name', label: t('members.colName'), render: (m) => memberLink(m.memberId, m.name) },
        { key: 'residentId', label: t('members.colResidentId') },
        { key: 'unionName', label: t('members.colUnion') },
        { key: 'status', label: t('members.colStatus'), render: (m) => label('memberStatus', m.status) },
      ], found.members, { id: 'search-results' }));
    } catch (error) {
      // The server names the field it refused (residentId or name); both are this box.
      if (error.problem && error.problem.field) {
        error.problem.field = 'term';
      }
      showProblem(form, error);
    }
  });
  return form;
}

/** #/members/{unionId}/{page}: the search box and the union's member list. */
export async function showMembers(main, [unionId, pageText], me) {
  const union = unionId || (me.scope.unions && me.scope.unions[0] && me.scope.unions[0].unionId);
  const page = Math.max(0, Number(pageText) || 0);
  const results = h('div', { id: 'search-result-box' });
  const status = h('select', { id: 'list-status' }, h('option', { value: '' }, t('members.allStatuses')),
    ['ACTIVE', 'ON_HOLD'].map((s) => h('option', { value: s, selected: s === showMembers.status }, label('memberStatus', s))));
  const since = h('input', { type: 'date', id: 'list-since', value: showMembers.since || '', max: me.today });
  const listBox = h('section', { class: 'card wide', id: 'member-list' }, h('p', { class: 'loading', role: 'status' }, t('app.loading')));
  const unionPicker = (me.scope.unions || []).length > 1
    ? h('select', { id: 'list-union' }, me.scope.unions.map((u) => h('option', { value: u.unionId, selected: u.unionId === union }, u.name || u.unionId)))
    : null;
  const filterForm = h('form', { class: 'filters', id: 'list-filters' },
    unionPicker ? h('div', { class: 'field' }, h('label', { for: 'list-union' }, t('form.union')), unionPicker) : null,
    h('div', { class: 'field' }, h('label', { for: 'list-status' }, t('members.colStatus')), status),
    h('div', { class: 'field' }, h('label', { for: 'list-since' }, t('members.since')), since),
    h('button', { type: 'submit', class: 'primary', id: 'list-apply' }, t('filter.apply')));
  filterForm.addEventListener('submit', (event) => {
    event.preventDefault();
    showMembers.status = status.value;
    showMembers.since = since.value;
    const target = `#/members/${encodeURIComponent(unionPicker ? unionPicker.value : union)}/0`;
    if (window.location.hash === target) {
      showMembers(main, [unionPicker ? unionPicker.value : union, '0'], me);
    } else {
      window.location.hash = target;
    }
  });
  if (!union) {
    // A system administrator has no unions of their own: the search box alone.
    main.replaceChildren(pageTitle(t('nav.members'), t('members.sub')), searchForm(me, results), results);
    return;
  }
  main.replaceChildren(pageTitle(t('nav.members'), t('members.sub')), searchForm(me, results), results,
    h('h3', {}, t('members.listTitle', { union: unionName(me, union) })), filterForm, listBox);
  const list = await api(`/api/unions/${encodeURIComponent(union)}/member-list${query({
    status: showMembers.status, since: showMembers.since, page, size: PAGE_SIZE })}`);
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const pager = h('nav', { class: 'actions pager', 'aria-label': t('members.pages') },
    page > 0 ? h('a', { href: `#/members/${encodeURIComponent(union)}/${page - 1}`, id: 'page-previous' }, t('members.previous')) : null,
    h('span', { id: 'page-of' }, t('members.pageOf', { page: page + 1, pages })),
    page + 1 < pages ? h('a', { href: `#/members/${encodeURIComponent(union)}/${page + 1}`, id: 'page-next' }, t('members.next')) : null);
  listBox.replaceChildren(
    h('p', {}, t('members.total'), ' ', h('strong', { id: 'list-total' }, number(list.total))),
    list.members.length
      ? table([
        { key: 'name', label: t('members.colName'), render: (m) => memberLink(m.memberId, m.name) },
        { key: 'residentId', label: t('members.colResidentId') },
        { key: 'status', label: t('members.colStatus'), render: (m) => label('memberStatus', m.status) },
        { key: 'since', label: t('members.sinceColumn') },
      ], list.members, { id: 'member-rows' })
      : h('p', { class: 'empty', id: 'list-empty' }, t('members.empty')),
    pager);
}

function dateField(id, me) {
  return field(`f-${id}-effectiveDate`, t('form.effectiveDate'),
    h('input', { name: 'effectiveDate', type: 'date', required: true, value: me.today, max: me.today }));
}

/** #/m/{memberId}: who, where, status, what an officer of the union may do, the history. */
export async function showMember(main, [memberId], me) {
  const member = await api(`/api/members/${encodeURIComponent(memberId)}`);
  const path = `/api/members/${encodeURIComponent(memberId)}`;
  // After a change the page is read again and says what was done.
  const reload = async (text) => {
    await showMember(main, [memberId], me);
    const box = main.querySelector('#member-result');
    box.hidden = false;
    box.textContent = text;
    window.scrollTo(0, 0);
  };
  const who = member.name;
  const facts = h('dl', { class: 'facts', id: 'member-facts' },
    h('dt', {}, t('members.colName')), h('dd', { id: 'member-name' }, member.name),
    h('dt', {}, t('members.colResidentId')), h('dd', { id: 'member-resident-id' }, member.residentId),
    h('dt', {}, t('members.colUnion')), h('dd', { id: 'member-union' }, member.unionName),
    h('dt', {}, t('members.colStatus')), h('dd', { id: 'member-status', dataset: { status: member.status } },
      member.leftForLedger ? t('members.leftForLedger', { ledger: label('ledger', member.leftForLedger) }) : label('memberStatus', member.status)));
  const officer = me.role === 'SYSTEM_ADMIN' || (me.role === 'OFFICER' && (me.scope.unions || []).some((u) => u.unionId === member.unionId));
  const forms = [];
  if (officer && member.status === 'ACTIVE') {
    forms.push(section('member-hold', t('members.hold'), actionForm('hold-form', [
      dateField('hold', me),
      field('f-hold-reason', t('members.reason'), h('input', { name: 'reason', required: true, maxlength: '500', autocomplete: 'off' }), t('members.holdHint')),
    ], t('members.hold'), () => t('members.confirmHold', { name: who }), async (body) => {
      if (!await sendConfirmingBackdating(`${path}/hold`, body, body.effectiveDate)) {
        return;
      }
      await reload(t('members.held', { name: who }));
    })));
  }
  if (officer && member.status === 'ON_HOLD') {
    forms.push(section('member-resume', t('members.resume'), actionForm('resume-form', [dateField('resume', me)],
      t('members.resume'), () => t('members.confirmResume', { name: who }), async (body) => {
        if (!await sendConfirmingBackdating(`${path}/resumption`, body, body.effectiveDate)) {
        return;
      }
        await reload(t('members.resumed', { name: who }));
      })));
  }
  if (officer && member.status !== 'TERMINATED') {
    forms.push(section('member-terminate', t('members.terminate'), actionForm('terminate-form', [
      dateField('terminate', me),
      field('f-terminate-reason', t('members.reason'), h('select', { name: 'reason' },
        TERMINATION_REASONS.map((r) => h('option', { value: r }, label('terminationReason', r))))),
    ], t('members.terminate'), (body) => t('members.confirmTerminate', { name: who, reason: label('terminationReason', body.reason) }),
    async (body) => {
      if (!await sendConfirmingBackdating(`${path}/termination`, body, body.effectiveDate)) {
        return;
      }
      await reload(t('members.terminated', { name: who }));
    })));
  }
  if (officer && member.status === 'TERMINATED') {
    forms.push(section('member-reenroll', t('members.reEnroll'), actionForm('reenroll-form', [
      field('f-reenroll-unionId', t('form.union'), h('select', { name: 'unionId' }, (me.scope.unions || [{ unionId: member.unionId, name: member.unionName }])
        .map((u) => h('option', { value: u.unionId, selected: u.unionId === member.unionId }, u.name || u.unionId)))),
      dateField('reenroll', me),
      field('f-reenroll-channel', t('form.channel'), h('select', { name: 'channel' }, CHANNELS.map((c) => h('option', { value: c }, label('channel', c))))),
    ], t('members.reEnroll'), () => (member.leftForLedger
      ? t('members.confirmReEnrollAfterLedger', { name: who, ledger: label('ledger', member.leftForLedger) })
      : t('members.confirmReEnroll', { name: who })), async (body) => {
      if (!await sendConfirmingBackdating(`${path}/re-enrollment`, body, body.effectiveDate)) {
        return;
      }
      await reload(t('members.reEnrolled', { name: who }));
    })));
  }
  if (officer && member.residentId !== '[erased]') {
    forms.push(section('member-correct', t('members.correctName'), actionForm('correct-form', [
      field('f-correct-name', t('members.newName'), h('input', { name: 'name', required: true, maxlength: '100', autocomplete: 'off' })),
      field('f-correct-reason', t('members.reason'), h('input', { name: 'reason', required: true, maxlength: '500', autocomplete: 'off' }), t('members.correctHint')),
    ], t('members.correctName'), (body) => t('members.confirmCorrect', { old: who, name: body.name || '' }), async (body) => {
      const answer = await api(`${path}/name-correction`, { method: 'POST', body });
      await reload(t('members.corrected', { name: answer.name }));
    })));
  }
  const history = await api(`${path}/history`);
  const timeline = h('ol', { class: 'timeline', id: 'member-timeline' }, history.events.map((e) => h('li', {},
    h('span', { class: 'when' }, e.effectiveDate || e.issuedOn || (e.recordedAt || '').substring(0, 10)),
    h('strong', {}, label('event', e.type)),
    h('span', { class: 'sub' }, [e.nameMasked, e.reason ? label('terminationReason', e.reason) : null, e.recordedBy]
      .filter(Boolean).join(' · ')))));
  main.replaceChildren(pageTitle(t('members.memberTitle', { name: member.name }), t('members.memberSub')),
    h('div', { class: 'message ok', id: 'member-result', role: 'status', hidden: true }),
    h('section', { class: 'card wide' }, facts,
      officer ? h('p', {}, h('a', { href: `#/members/${encodeURIComponent(member.unionId)}/0`, id: 'back-to-list' }, t('members.backToList'))) : null),
    ...forms,
    h('section', { class: 'card wide' }, h('h3', {}, t('members.history')), timeline));
}
