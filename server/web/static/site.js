// Progressive enhancement only: every page works without this script.
// Keeps "time left" countdowns current ([data-closes] = the deadline in ms).
(function () {
  'use strict';
  var words = {
    da: { day: ['dag', 'dage'], hour: ['time', 'timer'], minute: ['minut', 'minutter'], and: ' og ', less: 'under et minut', closed: 'fristen er udløbet' },
    en: { day: ['day', 'days'], hour: ['hour', 'hours'], minute: ['minute', 'minutes'], and: ' and ', less: 'less than a minute', closed: 'the deadline has passed' }
  };
  function text(ms, lang) {
    var w = words[lang] || words.da;
    if (ms <= 0) return w.closed;
    if (ms < 60000) return w.less;
    var minutes = Math.floor(ms / 60000), hours = Math.floor(minutes / 60), days = Math.floor(hours / 24);
    var parts = [[days, 'day'], [hours % 24, 'hour'], [minutes % 60, 'minute']];
    var out = [];
    for (var i = 0; i < parts.length && out.length < 2; i++) {
      var n = parts[i][0];
      if (n === 0 && out.length === 0) continue;
      if (n === 0) break;
      out.push(n + ' ' + w[parts[i][1]][n === 1 ? 0 : 1]);
    }
    return out.join(w.and);
  }
  function tick() {
    var nodes = document.querySelectorAll('[data-closes]');
    for (var i = 0; i < nodes.length; i++) {
      var closes = parseInt(nodes[i].getAttribute('data-closes'), 10);
      nodes[i].textContent = text(closes - Date.now(), document.documentElement.lang);
    }
  }
  // Warns ten minutes before a web session ends (WCAG 2.2.1): a live region
  // the screen reader announces; opening any page extends the session.
  function warnBeforeSignOut() {
    var notice = document.getElementById('session-notice');
    if (!notice) return;
    var expires = parseInt(notice.getAttribute('data-expires'), 10);
    var delay = expires - 10 * 60 * 1000 - Date.now();
    setTimeout(function () {
      var alert = document.createElement('div');
      alert.className = 'alert alert-warning session-warning';
      alert.setAttribute('role', 'alert');
      var text = document.createElement('p');
      text.className = 'alert-text';
      text.textContent = notice.getAttribute('data-warning');
      alert.appendChild(text);
      notice.parentNode.insertBefore(alert, notice.nextSibling);
    }, Math.max(delay, 0));
  }
  document.addEventListener('DOMContentLoaded', function () {
    if (document.querySelector('[data-closes]')) setInterval(tick, 30000);
    warnBeforeSignOut();
  });
})();
