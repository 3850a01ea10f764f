(function () {
  'use strict';
  // Filters, the detail panel and the address (#sev=error,warning&rule=A4,X801). The page
  // builds nothing from strings: it only shows, hides and clones what the report rendered.
  var rank = { info: 1, warning: 2, error: 3 };
  var findings = {};
  Array.prototype.forEach.call(document.querySelectorAll('main li.finding'), function (li) {
    findings[li.getAttribute('data-f')] = { sev: li.getAttribute('data-sev'), code: li.getAttribute('data-code'), li: li };
  });
  var marks = Array.prototype.slice.call(document.querySelectorAll('mark.hl'));
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name="sev"], input[name="rule"]'));
  var detail = document.getElementById('detail');

  function chosen(name) {
    var set = {};
    boxes.forEach(function (b) { if (b.name === name && b.checked) { set[b.value] = true; } });
    return set;
  }

  function ids(el, attr) {
    var v = el.getAttribute(attr);
    return v ? v.split(' ') : [];
  }

  function apply() {
    var sevs = chosen('sev');
    var rules = chosen('rule');
    var shown = 0;
    var on = {};
    Object.keys(findings).forEach(function (id) {
      var f = findings[id];
      on[id] = !!(sevs[f.sev] && rules[f.code]);
      f.li.hidden = !on[id];
      if (on[id]) { shown += 1; }
    });
    var highlighted = {};
    marks.forEach(function (m) {
      var worst = '';
      ids(m, 'data-f').forEach(function (id) {
        if (!on[id]) { return; }
        highlighted[id] = true;
        if (!worst || rank[findings[id].sev] > rank[worst]) { worst = findings[id].sev; }
      });
      m.classList.toggle('off', !worst);
      ['error', 'warning', 'info'].forEach(function (s) { m.classList.toggle('sev-' + s, s === worst); });
      if (worst) { m.setAttribute('tabindex', '0'); } else { m.removeAttribute('tabindex'); }
    });
    document.getElementById('shown-count').textContent = String(shown);
    document.body.setAttribute('data-visible-findings', String(shown));
    document.body.setAttribute('data-highlighted-findings', String(Object.keys(highlighted).length));
  }

  // The address holds the filters, so a filtered view can be linked or bookmarked. Codes
  // match by prefix, as on the command line (`rule=A4` is every A4xx rule); severities are
  // names (`sev=error,warning`).
  function readAddress() {
    var params = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (kv) {
      var i = kv.indexOf('=');
      if (i > 0) { params[decodeURIComponent(kv.slice(0, i))] = decodeURIComponent(kv.slice(i + 1)).split(','); }
    });
    ['sev', 'rule'].forEach(function (name) {
      if (!params[name]) { return; }
      var wanted = params[name].map(function (v) { return v.trim().toLowerCase(); }).filter(Boolean);
      boxes.forEach(function (b) {
        if (b.name !== name) { return; }
        var value = b.value.toLowerCase();
        b.checked = wanted.some(function (w) { return value.indexOf(w) === 0; });
      });
    });
  }

  function writeAddress() {
    var parts = [];
    ['sev', 'rule'].forEach(function (name) {
      var all = boxes.filter(function (b) { return b.name === name; });
      var on = all.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
      if (on.length !== all.length) { parts.push(name + '=' + on.join(',')); }
    });
    try { history.replaceState(null, '', parts.length ? '#' + parts.join('&') : location.pathname + location.search); } catch (e) { /* file: pages may refuse */ }
  }

  function clearSelection() {
    Array.prototype.forEach.call(document.querySelectorAll('.selected, .active, .ev-active'), function (el) {
      el.classList.remove('selected', 'active', 'ev-active');
    });
  }

  function select(list, focusMark) {
    clearSelection();
    var ol = detail.querySelector('ol');
    while (ol.firstChild) { ol.removeChild(ol.firstChild); }
    var firstEvidence = null;
    list.forEach(function (id) {
      var f = findings[id];
      if (!f || f.li.hidden) { return; }
      var copy = f.li.cloneNode(true);
      copy.removeAttribute('id');
      ol.appendChild(copy);
      f.li.classList.add('active');
      marks.forEach(function (m) { if (ids(m, 'data-f').indexOf(id) >= 0) { m.classList.add('selected'); } });
      Array.prototype.forEach.call(document.querySelectorAll('[data-ev]'), function (el) {
        if (ids(el, 'data-ev').indexOf(id) < 0) { return; }
        el.classList.add(el.tagName === 'MARK' ? 'ev-active' : 'active');
        if (!firstEvidence && el.closest('.source')) { firstEvidence = el; }
      });
    });
    detail.hidden = !ol.firstChild;
    if (firstEvidence && firstEvidence.scrollIntoView) { firstEvidence.scrollIntoView({ block: 'nearest' }); }
    if (focusMark && focusMark.scrollIntoView) { focusMark.scrollIntoView({ block: 'nearest' }); }
  }

  marks.forEach(function (m) {
    function open(e) {
      if (m.classList.contains('off')) { return; }
      e.preventDefault();
      select(ids(m, 'data-f'), null);
    }
    m.addEventListener('click', open);
    m.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { open(e); } });
  });
  Object.keys(findings).forEach(function (id) {
    findings[id].li.addEventListener('click', function () {
      var first = null;
      marks.forEach(function (m) { if (!first && ids(m, 'data-f').indexOf(id) >= 0) { first = m; } });
      select([id], first);
    });
  });
  detail.querySelector('.close').addEventListener('click', function () { detail.hidden = true; clearSelection(); });
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') { detail.hidden = true; clearSelection(); } });
  boxes.forEach(function (b) { b.addEventListener('change', function () { writeAddress(); apply(); }); });
  window.addEventListener('hashchange', function () { readAddress(); apply(); showFromAddress(); });

  // `#show=3` opens finding 3 as if it had been clicked (for links to one finding).
  function showFromAddress() {
    var m = /(?:^#|&)show=(\d+)/.exec(location.hash);
    if (!m || !findings[m[1]]) { return; }
    var first = null;
    marks.forEach(function (mk) { if (!first && ids(mk, 'data-f').indexOf(m[1]) >= 0) { first = mk; } });
    select([m[1]], first);
  }

  readAddress();
  apply();
  showFromAddress();
  document.body.setAttribute('data-ready', 'true');
}());
