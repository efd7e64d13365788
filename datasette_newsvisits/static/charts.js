/* Draws the Vega-Lite specifications embedded in a newsvisits page. Each chart is a
   <div class="nv-chart" data-spec="ID"> beside <script type="application/json" id="ID">;
   vega, vega-lite and vega-embed are loaded before this file from the plugin's own
   assets, so nothing is fetched from elsewhere. */
(function () {
  "use strict";
  function draw(container) {
    var source = document.getElementById(container.getAttribute("data-spec"));
    var spec = JSON.parse(source.textContent);
    if (!spec.data || !spec.data.values || !spec.data.values.length) {
      container.textContent = "No data to chart.";
      container.classList.add("nv-chart-empty");
      return;
    }
    window.vegaEmbed(container, spec, {
      renderer: "svg",
      actions: { export: true, source: false, compiled: false, editor: false }
    }).catch(function (error) {
      container.textContent = "This chart could not be drawn.";
      console.error("newsvisits chart", error);
    });
  }
  function drawAll() {
    if (typeof window.vegaEmbed !== "function") {
      return;
    }
    document.querySelectorAll(".nv-chart[data-spec]").forEach(draw);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
