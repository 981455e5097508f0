import { LANGUAGES, lang, t, translate, useLanguage } from './i18n.js';
import { csrfToken } from './api.js';

async function show() {
  await useLanguage(lang());
  translate();
  document.title = `${t('app.title')} · ${t('login.submit')}`;
  const params = new URLSearchParams(window.location.search);
  const message = document.getElementById('login-message');
  const refused = params.has('error') || params.has('throttled');
  const key = params.has('throttled') ? 'login.throttled'
    : params.has('error') ? 'login.failed' : params.has('signedOut') ? 'login.signedOut' : null;
  message.hidden = !key;
  if (key) {
    message.textContent = t(key);
    message.className = refused ? 'message error' : 'message';
  }
}

document.getElementById('lang-switch').addEventListener('click', async () => {
  await useLanguage(LANGUAGES.find((l) => l !== lang()));
  await show();
});

// The token is read when the form is sent: the page's own request set the cookie.
document.getElementById('login-form').addEventListener('submit', () => {
  document.getElementById('csrf').value = csrfToken() || '';
});

show();
