// Open Door for organisations: keeps what is typed in this browser until the server has saved
// it, says so when it cannot be saved (offline), and moves focus to the error summary.
// The pages work without this script.
(function () {
  'use strict';
  var PREFIX = 'od-org:';
  var PENDING = 'od-org-pending';

  function store() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function values(form) {
    var out = [];
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      if (!el.name || el.name === 'csrf' || el.type === 'submit' || el.type === 'file' || el.type === 'hidden') continue;
      if (el.type === 'checkbox' || el.type === 'radio') out.push([el.name, el.value, el.checked]);
      else out.push([el.name, el.value]);
    }
    return out;
  }

  function apply(form, saved) {
    var els = [];
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      if (!el.name || el.name === 'csrf' || el.type === 'submit' || el.type === 'file' || el.type === 'hidden') continue;
      els.push(el);
    }
    if (els.length !== saved.length) return false; // the form changed shape: do not guess
    var changed = false;
    for (var j = 0; j < els.length; j++) {
      var el2 = els[j], s = saved[j];
      if (el2.name !== s[0]) return changed;
      if (el2.type === 'checkbox' || el2.type === 'radio') {
        if (el2.checked !== s[2]) { el2.checked = s[2]; changed = true; }
      } else if (el2.value !== s[1]) { el2.value = s[1]; changed = true; }
    }
    return changed;
  }

  function say(form, text) {
    var status = form.querySelector('[data-keep-status]');
    if (!status) {
      status = document.createElement('p');
      status.className = 'keep-note';
      status.setAttribute('role', 'status');
      form.appendChild(status);
    }
    status.textContent = text;
  }

  var ls = store();
  // A page that says "saved" ends the keeping of what was sent.
  if (ls && document.querySelector('[data-saved]')) {
    var pending = ls.getItem(PENDING);
    if (pending) { ls.removeItem(PREFIX + pending); ls.removeItem(PENDING); }
  }
  if (ls && document.querySelector('[data-signed-out]')) {
    for (var k = ls.length - 1; k >= 0; k--) {
      var key = ls.key(k);
      if (key && key.indexOf(PREFIX) === 0) ls.removeItem(key);
    }
  }

  var forms = document.querySelectorAll('form[data-keep]');
  Array.prototype.forEach.call(forms, function (form) {
    var key = PREFIX + form.getAttribute('data-keep');
    var hasErrors = !!document.querySelector('.error-summary');
    if (ls && !hasErrors) {
      try {
        var saved = JSON.parse(ls.getItem(key) || 'null');
        if (saved && apply(form, saved)) {
          say(form, 'We put back what you typed here before it was saved. Press a button to save it.');
        }
      } catch (e) { /* a damaged copy is ignored */ }
    }
    var timer = null;
    function keep() {
      if (!ls) return;
      try { ls.setItem(key, JSON.stringify(values(form))); } catch (e) {
        say(form, 'This browser could not keep a copy of what you typed (its storage is full). Save soon.');
      }
    }
    form.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(keep, 300); });
    form.addEventListener('change', keep);
    form.addEventListener('submit', function (ev) {
      keep();
      if (navigator.onLine === false) {
        ev.preventDefault();
        say(form, "You're offline, so this cannot be saved yet. What you typed is kept in this browser: press the button again when you're connected.");
        return;
      }
      if (ls) { try { ls.setItem(PENDING, form.getAttribute('data-keep')); } catch (e) { /* nothing more to do */ } }
    });
  });

  var summary = document.querySelector('[data-focus]');
  if (summary) summary.focus();
})();
