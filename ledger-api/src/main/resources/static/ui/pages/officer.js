// Item 4: an officer's work: enroll a member, issue and accept transfer credentials,
// record a service, import a CSV file. The server's problem+json answers are shown beside
// the field they name.
import { api, query, settled } from '../api.js';
import { h, table } from '../dom.js';
import { label, number, t } from '../i18n.js';
import { residentIdProblem } from '../residentid.js';
import { pageTitle } from './common.js';
import { credentialBlock } from './credentials.js';

const CHANNELS = ['ON_SITE', 'ONLINE', 'IMPORT'];
const SERVICE_TYPES = ['RIGHTS_PROTECTION', 'SKILLS_TRAINING', 'EMPLOYMENT_ASSISTANCE', 'MICRO_LOAN', 'ENTREPRENEURSHIP_SUPPORT', 'SEASONAL_CARE'];
const CAMPAIGNS = ['SPRING_JOBS', 'SUMMER_COOLING', 'AUTUMN_EDUCATION', 'WINTER_WARMTH'];

/** A labelled field with a place for its error; returns [wrapper, input]. */
function field(id, text, input, hint) {
  input.id = id;
  input.setAttribute('aria-describedby', `${id}-error${hint ? ` ${id}-hint` : ''}`);
  const wrapper = h('div', { class: 'field', dataset: { field: id.replace(/^f-/, '') } },
    h('label', { for: id }, text), input,
    hint ? h('small', { id: `${id}-hint`, class: 'hint' }, hint) : null,
    h('span', { class: 'field-error', id: `${id}-error`, role: 'status' }));
  return wrapper;
}

function unionInput(me, selected) {
  if (me.role === 'OFFICER') {
    return h('select', { name: 'unionId', required: true }, me.scope.unions.map((u) =>
      h('option', { value: u.unionId, selected: u.unionId === selected }, `${u.name || u.unionId}`)));
  }
  return h('input', { name: 'unionId', required: true, value: selected || '', autocomplete: 'off' });
}

function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

/** Shows a problem beside its field, or in the form's message box when it names none. */
function showProblem(form, error) {
  const problem = error.problem || {};
  const name = problem.field;
  const target = name ? form.querySelector(`[data-field="${name}"] .field-error`) : null;
  // The rule's name is for whoever looks it up (a code, not text the reader needs).
  const text = () => [error.message, ...(problem.rule ? [' ', h('small', { class: 'code' }, `(${problem.rule})`)] : [])];
  if (target) {
    target.replaceChildren(...text());
    form.querySelector(`[data-field="${name}"] input, [data-field="${name}"] select, [data-field="${name}"] textarea`)?.setAttribute('aria-invalid', 'true');
  }
  const box = form.querySelector('.form-message');
  box.className = 'form-message message error';
  box.replaceChildren(...(target ? [t('form.fixFields')] : text()));
}

function success(form, content) {
  const box = form.querySelector('.form-message');
  box.className = 'form-message message ok';
  box.replaceChildren(...[content].flat());
}

function formShell(id, fields, submitText) {
  return h('form', { id, class: 'work-form', novalidate: true },
    ...fields,
    h('div', { class: 'form-message', role: 'status', 'aria-live': 'polite' }),
    h('button', { type: 'submit', class: 'primary', id: `${id}-submit` }, submitText));
}

function values(form) {
  const data = {};
  new FormData(form).forEach((value, key) => {
    if (value !== '') {
      data[key] = value;
    }
  });
  return data;
}

async function unionCounts(unionId) {
  const stats = await api(`/api/unions/${encodeURIComponent(unionId)}/statistics`);
  return { active: stats.members.active, newEnrollments: stats.flows.newEnrollments };
}

/**
 * Asks before backdating into a signed year: the server refuses (409) an enrollment that
 * would flag signed reports, listing them; the officer sees which and confirms or cancels.
 */
function confirmBackdating(reports, date) {
  return new Promise((resolve) => {
    let dialog = null;
    const close = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    dialog = h('dialog', { class: 'confirm', id: 'backdating-dialog', 'aria-labelledby': 'backdating-title' },
      h('h3', { id: 'backdating-title' }, t('backdating.title')),
      h('p', {}, t('backdating.explain', { date })),
      h('ul', { id: 'backdating-reports' }, reports.map((r) => h('li', { dataset: { code: r.code, year: String(r.statisticalYear) } },
        t('backdating.report', { name: r.name, year: r.statisticalYear, version: r.version })))),
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'backdating-cancel', onclick: () => close(false) }, t('backdating.cancel')),
        h('button', { type: 'button', class: 'primary', id: 'backdating-confirm', onclick: () => close(true) }, t('backdating.confirm'))));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      close(false);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/**
 * Sends a dated change (an enrollment, a hold, a service...); a refusal naming signed
 * reports it would flag asks for confirmation and sends it again confirmed. Null when
 * cancelled.
 */
