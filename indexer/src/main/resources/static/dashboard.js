// Stagewatch dashboard: every number comes from this server's /api/v1 (the CLI's documents); the URL carries
// the DAO and the point in time (?dao=&block= or &at=), so a link shows what its author saw.
'use strict';

const api = path => fetch('/api/v1' + path, {headers: {Accept: 'application/json'}}).then(async response => {
  const body = await response.json();
  if (!response.ok) throw Object.assign(new Error(body.detail || response.statusText), {type: body.type});
  return body;
});
// a section the DAO's config does not declare (its milestones, its decision map) is null, not an error
const declared = path => api(path).catch(error => {
  if (String(error.type).endsWith('/not-declared')) return null;
  throw error;
});
const $ = id => document.getElementById(id);
const esc = text => String(text ?? '').replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
const pct = share => share == null ? '–' : (Number(share) * 100).toFixed(2) + '%';
const tokens = wei => wei == null ? '–' : (Number(BigInt(wei) / 10n ** 14n) / 1e4).toLocaleString('en', {maximumFractionDigits: 2});
const days = seconds => seconds == null ? 'n/a' : seconds < 86400 ? (seconds / 3600).toFixed(1) + ' h' : (seconds / 86400).toFixed(2) + ' d';
const charts = [];

function params() {
  const query = new URLSearchParams(location.search);
  return {dao: query.get('dao'), block: query.get('block'), at: query.get('at'), chain: query.get('chain')};
}

function pointQuery(p) {
  const query = new URLSearchParams();
  if (p.block) query.set('block', p.block);
  if (p.at) query.set('at', p.at);
  if (p.block && p.chain) query.set('chain', p.chain);
  const text = query.toString();
  return text ? '?' + text : '';
}

function go(p) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(p)) if (value) query.set(key, value);
  history.pushState(null, '', '?' + query);
  load();
}

async function load() {
  document.body.dataset.state = 'loading';
  charts.forEach(chart => chart.dispose());
  charts.length = 0;
  const p = params();
  const {daos} = await api('/daos');
  if (!daos.length) {
    $('where').textContent = 'No DAO indexed yet.';
    document.body.dataset.state = 'ready';
    return;
  }
  const dao = daos.find(d => d.dao === p.dao) || daos[0];
  p.dao = dao.dao;
  $('dao').innerHTML = daos.map(d => `<option ${d.dao === dao.dao ? 'selected' : ''}>${esc(d.dao)}</option>`).join('');
  $('dao-name').textContent = '· ' + dao.dao;
  const anchor = dao.chains[0];
  $('slider').max = anchor.indexedBlock ?? 0;
  $('slider').value = p.block ?? anchor.indexedBlock ?? 0;
  $('block').value = p.block ?? '';
  $('block').placeholder = 'head ' + (anchor.indexedBlock ?? '');
  $('at').value = p.at ? p.at.replace(/Z$/, '').slice(0, 19) : '';
  $('feed').href = `/api/v1/daos/${encodeURIComponent(dao.dao)}/stage/history.atom`;
  const base = `/daos/${encodeURIComponent(dao.dao)}`;
  const point = pointQuery(p);
  try {
    const [stage, equalizer, metrics, paths, councils, proposals, milestones, decisions] = await Promise.all([
      api(base + '/stage' + point), api(base + '/equalizer' + point), api(base + '/metrics' + point.replace(/[?&]chain=[^&]*/, '')),
      api(base + '/paths' + point), api(base + '/councils' + point), api(base + '/proposals' + point.replace(/[?&]chain=[^&]*/, '')),
      declared(base + '/milestones' + point), declared(base + '/decisions' + point)]);
    const when = stage.time ? new Date(stage.time * 1000).toISOString() : '';
    $('where').textContent = `DAO '${dao.dao}' at chain ${stage.chainId} block ${stage.block} ${when}` +
      (p.block || p.at ? ' (time travel: remove block/at for the indexed head)' : ' (indexed head)');
    stageCard(stage);
    milestonesPanel(milestones, dao.dao);
    equalizerChart(equalizer);
    concentration(metrics);
    await seriesChart(base, dao.dao, metrics);
    graph(paths);
    decisionTable(decisions, dao.dao);
    councilTable(councils);
    proposalChart(proposals, dao.dao, metrics);
    document.body.dataset.block = stage.block;
    document.body.dataset.state = 'ready';
  } catch (error) {
    $('where').innerHTML = `<span class="error">${esc(error.message)}</span>`;
    document.body.dataset.state = 'error';
  }
}

