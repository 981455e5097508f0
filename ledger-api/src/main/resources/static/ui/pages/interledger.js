// Issue 18: transfers between ledgers in the dashboard, for the officers who do them
// (see docs/federation.md). Three cards: issue a signed credential for a member moving
// to another province's ledger (its document shown, printed as a QR code, copied or
// saved as a file); take in a worker from another ledger on their credential (what it
// says shown before, the signed receipt after); and record the receipt another ledger
// sent back, which ends the membership here. The ledger checks every signature; what
// the page shows of a document before that is only its text.
import { api, settled } from '../api.js';
import { h, table } from '../dom.js';
import { label, t } from '../i18n.js';
import { pageTitle } from './common.js';
import { clearErrors, credentialRequest, field, fillTransferCandidates, formShell, sendConfirmingBackdating, showProblem, success, unionInput, values } from './officer.js';

/**
 * The claims of a compact JWS as its text says them, without checking the signature
 * (the ledger does that when the document is presented); null for anything else.
 */
export function claimsOf(document) {
  const parts = (document || '').trim().split('.');
  if (parts.length !== 3) {
    return null;
  }
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch (error) {
    return null;
  }
}

/** A ledger by its province's name, with its code. */
function ledgerName(code) {
  return code ? `${label('ledger', code)}（${code}）` : '—';
}

/** A document as text to copy, with a button to save it as a file. */
function documentBox(id, document, fileName) {
  const text = h('textarea', { id, class: 'document code', readonly: true, rows: 6, spellcheck: 'false' });
  text.value = document;
  const save = h('a', { class: 'button small', id: `${id}-save`, download: fileName,
    href: URL.createObjectURL(new Blob([document], { type: 'text/plain' })) }, t('xl.save'));
  const copy = h('button', { type: 'button', class: 'small', id: `${id}-copy`, onclick: async () => {
    text.select();
    try {
      await navigator.clipboard.writeText(document);
      copy.textContent = t('xl.copied');
    } catch (error) {
      copy.textContent = t('xl.copyByHand');
    }
  } }, t('xl.copy'));
  return h('div', { class: 'document-box' }, text, h('p', { class: 'actions no-print' }, copy, ' ', save));
}

/** A field taking a document pasted as text or loaded from a file. */
function documentInput(id, name, text, hint) {
  const area = h('textarea', { name, required: true, rows: 6, spellcheck: 'false', class: 'code', autocomplete: 'off' });
  const wrapper = field(id, text, area, hint);
  const file = h('input', { type: 'file', id: `${id}-file`, accept: '.jws,.jwt,.txt,text/plain', class: 'no-print' });
  file.addEventListener('change', async () => {
    if (file.files.length) {
      area.value = (await file.files[0].text()).trim();
      area.dispatchEvent(new Event('input'));
    }
  });
  wrapper.append(h('label', { for: `${id}-file`, class: 'hint' }, t('xl.fromFile')), file);
  return { wrapper, area };
}

function section(id, title, sub, ...content) {
  return h('section', { class: 'card wide', id }, h('h3', {}, title), h('p', { class: 'sub' }, sub), ...content);
}

