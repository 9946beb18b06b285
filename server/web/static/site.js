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

// Audit pages (issue 15), enhancements only: the pages work without them.
// 1. /audit/log at the head: tails /audit/log/live (Server-Sent Events read
//    with fetch, so every event name arrives) and appends matching events.
// 2. /audit/verify while a check runs: polls /audit/verify/status and reloads
//    the page when the check has finished.
(function () {
  'use strict';
  function fact(dl, label, value) {
    var dt = document.createElement('dt');
    dt.textContent = label;
    var dd = document.createElement('dd');
    dd.textContent = value;
    dl.appendChild(dt);
    dl.appendChild(dd);
  }
  function appendEvent(list, e) {
    if (document.getElementById('event-' + e.position)) return;
    var labels = list.querySelectorAll('.audit-event-facts dt');
    var names = ['Position', 'Time', 'Stream', 'Version', 'Type', 'Actor', 'Hash'];
    for (var i = 0; i < labels.length && i < 7; i++) names[i] = labels[i].textContent;
    var li = document.createElement('li');
    li.className = 'audit-event';
    li.id = 'event-' + e.position;
    var dl = document.createElement('dl');
    dl.className = 'audit-event-facts';
    var actor = e.actor ? e.actor.role + (e.actor.party ? ' (' + e.actor.party + ')' : '') : '';
    var values = [e.position, e.recorded_at, e.stream, e.stream_version, e.type, actor, e.hash];
    for (var j = 0; j < 7; j++) fact(dl, names[j], String(values[j]));
    var details = document.createElement('details');
    var summary = document.createElement('summary');
    summary.textContent = list.getAttribute('data-label-data');
    var pre = document.createElement('pre');
    pre.className = 'audit-data';
    pre.textContent = JSON.stringify(e.data, null, 2);
    details.appendChild(summary);
    details.appendChild(pre);
    li.appendChild(dl);
    li.appendChild(details);
    list.appendChild(li);
    var empty = document.getElementById('log-empty');
    if (empty) empty.hidden = true;
  }
  function tailLog() {
    var list = document.getElementById('audit-log');
    var status = document.getElementById('audit-live');
    if (!list || !list.hasAttribute('data-live-from') || !window.fetch || !window.TextDecoder) return;
    var stream = list.getAttribute('data-stream');
    var type = list.getAttribute('data-type');
    var from = list.getAttribute('data-live-from');
    fetch('/audit/log/live?from=' + encodeURIComponent(from), {credentials: 'same-origin'})
      .then(function (res) {
        if (!res.ok || !res.body) return;
        if (status) status.textContent = status.getAttribute('data-text');
        var reader = res.body.getReader();
        var decoder = new TextDecoder();
        var buffer = '';
        function read() {
          return reader.read().then(function (chunk) {
            if (chunk.done) return;
            buffer += decoder.decode(chunk.value, {stream: true});
            var frames = buffer.split('\n\n');
            buffer = frames.pop();
            frames.forEach(function (frame) {
              frame.split('\n').forEach(function (line) {
                if (line.indexOf('data: ') !== 0) return;
                var e = JSON.parse(line.slice(6));
                if ((!stream || e.stream === stream) && (!type || e.type === type)) appendEvent(list, e);
              });
            });
            return read();
          });
        }
        return read();
      })
      .catch(function () {});
  }
  function pollVerify() {
    var state = document.getElementById('verify-state');
    if (!state || state.getAttribute('data-running') !== 'true' || !window.fetch) return;
    var elapsed = document.getElementById('verify-elapsed');
    var label = elapsed ? elapsed.textContent.replace(/[0-9]+ s$/, '') : '';
    function poll() {
      fetch(state.getAttribute('data-status-url'), {credentials: 'same-origin'})
        .then(function (res) { return res.json(); })
        .then(function (s) {
          if (!s.running) return window.location.reload();
          if (elapsed) elapsed.textContent = label + Math.floor(s.elapsed_ms / 1000) + ' s';
          var bar = document.getElementById('verify-progress');
          if (bar) { bar.value = s.checked; bar.textContent = s.percent + ' %'; }
          var count = document.getElementById('verify-checked-count');
          if (count) count.textContent = s.checked;
          var percent = document.getElementById('verify-percent');
          if (percent) percent.textContent = s.percent;
          setTimeout(poll, 1000);
        })
        .catch(function () { setTimeout(poll, 5000); });
    }
    setTimeout(poll, 1000);
  }
  document.addEventListener('DOMContentLoaded', function () {
    tailLog();
    pollVerify();
  });
})();