function stageCard(stage) {
  const label = $('stage-label');
  label.textContent = stage.stageLabel;
  label.style.background = stage.stage == null ? '#9f9f9f' : ['#fe7d37', '#dfb317', '#2da44e'][Math.min(stage.stage, 2)];
  $('exit-window').textContent = `Exit window: ${days(stage.exitWindowSeconds)} (${stage.exitWindowRating}); exit delay ${days(stage.exitDelaySeconds)}`;
  $('missing').textContent = stage.missing.length ? 'Missing for the next stage: ' + stage.missing.join(', ') : 'Nothing missing for the next stage.';
  $('requirements').querySelector('tbody').innerHTML = stage.requirements.map(r => `<tr data-requirement="${esc(r.id)}">
    <td>${r.stage}</td><td title="${esc(r.summary)}">${esc(r.id)}</td>
    <td class="status-${esc(String(r.status).replace(/_/g, '-'))}">${esc(r.status)}</td><td>${esc(r.source)}</td>
    <td>${r.evidence.map(e => `${esc(e.what)}: ${esc(e.value)}${e.link ? ` <a href="${esc(e.link)}" rel="noopener">link</a>` : ''}`).join('<br>')}</td></tr>`).join('');
}

const evidenceHtml = items => items.map(e => `${esc(e.what)}: ${esc(e.value)}${e.block != null ? ` <span class="caption">@${e.block}</span>` : ''}` +
  (e.link ? ` <a href="${esc(e.link)}" rel="noopener">link</a>` : '')).join('<br>');
const MILESTONE_COLOURS = {achieved: '#1a7f37', ready: '#9a6700', blocked: '#cf222e', unknown: '#8c959f'};

