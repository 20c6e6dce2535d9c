'use strict';
// The page keeps a copy of the cluster fed by server-sent events: a snapshot on connect, then
// "change" events (one object ADDED, MODIFIED or DELETED) and "resync" events (a whole kind listed
// again). EventSource reconnects by itself; every reconnect starts with a fresh snapshot.

const state = { namespace: new Map(), deployment: new Map(), pod: new Map() };
const key = (o) => (o.namespace ? o.namespace + '/' : '') + o.name;
const $ = (id) => document.getElementById(id);

function replace(kind, items) {
  state[kind] = new Map(items.map((i) => [key(i), i]));
}

function connect() {
  const events = new EventSource('api/events');
  events.onopen = () => setConnection(true);
  events.onerror = () => setConnection(false);
  events.addEventListener('snapshot', (e) => {
    const s = JSON.parse(e.data);
    replace('namespace', s.namespaces);
    replace('deployment', s.deployments);
    replace('pod', s.pods);
    $('source').textContent = s.source;
    render();
  });
  events.addEventListener('resync', (e) => {
    const r = JSON.parse(e.data);
    replace(r.kind, r.items);
    render();
  });
  events.addEventListener('change', (e) => {
    const c = JSON.parse(e.data);
    if (c.type === 'DELETED') {
      state[c.kind].delete(key(c.item));
    } else {
      state[c.kind].set(key(c.item), c.item);
    }
    render();
  });
}

function setConnection(live) {
  const badge = $('conn');
  badge.textContent = live ? 'live' : 'reconnecting…';
  badge.className = 'badge ' + (live ? 'on' : 'off');
}

let pending = false;
function render() {
  if (!pending) {
    pending = true;
    requestAnimationFrame(() => { pending = false; draw(); });
  }
}

function sorted(map) {
  return [...map.values()].sort((a, b) => key(a).localeCompare(key(b)));
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function button(label, className, title, onClick) {
  const b = document.createElement('button');
  b.textContent = label;
  b.className = className;
  b.title = title;
  b.addEventListener('click', onClick);
  return b;
}

function draw() {
  const filter = $('namespace-filter').value;
  const visible = (o) => !filter || o.namespace === filter;

  const namespaces = sorted(state.namespace);
  $('namespaces').replaceChildren(...namespaces.map((n) => {
    const li = document.createElement('li');
    li.textContent = n.name;
    li.dataset.key = n.name;
    return li;
  }));
  $('namespaces-count').textContent = namespaces.length;
  const select = $('namespace-filter');
  const names = namespaces.map((n) => n.name);
  if ([...select.options].slice(1).map((o) => o.value).join() !== names.join()) {
    select.replaceChildren(new Option('all', ''), ...names.map((n) => new Option(n, n)));
    select.value = names.includes(filter) ? filter : '';
  }

  const deployments = sorted(state.deployment).filter(visible);
  const dBody = document.querySelector('#deployments tbody');
  dBody.replaceChildren();
  for (const d of deployments) {
    const row = dBody.insertRow();
    row.dataset.key = key(d);
    cell(row, d.namespace);
    cell(row, d.name);
    cell(row, d.ready, 'num ready');
    cell(row, d.desired, 'num desired');
    const actions = row.insertCell();
    actions.append(
      button('−', 'scale-down', 'Scale down', () => scale(d, d.desired - 1)),
      ' ',
      button('+', 'scale-up', 'Scale up', () => scale(d, d.desired + 1)));
  }
  $('deployments-count').textContent = deployments.length;

  const pods = sorted(state.pod).filter(visible);
  const pBody = document.querySelector('#pods tbody');
  pBody.replaceChildren();
  for (const p of pods) {
    const row = pBody.insertRow();
    row.dataset.key = key(p);
    cell(row, p.namespace);
    cell(row, p.name, 'name');
    const phase = row.insertCell();
    const badge = document.createElement('span');
    badge.className = 'badge phase phase-' + p.phase;
    badge.textContent = p.phase;
    phase.append(badge);
    cell(row, p.node || '–', 'node');
    const age = cell(row, '', 'age');
    age.dataset.created = p.createdAt || '';
    row.insertCell().append(button('delete', 'delete', 'Delete this pod', () => deletePod(p)));
  }
  $('pods-count').textContent = pods.length;
  updateAges();
}

function formatAge(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return s + 's';
  const m = Math.floor(s / 60);
  if (m < 120) return m + 'm' + (m < 10 ? (s % 60) + 's' : '');
  const h = Math.floor(m / 60);
  return h < 48 ? h + 'h' + (h < 10 ? (m % 60) + 'm' : '') : Math.floor(h / 24) + 'd';
}

function updateAges() {
  const now = Date.now();
  for (const td of document.querySelectorAll('#pods td.age')) {
    const created = Date.parse(td.dataset.created);
    td.textContent = Number.isNaN(created) ? '–' : formatAge(now - created);
  }
}

async function call(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) {
    const text = await response.text();
    let message = text;
    try { message = JSON.parse(text).message || text; } catch (ignored) { /* not JSON */ }
    toast(method + ' failed: ' + response.status + ' ' + message);
  }
  return response;
}

function scale(d, replicas) {
  if (replicas < 0) return;
  call('POST', `api/namespaces/${encodeURIComponent(d.namespace)}/deployments/${encodeURIComponent(d.name)}/scale`,
    { replicas }).then((r) => r.ok && toast(`${d.name} scaled to ${replicas}`));
}

function deletePod(p) {
  call('DELETE', `api/namespaces/${encodeURIComponent(p.namespace)}/pods/${encodeURIComponent(p.name)}`)
    .then((r) => r.ok && toast(`${p.name} deleted`));
}

let toastTimer;
function toast(text) {
  const t = $('toast');
  t.textContent = text;
  t.classList.add('show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => t.classList.remove('show'), 3000);
}

async function refreshPanel() {
  try {
    const response = await fetch('api/client');
    if (!response.ok) return;
    const n = await response.json();
    $('metric-requests').textContent = n.requests;
    $('metric-codes').textContent = Object.entries(n.requestsByCode).map(([c, v]) => `${c}: ${v}`).join(', ') || '–';
    $('metric-latency').textContent = n.requestMeanMs + ' ms';
    $('metric-waits').textContent = `${n.rateLimiterWaits} (${n.rateLimiterWaitTotalMs} ms in all)`;
    $('metric-wait-max').textContent = n.rateLimiterWaitMaxMs + ' ms';
    $('metric-retries').textContent = n.retries;
    const health = $('health');
    health.textContent = n.health;
    health.className = 'badge ' + n.health;
  } catch (e) {
    $('health').textContent = 'unreachable';
  }
}

$('namespace-filter').addEventListener('change', draw);
connect();
refreshPanel();
setInterval(refreshPanel, 2000);
setInterval(updateAges, 1000);