async function sendConfirmingBackdating(path, body, date) {
  try {
    return await api(path, { method: 'POST', body });
  } catch (error) {
    if (error.status !== 409 || !error.problem || !Array.isArray(error.problem.reports)) {
      throw error;
    }
    if (!await confirmBackdating(error.problem.reports, date)) {
      return null;
    }
    return api(path, { method: 'POST', body: { ...body, confirmBackdating: true } });
  }
}

export async function showEnroll(main, [preset], me) {
  const union = unionInput(me, preset);
  const residentId = h('input', { name: 'residentId', required: true, inputmode: 'text', maxlength: '18', autocomplete: 'off' });
  const form = formShell('enroll-form', [
    field('f-unionId', t('form.union'), union),
    field('f-residentId', t('form.residentId'), residentId, t('form.residentIdHint')),
    field('f-name', t('form.name'), h('input', { name: 'name', required: true, maxlength: '100', autocomplete: 'off' })),
    field('f-effectiveDate', t('form.effectiveDate'), h('input', { name: 'effectiveDate', type: 'date', required: true, value: me.today, max: me.today })),
    field('f-channel', t('form.channel'), h('select', { name: 'channel' }, CHANNELS.map((c) => h('option', { value: c }, label('channel', c))))),
  ], t('form.enroll'));
  // Field names in problems are the API's: unionId, residentId, ...
  form.querySelectorAll('[data-field]').forEach((f) => { f.dataset.field = f.dataset.field.replace(/^f-/, ''); });
  const counts = h('div', { class: 'kpis', id: 'union-counts' });
  const showCounts = async () => {
    if (!union.value) {
      counts.replaceChildren();
      return;
    }
    try {
      const c = await unionCounts(union.value);
      counts.replaceChildren(
        h('div', { class: 'kpi', id: 'kpi-union-active' }, h('span', { class: 'kpi-label' }, t('fig.activeMembers')), h('span', { class: 'kpi-value' }, number(c.active))),
        h('div', { class: 'kpi', id: 'kpi-union-new' }, h('span', { class: 'kpi-label' }, t('fig.newEnrollments')), h('span', { class: 'kpi-value' }, number(c.newEnrollments))));
    } catch (error) {
      counts.replaceChildren(h('p', { class: 'message error' }, error.message));
    }
  };
  const live = () => {
    const error = form.querySelector('#f-residentId-error');
    const problem = residentId.value.trim().length >= 15 || residentId.value.trim().length === 0 ? residentIdProblem(residentId.value) : null;
    error.textContent = problem && residentId.value ? t(problem) : '';
    residentId.toggleAttribute('aria-invalid', Boolean(problem && residentId.value));
    if (!problem && residentId.value.trim().length === 18) {
      error.textContent = t('id.ok');
    }
  };
  residentId.addEventListener('input', live);
  union.addEventListener('change', showCounts);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const problem = residentIdProblem(residentId.value);
    if (problem) {
      form.querySelector('#f-residentId-error').textContent = t(problem);
      residentId.setAttribute('aria-invalid', 'true');
      residentId.focus();
      return;
    }
    try {
      const body = values(form);
      const answer = await sendConfirmingBackdating('/api/members', body, body.effectiveDate);
      if (!answer) {
        const box = form.querySelector('.form-message');
        box.className = 'form-message message';
        box.textContent = t('backdating.cancelled');
        return;
      }
      success(form, [t('form.enrolled'), ' ', h('a', { href: `#/member/${answer.memberId}`, id: 'enrolled-member' }, answer.memberId)]);
      form.querySelector('[name=residentId]').value = '';
      form.querySelector('[name=name]').value = '';
      await showCounts();
    } catch (error) {
      showProblem(form, error);
    }
  });
  main.replaceChildren(pageTitle(t('nav.enroll'), t('enroll.sub')), counts, form);
  await showCounts();
}

/**
 * Fills a select with the union's members a credential may be issued for: active members
 * with their names masked (张**) and the end of their id, never bare ids.
 */
