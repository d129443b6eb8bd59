// Tell the widget manager (embed-amd.js, loaded right after this script) to take every
// module from this site, never from a CDN. Paths are resolved from this script's own URL,
// so they work on any page depth and under any site prefix.
(function () {
  "use strict";
  var npm = new URL("npm/", document.currentScript.src).href;
  var htmlManager = npm + "@jupyter-widgets/html-manager@1.0.7";
  var dist = htmlManager + "/dist/";
  // Lazy chunks of the widget manager (webpack public path).
  window.__jupyter_widgets_assets_path__ = dist;
  window.requirejs.config({
    paths: {
      // embed-amd.js defines these modules itself; their webpack code looks for the icon
      // fonts in the folder of the module's require.js URL, which by default is the site
      // root (404s). Point each id at a file in dist/ so that folder is dist/.
      "@jupyter-widgets/base": dist + "embed-amd",
      "@jupyter-widgets/controls": dist + "embed-amd",
      "@jupyter-widgets/html-manager": dist + "embed-amd",
      "@jupyter-widgets/html-manager/dist": htmlManager + "/dist",
      // Modules the widget manager does not bundle come from here, not from a CDN.
      anywidget: npm + "anywidget@0.11.0/dist/index",
    },
  });
  // The manager's fallback "CDN" for any other module: our own npm folder. It reads this
  // attribute from the last script tag carrying it, so set it on this tag only.
  document.currentScript.setAttribute("data-jupyter-widgets-cdn", npm);
})();
