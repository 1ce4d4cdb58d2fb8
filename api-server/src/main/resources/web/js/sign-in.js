// Posts the key once; the server answers with an HttpOnly cookie, so no script ever stores the key.
const form = document.getElementById('sign-in-form');
const message = document.getElementById('sign-in-message');
if (new URLSearchParams(location.search).has('expired')) {
  message.textContent = 'That sign-in link was already used or has expired. Sign in with the API key.';
}
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  message.textContent = 'Signing in…';
  const body = new URLSearchParams({ api_key: form.api_key.value });
  const response = await fetch('/web/session', { method: 'POST', body, credentials: 'same-origin' });
  form.api_key.value = '';
  if (response.ok) {
    location.href = '/web/' + location.hash;
    return;
  }
  const problem = await response.json().catch(() => ({}));
  message.textContent = problem.detail || ('Sign-in failed (' + response.status + ')');
});
