// Issue 15, item 2: a union's transfer credentials on its transfers page, for those who
// act for it (its officers, system admins): the credentials it issued (by state, paged,
// with cancel and re-issue) and its inbox (credentials addressed to it and not used yet,
// the member's name masked and the issuing union named, each linked to its acceptance).
import { api, query, settled } from '../api.js';
import { h, table } from '../dom.js';
import { label, number, t } from '../i18n.js';

export const STATES = ['OUTSTANDING', 'EXPIRED', 'USED', 'CANCELLED'];
const PAGE_SIZE = 10;

/** The absolute link to the acceptance page of a credential (what its QR code holds). */
export function acceptLink(code) {
  return `${window.location.origin}/ui/#/accept/${encodeURIComponent(code)}`;
}

/** Whether the signed-in user acts for the union (as the server decides it). */
export function actsFor(me, unionId) {
  return me.role === 'SYSTEM_ADMIN' || (me.role === 'OFFICER' && me.scope.unions.some((u) => u.unionId === unionId));
}

/** A credential's printable block: code, expiry, QR code (a link to acceptance), link. */
export function credentialBlock(answer) {
  const link = acceptLink(answer.code);
  return [
    h('h3', {}, t('credential.title')),
    h('p', {}, t('credential.code'), ' ', h('strong', { id: 'credential-code', class: 'code' }, answer.code)),
    h('p', {}, t('credential.expires'), ' ', h('span', { id: 'credential-expires' }, answer.expiresOn)),
    h('img', { id: 'credential-qr', src: `/api/transfer-credentials/${encodeURIComponent(answer.code)}/qr`, alt: t('credential.qrAlt', { code: answer.code }), width: 240, height: 240 }),
    h('p', {}, t('cred.link'), ' ', h('a', { id: 'credential-link', href: link }, link)),
    h('p', { class: 'no-print' }, h('button', { type: 'button', class: 'primary', onclick: () => window.print() }, t('credential.print'))),
  ];
}

function pager(id, list, onPage) {
  const pages = Math.max(1, Math.ceil(list.total / list.size));
  return h('div', { class: 'pager', id },
    h('button', { type: 'button', class: 'small', id: `${id}-prev`, disabled: list.page === 0, onclick: () => onPage(list.page - 1) }, t('cred.prev')),
    h('span', { id: `${id}-label` }, t('cred.pageOf', { page: list.page + 1, pages })),
    h('button', { type: 'button', class: 'small', id: `${id}-next`, disabled: list.page + 1 >= pages, onclick: () => onPage(list.page + 1) }, t('cred.next')));
}

function empty(id) {
  return h('p', { class: 'sub', id }, t('cred.empty'));
}

/**
 * The union's issued credentials and its inbox, as two cards; each reloads itself after
 * a change.
 */
