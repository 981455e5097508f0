// Union administration (基层工会管理) by the admins of a county and the levels above:
// register a union in a county or zone, rename one (its former names are kept), move one
// to another county from a day after today (变更所属行政区划), dissolve one that nobody is
// counted in (撤销). Each change is confirmed before it is sent; the
// server's refusals are shown beside the field they name.
import { api } from '../api.js';
import { h } from '../dom.js';
import { label, t } from '../i18n.js';
import { inScope } from './common.js';
import { actionForm, field, section } from './officer.js';

const TYPES = ['ENTERPRISE', 'PROJECT_SITE', 'LABOUR_DISPATCH', 'REGIONAL', 'INDUSTRY'];
const SECTORS = ['CONSTRUCTION', 'LOGISTICS', 'DOMESTIC_SERVICES', 'AGRICULTURAL_COOP', 'LABOUR_DISPATCH', 'MANUFACTURING', 'OTHER'];

/** Whether the user registers, renames and dissolves unions under the jurisdiction. */
export function administers(me, code) {
  return me.role === 'SYSTEM_ADMIN' || (me.role === 'JURISDICTION_ADMIN' && inScope(me, code));
}

/** An id for a new union: the county's code and a random tail; the admin may change it. */
function suggestedId(code) {
  const tail = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => (b % 36).toString(36)).join('');
  return `u${code}-${tail}`;
}

function dateInput(me, value) {
  return h('input', { name: 'effectiveDate', type: 'date', required: true, value: value || me.today, max: me.today });
}

/** 登记基层工会: a form on a county's or zone's page; reload shows the new union listed. */
export function registerCard(me, code, countyName, reload) {
  if (!administers(me, code)) {
    return null;
  }
  const form = actionForm('register-union-form', [
    field('f-register-name', t('unionAdmin.name'), h('input', { name: 'name', required: true, maxlength: '200', autocomplete: 'off' })),
    field('f-register-type', t('col.unionType'), h('select', { name: 'type' }, TYPES.map((v) => h('option', { value: v }, label('unionType', v))))),
    field('f-register-sector', t('col.sector'), h('select', { name: 'sector' }, SECTORS.map((v) => h('option', { value: v }, label('sector', v))))),
    field('f-register-establishedOn', t('col.established'),
      h('input', { name: 'establishedOn', type: 'date', required: true, value: me.today, max: me.today })),
    field('f-register-unionId', t('unionAdmin.unionId'),
      h('input', { name: 'unionId', required: true, maxlength: '64', value: suggestedId(code), autocomplete: 'off' }),
      t('unionAdmin.unionIdHint')),
  ], t('unionAdmin.register'), (body) => t('unionAdmin.confirmRegister', { name: body.name || '', place: countyName }),
  async (body) => {
    await api('/api/unions', { method: 'POST', body: { ...body, jurisdictionCode: code } });
    await reload();
    const box = document.querySelector('#union-admin-result');
    if (box) {
      box.hidden = false;
      box.textContent = t('unionAdmin.registered', { name: body.name });
    }
  });
  return h('div', { class: 'card wide', id: 'union-register' },
    h('div', { class: 'message ok', id: 'union-admin-result', role: 'status', hidden: true }),
    h('details', {}, h('summary', { id: 'union-register-open' }, t('unionAdmin.register')), form));
}

/** The names a union has had, oldest first, each with the day it took effect. */
export function namesCard(union) {
  if (!union.names || union.names.length < 2) {
    return null;
  }
  return h('section', { class: 'card', id: 'union-names' }, h('h3', {}, t('unionAdmin.names')),
    h('ol', { class: 'timeline' }, union.names.map((n) => h('li', {},
      h('span', { class: 'when' }, n.from), h('strong', {}, n.name)))));
}

/** The union's moves between jurisdictions, oldest first. */
export function movesCard(union) {
  if (!union.moves || union.moves.length === 0) {
    return null;
  }
  const place = (code, name) => (name ? `${name}（${code}）` : code);
  return h('section', { class: 'card', id: 'union-moves' }, h('h3', {}, t('unionAdmin.moves')),
    h('ol', { class: 'timeline' }, union.moves.map((m) => h('li', {},
      t('unionAdmin.moveEntry', { date: m.effectiveDate, from: place(m.fromJurisdictionCode, m.fromJurisdictionName),
        to: place(m.toJurisdictionCode, m.toJurisdictionName) })))));
}

/** The day after today, as yyyy-mm-dd. */
function tomorrow(today) {
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** 更名, 变更所属行政区划 and 撤销 on a union's page, for those who administer its county. */
export function adminCards(me, union, reload) {
  if (!administers(me, union.jurisdictionCode) || union.dissolvedOn) {
    return [];
  }
  const path = `/api/unions/${encodeURIComponent(union.unionId)}`;
  const done = async (text) => {
    await reload();
    const box = document.querySelector('#union-admin-result');
    if (box) {
      box.hidden = false;
      box.textContent = text;
    }
  };
  const rename = actionForm('rename-union-form', [
    field('f-rename-name', t('unionAdmin.newName'), h('input', { name: 'name', required: true, maxlength: '200', autocomplete: 'off' })),
    field('f-rename-effectiveDate', t('form.effectiveDate'), dateInput(me)),
    field('f-rename-reason', t('unionAdmin.reason'), h('input', { name: 'reason', maxlength: '500', autocomplete: 'off' })),
  ], t('unionAdmin.rename'), (body) => t('unionAdmin.confirmRename', { old: union.name, name: body.name || '' }),
  async (body) => {
    const answer = await api(`${path}/name`, { method: 'POST', body });
    await done(t('unionAdmin.renamed', { name: answer.name }));
  });
  const dissolve = actionForm('dissolve-union-form', [
    field('f-dissolve-effectiveDate', t('form.effectiveDate'), dateInput(me), t('unionAdmin.dissolveHint')),
    field('f-dissolve-reason', t('unionAdmin.reason'), h('input', { name: 'reason', maxlength: '500', autocomplete: 'off' })),
  ], t('unionAdmin.dissolve'), (body) => t('unionAdmin.confirmDissolve', { name: union.name, date: body.effectiveDate || '' }),
  async (body) => {
    await api(`${path}/dissolution`, { method: 'POST', body });
    await done(t('unionAdmin.dissolved', { name: union.name }));
  });
  const next = tomorrow(me.today);
  const move = actionForm('move-union-form', [
    field('f-move-jurisdictionCode', t('unionAdmin.moveCode'),
      h('input', { name: 'jurisdictionCode', required: true, pattern: '\\d{6}', inputmode: 'numeric', maxlength: '6', autocomplete: 'off' })),
    field('f-move-effectiveDate', t('form.effectiveDate'),
      h('input', { name: 'effectiveDate', type: 'date', required: true, value: next, min: next }), t('unionAdmin.moveHint')),
    field('f-move-reason', t('unionAdmin.reason'), h('input', { name: 'reason', maxlength: '500', autocomplete: 'off' })),
  ], t('unionAdmin.move'), (body) => t('unionAdmin.confirmMove', { name: union.name, code: body.jurisdictionCode || '', date: body.effectiveDate || '' }),
  async (body) => {
    await api(`${path}/jurisdiction`, { method: 'POST', body });
    await done(t('unionAdmin.moved', { name: union.name, code: body.jurisdictionCode, date: body.effectiveDate }));
  });
  return [section('union-rename', t('unionAdmin.rename'), rename), section('union-move', t('unionAdmin.move'), move),
    section('union-dissolve', t('unionAdmin.dissolve'), dissolve)];
}
