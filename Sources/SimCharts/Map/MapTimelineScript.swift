// MapTimelineScript: the few lines of JavaScript behind the run map's slider. They read the data
// `MapTimeline` embeds (`<script type="application/json" id="map-data">`) and redraw the moves,
// forces and clashes of the day the slider shows, drawing the same shapes `MapTimeline` draws for
// the last day, so the page reads the same without them. `#day=N` in the address opens day N.

/// The slider's script, inline in the page (inside CDATA, so the page stays well-formed XML).
enum MapTimelineScript {
    static let source = """
        (function () {
          "use strict";
          var data = JSON.parse(document.getElementById("map-data").textContent);
          var svg = document.querySelector("svg.map"), ns = svg.namespaceURI;
          var slider = document.getElementById("map-day"), play = document.getElementById("map-play");
          var output = document.getElementById("map-date"), dayText = svg.querySelector("text.map-day");
          var moves = svg.querySelector("g.moves"), forces = svg.querySelector("g.forces");
          var clashes = svg.querySelector("g.clashes"), n = data.places.length, timer = null;
          function make(name, attributes, tooltip) {
            var element = document.createElementNS(ns, name);
            Object.keys(attributes).forEach(function (key) { element.setAttribute(key, attributes[key]); });
            var title = document.createElementNS(ns, "title");
            title.textContent = tooltip;
            element.appendChild(title);
            return element;
          }
          function num(x) { return String(Math.round(x * 100) / 100); }
          function amount(x) { return String(x >= 100 ? Math.round(x) : Math.round(x * 100) / 100); }
          function point(x, y) { return num(x) + " " + num(y); }
          function label(day) { return "day " + day + (data.labels[day] ? " \\u00b7 " + data.labels[day] : ""); }
          function draw(day) {
            [moves, forces, clashes].forEach(function (g) { while (g.firstChild) g.removeChild(g.firstChild); });
            var strength = new Array(data.agents.length * n).fill(0);
            data.forces.forEach(function (f) { if (f[0] <= day) strength[f[1] * n + f[2]] = f[3]; });
            data.moves.forEach(function (m) {
              var end = m[4] < 0 ? data.days + 1 : m[4], a = data.xy[m[1]], b = data.xy[m[2]];
              var dx = b[0] - a[0], dy = b[1] - a[1], length = Math.sqrt(dx * dx + dy * dy);
              if (m[3] > day || end < day || length <= 12) return;
              var ux = dx / length, uy = dy / length, tx = b[0] - ux * 6, ty = b[1] - uy * 6;
              var d = "M" + point(a[0] + ux * 6, a[1] + uy * 6) + "L" + point(tx, ty)
                + "M" + point(tx - ux * 10 - uy * 5, ty - uy * 10 + ux * 5) + "L" + point(tx, ty)
                + "L" + point(tx - ux * 10 + uy * 5, ty - uy * 10 - ux * 5);
              var agent = data.agents[m[0]];
              moves.appendChild(make("path", { d: d, fill: "none", stroke: agent[2], "stroke-width": "2.5",
                "stroke-linecap": "round" }, agent[1] + ": " + amount(m[5]) + " from " + data.places[m[1]]
                + " to " + data.places[m[2]]));
            });
            for (var r = 0; r < n; r++) {
              var here = [];
              for (var a = 0; a < data.agents.length; a++) {
                if (strength[a * n + r] > 0) here.push([a, strength[a * n + r]]);
              }
              here.sort(function (p, q) { return q[1] - p[1] || p[0] - q[0]; });
              here.forEach(function (h) {
                var agent = data.agents[h[0]];
                forces.appendChild(make("circle", { cx: num(data.xy[r][0]), cy: num(data.xy[r][1]),
                  r: num(Math.max(data.k * Math.sqrt(h[1]), 2.5)), fill: agent[2], "fill-opacity": "0.3",
                  stroke: agent[2], "stroke-width": "1.8" }, agent[1] + " at " + data.places[r] + ": " + amount(h[1])));
              });
            }
            var counts = new Array(n).fill(0), last = new Array(n).fill(-1);
            data.clashes.forEach(function (c) { if (c[0] <= day) { counts[c[1]] += 1; last[c[1]] = c[0]; } });
            counts.forEach(function (count, r) {
              if (count === 0) return;
              var x = data.xy[r][0], y = data.xy[r][1];
              var d = "M" + point(x - 8, y - 8) + "L" + point(x + 8, y + 8) + "M" + point(x + 8, y - 8)
                + "L" + point(x - 8, y + 8);
              clashes.appendChild(make("path", { d: d, stroke: data.hostile, "stroke-width": "3",
                "stroke-opacity": day - last[r] < data.recent ? "1" : "0.55" },
                count + " clashes at " + data.places[r] + " up to day " + day));
            });
            dayText.textContent = label(day);
            output.textContent = label(day);
            slider.value = String(day);
          }
          function stop() { clearInterval(timer); timer = null; play.textContent = "play"; }
          play.addEventListener("click", function () {
            if (timer !== null) return stop();
            var step = Math.max(1, Math.round(data.days / 300));
            if (Number(slider.value) >= data.days) draw(0);
            play.textContent = "pause";
            timer = setInterval(function () {
              var day = Math.min(data.days, Number(slider.value) + step);
              draw(day);
              if (day >= data.days) stop();
            }, 60);
          });
          slider.addEventListener("input", function () { stop(); draw(Number(slider.value)); });
          document.getElementById("map-controls").removeAttribute("hidden");
          var asked = /day=(\\d+)/.exec(location.hash);
          if (asked) draw(Math.min(data.days, Number(asked[1])));
        })();
        """
}
