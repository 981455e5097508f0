// The dashboard's shell: who is signed in (from /api/me), the navigation their role
// allows, the language switch, and a hash router that hands each route to its page.
import { api, csrfToken } from './api.js';
import { disposeCharts, loadCharts } from './charts.js';
import { h } from './dom.js';
import { LANGUAGES, label, lang, t, translate, useLanguage } from './i18n.js';
import * as jurisdiction from './pages/jurisdiction.js';
import * as transfers from './pages/transfers.js';
import * as services from './pages/services.js';
import * as officer from './pages/officer.js';
import * as supervision from './pages/supervision.js';
import * as signoff from './pages/signoff.js';
import * as figures from './pages/figures.js';
import * as members from './pages/members.js';
import * as applications from './pages/applications.js';
import * as report from './pages/report.js';
import * as interLedger from './pages/interledger.js';

const OFFICERS = ['OFFICER', 'SYSTEM_ADMIN'];
const READERS = ['JURISDICTION_ADMIN', 'SUPERVISOR', 'AUDITOR', 'SYSTEM_ADMIN'];
const MEMBER_READERS = ['SUPERVISOR', 'AUDITOR', 'SYSTEM_ADMIN'];

/**
 * Routes: pattern, page, who may open it (roles) and who finds it in the navigation
 * (navRoles, default the same). The sign-off page (签报 / 统计年报) is read by the
 * jurisdictions' readers; who may sign a level is decided on the page and by the server.
 */
const ROUTES = [
  { path: 'j', page: jurisdiction.showJurisdiction, nav: 'nav.jurisdiction', roles: READERS, home: (me) => `j/${homeCode(me)}` },
  { path: 'u', page: jurisdiction.showUnion, nav: 'nav.union', roles: [...READERS, 'OFFICER'], navRoles: ['OFFICER'], home: (me) => `u/${me.scope.unions[0].unionId}` },
  { path: 'transfers', page: transfers.show, nav: 'nav.transfers', roles: [...READERS, 'OFFICER'], home: (me) => `transfers/${homeScope(me)}` },
  { path: 'services', page: services.show, nav: 'nav.services', roles: [...READERS, 'OFFICER'], home: (me) => `services/${homeScope(me)}` },
  { path: 'members', page: members.showMembers, nav: 'nav.members', roles: OFFICERS, home: (me) => (me.scope.unions && me.scope.unions.length ? `members/${me.scope.unions[0].unionId}/0` : 'members') },
  { path: 'm', page: members.showMember, nav: 'nav.members', roles: [...MEMBER_READERS, 'OFFICER'], navRoles: [] },
  { path: 'enroll', page: officer.showEnroll, nav: 'nav.enroll', roles: OFFICERS },
  { path: 'issue', page: officer.showIssue, nav: 'nav.issue', roles: OFFICERS },
  { path: 'accept', page: officer.showAccept, nav: 'nav.accept', roles: OFFICERS },
  { path: 'service', page: officer.showService, nav: 'nav.service', roles: OFFICERS },
  { path: 'import', page: officer.showImport, nav: 'nav.import', roles: OFFICERS },
  { path: 'inter-ledger', page: interLedger.show, nav: 'nav.interLedger', roles: OFFICERS },
  { path: 'applications', page: applications.show, nav: 'nav.applications', roles: ['OFFICER'] },
  { path: 'signoff', page: signoff.show, nav: 'nav.signoff', roles: READERS, home: (me) => `signoff/${homeCode(me)}` },
  { path: 'report', page: report.show, nav: 'nav.signoff', roles: READERS, navRoles: [] },
  { path: 'findings', page: supervision.showFindings, nav: 'nav.findings', roles: READERS },
  { path: 'member', page: supervision.showMember, nav: 'nav.member', roles: [...MEMBER_READERS, 'OFFICER'] },
  { path: 'cross-ledger', page: interLedger.showComparison, nav: 'nav.crossLedger', roles: ['SUPERVISOR', 'JURISDICTION_ADMIN', 'SYSTEM_ADMIN'] },
  { path: 'verify', page: supervision.showVerify, nav: 'nav.verify', roles: ['AUDITOR', 'SYSTEM_ADMIN'] },
  // The members and events behind a figure, reached from the figures' links (not in the menu).
  { path: 'figure', page: figures.showFigure, nav: 'nav.figure', roles: [...READERS, 'OFFICER'], navRoles: [] },
];