function milestonesPanel(report, dao) {
  const card = $('milestones-card');
  card.hidden = !report;
  if (!report) return;
  $('phases').innerHTML = report.phases.map(phase => `<div class="phase" data-phase="${esc(phase.id)}">
    <div><b>${esc(phase.id)}</b> ${esc(phase.title)}: <span class="progress">${phase.achieved}/${phase.total}</span>
    ${phase.complete ? '<span class="complete">complete</span>' : ''}</div>
    <progress max="${phase.total}" value="${phase.achieved}"></progress></div>`).join('');
  $('milestones').querySelector('tbody').innerHTML = report.milestones.map(m => `<tr data-milestone="${esc(m.id)}">
    <td>${esc(m.phase)}</td><td title="${esc(m.id)}">${m.source ? `<a href="${esc(m.source)}" rel="noopener">${esc(m.title)}</a>` : esc(m.title)}</td>
    <td class="status-${esc(m.status)}">${esc(m.status)}${m.blockedBy.length ? ' by ' + m.blockedBy.map(esc).join(', ') : ''}</td>
    <td>${m.after.map(esc).join(', ')}</td><td>${evidenceHtml(m.evidence)}</td></tr>`).join('');
  const phases = report.phases.map(phase => ({data: {id: 'phase:' + phase.id, label: `${phase.id} ${phase.title} (${phase.achieved}/${phase.total})`}}));
  const nodes = report.milestones.map(m => ({data: {id: m.id, label: m.id, parent: 'phase:' + m.phase, colour: MILESTONE_COLOURS[m.status]}}));
  const edges = report.milestones.flatMap(m => m.after.map(before => ({data: {id: before + '>' + m.id, source: before, target: m.id}})));
  const cy = cytoscape({
    container: $('milestone-graph'), elements: [...phases, ...nodes, ...edges], wheelSensitivity: 0.3,
    layout: {name: 'breadthfirst', directed: true, spacingFactor: 1.0},
    style: [
      {selector: 'node', style: {label: 'data(label)', 'font-size': 10, 'background-color': 'data(colour)', 'text-valign': 'bottom'}},
      {selector: ':parent', style: {'background-opacity': 0.05, 'border-color': '#d9dde5', 'text-valign': 'top', 'font-weight': 'bold'}},
      {selector: 'edge', style: {'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 1.5}}]
  });
  charts.push({dispose: () => cy.destroy()});
  $('milestones-caption').textContent = `Milestones of DAO '${dao}' at chain ${report.chainId} block ${report.block} (config milestones:): ` +
    'achieved (green) when the check holds and every dependency is achieved, ready (amber) when only the check fails, blocked (red) ' +
    'naming the dependencies not achieved, unknown (grey) when a fact it needs is not indexed; arrows run from a dependency to what ' +
    'needs it, boxes are phases with achieved/total. Evidence as in the stage card; history: /milestones/history.';
}

function decisionTable(report, dao) {
  const card = $('decisions-card');
  card.hidden = !report;
  if (!report) return;
  const rows = [];
  for (const decision of report.decisions) {
    const name = `<td rowspan="ROWS" data-decision="${esc(decision.id)}"><b>${decision.source ? `<a href="${esc(decision.source)}" rel="noopener">` +
      `${esc(decision.title)}</a>` : esc(decision.title)}</b><br><span class="holders">${decision.holders.map(esc).join(', ') || 'nobody'}</span></td>`;
    const lines = [];
    for (const p of decision.permissions) {
      const permission = `${esc(p.label)} ${esc(p.role ?? p.permission)}${p.function ? ' ' + esc(p.function) : ''}`;
      if (!p.known) lines.push(`<td>${permission}</td><td colspan="4">unknown: chain not indexed yet</td>`);
      else if (!p.routes.length) lines.push(`<td>${permission}</td><td colspan="4">nobody</td>`);
      for (const route of p.routes) {
        lines.push(`<td>${permission}</td><td class="${route.vote ? 'status-passed' : route.councilGated ? 'status-unknown' : ''}">${esc(route.holder)}</td>` +
          `<td>${days(route.delaySeconds)}</td><td>${route.keys}</td><td>${[...route.via, route.gate].map(esc).join(' ← ')}</td>`);
      }
      if (p.truncated) lines.push(`<td>${permission}</td><td colspan="4">more routes than listed (see /paths)</td>`);
    }
    if (!lines.length) lines.push('<td colspan="5">no permission</td>');
    lines.forEach((line, i) => rows.push(`<tr data-decision-row="${esc(decision.id)}">${i === 0 ? name.replace('ROWS', lines.length) : ''}${line}</tr>`));
  }
  $('decisions').querySelector('tbody').innerHTML = rows.join('');
  $('decisions-caption').textContent = `Decision map of DAO '${dao}' at chain ${report.chainId} block ${report.block} (config decisions:): ` +
    'for each decision, each route that holds one of its permissions — the holder (token-holder vote in green, council-gated in amber), ' +
    'the delay and keys along the route as /paths computes them, and the contracts acted through. History: /decisions/history.';
}

function chart(id) {
  const instance = echarts.init($(id), null, {renderer: 'svg'});
  charts.push(instance);
  return instance;
}

function equalizerChart(report) {
  const dims = report.dimensions;
  chart('equalizer').setOption({
    radar: {indicator: dims.map(d => ({name: d.name, max: 100})), radius: '62%'},
    tooltip: {},
    series: [{type: 'radar', data: [{value: dims.map(d => d.score ?? 0), name: 'score'}], areaStyle: {opacity: .2}}]
  });
  $('equalizer-caption').textContent = `Six scores 0–100 of DAO '${report.dao}' at chain ${report.chainId} block ${report.block}: ` +
    dims.map(d => `${d.name} ${d.score == null ? 'n/a' : d.score.toFixed(1)}`).join(', ') + '. Formulas and inputs: /equalizer.';
}

function concentration(m) {
  const rows = [['Nakamoto (majority)', m.nakamoto.majority, 'nakamoto'], ['Nakamoto (quorum)', m.nakamoto.quorum, 'nakamoto-quorum'],
    ['Gini', m.gini?.toFixed(4), 'gini'], ['Top-10 share', pct(m.topShares?.['10']), 'top10'],
    ['Effective delegates', m.effectiveDelegates?.toFixed(2), 'effective'], ['Delegates', m.delegates, 'delegates'],
    ['Delegated votes', tokens(m.totalVotingPower), 'total']];
  $('concentration').innerHTML = rows.map(([name, value, key]) => `<dt>${name}</dt><dd data-metric="${key}">${esc(value ?? '–')}</dd>`).join('');
  $('concentration-caption').textContent = `Voting power of DAO '${m.dao}', token ${m.token} on chain ${m.chainId}, at block ${m.block}; ` +
    'Nakamoto = fewest delegates holding a majority (or the quorum); shares of delegated votes.';
}

async function seriesChart(base, dao, at) {
  const every = Math.max(1, Math.ceil(at.block / 80));
  const series = await api(`${base}/metrics/series?every=${every}blocks&to=${at.block}`);
  const x = series.points.map(point => point.block);
  const line = (name, values, axis) => ({name, type: 'line', showSymbol: false, yAxisIndex: axis, data: values});
  chart('series').setOption({
    tooltip: {trigger: 'axis'}, legend: {type: 'scroll'}, grid: {left: 48, right: 48, bottom: 56},
    xAxis: {type: 'category', data: x, name: 'block'}, dataZoom: [{type: 'inside'}, {type: 'slider', height: 18}],
    yAxis: [{type: 'value', name: 'count'}, {type: 'value', name: 'share', min: 0, max: 1}],
    series: [line('Nakamoto', series.points.map(p => p.nakamoto.majority), 0),
      line('effective delegates', series.points.map(p => p.effectiveDelegates), 0),
      line('Gini', series.points.map(p => p.gini), 1), line('top-10 share', series.points.map(p => p.topShares?.['10']), 1)]
  });
  $('series-caption').textContent = `DAO '${dao}', chain ${at.chainId}, blocks ${x[0] ?? '–'}–${x[x.length - 1] ?? '–'} every ${every} blocks: ` +
    'Nakamoto coefficient and effective delegates (1/HHI) on the left axis, Gini and top-10 share of delegated votes on the right.';
}

function graph(paths) {
  const nodes = new Map();
  const edges = new Map();
  const node = (chainId, address, label, kind) => {
    const id = chainId + ':' + address;
    if (!nodes.has(id)) nodes.set(id, {data: {id, label: label || address.slice(0, 10), kind}});
    return id;
  };
  const councils = new Set(paths.councils.map(c => c.chainId + ':' + c.address));
  for (const permission of paths.permissions) {
    const target = node(permission.chainId, permission.target, permission.label, 'critical');
    for (const route of permission.routes) {
      let next = target;
      for (const hop of route.via) {
        const id = node(hop.chainId, hop.address, hop.label, councils.has(hop.chainId + ':' + hop.address) ? 'council' : 'actor');
        if (id === next) continue;
        const key = id + '>' + next;
        const delay = hop.delaySeconds ? ' ' + days(hop.delaySeconds) : '';
        if (!edges.has(key)) edges.set(key, {data: {id: key, source: id, target: next, label: hop.relation + delay, gated: route.councilGated}});
        next = id;
      }
    }
  }
  const cy = cytoscape({
    container: $('graph'), elements: [...nodes.values(), ...edges.values()], wheelSensitivity: 0.3,
    layout: {name: 'breadthfirst', directed: true, spacingFactor: 1.1},
    style: [
      {selector: 'node', style: {label: 'data(label)', 'font-size': 10, 'text-wrap': 'wrap', 'text-max-width': 90, 'background-color': '#6b7a99'}},
      {selector: 'node[kind = "critical"]', style: {'background-color': '#cf222e', shape: 'round-rectangle'}},
      {selector: 'node[kind = "council"]', style: {'background-color': '#1a7f37', shape: 'diamond'}},
      {selector: 'edge', style: {label: 'data(label)', 'font-size': 8, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 1.5}},
      {selector: 'edge[?gated]', style: {'line-color': '#1a7f37', 'target-arrow-color': '#1a7f37', 'line-style': 'dashed'}}]
  });
  charts.push({dispose: () => cy.destroy()});
  const at = paths.at.map(p => `chain ${p.chainId} block ${p.block}`).join(', ');
  $('graph-caption').textContent = `Who can change the critical contracts (red) of DAO '${paths.dao}' at ${at}: arrows run from who acts to ` +
    'what it controls, labelled with the relation and its delay; councils are green diamonds, council-gated routes dashed green.';
}

function councilTable(report) {
  const blocks = report.councils.map(c => `<h3>${esc(c.label)} — ${c.threshold} of ${c.owners.length}</h3>
    <p class="caption">Safe ${esc(c.address)} on chain ${c.chainId}; owners: ${c.owners.map(esc).join(', ')}</p>
    <table><thead><tr><th>block</th><th>time</th><th>change</th></tr></thead><tbody>${c.history.map(h =>
      `<tr><td>${h.block}</td><td>${h.time ? new Date(h.time * 1000).toISOString() : ''}</td><td>${esc(h.event)}</td></tr>`).join('')}</tbody></table>`);
  $('councils').innerHTML = blocks.join('') || '<p>No council Safe in the config.</p>';
}

function proposalChart(report, dao, at) {
  const proposals = report.proposals;
  const label = p => (p.title || p.proposalId).slice(0, 24);
  chart('proposals').setOption({
    tooltip: {trigger: 'axis'}, legend: {}, grid: {left: 64, right: 16, bottom: 80},
    xAxis: {type: 'category', data: proposals.map(label), axisLabel: {rotate: 30, fontSize: 10}},
    yAxis: {type: 'value', name: 'tokens'},
    series: [{name: 'cast (for+against+abstain)', type: 'bar', data: proposals.map(p => Number(BigInt(p.castWeight) / 10n ** 18n))},
      {name: 'quorum', type: 'line', step: 'middle', data: proposals.map(p => p.quorum == null ? null : Number(BigInt(p.quorum) / 10n ** 18n))}]
  });
  $('proposals-caption').textContent = `${proposals.length} proposals of DAO '${dao}' as of block ${at.block} (chain ${at.chainId}): ` +
    'votes cast against the quorum, in whole tokens; turnout = cast / delegated votes at the snapshot (see /proposals).';
  $('proposals').dataset.count = proposals.length;
}

document.addEventListener('DOMContentLoaded', () => {
  $('picker').addEventListener('submit', event => {
    event.preventDefault();
    const at = $('at').value;
    go({dao: $('dao').value, block: at ? null : $('block').value || null, at: at ? new Date(at + 'Z').toISOString().replace('.000', '') : null});
  });
  $('slider').addEventListener('change', () => go({dao: $('dao').value, block: $('slider').value}));
  $('dao').addEventListener('change', () => go({dao: $('dao').value}));
  $('head-link').addEventListener('click', event => {
    event.preventDefault();
    go({dao: $('dao').value});
  });
  window.addEventListener('popstate', load);
  window.addEventListener('resize', () => charts.forEach(c => c.resize && c.resize()));
  load();
});
