/* retailkg serve: YASGUI on this server's endpoint, the named queries as a library beside it.
 *
 * Everything stays on this server: the endpoint is /sparql, the catalogue /queries.json, and the
 * editor's completion services on the web are replaced: prefixes from the project's list (then
 * YASQE's bundled list, no prefix.cc), classes and properties from this graph (no Linked Open
 * Vocabularies). The page's Content-Security-Policy enforces it whatever a user types.
 * Licence: Apache-2.0, as retailkg's code.
 */
/* global Yasgui */
(function () {
  "use strict";
  const endpoint = new URL("sparql", document.baseURI).href;
  const errorBox = document.getElementById("page-error");

  function fail(message) {
    errorBox.hidden = false;
    errorBox.textContent = message;
  }

  function node(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const k in attrs || {}) {
      if (k === "class") e.className = attrs[k];
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), attrs[k]);
      else e.setAttribute(k, attrs[k]);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  /* Completion from this graph: one query each to this endpoint when the page opens, shared by the tabs. */
  function termsFromGraph(query) {
    let cached;
    return () => {
      if (!cached) {
        cached = fetch(endpoint, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/sparql-results+json" },
          body: new URLSearchParams({ query }),
        }).then((r) => (r.ok ? r.json() : { results: { bindings: [] } }))
          .then((j) => j.results.bindings.map((b) => b.t && b.t.value).filter(Boolean))
          .catch(() => []);
      }
      return cached;
    };
  }

  function configure(prefixes) {
    const Yasqe = Yasgui.Yasqe;
    const projectPrefixes = Object.entries(prefixes).map(([p, iri]) => `${p}: <${iri}>`);
    const bundled = Yasqe.Autocompleters.prefixes.get;
    Yasqe.forkAutocompleter("prefixes", {
      name: "rkgPrefixes",
      persistenceId: null,
      get: (yasqe) => Promise.resolve(bundled(yasqe)).then((list) => {
        const ours = new Set(Object.keys(prefixes));
        return projectPrefixes.concat(list.filter((entry) => !ours.has(entry.split(":")[0])));
      }),
    }, false);
    Yasqe.forkAutocompleter("property", {
      name: "rkgProperties", bulk: true, persistenceId: null,
      get: termsFromGraph("SELECT DISTINCT ?t WHERE { ?s ?t ?o }"),
    }, false);
    Yasqe.forkAutocompleter("class", {
      name: "rkgClasses", bulk: true, persistenceId: null,
      get: termsFromGraph("SELECT DISTINCT ?t WHERE { ?s a ?t }"),
    }, false);
    Yasqe.defaults.autocompleters = ["rkgPrefixes", "variables", "rkgProperties", "rkgClasses"];
    Yasqe.defaults.prefixCcApi = null;
    Yasgui.Yasr.defaults.pluginOrder = ["table", "pivot", "chart", "response"];
  }

  function welcomeQuery(prefixes) {
    const decl = Object.entries(prefixes).map(([p, iri]) => `PREFIX ${p}: <${iri}>`).join("\n");
    return `${decl}

# Every post of the four documents, with its department. The named queries are on the left;
# Ctrl-Space completes prefixes, classes and properties of this graph; Ctrl-Enter runs.
SELECT ?post ?name ?department ?doc WHERE {
  ?post a rkg:Post ;
        rdfs:label ?name ;
        rkg:sourceDocument ?doc .
  FILTER (lang(?name) = "zh")
  OPTIONAL { ?post rkg:inDepartment ?d . ?d rdfs:label ?department FILTER (lang(?department) = "zh") }
}
ORDER BY ?doc ?post
LIMIT 200
`;
  }

  function start(catalogue) {
    configure(catalogue.prefixes);
    const limits = [];
    if (catalogue.limits.timeout_s) limits.push(`queries stop after ${catalogue.limits.timeout_s} s`);
    if (catalogue.limits.max_rows) limits.push(`at most ${catalogue.limits.max_rows} rows`);
    document.getElementById("limits").textContent = limits.length ? "Limits: " + limits.join(", ") + "." : "";
    document.getElementById("endpoint-url").textContent = endpoint;

    const yasgui = new Yasgui(document.getElementById("yasgui"), {
      requestConfig: { endpoint, method: "POST" },
      copyEndpointOnNewTab: true,
      endpointCatalogueOptions: { getData: () => [{ endpoint }], keys: [] },
      corsProxy: undefined,
      persistenceId: "retailkg_yasgui",
      tabName: "Query",
      yasqe: { value: welcomeQuery(catalogue.prefixes), prefixCcApi: null },
      yasr: { prefixes: catalogue.prefixes, defaultPlugin: "table" },
    });
    window.retailkgYasgui = yasgui; // for the browser test and the curious

    const byName = new Map(catalogue.queries.map((q) => [q.name, q]));

    function openNamed(name, run) {
      const q = byName.get(name);
      if (!q) return undefined;
      let tab = yasgui.persistentConfig.getTabs().map((id) => yasgui.getTab(id))
        .find((t) => t && t.getName() === q.name && t.getQuery() === q.query);
      if (tab) yasgui.selectTabId(tab.getId());
      else tab = yasgui.addTab(true, { name: q.name, yasqe: { value: q.query }, requestConfig: { endpoint } });
      if (yasgui.getTab() !== tab) yasgui.selectTabId(tab.getId());
      if (run) tab.query().catch(() => {});
      return tab;
    }
    window.retailkgOpenNamed = openNamed;

    const list = document.getElementById("library-list");
    for (const q of catalogue.queries) {
      const params = q.params.length
        ? node("table", { class: "params" },
          ...q.params.map((p) => node("tr", {},
            node("th", {}, "?" + p.name),
            node("td", {}, `${p.type}; ${p.required ? "required" : `default ${p.default === "*" ? "* (any)" : p.default}`}` +
              (p.example ? `; this tab: ${p.example}` : "")),
            node("td", {}, p.description))))
        : node("p", { class: "noparams" }, "No parameters.");
      const item = node("li", { "data-name": q.name, class: "named-query" },
        node("div", { class: "row" },
          node("button", { type: "button", class: "open", title: "Open in a tab", onclick: () => openNamed(q.name, false) }, q.name),
          node("button", { type: "button", class: "run", title: "Open and run", "aria-label": "Run " + q.name,
            onclick: () => openNamed(q.name, true) }, "▶")),
        node("div", { class: "title", lang: "zh" }, q.title_zh),
        node("div", { class: "title-en", lang: "en" }, q.title_en),
        node("details", {}, node("summary", {}, "About"), node("p", { lang: "en" }, q.description), params));
      list.appendChild(item);
    }
    document.getElementById("library-filter").addEventListener("input", (ev) => {
      const words = ev.target.value.toLowerCase().split(/\s+/).filter(Boolean);
      for (const li of list.children) {
        const q = byName.get(li.dataset.name);
        const hay = [q.name, q.title_zh, q.title_en, q.description].join(" ").toLowerCase();
        li.hidden = !words.every((w) => hay.includes(w));
      }
    });
    const toggle = document.getElementById("library-toggle");
    toggle.addEventListener("click", () => {
      const open = document.body.classList.toggle("library-hidden");
      toggle.setAttribute("aria-expanded", String(!open));
      toggle.textContent = open ? "»" : "«";
      toggle.title = open ? "Show the named queries" : "Hide the list";
    });
    const wanted = new URLSearchParams(location.search).get("named");
    if (wanted) openNamed(wanted, false);
    document.body.dataset.ready = "true";
  }

  fetch("queries.json", { headers: { Accept: "application/json" } })
    .then((r) => {
      if (!r.ok) throw new Error(`queries.json: HTTP ${r.status}`);
      return r.json();
    })
    .then(start)
    .catch((e) => fail("The query page could not start: " + e.message + ". The endpoint itself is /sparql."));
})();