async function fillTransferCandidates(unionId, select) {
  select.replaceChildren();
  if (!unionId) {
    return;
  }
  const candidates = await api(`/api/unions/${encodeURIComponent(unionId)}/transfer-candidates`);
  candidates.members.forEach((m) => select.append(h('option', { value: m.memberId },
    `${m.name || '—'} · ${t('form.since')} ${m.since} · …${m.memberId.slice(-4)}`)));
}

/**
 * A credential form's member (the path names them) and the rest of its values, the body;
 * the union picked only narrows the members listed.
 */
function credentialRequest(form) {
  const { memberId, unionId, ...body } = values(form);
  return { memberId, body };
}

export async function showIssue(main, [preset], me) {
  const union = unionInput(me, preset);
  const member = h('select', { name: 'memberId', required: true });
  const loadMembers = () => fillTransferCandidates(union.value, member);
  // The receiving union is picked by name (or place) from the ledger's unions.
  const toUnion = h('input', { autocomplete: 'off', 'aria-autocomplete': 'list', 'aria-controls': 'toUnion-suggestions' });
  const suggestions = h('ul', { id: 'toUnion-suggestions', class: 'suggestions', 'aria-label': t('cred.suggestions') });
  const chosenText = h('span', { id: 'toUnion-chosen', class: 'hint' });
  let chosen = null;
  let searching = 0;
  const choose = (union) => {
    chosen = union;
    toUnion.value = union.name;
    chosenText.textContent = t('cred.toUnionChosen', { name: union.name, place: union.place });
    suggestions.replaceChildren();
  };
  const search = async () => {
    const mine = ++searching;
    const text = toUnion.value.trim();
    if (chosen && text !== chosen.name) {
      chosen = null;
      chosenText.textContent = '';
    }
    if (!text || chosen) {
      suggestions.replaceChildren();
      return;
    }
    const found = await api(`/api/transfer-destinations${query({ name: text, limit: 8 })}`);
    if (mine === searching) {
      suggestions.replaceChildren(...found.unions.map((u) => h('li', {},
        h('button', { type: 'button', class: 'link-button', dataset: { unionId: u.unionId }, onclick: () => choose(u) }, `${u.name} · ${u.place}`))));
    }
  };
  toUnion.addEventListener('input', search);
  /** The receiving union's id: the one picked, or the only one matching the text. */
  const receivingUnion = async () => {
    const text = toUnion.value.trim();
    if (!text) {
      return null;
    }
    if (chosen && chosen.name === text) {
      return chosen.unionId;
    }
    const found = await api(`/api/transfer-destinations${query({ name: text, limit: 2 })}`);
    return found.unions.length === 1 ? found.unions[0].unionId : undefined;
  };
  const toField = field('f-toUnionId', t('form.toUnion'), toUnion, t('cred.toUnionHint'));
  toField.classList.add('typeahead');
  toField.append(chosenText, suggestions);
  const form = formShell('issue-form', [
    field('f-unionId', t('form.union'), union),
    field('f-memberId', t('form.member'), member),
    toField,
    field('f-issuedOn', t('form.issuedOn'), h('input', { name: 'issuedOn', type: 'date', required: true, value: me.today, max: me.today })),
  ], t('form.issue'));
  form.querySelectorAll('[data-field]').forEach((f) => { f.dataset.field = f.dataset.field.replace(/^f-/, ''); });
  const result = h('div', { id: 'credential', class: 'credential', hidden: true });
  union.addEventListener('change', loadMembers);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const { memberId, body } = credentialRequest(form);
    try {
      const to = await receivingUnion();
      if (to === undefined) {
        form.querySelector('#f-toUnionId-error').textContent = t('cred.toUnionPick');
        toUnion.setAttribute('aria-invalid', 'true');
        toUnion.focus();
        return;
      }
      if (to) {
        body.toUnionId = to;
      }
      const answer = await api(`/api/members/${encodeURIComponent(memberId)}/transfer-credentials`, { method: 'POST', body });
      result.hidden = false;
      result.replaceChildren(...credentialBlock(answer));
      await settled(loadMembers);
      success(form, t('form.issued'));
    } catch (error) {
      showProblem(form, error);
    }
  });
  main.replaceChildren(pageTitle(t('nav.issue'), t('issue.sub')), form, result);
  await loadMembers();
}

/**
 * The receiving union accepts a credential; opened from the link in a QR code
 * (#/accept/CODE) the code is filled in and, when the credential is addressed to one of
 * the officer's unions, that union is chosen and the member (name masked) and the issuing
 * union are shown before the officer accepts.
 */
