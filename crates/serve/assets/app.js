// attache serve: draws the event store from the JSON API (docs/api.md). Every piece of data is
// written as text (text nodes, textContent), never parsed as HTML: a report containing
// <script> shows as those characters.
"use strict";

const FILTERS = ["event", "mode", "actor", "recipient", "since", "until", "text"];
const VIEWS = [["/events", "Events"], ["/tally", "Tally"], ["/map", "Map"]];

// el("a", {href: "/x", class: "y"}, "text", child): an element; strings become text nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "style") Object.assign(node.style, value); // CSSOM: allowed by the page's CSP
    else if (key === "data") for (const [k, v] of Object.entries(value)) node.dataset[k] = v;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const query = new URLSearchParams(location.search);

// The filters of this page's address, without empty ones.
function filterParams(extra) {
  const out = new URLSearchParams();
  for (const key of FILTERS) {
    const value = query.get(key);
    if (value) out.set(key, value);
  }
  for (const [key, value] of Object.entries(extra || {})) {
    if (value === null || value === undefined || value === "") out.delete(key);
    else out.set(key, value);
  }
  return out;
}

function link(path, params) {
  const text = params ? params.toString() : "";
  return text ? path + "?" + text : path;
}

async function api(path, params) {
  const response = await fetch(link(path, params), { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) throw new Error(body.error || ("HTTP " + response.status));
  return body;
}

const main = () => document.getElementById("main");

function show(...nodes) {
  main().replaceChildren(...nodes.flat());
}

function showError(error) {
  show(el("p", { class: "error", role: "alert" }, error.message || String(error)));
}

function count(low, high) {
  if (low === null || low === undefined) return "–";
  if (high === null || high === undefined) return low + "+";
  if (high !== low) return low + "–" + high;
  return String(low);
}

function dateText(event) {
  if (!event.date) return "undated";
  const { start, end } = event.date;
  return start === end || !end ? start : start + " – " + end;
}

function kind(event) {
  return event.category + (event.mode ? " / " + event.mode : "");
}

function codes(list) {
  return list && list.length ? list.join(", ") : "–";
}

// --- the frame: navigation, statistics, the filter form --------------------------------------

function drawNav() {
  const nav = document.getElementById("nav");
  const here = location.pathname === "/" ? "/events" : location.pathname;
  nav.replaceChildren(...VIEWS.map(([path, name]) =>
    el("a", { href: link(path, filterParams()), class: here === path ? "here" : null }, name)));
}

function drawForm(categories, extra) {
  const form = document.getElementById("filters");
  const field = (name, label, input) => el("label", {}, label, input);
  const text = (name, placeholder, type) =>
    el("input", { name, type: type || "text", placeholder, value: query.get(name) || "" });
  const select = (name, options) => {
    const box = el("select", { name });
    for (const [value, label] of options) {
      const option = el("option", { value }, label);
      if ((query.get(name) || "") === value) option.selected = true;
      box.append(option);
    }
    return box;
  };
  const fields = [
    field("event", "Event", select("event", [["", "any"], ...categories.map((c) => [c, c])])),
    field("mode", "Mode", text("mode", "expel")),
    field("actor", "Actor", text("actor", "POL, EU")),
    field("recipient", "Recipient", text("recipient", "RUS")),
    field("since", "Since", text("since", "", "date")),
    field("until", "Until", text("until", "", "date")),
    field("text", "Words", text("text", "words in the sentence")),
  ];
  if (extra) fields.push(extra);
  form.replaceChildren(...fields, el("button", { type: "submit" }, "Apply"),
    el("a", { class: "clear", href: location.pathname }, "clear"));
  form.onsubmit = (e) => {
    e.preventDefault();
    const out = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (value.trim()) out.set(key, value.trim());
    location.assign(link(location.pathname, out));
  };
}

// --- events: a timeline and a table ----------------------------------------------------------

function drawTimeline(timeline) {
  const periods = timeline.periods;
  const box = el("div", { class: "card" });
  const heading = el("div", { class: "quiet" },
    `${timeline.total} events · per ${timeline.bucket}` +
    (timeline.undated ? ` · ${timeline.undated} undated` : "") + " · ",
    el("a", { href: link(location.pathname, filterParams({ bucket: timeline.bucket === "day" ? "week" : null })) },
      timeline.bucket === "day" ? "per week" : "per day"));
  box.append(heading);
  if (!periods.length) return box;
  const width = 1000, height = 150, bottom = 20;
  const max = Math.max(...periods.map((p) => p.events));
  const first = Date.parse(periods[0].start), last = Date.parse(periods[periods.length - 1].start);
  const step = timeline.bucket === "week" ? 7 * 864e5 : 864e5;
  const slots = Math.round((last - first) / step) + 1;
  const slot = width / slots;
  const chart = svg("svg", { class: "chart", viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: "none", role: "img" });
  for (const p of periods) {
    const x = Math.round((Date.parse(p.start) - first) / step) * slot;
    const h = ((height - bottom) * p.events) / max;
    const bar = svg("rect", { x: x + slot * 0.1, y: height - bottom - h, width: Math.max(slot * 0.8, 1), height: h });
    bar.append(svg("title", {}, `${p.start}: ${p.events} events`));
    chart.append(bar);
  }
  chart.append(svg("text", { x: 0, y: height - 5 }, periods[0].start));
  chart.append(svg("text", { x: width, y: height - 5, "text-anchor": "end" }, periods[periods.length - 1].start));
  box.append(chart);
  return box;
}

async function drawEvents() {
  const sort = query.get("sort") || "";
  const offset = Number(query.get("offset") || 0);
  const [page, timeline] = await Promise.all([
    api("/api/events", filterParams({ sort, offset: offset || null, limit: 50 })),
    api("/api/timeline", filterParams({ bucket: query.get("bucket") })),
  ]);
  const sorter = (key, label) => {
    const next = sort === key ? "-" + key : key;
    return el("a", { href: link("/events", filterParams({ sort: next, bucket: query.get("bucket") })) }, label);
  };
  const rows = page.events.map((e) => el("tr", { data: { id: e.id } },
    el("td", {}, el("a", { href: "/event/" + e.id }, "#" + e.id)),
    el("td", { class: "date" }, dateText(e)),
    el("td", {}, kind(e), e.modality !== "asserted" ? el("span", { class: "quiet" }, " (" + e.modality + ")") : null),
    el("td", {}, codes(e.actors)),
    el("td", {}, codes(e.recipients)),
    el("td", { class: "num" }, el("a", { href: "/event/" + e.id }, count(e.count_low, e.count_high))),
    el("td", {}, e.figures.map((f) => f.text).filter((t, i, all) => all.indexOf(t) === i).join(" · ")),
    el("td", {}, codes(e.sources)),
    el("td", { class: "num" }, e.reports)));
  const table = el("table", { class: "events" },
    el("thead", {}, el("tr", {}, el("th", {}, sorter("id", "Event")), el("th", {}, sorter("date", "Date")),
      el("th", {}, "Kind"), el("th", {}, "Actors"), el("th", {}, "Recipients"),
      el("th", {}, sorter("count", "Count")), el("th", {}, "Figures"), el("th", {}, "Sources"),
      el("th", {}, "Reports"))),
    el("tbody", {}, rows));
  const pager = el("div", { class: "pager" },
    el("span", { class: "quiet" }, page.total ? `${offset + 1}–${offset + page.events.length} of ${page.total}` : "no events match"),
    offset > 0 ? el("a", { href: link("/events", filterParams({ sort, offset: Math.max(0, offset - page.limit) || null })) }, "← earlier") : null,
    offset + page.limit < page.total ? el("a", { href: link("/events", filterParams({ sort, offset: offset + page.limit })) }, "later →") : null);
  show(el("h1", {}, "Events"), drawTimeline(timeline), pager, table);
}

// --- the tally: bars, and the claims beside it ----------------------------------------------

function rowLink(row, by) {
  if (row.event_ids.length === 1) return "/event/" + row.event_ids[0];
  const extra = {};
  if (by === "actor") extra.actor = row.group;
  else if (by === "recipient") extra.recipient = row.group;
  else if (by === "event") {
    const [category, mode] = row.group.split("/");
    extra.event = category;
    extra.mode = mode || null;
  } else if (by === "month" && /^\d{4}-\d{2}$/.test(row.group)) {
    const [y, m] = row.group.split("-").map(Number);
    extra.since = row.group + "-01";
    extra.until = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  }
  return link("/events", filterParams(extra));
}

async function drawTally() {
  const by = query.get("by") || "actor";
  const tally = await api("/api/tally", filterParams({ by }));
  const max = Math.max(1, ...tally.rows.map((r) => r.count_low || 0));
  const grid = el("div", { class: "tally card" });
  for (const row of tally.rows) {
    const target = rowLink(row, by);
    const notes = [`${row.events} event${row.events === 1 ? "" : "s"}`];
    if (row.events_without_count) notes.push(`${row.events_without_count} without a count`);
    if (row.planned) notes.push(`${row.planned} planned`);
    if (row.conflicting) notes.push(`${row.conflicting} with differing counts`);
    if (row.shared) notes.push(`${row.shared} shared with other rows`);
    for (const o of row.other_counts) notes.push(`also ${count(o.count_low, o.count_high)} (unit: ${o.unit})`);
    notes.push(row.source_names.join(", "));
    grid.append(
      el("a", { class: "group", href: target, data: { group: row.group } }, row.group),
      el("div", { class: "track" }, el("div", { class: "bar", style: { width: `${(100 * (row.count_low || 0)) / max}%` } })),
      el("a", { class: "count", href: target, data: { group: row.group } }, count(row.count_low, row.count_high)),
      el("span", { class: "meta" }, notes.join(" · ")));
  }
  const claims = el("ul", { class: "claims" }, tally.claims.map((c) => el("li", { data: { event: c.event_id } },
    el("a", { class: "figure", href: "/event/" + c.event_id }, count(c.count_low, c.count_high)),
    c.text.length ? "“" + c.text.join("”, “") + "” " : "",
    el("span", { class: "quiet" }, `actors ${codes(c.actors)} · recipients ${codes(c.recipients)}` +
      (c.date ? " · " + c.date : "") + (c.attributions.length ? " · according to " + c.attributions.join(", ") : "") +
      " · " + c.sources.join(", ")))));
  show(el("h1", {}, `Tally by ${by}`),
    tally.rows.length ? grid : el("p", { class: "quiet" }, "No event matches."),
    el("h2", {}, "Claims beside the tally"),
    el("p", { class: "quiet" }, "Totals the reports give, kept apart: they are not added into the rows above."),
    tally.claims.length ? claims : el("p", { class: "quiet" }, "None."));
}

// --- one event: its reports, each sentence with what was coded in it -------------------------

function passage(p) {
  return el("p", { class: "sentence", data: { sentence: p.sentence } }, p.segments.map((s) =>
    s.mark ? el("mark", { class: "m-" + s.mark, title: s.mark }, s.text) : s.text));
}

function legend() {
  return el("p", { class: "legend" }, "Marked: ",
    ["figure", "trigger", "actor", "recipient", "date"].map((k) => el("mark", { class: "m-" + k }, k)));
}

async function drawEvent(id) {
  const event = await api("/api/events/" + encodeURIComponent(id));
  document.title = `attache · event ${event.id}`;
  const facts = el("dl", { class: "facts" },
    el("dt", {}, "Date"), el("dd", {}, dateText(event)),
    el("dt", {}, "Count"), el("dd", {}, count(event.count_low, event.count_high) + (event.unit ? ` (unit: ${event.unit})` : "")),
    el("dt", {}, "Actors"), el("dd", {}, codes(event.actors)),
    el("dt", {}, "Recipients"), el("dd", {}, codes(event.recipients)),
    el("dt", {}, "Modality"), el("dd", {}, event.modality + (event.claim ? " · aggregate claim" : "")),
    el("dt", {}, "Figures"), el("dd", {}, event.figures.map((f) => el("div", {}, `“${f.text}” (${f.source}`
      + (f.attribution ? ", according to " + f.attribution : "") + ")"))),
    el("dt", {}, "Sources"), el("dd", {}, codes(event.sources)),
    el("dt", {}, "Place"), el("dd", {}, event.location ? `${event.location.name} (${event.location.lat}, ${event.location.lon})` : "not known to the store"));
  const mentions = event.mentions.map((m) => el("section", { class: "card mention", data: { mention: m.mention } },
    m.passages.map(passage),
    el("div", { class: "source" }, "Source: ",
      el("a", { class: "document", href: "/document/" + encodeURIComponent(m.document) }, m.title || m.document),
      m.source ? " · " + m.source : "", m.published ? " · published " + m.published : "",
      m.url ? el("span", {}, " · ", el("a", { class: "original", href: m.url, rel: "noopener noreferrer" }, "original")) : null,
      m.role !== "report" ? " · " + m.role : ""),
    el("div", { class: "reason" }, "Why it belongs here: " + m.reason)));
  show(el("h1", {}, `Event #${event.id}: ${kind(event)}`, el("span", { class: "quiet" }, ` ${codes(event.actors)} → ${codes(event.recipients)}`)),
    el("div", { class: "card" }, facts),
    el("h2", {}, `${event.mentions.length} report${event.mentions.length === 1 ? "" : "s"}`),
    legend(), mentions);
}

// --- one document: its text, with every coded event linked -------------------------------

async function drawDocument(id) {
  const doc = await api("/api/documents/" + id);
  document.title = "attache · " + (doc.title || doc.id);
  const text = el("div", { class: "doctext" }, doc.segments.map((s) => s.mark
    ? el("a", { href: "/event/" + (s.events[0] || ""), title: `${s.mark} · event ${s.events.join(", ")}` },
      el("mark", { class: "m-" + s.mark }, s.text))
    : s.text));
  show(el("h1", {}, doc.title || doc.id),
    el("p", { class: "source" }, doc.source || "", doc.published ? " · published " + doc.published : "",
      doc.url ? el("span", {}, " · ", el("a", { href: doc.url, rel: "noopener noreferrer" }, doc.url)) : null,
      ` · ${doc.mentions.length} coded events`),
    text);
}

// --- the map: events with coordinates -------------------------------------------------------

async function drawMap() {
  const page = await api("/api/events", filterParams({ limit: 1000 }));
  const placed = page.events.filter((e) => e.location);
  const map = svg("svg", { class: "map", viewBox: "-180 -90 360 180", role: "img" },
    svg("image", { href: "/assets/world.svg", x: -180, y: -90, width: 360, height: 180 }));
  for (const e of placed) {
    const dot = svg("circle", { cx: e.location.lon, cy: -e.location.lat, r: 1.6 });
    dot.append(svg("title", {}, `#${e.id} ${kind(e)} · ${e.location.name}`));
    const a = svg("a", { href: "/event/" + e.id });
    a.append(dot);
    map.append(a);
  }
  show(el("h1", {}, "Map"),
    el("p", { class: "quiet" }, `${placed.length} of ${page.total} matching events have coordinates` +
      (page.total > page.events.length ? ` (first ${page.events.length} read)` : "") +
      (placed.length ? "." : ": the store keeps no places' coordinates yet.")),
    map);
}

// --- start ----------------------------------------------------------------------------------

async function start() {
  drawNav();
  const path = location.pathname;
  try {
    const health = await api("/api/health");
    document.getElementById("stats").textContent =
      `${health.events} events · ${health.documents} documents`;
    let extra = null;
    if (path === "/tally") {
      const by = el("select", { name: "by" }, ["actor", "recipient", "month", "event"].map((b) => {
        const o = el("option", { value: b }, b);
        if ((query.get("by") || "actor") === b) o.selected = true;
        return o;
      }));
      extra = el("label", {}, "Tally by", by);
    }
    if (!path.startsWith("/event/") && !path.startsWith("/document/")) drawForm(health.categories, extra);
    else document.getElementById("filters").remove();
    if (path === "/" || path === "/events") await drawEvents();
    else if (path === "/tally") await drawTally();
    else if (path === "/map") await drawMap();
    else if (path.startsWith("/event/")) await drawEvent(path.slice("/event/".length));
    else if (path.startsWith("/document/")) await drawDocument(path.slice("/document/".length));
  } catch (error) {
    showError(error);
  }
}

start();
