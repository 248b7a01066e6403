/**
 * The preview shell's own script and stylesheet, served as `/preview.js` and `/preview.css`. The script
 * polls `/api/version`; on a change the index reloads, and an SOP page fetches `/api/sop/<key>`, rewrites
 * its diagnostics (as text, through the DOM) and reloads the document frame, keeping its scroll position.
 * The document itself never runs a script: it is framed with `sandbox` (no allow-scripts) and served
 * with a Content-Security-Policy without script sources.
 */
export const PREVIEW_JS = `'use strict';
(function () {
  var body = document.body;
  var version = body.dataset.version;
  var key = body.dataset.key;
  var busy = false;
  function $(id) { return document.getElementById(id); }
  function setLive(ok) {
    var marks = document.querySelectorAll('.live');
    for (var i = 0; i < marks.length; i++) { marks[i].textContent = ok ? 'live' : 'server stopped'; marks[i].classList.toggle('down', !ok); }
  }
  function text(el, value) { if (el) el.textContent = value; }
  function show(el, value, prefix) { if (!el) return; el.textContent = value ? prefix + value : ''; el.hidden = !value; }
  function diagnostics(list) {
    var ul = $('diagnostics');
    if (!ul) return;
    ul.textContent = '';
    list.forEach(function (d) {
      var li = document.createElement('li');
      li.className = 'diag ' + d.severity;
      [['pos', d.line + ':' + d.column], ['sev', d.severity], ['msg', d.message], ['rule', d.ruleId]].forEach(function (p, i) {
        if (i > 0) li.appendChild(document.createTextNode(' '));
        var span = document.createElement('span');
        span.className = p[0];
        span.textContent = p[1];
        li.appendChild(span);
      });
      if (d.source) {
        var pre = document.createElement('pre');
        pre.className = 'src';
        var ln = document.createElement('span');
        ln.className = 'ln';
        ln.textContent = d.line + ' |';
        pre.appendChild(ln);
        pre.appendChild(document.createTextNode(' ' + d.source));
        li.appendChild(pre);
      }
      ul.appendChild(li);
    });
    var errors = list.filter(function (d) { return d.severity === 'error'; }).length;
    text($('summary'), list.length === 0 ? 'No problems.' : errors + ' error(s), ' + (list.length - errors) + ' warning(s)');
  }
  function reloadFrame(v) {
    var frame = $('doc');
    if (!frame) return;
    var x = 0, y = 0;
    try { x = frame.contentWindow.scrollX; y = frame.contentWindow.scrollY; } catch (e) { /* not loaded */ }
    frame.onload = function () { try { frame.contentWindow.scrollTo(x, y); } catch (e) { /* ignore */ } };
    frame.src = '/doc/' + encodeURIComponent(key) + '?v=' + encodeURIComponent(v);
  }
  function apply(s) {
    if (s.title) { text($('title'), s.title); document.title = s.title + ' · sop preview'; }
    text($('file'), s.file);
    show($('fatal'), s.fatal, '');
    show($('not-rendered'), s.notRendered, 'Not rendered: ');
    diagnostics(s.diagnostics || []);
    reloadFrame(s.version);
    version = s.version;
    body.dataset.version = s.version;
  }
  function tick() {
    if (busy) return;
    busy = true;
    fetch('/api/version', { cache: 'no-store' })
      .then(function (r) { if (!r.ok) throw new Error('status ' + r.status); return r.json(); })
      .then(function (v) {
        setLive(true);
        if (v.version === version) return;
        if (body.dataset.page !== 'sop') { location.reload(); return; }
        return fetch('/api/sop/' + encodeURIComponent(key), { cache: 'no-store' }).then(function (r) { return r.json(); }).then(apply);
      })
      .catch(function () { setLive(false); })
      .then(function () { busy = false; });
  }
  setInterval(tick, 400);
})();
`;

export const PREVIEW_CSS = `body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #222; }
header { display: flex; gap: 1em; align-items: baseline; padding: .5em 1em; background: #f3f3f3; border-bottom: 1px solid #ccc; }
header h1 { font-size: 1.1em; margin: 0; }
#file { color: #666; font-family: monospace; }
.live { margin-left: auto; color: #2a7a2a; font-size: .85em; }
.live.down { color: #b00; }
section#problems, .fatal, table, h2 { margin: .5em 1em; }
h2 { font-size: 1em; }
.fatal { color: #b00; font-weight: bold; white-space: pre-wrap; }
ul#diagnostics, ul.diagnostics { list-style: none; padding: 0; margin: 0; }
.diag { padding: .2em 0; border-bottom: 1px solid #eee; }
.diag .pos { font-family: monospace; }
.diag .sev, td.error, td.warn { font-weight: bold; }
.diag.error .sev, td.error { color: #b00; }
.diag.warn .sev, td.warn { color: #a60; }
.diag .rule { color: #666; }
pre.src { margin: .2em 0 0 2em; background: #f8f8f8; white-space: pre-wrap; }
pre.src .ln { color: #999; }
table { border-collapse: collapse; }
th, td { text-align: left; padding: .2em .6em; border-bottom: 1px solid #ddd; }
td.file { font-family: monospace; color: #666; }
iframe#doc { display: block; width: 100%; height: calc(100vh - 3em); border: 0; border-top: 1px solid #ccc; }
`;
