// Starts the WebAssembly app. Kept as a file (not inline) so the Content-Security-Policy can
// forbid inline script. Trunk writes the hashed names into this tag's data attributes.
const tag = document.querySelector('script[data-wasm]');
try {
  const app = await import(tag.dataset.js);
  await app.default({ module_or_path: tag.dataset.wasm });
} catch (err) {
  const msg = document.getElementById('boot-message');
  if (msg) {
    msg.textContent = 'Open Door could not start. Check your connection and reload the page. (' + err + ')';
  }
}
