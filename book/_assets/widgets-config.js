// Tell the widget manager (embed-amd.js, loaded right after this script) to take every
// module from this site, never from a CDN. Paths are resolved from this script's own URL,
// so they work on any page depth and under any site prefix.
(function () {
  "use strict";
  var npm = new URL("npm/", document.currentScript.src).href;
  var htmlManager = npm + "@jupyter-widgets/html-manager@1.0.7/dist/";
  // Icon fonts and lazy chunks of the widget manager (webpack public path).
  window.__jupyter_widgets_assets_path__ = htmlManager;
  // Modules the widget manager does not bundle (anywidget) come from require.js paths.
  window.requirejs.config({
    paths: { anywidget: npm + "anywidget@0.11.0/dist/index" },
  });
  // The manager's fallback "CDN" for any other module: our own npm folder. It reads this
  // attribute from the last script tag carrying it, so set it on this tag only.
  document.currentScript.setAttribute("data-jupyter-widgets-cdn", npm);
})();
