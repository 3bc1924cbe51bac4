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