export async function credentialSections(unionId, me) {
  const issued = h('section', { class: 'card wide', id: 'issued-credentials', 'aria-live': 'polite' });
  const inbox = h('section', { class: 'card wide', id: 'credential-inbox', 'aria-live': 'polite' });
  const view = { state: '', page: 0, inboxPage: 0 };
  const base = `/api/unions/${encodeURIComponent(unionId)}/transfer-credentials`;

  const loadInbox = async () => {
    inbox.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('app.loading')));
    const list = await api(`${base}/inbox${query({ page: view.inboxPage, size: PAGE_SIZE })}`);
    inbox.replaceChildren(
      h('h3', {}, t('cred.inbox.title'), ' ', h('span', { class: 'count', id: 'inbox-count' }, number(list.total))),
      h('p', { class: 'sub' }, t('cred.inbox.sub')),
      list.credentials.length === 0 ? empty('inbox-empty') : table([
        { key: 'memberName', label: t('cred.col.member') },
        { key: 'fromUnionName', label: t('cred.col.fromUnion') },
        { key: 'issuedOn', label: t('cred.col.issuedOn') },
        { key: 'expiresOn', label: t('cred.col.expiresOn') },
        { key: 'code', label: t('cred.col.code'), render: (r) => h('span', { class: 'code' }, r.code) },
        { key: 'action', label: t('cred.col.actions'), render: (r) => h('a', { class: 'button small', href: `#/accept/${encodeURIComponent(r.code)}`, dataset: { code: r.code } }, t('cred.accept')) },
      ], list.credentials, { id: 'inbox-table' }),
      list.total > list.size ? pager('inbox-pager', list, (page) => { view.inboxPage = page; loadInbox(); }) : null);
  };

  const action = h('div', { id: 'cred-action' });
  const openAction = (kind, row) => {
    const reason = h('input', { id: 'f-reason', name: 'reason', required: true, maxlength: '500', autocomplete: 'off' });
    const message = h('div', { class: 'form-message', id: 'cred-action-message', role: 'status' });
    const error = h('span', { class: 'field-error', id: 'f-reason-error', role: 'status' });
    const result = h('div', { id: 'credential', class: 'credential', hidden: true });
    const form = h('form', { class: 'work-form', id: 'cred-action-form', novalidate: true },
      h('p', {}, t(kind === 'cancel' ? 'cred.cancelWhat' : 'cred.reissueWhat', { member: row.memberName || '—', code: row.code })),
      h('div', { class: 'field', dataset: { field: 'reason' } }, h('label', { for: 'f-reason' }, t('cred.reason')), reason, error),
      message,
      h('button', { type: 'submit', class: 'primary', id: 'cred-action-submit' }, t(kind === 'cancel' ? 'cred.confirmCancel' : 'cred.confirmReissue')),
      ' ',
      h('button', { type: 'button', id: 'cred-action-close', onclick: () => action.replaceChildren() }, t('cred.close')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = '';
      message.className = 'form-message';
      message.textContent = '';
      const path = `/api/transfer-credentials/${encodeURIComponent(row.code)}/${kind === 'cancel' ? 'cancellation' : 'reissue'}`;
      try {
        const answer = await api(path, { method: 'POST', body: { reason: reason.value } });
        form.querySelector('#cred-action-submit').disabled = true;
        if (kind === 'reissue') {
          result.hidden = false;
          result.replaceChildren(...credentialBlock(answer));
        }
        await settled(loadIssued);
        message.className = 'form-message message ok';
        message.textContent = t(kind === 'cancel' ? 'cred.cancelled' : 'cred.reissued');
      } catch (problem) {
        const text = `${problem.message}${problem.problem && problem.problem.rule ? ` (${problem.problem.rule})` : ''}`;
        if (problem.problem && problem.problem.field === 'reason') {
          error.textContent = text;
          reason.setAttribute('aria-invalid', 'true');
        }
        message.className = 'form-message message error';
        message.textContent = text;
      }
    });
    action.replaceChildren(form, result);
    reason.focus();
  };

  const loadIssued = async () => {
    const list = await api(`${base}${query({ state: view.state, page: view.page, size: PAGE_SIZE })}`);
    const all = STATES.reduce((sum, s) => sum + list.counts[s.toLowerCase()], 0);
    const tab = (state, count) => h('button', { type: 'button', class: view.state === state ? 'small primary' : 'small', id: `cred-tab-${state || 'ALL'}`,
      'aria-pressed': String(view.state === state), onclick: () => { view.state = state; view.page = 0; loadIssued(); } },
    state ? label('cred.state', state) : t('cred.all'), ' ', h('span', { class: 'count' }, number(count)));
    issued.replaceChildren(
      h('h3', {}, t('cred.issued.title')),
      h('div', { class: 'tabs', id: 'cred-tabs', role: 'group', 'aria-label': t('cred.col.state') },
        tab('', all), STATES.map((s) => tab(s, list.counts[s.toLowerCase()]))),
      list.credentials.length === 0 ? empty('issued-empty') : table([
        { key: 'code', label: t('cred.col.code'), render: (r) => h('span', { class: 'code', dataset: { code: r.code } }, r.code) },
        { key: 'memberName', label: t('cred.col.member') },
        { key: 'toUnionName', label: t('cred.col.toUnion'), render: (r) => r.toUnionName || t('cred.anyUnion') },
        { key: 'issuedOn', label: t('cred.col.issuedOn') },
        { key: 'expiresOn', label: t('cred.col.expiresOn') },
        { key: 'state', label: t('cred.col.state'), render: (r) => h('span', { class: `state state-${r.state.toLowerCase()}` }, label('cred.state', r.state)) },
        { key: 'action', label: t('cred.col.actions'), render: (r) => (r.state === 'OUTSTANDING' || r.state === 'EXPIRED'
          ? h('span', {},
            h('button', { type: 'button', class: 'small', dataset: { action: 'cancel', code: r.code }, onclick: () => openAction('cancel', r) }, t('cred.cancel')), ' ',
            h('button', { type: 'button', class: 'small', dataset: { action: 'reissue', code: r.code }, onclick: () => openAction('reissue', r) }, t('cred.reissue')))
          : '—') },
      ], list.credentials, { id: 'issued-table' }),
      list.total > list.size ? pager('issued-pager', list, (page) => { view.page = page; loadIssued(); }) : null,
      action);
  };

  await Promise.all([loadIssued(), loadInbox()]);
  return [inbox, issued];
}
