/* retailkg: two result views for YASR that its stock plugins (table, response) lack.
 *
 * - "pivot": PivotTable.js (vendored in static/pivottable/) over the result rows, the view YASR 2
 *   had: drag variables to rows and columns, count, sum or average, show as a table, a bar table
 *   or a heatmap. Its layout is remembered per tab.
 * - "chart": a horizontal bar chart drawn as SVG, from a label column and a number column (or the
 *   number of rows per label). No charting library: nothing to load, and nothing a policy of
 *   "this server only" forbids. Downloads as an SVG file.
 *
 * Both show IRIs shortened with the tab's prefixes, the way the table does.
 * Licence: Apache-2.0, as retailkg's code.
 */
/* global Yasgui, jQuery */
(function () {
  "use strict";
  const SVG = "http://www.w3.org/2000/svg";
  const XSD = "http://www.w3.org/2001/XMLSchema#";
  const NUMERIC = new Set(["integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
    "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte"]
    .map((t) => XSD + t));

  function shorten(iri, prefixes) {
    for (const label in prefixes) {
      const ns = prefixes[label];
      if (ns && iri.startsWith(ns) && iri.length > ns.length) return label + ":" + iri.slice(ns.length);
    }
    return iri;
  }

  function display(binding, prefixes) {
    if (!binding) return "";
    if (binding.type === "uri") return shorten(binding.value, prefixes);
    if (binding.type === "bnode") return "_:" + binding.value;
    return binding.value;
  }

  function isNumber(binding) {
    // typed numbers only: a plain "1.1" is a notation or a clause number, not a quantity
    return !!binding && binding.type !== "uri" && binding.type !== "bnode" && NUMERIC.has(binding.datatype);
  }

  function numericVars(results) {
    const bindings = results.getBindings();
    return results.getVariables().filter((v) => bindings.some((b) => b[v]) && bindings.every((b) => !b[v] || isNumber(b[v])));
  }

  /* What to label bars or pivot rows by: the first column of text (a name reads better than an
     IRI), else the first that is not a number. */
  function labelVar(results) {
    const numeric = numericVars(results);
    const bindings = results.getBindings();
    const vars = results.getVariables().filter((v) => !numeric.includes(v));
    return vars.find((v) => bindings.some((b) => b[v] && b[v].type === "literal")) || vars[0] || results.getVariables()[0];
  }

  function icon(path) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("aria-hidden", "true");
    const p = document.createElementNS(SVG, "path");
    p.setAttribute("d", path);
    p.setAttribute("fill", "currentColor");
    svg.appendChild(p);
    const wrap = document.createElement("div");
    wrap.appendChild(svg);
    return wrap;
  }

  function csvCell(text) {
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  /* ---- pivot ------------------------------------------------------------------------------- */

  class Pivot {
    constructor(yasr) {
      this.yasr = yasr;
      this.priority = 5;
      this.label = "Pivot";
      this.el = undefined;
    }
    canHandleResults() {
      const r = this.yasr.results;
      return !!(r && r.getVariables && r.getVariables().length && r.getBindings() && r.getBindings().length &&
        window.jQuery && jQuery.fn.pivotUI);
    }
    getIcon() {
      return icon("M3 3h18v4H3zm0 6h5v12H3zm7 0h11v5H10zm0 7h5v5h-5zm7 0h4v5h-4z");
    }
    draw(saved) {
      const vars = this.yasr.results.getVariables();
      const prefixes = this.yasr.getPrefixes();
      const rows = this.yasr.results.getBindings().map((b) => {
        const row = {};
        for (const v of vars) row[v] = display(b[v], prefixes);
        return row;
      });
      const keep = (list) => (list || []).filter((v) => vars.includes(v));
      const conf = saved || {};
      this.el = document.createElement("div");
      this.el.className = "rkg-pivot";
      this.yasr.resultsEl.appendChild(this.el);
      const numeric = numericVars(this.yasr.results);
      jQuery(this.el).pivotUI(rows, {
        rows: saved ? keep(conf.rows) : [labelVar(this.yasr.results)],
        cols: keep(conf.cols),
        vals: saved ? keep(conf.vals) : numeric.slice(0, 1),
        aggregatorName: conf.aggregatorName || "Count",
        rendererName: conf.rendererName || "Table",
        onRefresh: (c) => {
          const now = { rows: c.rows, cols: c.cols, vals: c.vals, aggregatorName: c.aggregatorName, rendererName: c.rendererName };
          if (JSON.stringify(now) !== JSON.stringify(saved || {})) {
            saved = now;
            this.yasr.storePluginConfig("pivot", now);
          }
        },
      }, true);
    }
    download(filename) {
      const table = this.el && this.el.querySelector("table.pvtTable");
      if (!table) return undefined;
      return {
        contentType: "text/csv",
        title: "Download the pivot table (CSV)",
        filename: (filename || "pivot") + ".csv",
        getData: () => Array.from(table.rows).map((tr) => Array.from(tr.cells).map((c) => {
          const cell = csvCell(c.textContent.trim());
          return [cell, ...Array(Math.max(0, (c.colSpan || 1) - 1)).fill("")].join(",");
        }).join(",")).join("\r\n") + "\r\n",
      };
    }
    destroy() {
      if (this.el) this.el.remove();
      this.el = undefined;
    }
  }

  /* ---- chart ------------------------------------------------------------------------------- */

  const MAX_BARS = 60;

  function widthOf(text) { // display width in Latin characters: CJK counts two
    let w = 0;
    for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
    return w;
  }

  function clip(text, max) {
    if (widthOf(text) <= max) return text;
    let out = "";
    for (const ch of text) {
      if (widthOf(out + ch) > max - 1) break;
      out += ch;
    }
    return out + "…";
  }

  function el(name, attrs, text) {
    const node = document.createElementNS(SVG, name);
    for (const k in attrs) node.setAttribute(k, String(attrs[k]));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  class Chart {
    constructor(yasr) {
      this.yasr = yasr;
      this.priority = 4;
      this.label = "Chart";
      this.svg = undefined;
      this.controls = undefined;
    }
    canHandleResults() {
      const r = this.yasr.results;
      return !!(r && r.getVariables && r.getVariables().length && r.getBindings() && r.getBindings().length);
    }
    getIcon() {
      return icon("M3 4h2v16H3zm4 1h9v3H7zm0 5h13v3H7zm0 5h6v3H7z");
    }
    settings(saved) {
      const vars = this.yasr.results.getVariables();
      const numeric = numericVars(this.yasr.results);
      const s = Object.assign({}, saved || {});
      if (!vars.includes(s.label)) s.label = labelVar(this.yasr.results);
      if (s.value !== "" && !numeric.includes(s.value)) s.value = numeric.find((v) => v !== s.label) || "";
      if (s.order !== "value" && s.order !== "results") s.order = s.value ? "results" : "value";
      return s;
    }
    drawControls(s) {
      if (this.controls) this.controls.remove();
      const vars = this.yasr.results.getVariables();
      const numeric = numericVars(this.yasr.results);
      const box = document.createElement("div");
      box.className = "rkg-chart-controls";
      const select = (name, title, options, current) => {
        const label = document.createElement("label");
        label.textContent = title + " ";
        const sel = document.createElement("select");
        sel.name = name;
        for (const [value, text] of options) {
          const o = document.createElement("option");
          o.value = value;
          o.textContent = text;
          o.selected = value === current;
          sel.appendChild(o);
        }
        sel.addEventListener("change", () => {
          const next = Object.assign({}, s, { [name]: sel.value });
          this.yasr.storePluginConfig("chart", next);
          this.yasr.draw();
        });
        label.appendChild(sel);
        box.appendChild(label);
      };
      select("label", "Bars", vars.map((v) => [v, "?" + v]), s.label);
      select("value", "Length", [["", "number of rows"], ...numeric.map((v) => [v, "sum of ?" + v])], s.value);
      select("order", "Order", [["value", "longest first"], ["results", "as in the results"]], s.order);
      this.yasr.pluginControls.appendChild(box);
      this.controls = box;
    }
    draw(saved) {
      const s = this.settings(saved);
      this.drawControls(s);
      const prefixes = this.yasr.getPrefixes();
      const totals = new Map();
      for (const b of this.yasr.results.getBindings()) {
        const key = display(b[s.label], prefixes) || "(none)";
        const add = s.value ? (b[s.value] ? Number(b[s.value].value) : 0) : 1;
        totals.set(key, (totals.get(key) || 0) + add);
      }
      let bars = Array.from(totals.entries());
      if (s.order === "value") bars.sort((a, b) => b[1] - a[1]);
      const hidden = Math.max(0, bars.length - MAX_BARS);
      bars = bars.slice(0, MAX_BARS);

      const rowH = 24, labelW = 300, plotW = 560, top = 28, valueW = 70;
      const width = labelW + plotW + valueW, height = top + rowH * bars.length + (hidden ? rowH : 8);
      const lo = Math.min(0, ...bars.map((b) => b[1])), hi = Math.max(0, ...bars.map((b) => b[1]));
      const scale = (v) => labelW + (hi === lo ? 0 : ((v - lo) / (hi - lo)) * plotW);
      const font = { "font-family": "system-ui, 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif", "font-size": 12 };
      const svg = el("svg", { xmlns: SVG, viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img", class: "rkg-chart" });
      const what = s.value ? "sum of ?" + s.value : "number of rows";
      svg.appendChild(el("title", {}, `${what} by ?${s.label}`));
      svg.appendChild(el("text", Object.assign({ x: labelW, y: 16, fill: "#555" }, font), `${what} by ?${s.label}`));
      bars.forEach(([label, value], i) => {
        const y = top + i * rowH;
        const g = el("g", { class: "bar" });
        g.appendChild(el("title", {}, `${label}: ${value}`));
        g.appendChild(el("text", Object.assign({ x: labelW - 8, y: y + rowH / 2 + 4, "text-anchor": "end", fill: "#222" }, font), clip(label, 44)));
        const x0 = scale(0), x1 = scale(value);
        g.appendChild(el("rect", { x: Math.min(x0, x1), y: y + 4, width: Math.max(1, Math.abs(x1 - x0)), height: rowH - 8, fill: "#3f6fb5" }));
        g.appendChild(el("text", Object.assign({ x: Math.max(x0, x1) + 6, y: y + rowH / 2 + 4, fill: "#222" }, font),
          Number.isInteger(value) ? String(value) : value.toFixed(2)));
        svg.appendChild(g);
      });
      svg.appendChild(el("line", { x1: scale(0), x2: scale(0), y1: top, y2: top + rowH * bars.length, stroke: "#888" }));
      if (hidden) {
        svg.appendChild(el("text", Object.assign({ x: labelW, y: top + rowH * bars.length + 16, fill: "#555" }, font),
          `… and ${hidden} more ${hidden === 1 ? "bar" : "bars"} (the pivot view shows all)`));
      }
      this.svg = svg;
      const wrap = document.createElement("div");
      wrap.className = "rkg-chart-wrap";
      wrap.appendChild(svg);
      this.yasr.resultsEl.appendChild(wrap);
    }
    download(filename) {
      if (!this.svg) return undefined;
      return {
        contentType: "image/svg+xml",
        title: "Download the chart (SVG)",
        filename: (filename || "chart") + ".svg",
        getData: () => new XMLSerializer().serializeToString(this.svg),
      };
    }
    destroy() {
      if (this.controls) this.controls.remove();
      this.controls = undefined;
      this.svg = undefined;
    }
  }

  Yasgui.Yasr.registerPlugin("pivot", Pivot);
  Yasgui.Yasr.registerPlugin("chart", Chart);
})();
