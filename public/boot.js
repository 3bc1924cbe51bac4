// Starts the WebAssembly app. Kept as a file (not inline) so the Content-Security-Policy can
// forbid inline script. Trunk writes the hashed names into this tag's data attributes.
//
// When the server sent the listings as HTML (a first visit, `data-first-paint`), the app's
// download waits until that page has painted, so the two never share a slow connection; the app
// then takes over from the HTML by itself (src/first_paint.rs).
const tag = document.querySelector('script[data-wasm]');

// The text size chosen in Settings (src/pages/text_size.rs), before anything is drawn by the app.
try {
  const size = localStorage.getItem('opendoor.textSize');
  if (['large', 'larger', 'largest'].includes(size)) document.documentElement.classList.add('text-' + size);
} catch { /* storage refused: the standard size */ }

// The language chosen on this device (src/i18n.rs), so an app shell from the service worker is
// laid out the right way (Arabic right to left) before the app draws. A first paint from the
// server already carries the language it was painted in.
if (!document.querySelector('[data-first-paint]')) {
  try {
    const lang = localStorage.getItem('opendoor.lang');
    if (['en', 'cy', 'ar'].includes(lang)) {
      document.documentElement.lang = lang;
      document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
    }
  } catch { /* storage refused: the shell's own language */ }
}

async function start() {
  try {
    const app = await import(tag.dataset.js);
    await app.default({ module_or_path: tag.dataset.wasm });
  } catch (err) {
    const msg = document.getElementById('boot-message');
    if (msg) {
      msg.textContent = 'Open Door could not start. Check your connection and reload the page. (' + err + ')';
    }
  }
}

const painted = document.querySelector('[data-first-paint]');
if (!painted) {
  start();
} else {
  const afterPaint = () => requestAnimationFrame(() => setTimeout(start, 0));
  if (document.readyState === 'complete') afterPaint();
  else addEventListener('load', afterPaint, { once: true });
}
