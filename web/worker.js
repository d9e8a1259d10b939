// Registers the form's service worker (dist/sw.js). When a new release has installed beside
// the running one, says so under the header and lets the user choose when to switch:
// reloading saves the open draft first (autosave flushes on pagehide).
export async function register(url) {
  const registration = await navigator.serviceWorker.register(url);
  const offer = () => {
    if (registration.waiting && navigator.serviceWorker.controller) offerReload(registration);
  };
  offer();
  registration.addEventListener('updatefound', () => {
    registration.installing?.addEventListener('statechange', offer);
  });
}

function offerReload(registration) {
  if (document.getElementById('new-version')) return;
  const region = document.createElement('div');
  region.id = 'new-version';
  region.className = 'new-version';
  region.setAttribute('role', 'region');
  region.setAttribute('aria-label', 'New version');
  const text = document.createElement('p');
  text.textContent = 'A new version is ready. ';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button--small';
  button.textContent = 'Reload';
  button.addEventListener('click', () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload());
    registration.waiting?.postMessage('take-over');
  });
  text.append(button);
  region.append(text);
  const header = document.querySelector('.app-header');
  if (header) header.after(region);
  else document.body.prepend(region);
}