export async function showAccept(main, [code], me) {
  const union = unionInput(me);
  const codeInput = h('input', { name: 'code', required: true, value: code || '', autocomplete: 'off', class: 'code' });
  const preview = h('section', { class: 'card', id: 'credential-preview', hidden: true });
  const form = formShell('accept-form', [
    field('f-code', t('form.code'), codeInput),
    field('f-unionId', t('form.receivingUnion'), union),
    field('f-effectiveDate', t('form.effectiveDate'), h('input', { name: 'effectiveDate', type: 'date', required: true, value: me.today, max: me.today })),
  ], t('form.accept'));
  form.querySelectorAll('[data-field]').forEach((f) => { f.dataset.field = f.dataset.field.replace(/^f-/, ''); });
  const lookUp = async () => {
    const wanted = codeInput.value.trim().toUpperCase();
    preview.hidden = true;
    if (!wanted || me.role !== 'OFFICER') {
      return;
    }
    for (const mine of me.scope.unions) {
      const inbox = await api(`/api/unions/${encodeURIComponent(mine.unionId)}/transfer-credentials/inbox${query({ size: 100 })}`);
      const found = inbox.credentials.find((c) => c.code === wanted);
      if (found) {
        union.value = mine.unionId;
        preview.hidden = false;
        preview.replaceChildren(h('h3', {}, t('cred.preview.title')), h('dl', { class: 'facts' },
          h('dt', {}, t('cred.preview.member')), h('dd', { id: 'preview-member' }, found.memberName || '—'),
          h('dt', {}, t('cred.preview.from')), h('dd', { id: 'preview-from' }, found.fromUnionName),
          h('dt', {}, t('cred.preview.issuedOn')), h('dd', {}, found.issuedOn),
          h('dt', {}, t('cred.preview.expiresOn')), h('dd', {}, found.expiresOn)));
        return;
      }
    }
  };
  codeInput.addEventListener('change', lookUp);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = values(form);
    const credential = (body.code || '').trim().toUpperCase();
    delete body.code;
    try {
      const answer = await api(`/api/transfer-credentials/${encodeURIComponent(credential)}/acceptance`, { method: 'POST', body });
      success(form, [t('form.accepted'), ' ', h('a', { href: `#/member/${answer.memberId}`, id: 'accepted-member' }, answer.memberId)]);
    } catch (error) {
      showProblem(form, error);
    }
  });
  main.replaceChildren(pageTitle(t('nav.accept'), t('accept.sub')), preview, form);
  await lookUp();
}

export async function showService(main, [preset], me) {
  const form = formShell('service-form', [
    field('f-unionId', t('form.union'), unionInput(me, preset)),
    field('f-memberId', t('form.memberOptional'), h('input', { name: 'memberId', autocomplete: 'off' })),
    field('f-type', t('form.serviceType'), h('select', { name: 'type' }, SERVICE_TYPES.map((s) => h('option', { value: s }, label('serviceType', s))))),
    field('f-campaign', t('form.campaign'), h('select', { name: 'campaign' }, h('option', { value: '' }, t('form.none')),
      CAMPAIGNS.map((c) => h('option', { value: c }, label('campaign', c))))),
    field('f-deliveredOn', t('form.deliveredOn'), h('input', { name: 'deliveredOn', type: 'date', required: true, value: me.today, max: me.today })),
    field('f-personTimes', t('form.personTimes'), h('input', { name: 'personTimes', type: 'number', min: '1', value: '1' })),
    field('f-amountYuan', t('form.amountYuan'), h('input', { name: 'amountYuan', type: 'number', min: '0', step: '0.01', required: true, value: '0.00' })),
  ], t('form.record'));
  form.querySelectorAll('[data-field]').forEach((f) => { f.dataset.field = f.dataset.field.replace(/^f-/, ''); });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = values(form);
    if (body.personTimes) {
      body.personTimes = Number(body.personTimes);
    }
    try {
      const answer = await sendConfirmingBackdating('/api/services', body, body.deliveredOn);
      if (!answer) {
        return;
      }
      success(form, [t('form.recorded'), ' ', h('span', { id: 'service-id' }, answer.serviceId)]);
    } catch (error) {
      showProblem(form, error);
    }
  });
  main.replaceChildren(pageTitle(t('nav.service'), t('service.sub')), form);
}

