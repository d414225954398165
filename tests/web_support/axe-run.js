// Injected (with axe.min.js) into a copy of a page by tests/export_browser.rs:
// runs axe-core once the page is laid out, measures the cover's figures,
// and writes the results into the page as JSON, which Chromium's
// --dump-dom prints. Non-ASCII characters and <>& are \u-escaped, so the
// text reaches the test untouched by HTML serialization.
window.addEventListener('load', function () {
  function put(result) {
    var json = JSON.stringify(result).replace(/[<>&\u007f-\uffff]/g, function (c) {
      return '\\u' + ('0000' + c.charCodeAt(0).toString(16)).slice(-4);
    });
    if (window.parent !== window) {
      // In the narrow frame of tests/web_support/phone.html: to the page
      // around it, which writes it down.
      window.parent.postMessage(json, '*');
      return;
    }
    var pre = document.createElement('pre');
    pre.id = 'axe-results';
    pre.textContent = json;
    document.body.appendChild(pre);
  }
  // A figure of the cover ("5 h 46 min") wrapped onto two lines, or wider
  // than its card.
  var wrapped = [];
  var values = document.querySelectorAll('ul.facts .value');
  for (var i = 0; i < values.length; i++) {
    var v = values[i];
    var line = parseFloat(getComputedStyle(v).lineHeight);
    var card = v.parentElement.getBoundingClientRect();
    var box = v.getBoundingClientRect();
    if (box.height > 1.5 * line || v.scrollWidth > Math.ceil(box.width) || box.right > card.right) {
      wrapped.push(v.textContent);
    }
  }
  axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
    put({
      width: window.innerWidth,
      facts: values.length,
      wrapped: wrapped,
      passes: r.passes.length,
      violations: r.violations.map(function (v) {
        return {
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map(function (n) {
            return { target: n.target.join(' '), summary: n.failureSummary, html: n.html.slice(0, 160) };
          })
        };
      })
    });
  }, function (e) {
    put({ error: String(e) });
  });
});