function issueCard(me, federation, preset) {
  const union = unionInput(me, preset);
  const member = h('select', { name: 'memberId', required: true });
  const loadMembers = () => fillTransferCandidates(union.value, member);
  union.addEventListener('change', loadMembers);
  const destination = h('select', { name: 'destinationLedger', required: true },
    federation.partners.map((code) => h('option', { value: code }, ledgerName(code))));
  const form = formShell('xl-issue-form', [
    field('f-xl-unionId', t('form.union'), union),
    field('f-xl-memberId', t('form.member'), member),
    field('f-xl-destinationLedger', t('xl.destinationLedger'), destination),
    field('f-xl-destinationUnionId', t('xl.destinationUnion'),
      h('input', { name: 'destinationUnionId', maxlength: '64', autocomplete: 'off' }), t('xl.destinationUnionHint')),
    field('f-xl-issuedOn', t('form.issuedOn'), h('input', { name: 'issuedOn', type: 'date', required: true, value: me.today, max: me.today })),
  ], t('xl.issue'));
  form.querySelectorAll('[data-field]').forEach((f) => { f.dataset.field = f.dataset.field.replace(/^xl-/, ''); });
  const result = h('div', { id: 'xl-credential', class: 'credential', hidden: true });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const { memberId, body } = credentialRequest(form);
    try {
      const answer = await api(`/api/members/${encodeURIComponent(memberId)}/inter-ledger-credentials`, { method: 'POST', body });
      const qr = `/api/members/${encodeURIComponent(memberId)}/inter-ledger-credentials/${encodeURIComponent(answer.code)}/qr`;
      result.hidden = false;
      result.replaceChildren(
        h('h3', {}, t('xl.credentialTitle')),
        h('dl', { class: 'facts' },
          h('dt', {}, t('cred.col.code')), h('dd', { id: 'xl-code', class: 'code' }, answer.code),
          h('dt', {}, t('xl.member')), h('dd', { id: 'xl-masked-name' }, answer.maskedName),
          h('dt', {}, t('xl.destinationLedger')), h('dd', { id: 'xl-destination' }, ledgerName(answer.destinationLedger)),
          h('dt', {}, t('cred.col.expiresOn')), h('dd', { id: 'xl-expires' }, answer.expiresOn)),
        h('img', { id: 'xl-qr', src: qr, alt: t('xl.qrAlt', { code: answer.code }), width: 320, height: 320 }),
        h('p', { class: 'sub' }, t('xl.handOver', { ledger: label('ledger', answer.destinationLedger) })),
        documentBox('xl-document', answer.document, `${answer.code}.jws`),
        h('p', { class: 'no-print' }, h('button', { type: 'button', class: 'primary', onclick: () => window.print() }, t('credential.print'))));
      await settled(loadMembers);
      success(form, t('xl.issued'));
    } catch (error) {
      showProblem(form, error);
    }
  });
  return { card: section('xl-issue', t('xl.issueTitle'), t('xl.issueSub'), form, result), loadMembers };
}

function acceptCard(me, federation) {
  const { wrapper, area } = documentInput('f-in-document', 'document', t('xl.credentialDocument'), t('xl.credentialHint'));
  const preview = h('dl', { class: 'facts', id: 'xl-in-preview', hidden: true });
  area.addEventListener('input', () => {
    const claims = claimsOf(area.value);
    preview.hidden = !claims;
    if (claims) {
      preview.replaceChildren(
        h('dt', {}, t('xl.member')), h('dd', { id: 'xl-in-member' }, claims.maskedName || '—'),
        h('dt', {}, t('xl.originLedger')), h('dd', { id: 'xl-in-origin' }, ledgerName(claims.iss)),
        h('dt', {}, t('xl.originUnion')), h('dd', { id: 'xl-in-origin-union' }, claims.originUnionName || '—'),
        h('dt', {}, t('xl.toUnion')), h('dd', {}, claims.destinationUnion || t('cred.anyUnion')),
        h('dt', {}, t('cred.col.issuedOn')), h('dd', {}, claims.issuedOn || '—'),
        h('dt', {}, t('cred.col.expiresOn')), h('dd', { id: 'xl-in-expires' }, claims.expiresOn || '—'),
        h('dt', {}, t('xl.checkedWhen')), h('dd', { class: 'sub' }, t('xl.notCheckedYet')));
    }
  });
  wrapper.append(preview);
  const form = formShell('xl-accept-form', [
    wrapper,
    field('f-in-residentId', t('form.residentId'), h('input', { name: 'residentId', required: true, maxlength: '18', autocomplete: 'off' }), t('xl.residentIdHint')),
    field('f-in-name', t('form.name'), h('input', { name: 'name', required: true, maxlength: '100', autocomplete: 'off' })),
    field('f-in-unionId', t('form.receivingUnion'), unionInput(me)),
    field('f-in-effectiveDate', t('form.effectiveDate'), h('input', { name: 'effectiveDate', type: 'date', required: true, value: me.today, max: me.today })),
  ], t('xl.accept'));
  form.querySelectorAll('[data-field]').forEach((f) => { f.dataset.field = f.dataset.field.replace(/^in-/, ''); });
  const result = h('div', { id: 'xl-receipt', hidden: true });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = values(form);
    body.document = (body.document || '').trim();
    try {
      const answer = await sendConfirmingBackdating('/api/inter-ledger-transfers', body, body.effectiveDate);
      if (!answer) {
        return;
      }
      success(form, [t('xl.accepted', { ledger: label('ledger', answer.originLedger) }), ' ',
        h('a', { href: `#/m/${encodeURIComponent(answer.memberId)}`, id: 'xl-accepted-member' }, t('xl.openMember'))]);
      result.hidden = false;
      result.replaceChildren(h('h3', {}, t('xl.receiptTitle')),
        h('p', { class: 'sub' }, t((federation.receiptsSentTo || []).includes(answer.originLedger) ? 'xl.receiptSent' : 'xl.receiptByHand', { ledger: label('ledger', answer.originLedger) })),
        documentBox('xl-receipt-document', answer.receipt, `${answer.receiptId}.jws`));
    } catch (error) {
      showProblem(form, error);
    }
  });
  return section('xl-accept', t('xl.acceptTitle'), t('xl.acceptSub'), form, result);
}