export async function showImport(main, parts, me) {
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,text/csv', required: true });
  const confirm = h('input', { type: 'checkbox', name: 'confirmBackdating', value: 'true' });
  const form = formShell('import-form', [field('f-file', t('form.csvFile'), file, t('import.columns')),
    field('f-confirmBackdating', t('import.confirmBackdating'), confirm, t('import.confirmBackdatingHint'))], t('form.upload'));
  form.querySelectorAll('[data-field]').forEach((f) => { f.dataset.field = f.dataset.field.replace(/^f-/, ''); });
  const progress = h('section', { id: 'import-progress', class: 'card wide', hidden: true });
  const templates = h('p', { class: 'template-links', id: 'import-templates' },
    h('a', { href: '/api/imports/template.csv?lang=zh-CN', download: '', id: 'template-zh' }, t('import.templateZh')),
    h('a', { href: '/api/imports/template.csv?lang=en', download: '', id: 'template-en' }, t('import.templateEn')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    if (!file.files.length) {
      form.querySelector('#f-file-error').textContent = t('import.chooseFile');
      return;
    }
    const data = new FormData();
    data.append('file', file.files[0]);
    try {
      let job = await api(`/api/imports${confirm.checked ? '?confirmBackdating=true' : ''}`, { method: 'POST', body: data });
      success(form, t('import.started', { id: job.importId }));
      progress.hidden = false;
      for (;;) {
        renderJob(progress, job);
        if (job.status !== 'RUNNING' && job.status !== 'QUEUED') {
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 400));
        job = await api(`/api/imports/${job.importId}`);
      }
    } catch (error) {
      showProblem(form, error);
    }
  });
  main.replaceChildren(pageTitle(t('nav.import'), t('import.sub')), templates, form, progress);
}

function renderJob(box, job) {
  const rows = job.rows || 0;
  const done = job.done || 0;
  box.replaceChildren(
    h('h3', {}, t('import.job', { id: job.importId })),
    h('p', {}, t('import.status'), ' ', h('strong', { id: 'import-status' }, label('importStatus', job.status))),
    h('progress', { id: 'import-bar', max: String(Math.max(rows, 1)), value: String(done), 'aria-label': t('import.progress') }),
    h('dl', { class: 'facts' },
      h('dt', {}, t('import.rows')), h('dd', { id: 'import-rows' }, number(rows)),
      h('dt', {}, t('import.done')), h('dd', { id: 'import-done' }, number(done)),
      h('dt', {}, t('import.accepted')), h('dd', { id: 'import-accepted' }, number(job.accepted || 0)),
      h('dt', {}, t('import.alreadyPresent')), h('dd', { id: 'import-already' }, number(job.alreadyPresent || 0)),
      h('dt', {}, t('import.rejected')), h('dd', { id: 'import-rejected' }, number(job.rejected || 0))),
    job.rejections && job.rejections.length
      ? table([{ key: 'line', label: t('col.line'), numeric: true },
        { key: 'field', label: t('col.field'), render: (r) => (r.field ? label('csvField', r.field) : '—') },
        { key: 'message', label: t('col.message') },
        { key: 'rule', label: t('col.rule'), render: (r) => h('small', { class: 'code' }, r.rule) }], job.rejections, { id: 'import-rejections' })
      : null);
}

// Shared with the member and union pages (pages/members.js, pages/unions.js).
/**
 * An action's form that asks for confirmation before it sends: the first press shows
 * what will happen and a confirm button; only that sends the request.
 */
function actionForm(id, fields, submitText, confirmText, send) {
  const form = formShell(id, fields, submitText);
  form.querySelectorAll('[data-field]').forEach((f) => { f.dataset.field = f.dataset.field.replace(/^[a-z]+-/, ''); });
  const confirmBox = h('div', { class: 'message confirm', id: `${id}-confirm`, role: 'alertdialog', hidden: true });
  form.append(confirmBox);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = values(form);
    const yes = h('button', { type: 'button', class: 'primary', id: `${id}-yes` }, t('members.confirm'));
    const no = h('button', { type: 'button', id: `${id}-no` }, t('members.cancel'));
    confirmBox.replaceChildren(h('p', {}, confirmText(body)), h('p', { class: 'actions' }, yes, no));
    confirmBox.hidden = false;
    no.addEventListener('click', () => { confirmBox.hidden = true; });
    yes.addEventListener('click', async () => {
      confirmBox.hidden = true;
      try {
        await send(body, form);
      } catch (error) {
        showProblem(form, error);
      }
    });
  });
  return form;
}

/** A card holding one action's form. */
function section(id, title, form) {
  return h('section', { class: 'card wide', id }, h('h3', {}, title), form);
}

export { actionForm, clearErrors, credentialRequest, field, fillTransferCandidates, formShell, section, sendConfirmingBackdating, showProblem, success, unionInput, values };
