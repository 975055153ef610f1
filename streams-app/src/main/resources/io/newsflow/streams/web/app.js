// Newsflow alerts page: plain DOM, no framework, no build step.
// Every string from the server goes into the page as text (textContent, text nodes), never as HTML,
// so an article title or snippet cannot inject markup; [[term]] becomes a <mark> element we create.
'use strict';

(() => {
  const MAX_ALERTS = 300;      // alerts kept in the page; older ones drop off the bottom
  const RECENT_LIMIT = 200;    // alerts loaded on open, reconnect and filter change
  const SPARK_HOURS = 24;
  const REFRESH_MS = 60_000;   // sparklines and rules (others may change rules too)
  const RETRY_MS = 5_000;      // after the server refused the stream outright
  const SVG_NS = 'http://www.w3.org/2000/svg';

  const $ = (id) => document.getElementById(id);
  const token = readToken();
  const state = {
    rules: [],
    sparklines: {},
    alerts: new Map(),   // alertId -> { alert, element }
    source: null,        // the EventSource
    generation: 0,       // bumped on filter change, so a late response for old filters is dropped
    retryTimer: null,
    optionsKey: '',      // the filter choices last rendered
    sparkTimer: null,
  };

  // ---------- token and API calls ----------

  /**
   * The token comes from this page's own URL (?token=). It is kept for the tab in sessionStorage and
   * removed from the address bar, so it does not end up in bookmarks, history or screenshots.
   */
  function readToken() {
    const params = new URLSearchParams(location.search);
    const fromUrl = params.get('token');
    try {
      if (fromUrl) {
        sessionStorage.setItem('newsflow.token', fromUrl);
        params.delete('token');
        const rest = params.toString();
        history.replaceState(null, '', location.pathname + (rest ? '?' + rest : '') + location.hash);
        return fromUrl;
      }
      return sessionStorage.getItem('newsflow.token') || '';
    } catch (e) {
      return fromUrl || ''; // storage disabled: the URL is all we have
    }
  }

  /** A URL relative to the page, so the page also works behind a proxy under a path prefix. */
  function apiUrl(path, params) {
    const url = new URL(path, document.baseURI);
    for (const [name, value] of Object.entries(params || {})) {
      if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, value);
    }
    return url;
  }

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function api(path, { method = 'GET', params, body } = {}) {
    const headers = { Accept: 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(apiUrl(path, params), {
        method, headers, cache: 'no-store',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new ApiError(0, 'cannot reach the server (' + e.message + ')');
    }
    let data = null;
    if (response.status !== 204) {
      try { data = await response.json(); } catch (e) { data = null; }
    }
    if (!response.ok) {
      const message = data && typeof data.error === 'string' ? data.error : 'HTTP ' + response.status;
      throw new ApiError(response.status, message);
    }
    return data;
  }

  function showPageError(error) {
    const box = $('page-error');
    if (!error) {
      box.hidden = true;
      box.textContent = '';
      return;
    }
    box.textContent = error.status === 401
      ? 'This page needs the API token: open it as ' + location.origin + location.pathname + '?token=…'
      : String(error.message || error);
    box.hidden = false;
  }

  // ---------- small DOM helpers ----------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function severityBadge(severity) {
    const badge = el('span', 'badge sev-' + severity, severity);
    badge.dataset.testid = 'severity';
    return badge;
  }

  function formatTime(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return isNaN(d) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }

  function timeElement(className, iso, prefix) {
    const t = el('time', className, (prefix || '') + formatTime(iso));
    t.dateTime = iso;
    return t;
  }

  /** Only web links: a javascript: or data: URL in an alert must not become clickable. */
  function safeHref(url) {
    try {
      const u = new URL(url);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  /** Appends the snippet to `parent`: plain text, with each [[term]] as a <mark>term</mark>. */
  function renderSnippet(parent, snippet) {
    const pattern = /\[\[(.+?)\]\]/g;
    let last = 0;
    let match;
    while ((match = pattern.exec(snippet)) !== null) {
      if (match.index > last) parent.append(document.createTextNode(snippet.slice(last, match.index)));
      parent.append(el('mark', null, match[1]));
      last = pattern.lastIndex;
    }
    if (last < snippet.length) parent.append(document.createTextNode(snippet.slice(last)));
  }

  // ---------- alerts ----------

  function renderAlert(a, fresh) {
    const item = el('li', 'alert sev-' + a.severity + (fresh ? ' fresh' : ''));
    item.dataset.ruleId = a.ruleId;
    item.dataset.alertId = a.alertId;
    item.dataset.severity = a.severity;
    item.dataset.testid = 'alert';

    const head = el('div', 'alert-head');
    head.append(severityBadge(a.severity), el('span', 'rule-name', a.ruleName));
    const kind = el('span', 'kind kind-' + a.kind,
      a.kind === 'UPDATE' ? 'UPDATE · ' + a.occurrences + (a.occurrences === 1 ? ' article' : ' articles') : 'NEW');
    kind.dataset.testid = 'kind';
    head.append(kind, timeElement('detected', a.detectedAt, 'detected '));

    const title = el('h3', 'alert-title');
    const href = safeHref(a.url);
    if (href) {
      const link = el('a', null, a.title);
      link.href = href;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      title.append(link);
    } else {
      title.textContent = a.title;
    }

    const meta = el('div', 'meta');
    meta.append(el('span', 'source', a.source || 'unknown source'));
    if (a.publishedAt) meta.append(timeElement('published', a.publishedAt, ' · published '));
    if (a.owner) meta.append(el('span', 'owner', ' · ' + a.owner));

    const snippet = el('p', 'snippet');
    snippet.dataset.testid = 'snippet';
    renderSnippet(snippet, a.snippet || '');

    const terms = el('div', 'terms');
    for (const term of a.matchedTerms || []) terms.append(el('span', 'term', term));

    item.append(head, title, meta, snippet, terms);
    return item;
  }

  /** Adds or replaces one alert, keeping the list newest first by detection time. */
  function addAlert(a, fresh) {
    const list = $('alerts');
    const existing = state.alerts.get(a.alertId);
    const element = renderAlert(a, fresh && !existing);
    element.dataset.detected = String(Date.parse(a.detectedAt) || 0);
    if (existing) {
      existing.element.replaceWith(element);
    } else {
      const at = Number(element.dataset.detected);
      let before = null;
      for (const child of list.children) {
        if (Number(child.dataset.detected) < at) { before = child; break; }
      }
      list.insertBefore(element, before);
    }
    state.alerts.set(a.alertId, { alert: a, element });
    while (list.children.length > MAX_ALERTS) {
      const last = list.lastElementChild;
      state.alerts.delete(last.dataset.alertId);
      last.remove();
    }
  }

  function clearAlerts() {
    $('alerts').replaceChildren();
    state.alerts.clear();
  }

  function filterParams() {
    return {
      rule: $('filter-rule').value,
      owner: $('filter-owner').value,
      severity: $('filter-severity').value,
    };
  }

  async function loadAlerts() {
    const generation = state.generation;
    try {
      const alerts = await api('api/alerts', { params: { ...filterParams(), limit: RECENT_LIMIT } });
      if (generation !== state.generation) return;
      for (const a of alerts.slice().reverse()) addAlert(a, false);
      showPageError(null);
    } catch (e) {
      showPageError(e);
    }
    afterAlertsChanged();
  }

  function afterAlertsChanged() {
    const alerts = [...state.alerts.values()].map((entry) => entry.alert);
    $('count-alerts').textContent = alerts.length;
    $('count-critical').textContent = alerts.filter((a) => a.severity === 'CRITICAL').length;
    $('count-high').textContent = alerts.filter((a) => a.severity === 'HIGH').length;
    $('alerts-empty').hidden = alerts.length > 0;
    updateFilterOptions();
  }

  // ---------- live stream ----------

  function setStatus(stateName, text) {
    const status = $('live-status');
    status.dataset.state = stateName;
    status.textContent = text;
  }

  /** (Re)opens the stream for the current filters; each open also reloads recent alerts to fill gaps. */
  function connect() {
    clearTimeout(state.retryTimer);
    if (state.source) state.source.close();
    setStatus('connecting', 'connecting…');
    const source = new EventSource(apiUrl('api/alerts/stream', { ...filterParams(), token }));
    state.source = source;
    source.addEventListener('alert', (event) => {
      try {
        addAlert(JSON.parse(event.data), true);
        afterAlertsChanged();
        refreshSparklinesSoon();
      } catch (e) {
        console.error('unreadable alert event', e);
      }
    });
    source.onopen = () => {
      setStatus('live', 'live');
      loadAlerts();
    };
    source.onerror = () => {
      if (source !== state.source) return;
      if (source.readyState === EventSource.CLOSED) {
        // refused (e.g. 401, 503): EventSource gives up, so try again ourselves
        setStatus('offline', 'offline, retrying…');
        state.retryTimer = setTimeout(connect, RETRY_MS);
      } else {
        setStatus('reconnecting', 'reconnecting…');
      }
    };
  }

  function onFilterChange() {
    state.generation++;
    clearAlerts();
    afterAlertsChanged();
    connect();
  }

  function setOptions(select, entries, allLabel) {
    const selected = select.value;
    const options = [new Option(allLabel, '')];
    for (const [value, label] of entries) options.push(new Option(label, value));
    if (selected && !entries.some(([value]) => value === selected)) options.push(new Option(selected, selected));
    select.replaceChildren(...options);
    select.value = selected;
  }

  /** Filter choices: rules and teams from the rules panel plus any seen on alerts. */
  function updateFilterOptions() {
    const rules = new Map(state.rules.map((r) => [r.id, r.name + ' (' + r.id + ')']));
    const owners = new Set(state.rules.map((r) => r.owner).filter(Boolean));
    for (const { alert } of state.alerts.values()) {
      if (!rules.has(alert.ruleId)) rules.set(alert.ruleId, alert.ruleName + ' (' + alert.ruleId + ')');
      if (alert.owner) owners.add(alert.owner);
    }
    const byLabel = (x, y) => x[1].localeCompare(y[1]);
    const ruleEntries = [...rules.entries()].sort(byLabel);
    const ownerEntries = [...owners].sort().map((o) => [o, o]);
    // rebuilding a <select> closes it under the user's pointer: only do so when the choices changed
    const key = JSON.stringify([ruleEntries, ownerEntries]);
    if (key === state.optionsKey) return;
    state.optionsKey = key;
    setOptions($('filter-rule'), ruleEntries, 'All rules');
    setOptions($('filter-owner'), ownerEntries, 'All teams');
  }

  // ---------- rules panel ----------

  function sparkline(counts) {
    const width = 120, height = 28, pad = 2;
    const max = Math.max(1, ...counts);
    const total = counts.reduce((sum, n) => sum + n, 0);
    const step = counts.length > 1 ? (width - 2 * pad) / (counts.length - 1) : 0;
    const points = counts.map((n, i) =>
      (pad + i * step).toFixed(1) + ',' + (height - pad - (n / max) * (height - 2 * pad)).toFixed(1));
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('class', 'sparkline');
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', total + ' alerts in the last ' + counts.length + ' hours');
    svg.dataset.testid = 'sparkline';
    svg.dataset.total = String(total);
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = total + ' alerts in the last ' + counts.length + ' h (peak ' + Math.max(0, ...counts) + '/h)';
    const line = document.createElementNS(SVG_NS, 'polyline');
    line.setAttribute('points', points.join(' '));
    svg.append(title, line);
    return svg;
  }

  function sparkCell(ruleId) {
    const counts = state.sparklines[ruleId] || new Array(SPARK_HOURS).fill(0);
    const cell = el('div', 'spark');
    const total = counts.reduce((sum, n) => sum + n, 0);
    cell.append(sparkline(counts), el('span', 'spark-total', total + ' / 24 h'));
    return cell;
  }

  function renderRule(rule) {
    const item = el('li', 'rule' + (rule.enabled ? '' : ' disabled'));
    item.dataset.ruleId = rule.id;
    item.dataset.enabled = String(rule.enabled);
    item.dataset.testid = 'rule';

    const head = el('div', 'rule-head');
    head.append(severityBadge(rule.severity), el('span', 'rule-title', rule.name));
    if (!rule.enabled) head.append(el('span', 'off', 'disabled'));

    const meta = el('div', 'rule-meta');
    meta.append(el('code', 'rule-id', rule.id),
      el('span', null, ' · ' + (rule.owner || 'no team') + ' · v' + rule.version));

    const query = el('code', 'rule-query', rule.query);

    const actions = el('div', 'rule-actions');
    const toggle = el('button', 'rule-toggle', rule.enabled ? 'Disable' : 'Enable');
    toggle.type = 'button';
    toggle.dataset.testid = 'rule-toggle';
    toggle.addEventListener('click', () => toggleRule(rule, toggle));
    const remove = el('button', 'rule-delete danger', 'Delete');
    remove.type = 'button';
    remove.dataset.testid = 'rule-delete';
    remove.addEventListener('click', () => deleteRule(rule, remove));
    actions.append(toggle, remove);

    item.append(head, meta, query, sparkCell(rule.id), actions);
    return item;
  }

  function renderRules() {
    const list = $('rules');
    list.replaceChildren(...state.rules.map(renderRule));
    $('rules-empty').hidden = state.rules.length > 0;
    $('count-rules').textContent = state.rules.length;
    updateFilterOptions();
  }

  async function loadRules() {
    try {
      state.rules = await api('api/rules');
      renderRules();
    } catch (e) {
      showPageError(e);
    }
  }

  async function loadSparklines() {
    try {
      state.sparklines = await api('api/sparklines', { params: { hours: SPARK_HOURS } });
      for (const item of $('rules').children) {
        item.querySelector('.spark').replaceWith(sparkCell(item.dataset.ruleId));
      }
    } catch (e) {
      showPageError(e);
    }
  }

  /** After live alerts, one sparkline reload a moment later rather than one per alert. */
  function refreshSparklinesSoon() {
    if (state.sparkTimer) return;
    state.sparkTimer = setTimeout(() => {
      state.sparkTimer = null;
      loadSparklines();
    }, 2_000);
  }

  /** The fields the API accepts back: the version is the server's to set. */
  function ruleBody(rule, changes) {
    const { id, name, query, owner, severity, enabled, categories, languages, sources, minAbsSentiment } = rule;
    return { id, name, query, owner, severity, enabled, categories, languages, sources, minAbsSentiment, ...changes };
  }

  async function toggleRule(rule, button) {
    button.disabled = true;
    try {
      await api('api/rules/' + encodeURIComponent(rule.id), {
        method: 'PUT', body: ruleBody(rule, { enabled: !rule.enabled }),
      });
      showPageError(null);
    } catch (e) {
      showPageError(e);
    }
    await loadRules();
  }

  /** Two clicks within a few seconds, so a stray click cannot delete a rule. */
  async function deleteRule(rule, button) {
    if (button.dataset.armed !== 'true') {
      button.dataset.armed = 'true';
      button.textContent = 'Really delete?';
      setTimeout(() => {
        button.dataset.armed = 'false';
        button.textContent = 'Delete';
      }, 4000);
      return;
    }
    button.disabled = true;
    try {
      await api('api/rules/' + encodeURIComponent(rule.id), { method: 'DELETE' });
      showPageError(null);
    } catch (e) {
      if (e.status !== 404) showPageError(e); // 404: already gone, which is what we wanted
    }
    await loadRules();
  }

  async function submitRule(event) {
    event.preventDefault();
    const form = $('rule-form');
    const error = $('rule-error');
    const submit = $('rule-submit');
    submit.disabled = true;
    error.hidden = true;
    error.textContent = '';
    const owner = $('rule-owner').value.trim();
    try {
      await api('api/rules', {
        method: 'POST',
        body: {
          id: $('rule-id').value.trim(),
          name: $('rule-name').value.trim(),
          query: $('rule-query').value,
          owner: owner || null,
          severity: $('rule-severity').value,
          enabled: true,
        },
      });
      form.reset();
      await loadRules();
      await loadSparklines();
      $('rule-id').focus();
    } catch (e) {
      error.textContent = e.status === 401 ? 'Refused: this page needs the API token (?token=…)' : e.message;
      error.hidden = false;
    } finally {
      submit.disabled = false;
    }
  }

  // ---------- start ----------

  function start() {
    $('rule-form').addEventListener('submit', submitRule);
    for (const id of ['filter-rule', 'filter-owner', 'filter-severity']) {
      $(id).addEventListener('change', onFilterChange);
    }
    $('filters').addEventListener('submit', (event) => event.preventDefault());
    afterAlertsChanged();
    loadRules().then(loadSparklines);
    connect();
    setInterval(() => { loadRules().then(loadSparklines); }, REFRESH_MS);
  }

  start();
})();
