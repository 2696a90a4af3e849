/// The report page's style sheet and script, kept apart from the writer. The script's
/// SHA-256 goes into the page's Content-Security-Policy, so it is the only script the page
/// can run: a model string that got past escaping still could not execute.
enum HTMLReportAssets {
    static let style = """
        :root { --ink: #1a1a1a; --muted: #5c6370; --line: #d8dce3; --risk: #b2182b; --ok: #1a7f37; --warn: #b35900; }
        * { box-sizing: border-box; }
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink);
               margin: 0 auto; max-width: 1280px; padding: 24px; }
        h1 { font-size: 26px; margin: 0 0 4px; } h2 { margin-top: 36px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        .sub, footer, .note { color: var(--muted); }
        .strip { display: flex; flex-wrap: wrap; gap: 12px; margin: 18px 0; }
        .tile { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 130px; }
        .tile b { display: block; font-size: 28px; }
        .tile.ready b, .tile.on-track b { color: var(--ok); } .tile.at-risk b { color: var(--risk); } .tile.blocked b, .tile.stalled b { color: var(--warn); }
        .tile.wide { flex: 1 1 320px; } .tile ol { margin: 4px 0 0; padding-left: 20px; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 14px; }
        th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #f6f7f9; } table.sortable th { cursor: pointer; user-select: none; }
        th[aria-sort="ascending"]::after { content: " ▲"; } th[aria-sort="descending"]::after { content: " ▼"; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .flag { color: var(--risk); font-weight: 600; } td.bad { color: var(--warn); font-weight: 600; }
        .map { overflow: auto; border: 1px solid var(--line); border-radius: 6px; padding: 6px; margin: 8px 0 20px; }
        .map svg { max-width: 100%; height: auto; }
        .map.zoomable { overflow: hidden; height: 70vh; padding: 0; cursor: grab; touch-action: none; }
        .map.zoomable svg { width: 100%; height: 100%; max-width: none; }
        .map-tools { display: flex; gap: 6px; margin: 4px 0 -4px; }
        .map-tools button { font: inherit; font-size: 13px; padding: 2px 10px; border: 1px solid var(--line); border-radius: 4px;
                            background: #f6f7f9; cursor: pointer; }
        section.full-size { position: fixed; inset: 0; z-index: 10; background: white; padding: 12px 24px; overflow: hidden; }
        section.full-size .map.zoomable { height: calc(100vh - 110px); }
        .map g.node.hit path, .map g.node.hit polygon, .map g.node.hit ellipse { stroke: #0057d9; stroke-width: 5px; }
        .map g.node[data-link], tr[data-section] { cursor: pointer; }
        .pilot-map:target { outline: 3px solid #0057d9; outline-offset: 4px; }
        .bar { display: flex; align-items: center; gap: 8px; margin: 3px 0; }
        .bar span.label { width: 220px; } .bar span.fill { background: #f16913; height: 14px; border-radius: 3px; }
        #search { font-size: 15px; padding: 6px 10px; width: 320px; }
        tr.hidden { display: none; }
        .errors { color: var(--risk); }
        @media print { #search-box, .map-tools { display: none; } .map, .map.zoomable { overflow: visible; border: none; height: auto; }
                       section { break-inside: avoid-page; } }
        """

