/* Draws the Vega-Lite specs of the newsvisits pages with the vega and vega-lite
   libraries inside datasette-vega's bundle. The bundle does not export them, so it is
   loaded once more here while its module loader is captured; nothing is fetched from
   outside this Datasette instance. */
(function () {
  "use strict";
  var me = document.currentScript;
  var bundleUrl = me && me.getAttribute("data-vega-bundle");
  if (!bundleUrl) {
    return;
  }

  function exportsMatching(require, test) {
    var cache = require.c || {};
    for (var id in cache) {
      var exported = cache[id] && cache[id].exports;
      try {
        if (exported && test(exported)) {
          return exported;
        }
      } catch (ignored) {
        /* a module whose getters throw is not the one we want */
      }
    }
    return null;
  }

  function draw(vega, vl) {
    var containers = document.querySelectorAll(".nv-chart[data-spec]");
    Array.prototype.forEach.call(containers, function (container) {
      var source = document.getElementById(container.getAttribute("data-spec"));
      var spec = JSON.parse(source.textContent);
      if (!spec.data || !spec.data.values || !spec.data.values.length) {
        container.textContent = "No data to chart.";
        container.className += " nv-chart-empty";
        return;
      }
      var compiled = vl.compile(spec).spec;
      new vega.View(vega.parse(compiled))
        .renderer("svg")
        .initialize(container)
        .hover()
        .run();
    });
  }

  var originalCall = Function.prototype.call;
  var captured = null;
  Function.prototype.call = function () {
    var require = arguments[3];
    if (!captured && arguments.length === 4 && typeof require === "function" &&
        require.m && require.c) {
      captured = require;
      Function.prototype.call = originalCall;
    }
    var args = [];
    for (var i = 1; i < arguments.length; i++) {
      args.push(arguments[i]);
    }
    return Reflect.apply(this, arguments[0], args);
  };
  var script = document.createElement("script");
  script.src = bundleUrl;
  script.onload = script.onerror = function () {
    Function.prototype.call = originalCall;
    if (!captured) {
      console.warn("newsvisits: could not find Vega in the datasette-vega bundle");
      return;
    }
    var vega = exportsMatching(captured, function (e) {
      return typeof e.View === "function" && typeof e.parse === "function";
    });
    var vl = exportsMatching(captured, function (e) {
      return typeof e.compile === "function" && typeof e.version === "string";
    });
    if (vega && vl) {
      draw(vega, vl);
    } else {
      console.warn("newsvisits: Vega libraries not found in the datasette-vega bundle");
    }
  };
  document.head.appendChild(script);
})();