function receiptCard() {
  const { wrapper, area } = documentInput('f-rc-document', 'document', t('xl.receiptDocument'), t('xl.receiptHint'));
  const preview = h('p', { class: 'sub', id: 'xl-rc-preview' });
  area.addEventListener('input', () => {
    const claims = claimsOf(area.value);
    preview.textContent = claims ? t('xl.receiptSays', { ledger: ledgerName(claims.iss), union: claims.receivingUnionName || '—',
      date: claims.acceptedOn || '—', code: claims.credential || '—' }) : '';
  });
  wrapper.append(preview);
  const form = formShell('xl-receipt-form', [wrapper], t('xl.record'));
  form.querySelectorAll('[data-field]').forEach((f) => { f.dataset.field = f.dataset.field.replace(/^rc-/, ''); });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const answer = await api('/api/inter-ledger-receipts', { method: 'POST', body: { document: area.value.trim() } });
      success(form, [t('xl.closed', { ledger: label('ledger', answer.receivingLedger), union: answer.receivingUnionName, date: answer.acceptedOn }), ' ',
        h('a', { href: `#/m/${encodeURIComponent(answer.memberId)}`, id: 'xl-closed-member' }, t('xl.openMember'))]);
      area.value = '';
      preview.textContent = '';
    } catch (error) {
      showProblem(form, error);
    }
  });
  return section('xl-receipt-card', t('xl.receiptCardTitle'), t('xl.receiptCardSub'), form);
}

/**
 * This ledger's federation (GET /api/federation), or null once the page says why there is
 * none; with the line naming this ledger and its partners.
 */
async function federationOf(main, title, id) {
  try {
    const federation = await api('/api/federation');
    federation.identity = h('p', { id: `${id}-identity` }, t('xl.identity', { ledger: ledgerName(federation.ledger),
      partners: federation.partners.length ? federation.partners.map(ledgerName).join('、') : t('xl.noPartners') }));
    return federation;
  } catch (error) {
    main.replaceChildren(title,
      h('p', { class: 'message error', id: `${id}-unavailable`, role: 'alert' }, t('xl.unavailable'), ' ', error.message));
    return null;
  }
}

/** #/inter-ledger[/unionId]: the three cards, or why there are none. */
export async function show(main, [preset], me) {
  const title = pageTitle(t('nav.interLedger'), t('xl.sub'));
  const federation = await federationOf(main, title, 'xl');
  if (!federation) {
    return;
  }
  const cards = [];
  let loadMembers = async () => {};
  if (federation.partners.length) {
    const issue = issueCard(me, federation, preset);
    cards.push(issue.card);
    loadMembers = issue.loadMembers;
  }
  cards.push(acceptCard(me, federation), receiptCard());
  main.replaceChildren(title, federation.identity, ...cards);
  await loadMembers();
}

/**
 * #/cross-ledger: a supervisor's comparison with another ledger (跨省重复统计): export the
 * fingerprints of the people counted in their scope, signed for one partner, and compare a
 * partner's export with the people counted here; each person counted in both becomes a
 * finding. No resident ID or name leaves either ledger.
 */