    static let script = """
        (function () {
          "use strict";
          var errors = [];
          window.onerror = function (message) {
            errors.push(String(message));
            var box = document.getElementById("errors");
            box.textContent = errors.join("\\n");
            box.hidden = false;
            document.body.dataset.errors = String(errors.length);
          };
          function cellValue(row, index) {
            var cell = row.cells[index];
            return cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
          }
          document.querySelectorAll("table.sortable").forEach(function (table) {
            table.querySelectorAll("th").forEach(function (header, index) {
              header.addEventListener("click", function () {
                var ascending = header.getAttribute("aria-sort") !== "ascending";
                table.querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
                header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
                var numeric = header.classList.contains("num");
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = cellValue(a, index), y = cellValue(b, index);
                  var order = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
                  return ascending ? order : -order;
                });
                rows.forEach(function (row) { body.appendChild(row); });
              });
            });
          });
          var links = JSON.parse(document.getElementById("map-links").textContent);
          var systems = {};
          JSON.parse(document.getElementById("system-ids").textContent).forEach(function (id) { systems[id] = true; });
          Object.keys(links).forEach(function (elementID) {
            var node = document.getElementById(elementID);
            if (!node) { return; }
            node.dataset.link = links[elementID];
            node.addEventListener("click", function () { location.hash = links[elementID]; });
          });
          var search = document.getElementById("search");
          var count = document.getElementById("search-count");
          search.addEventListener("input", function () {
            var query = search.value.trim().toLowerCase();
            var hits = 0;
            document.querySelectorAll(".map g.node").forEach(function (node) {
              var title = node.querySelector("title");
              var text = ((title ? title.textContent : "") + " " + node.textContent).toLowerCase();
              var hit = query.length > 0 && node.dataset.system !== undefined && text.indexOf(query) >= 0;
              node.classList.toggle("hit", hit);
              if (hit) { hits += 1; }
            });
            document.querySelectorAll("#system-table tbody tr").forEach(function (row) {
              var text = (row.dataset.id + " " + row.dataset.name).toLowerCase();
              row.classList.toggle("hidden", query.length > 0 && text.indexOf(query) < 0);
            });
            count.textContent = query.length > 0 ? hits + " highlighted on the maps" : "";
          });
          document.querySelectorAll(".map g.node").forEach(function (node) {
            var title = node.querySelector("title");
            if (title && systems[title.textContent] !== undefined) { node.dataset.system = title.textContent; }
          });
          document.querySelectorAll("tr[data-section]").forEach(function (row) {
            row.addEventListener("click", function () { location.hash = row.dataset.section; });
          });
          // Zoom and pan: every map scales through its SVG's viewBox, by the buttons, the mouse
          // wheel (around the pointer) and dragging; it opens at a readable scale (no smaller
          // than 0.4 of its natural size, its top left shown) and has a full-size view.
          var minimumScale = 0.4;
          function zoomer(container) {
            var svg = container.querySelector("svg");
            if (!svg || !svg.viewBox || !svg.viewBox.baseVal || svg.viewBox.baseVal.width === 0) { return null; }
            var whole = { x: svg.viewBox.baseVal.x, y: svg.viewBox.baseVal.y, w: svg.viewBox.baseVal.width, h: svg.viewBox.baseVal.height };
            container.classList.add("zoomable");
            svg.setAttribute("preserveAspectRatio", "xMinYMin meet");
            var view = { x: whole.x, y: whole.y, w: whole.w, h: whole.h };
            function apply() {
              svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map(function (v) { return v.toFixed(2); }).join(" "));
              svg.dataset.zoom = (whole.w / view.w).toFixed(3);
            }
            function zoom(factor, fx, fy) {
              var w = Math.min(whole.w * 4, Math.max(whole.w / 40, view.w / factor));
              var h = view.h * w / view.w;
              view.x += (view.w - w) * (fx === undefined ? 0.5 : fx);
              view.y += (view.h - h) * (fy === undefined ? 0.5 : fy);
              view.w = w; view.h = h;
              apply();
            }
            function reset() {
              var width = container.clientWidth || 1200, height = container.clientHeight || 600;
              // Points are 1.33 px: the natural width in pixels, and the scale that fits it.
              var fit = width / (whole.w * 4 / 3);
              var scale = Math.max(fit, minimumScale);
              view.w = width / (scale * 4 / 3);
              view.h = height / (scale * 4 / 3);
              view.x = whole.x; view.y = whole.y;
              if (scale === fit) { view.w = whole.w; view.h = Math.max(whole.h, whole.w * height / width); }
              apply();
            }
            container.addEventListener("wheel", function (event) {
              event.preventDefault();
              var box = container.getBoundingClientRect();
              zoom(event.deltaY < 0 ? 1.2 : 1 / 1.2, (event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
            }, { passive: false });
            var drag = null;
            container.addEventListener("pointerdown", function (event) {
              drag = { x: event.clientX, y: event.clientY, vx: view.x, vy: view.y };
            });
            container.addEventListener("pointermove", function (event) {
              if (!drag) { return; }
              var perPixel = view.w / (container.clientWidth || 1);
              view.x = drag.vx - (event.clientX - drag.x) * perPixel;
              view.y = drag.vy - (event.clientY - drag.y) * perPixel;
              apply();
            });
            ["pointerup", "pointerleave"].forEach(function (name) { container.addEventListener(name, function () { drag = null; }); });
            reset();
            return { zoom: zoom, reset: reset };
          }
          var zoomers = {};
          document.querySelectorAll("section > .map").forEach(function (container) {
            var control = zoomer(container);
            if (!control) { return; }
            var section = container.parentElement;
            zoomers[section.id] = control;
            var tools = document.createElement("div");
            tools.className = "map-tools";
            [["+", function () { control.zoom(1.25); }], ["−", function () { control.zoom(0.8); }], ["reset", control.reset],
             ["full size", function () {
               var full = section.classList.toggle("full-size");
               this.textContent = full ? "close" : "full size";
               control.reset();
             }]].forEach(function (button) {
              var element = document.createElement("button");
              element.type = "button";
              element.textContent = button[0];
              element.addEventListener("click", button[1]);
              tools.appendChild(element);
            });
            section.insertBefore(tools, container);
          });
          document.addEventListener("keydown", function (event) {
            if (event.key !== "Escape") { return; }
            document.querySelectorAll("section.full-size").forEach(function (section) {
              section.classList.remove("full-size");
              var button = section.querySelector(".map-tools button:last-child");
              if (button) { button.textContent = "full size"; }
            });
          });
          // A link ending in #zoom=SECTION,FACTOR opens the page with that map zoomed.
          if (location.hash.indexOf("#zoom=") === 0) {
            var parts = decodeURIComponent(location.hash.slice(6)).split(",");
            var factor = parseFloat(parts[1]);
            if (zoomers[parts[0]] && factor > 0 && factor < 100) { zoomers[parts[0]].zoom(factor); }
          }
          // A link ending in #find=TEXT opens the page with that search made.
          if (location.hash.indexOf("#find=") === 0) {
            search.value = decodeURIComponent(location.hash.slice(6));
            search.dispatchEvent(new Event("input"));
          }
          document.body.dataset.readyAfter = String(Math.round(performance.now()));
          document.body.dataset.ready = "yes";
        })();
        """
}
