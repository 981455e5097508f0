// Item 7: an officer's inbox of online applications (互联网+入会) to their unions, in pages:
// approve (the person is enrolled with channel ONLINE) or decline with a reason. The
// applicants are shown masked; results and refusals in the reader's language.
import { api, query, settled } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { pageTitle } from './common.js';
import { pager } from './supervision.js';

const PAGE_SIZE = 20;

export async function show(main, params, me) {
  const unions = me.scope.unions || [];
  const state = { union: '', page: 0 };
  const message = h('div', { id: 'applications-message', role: 'status', 'aria-live': 'polite' });
  const list = h('div', { id: 'applications-list' });
  const union = h('select', { id: 'applications-union' }, h('option', { value: '' }, t('applications.allUnions')),
    unions.map((u) => h('option', { value: u.unionId }, u.name)));
  const form = h('form', { class: 'filters', id: 'applications-filter' },
    h('div', { class: 'field' }, h('label', { for: 'applications-union' }, t('form.union')), union),
    h('button', { type: 'submit', class: 'primary' }, t('filter.apply')));
  const showError = (error) => list.replaceChildren(h('p', { class: 'message error', role: 'alert' }, error.message));
  const load = async () => {
    list.replaceChildren(h('p', { role: 'status' }, t('app.loading')));
    const answer = await api(`/api/applications${query({ unionId: state.union, page: state.page, size: PAGE_SIZE })}`);
    const pages = Math.max(1, Math.ceil(answer.count / PAGE_SIZE));
    if (state.page > 0 && state.page >= pages) {
      state.page = pages - 1;
      await load();
      return;
    }
    list.replaceChildren(h('p', { id: 'applications-count' }, t('applications.count', { count: answer.count })),
      answer.applications.length
        ? h('ul', { class: 'findings applications' }, answer.applications.map((a) => item(a, message, load)))
        : h('p', { class: 'empty', id: 'applications-empty' }, t('applications.empty')),
      pager(state.page, pages, (next) => {
        state.page = next;
        load().catch(showError);
      }, 'applications-pager'));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    Object.assign(state, { union: union.value, page: 0 });
    message.replaceChildren();
    load().catch(showError);
  });
  main.replaceChildren(pageTitle(t('nav.applications'), t('applications.sub')), unions.length > 1 ? form : null, message, list);
  await load();
}

function item(application, message, reload) {
  const safe = application.applicationId.replace(/[^A-Za-z0-9]/g, '-');
  const name = application.nameMasked || t('applications.unreadable');
  const reasonId = `decline-reason-${safe}`;
  const reason = h('input', { id: reasonId, maxlength: '500', class: 'decline-reason' });
  const error = h('span', { class: 'field-error', role: 'status' });
  const approve = h('button', { type: 'button', class: 'primary approve' }, t('applications.approve'));
  const decline = h('button', { type: 'button', class: 'decline-button' }, t('applications.decline'));
  const busy = (on) => {
    approve.disabled = on;
    decline.disabled = on;
  };
  approve.addEventListener('click', async () => {
    busy(true);
    try {
      const result = await api(`/api/applications/${encodeURIComponent(application.applicationId)}/approval`, { method: 'POST', body: {} });
      await settled(reload);
      message.replaceChildren(result.enrollment === 'ENROLLED'
        ? h('p', { class: 'message ok', id: 'application-result' }, t('applications.enrolled', { name }), ' ',
          h('a', { href: `#/member/${result.memberId}` }, t('applications.viewMember')))
        : h('p', { class: 'message', id: 'application-result' }, t('applications.alreadyMember', { name })));
    } catch (problem) {
      error.textContent = problem.message;
      busy(false);
    }
  });
  decline.addEventListener('click', async () => {
    if (!reason.value.trim()) {
      error.textContent = t('applications.reasonRequired');
      reason.focus();
      return;
    }
    busy(true);
    try {
      await api(`/api/applications/${encodeURIComponent(application.applicationId)}/decline`, { method: 'POST', body: { reason: reason.value } });
      await settled(reload);
      message.replaceChildren(h('p', { class: 'message ok', id: 'application-result' }, t('applications.declined', { name, reason: reason.value })));
    } catch (problem) {
      error.textContent = problem.message;
      busy(false);
    }
  });
  return h('li', { class: 'finding application', dataset: { application: application.applicationId } },
    h('div', { class: 'finding-head' }, h('strong', { class: 'applicant' }, name), ' ',
      h('span', { class: 'badge' }, t('applications.pending'))),
    h('p', {}, t('applications.line', { id: application.residentIdMasked, union: application.unionName, submitted: application.submittedOn })),
    h('div', { class: 'decide' }, approve),
    h('div', { class: 'decide' }, h('label', { for: reasonId }, t('applications.reason')), reason, decline, error));
}