export async function showComparison(main, parts, me) {
  const title = pageTitle(t('nav.crossLedger'), t('xc.sub'));
  const federation = await federationOf(main, title, 'xc');
  if (!federation) {
    return;
  }
  const partner = h('select', { name: 'ledger', required: true },
    federation.partners.map((code) => h('option', { value: code }, ledgerName(code))));
  const partsInput = h('input', { name: 'parts', type: 'number', min: '1', max: '1024', step: '1', placeholder: t('xc.partsAuto') });
  const exportForm = formShell('xc-export-form', [
    field('f-xc-ledger', t('xc.partner'), partner, t('xc.partnerHint')),
    field('f-xc-parts', t('xc.parts'), partsInput, t('xc.partsHint')),
  ], t('xc.export'));
  exportForm.querySelectorAll('[data-field]').forEach((f) => { f.dataset.field = f.dataset.field.replace(/^xc-/, ''); });
  const exported = h('div', { id: 'xc-exported', hidden: true });
  // one part of the export (a scope too large for one document is exported in parts, each
  // signed on its own; the partner compares them one by one)
  const showPart = async (ledger, parts, part) => {
    const query = new URLSearchParams({ ledger });
    if (parts) {
      query.set('parts', parts);
      query.set('part', part);
    }
    const answer = await api(`/api/federation/fingerprints?${query}`);
    const ofParts = answer.parts > 1 ? `-part-${answer.part}-of-${answer.parts}` : '';
    success(exportForm, answer.parts > 1
      ? t('xc.exportedPart', { people: answer.people, ledger: label('ledger', answer.addressee), part: answer.part, parts: answer.parts })
      : t('xc.exported', { people: answer.people, ledger: label('ledger', answer.addressee) }));
    exported.hidden = false;
    const nav = answer.parts > 1 ? h('p', { class: 'actions no-print', id: 'xc-parts' }, t('xc.partsNav'), ' ',
      ...Array.from({ length: answer.parts }, (_, i) => h('button', { type: 'button', class: 'small', id: `xc-part-${i + 1}`,
        'aria-pressed': String(i + 1 === answer.part),
        onclick: async () => {
          clearErrors(exportForm);
          try {
            await showPart(ledger, answer.parts, i + 1);
          } catch (error) {
            showProblem(exportForm, error);
          }
        } }, String(i + 1)))) : null;
    exported.replaceChildren(...[nav, documentBox('xc-document', answer.document,
      `fingerprints-${answer.ledger}-for-${answer.addressee}-${answer.scope}${ofParts}.jws`)].filter(Boolean));
  };
  exportForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(exportForm);
    try {
      await showPart(partner.value, partsInput.value ? partsInput.value : null, 1);
    } catch (error) {
      showProblem(exportForm, error);
    }
  });
  const { wrapper, area } = documentInput('f-xc-document', 'document', t('xc.theirExport'), t('xc.theirExportHint'));
  const says = h('p', { class: 'sub', id: 'xc-says' });
  area.addEventListener('input', () => {
    const claims = claimsOf(area.value);
    const people = Array.isArray(claims?.entries) ? claims.entries.length : '—';
    says.textContent = !claims ? ''
      : claims.parts > 1 ? t('xc.exportSaysPart', { ledger: ledgerName(claims.iss), scope: claims.scope || '—', people, part: claims.part, parts: claims.parts })
        : t('xc.exportSays', { ledger: ledgerName(claims.iss), scope: claims.scope || '—', people });
  });
  wrapper.append(says);
  const compareForm = formShell('xc-compare-form', [wrapper], t('xc.compare'));
  compareForm.querySelectorAll('[data-field]').forEach((f) => { f.dataset.field = f.dataset.field.replace(/^xc-/, ''); });
  const result = h('div', { id: 'xc-result', 'aria-live': 'polite' });
  compareForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(compareForm);
    try {
      const answer = await api('/api/federation/double-counts', { method: 'POST', body: { document: area.value.trim() } });
      success(compareForm, t(answer.parts > 1 ? 'xc.comparedPart' : 'xc.compared', { theirs: answer.theirs, ours: answer.ours,
        found: answer.found.length, ledger: label('ledger', answer.otherLedger), part: answer.part, parts: answer.parts }));
      result.replaceChildren(answer.found.length === 0 ? h('p', { class: 'empty', id: 'xc-none' }, t('xc.none'))
        : table([
          { key: 'memberId', label: t('xc.col.member'), render: (r) => h('a', { href: `#/member/${encodeURIComponent(r.memberId)}` }, `…${r.memberId.slice(-6)}`) },
          { key: 'unionName', label: t('xc.col.union') },
          { key: 'otherUnionName', label: t('xc.col.otherUnion') },
        ], answer.found, { id: 'xc-found' }),
      h('p', {}, h('a', { href: '#/findings', id: 'xc-findings' }, t('xc.toFindings'))));
    } catch (error) {
      showProblem(compareForm, error);
    }
  });
  main.replaceChildren(title, federation.identity,
    federation.partners.length ? section('xc-export', t('xc.exportTitle'), t('xc.exportSub'), exportForm, exported) : null,
    section('xc-compare', t('xc.compareTitle'), t('xc.compareSub'), compareForm, result));
}