let me = null;

function homeCode(user) {
  return user.scope.jurisdiction ? user.scope.jurisdiction.code : '13';
}

function homeScope(user) {
  return user.role === 'OFFICER' ? `u/${user.scope.unions[0].unionId}` : homeCode(user);
}

function allowed(route) {
  return route.roles.includes(me.role);
}

function inNavigation(route) {
  return (route.navRoles || route.roles).includes(me.role);
}

function renderNav() {
  const nav = document.getElementById('nav');
  const current = window.location.hash.replace(/^#\/?/, '').split('/')[0];
  nav.replaceChildren(h('ul', {}, ROUTES.filter(inNavigation).map((route) => {
    const target = route.home ? route.home(me) : route.path;
    return h('li', {}, h('a', { href: `#/${target}`, 'aria-current': current === route.path ? 'page' : null,
      id: `nav-${route.path}` }, t(route.nav)));
  })));
}

function renderHeader() {
  document.getElementById('user-name').textContent = me.name;
  document.getElementById('user-role').textContent = label('role', me.role);
  translate();
  document.title = t('app.title');
}

async function route() {
  const main = document.getElementById('main');
  document.body.dataset.rendered = '';
  disposeCharts();
  const parts = window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  let target = ROUTES.find((r) => r.path === parts[0]);
  if (!target) {
    const home = ROUTES.find((r) => inNavigation(r) && r.home);
    window.location.replace(`#/${home.home(me)}`);
    return;
  }
  renderNav();
  main.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('app.loading')));
  if (!allowed(target)) {
    main.replaceChildren(refusal(t('refused.role')));
    document.body.dataset.rendered = window.location.hash;
    return;
  }
  try {
    const shown = target.page(main, parts.slice(1), me);
    // The page has sent its requests: fetch and compile ECharts while the ledger answers.
    loadCharts().catch(() => {});
    await shown;
  } catch (error) {
    main.replaceChildren(problemBox(error));
  }
  document.getElementById('nav').classList.remove('open');
  document.getElementById('menu-toggle').setAttribute('aria-expanded', 'false');
  // Which route the page shows now (for the browser tests, which wait for it).
  document.body.dataset.rendered = window.location.hash;
}

/** What the ledger answered when it refused or failed, shown in place of the page. */
export function problemBox(error) {
  if (error && (error.status === 403 || error.status === 404)) {
    return refusal(error.message, error.status, error.problem && error.problem.rule);
  }
  return h('div', { class: 'message error', role: 'alert', id: 'page-error' }, error ? error.message : t('app.error'));
}

function refusal(detail, status, rule) {
  return h('div', { class: 'message refused', role: 'alert', id: 'refused' },
    h('strong', {}, t('refused.title')), ' ', detail || '',
    status ? h('span', { class: 'code', id: 'refused-status' }, ` (HTTP ${status}${rule ? ` ${rule}` : ''})`) : null);
}

async function start() {
  // The dictionary and the user in parallel (the request's language is known already).
  [, me] = await Promise.all([useLanguage(lang()), api('/api/me')]);
  document.getElementById('lang-switch').addEventListener('click', async () => {
    await useLanguage(LANGUAGES.find((l) => l !== lang()));
    renderHeader();
    await route();
  });
  document.getElementById('logout-form').addEventListener('submit', () => {
    document.getElementById('logout-csrf').value = csrfToken() || '';
  });
  // The skip link moves the focus to the content without touching the route (the hash).
  document.querySelector('.skip').addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById('main').focus();
  });
  const toggle = document.getElementById('menu-toggle');
  toggle.addEventListener('click', () => {
    const nav = document.getElementById('nav');
    nav.classList.toggle('open');
    toggle.setAttribute('aria-expanded', String(nav.classList.contains('open')));
  });
  renderHeader();
  window.addEventListener('hashchange', route);
  await route();
}

start();
