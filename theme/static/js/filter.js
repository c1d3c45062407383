/* A filter box over a long list: typing hides the items whose text does not hold the
   words typed (accents and case ignored). The list is whole without JavaScript; the box
   only shows where this script runs. */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  document.querySelectorAll("input[data-filter]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("data-filter"));
    if (!list) {
      return;
    }
    var items = Array.prototype.slice.call(list.children);
    var keys = items.map(function (item) { return fold(item.textContent); });
    var status = document.createElement("span");
    status.className = "filter-status";
    status.setAttribute("aria-live", "polite");
    input.parentNode.appendChild(status);
    input.parentNode.hidden = false;

    input.addEventListener("input", function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (item, n) {
        var match = words.every(function (word) { return keys[n].indexOf(word) !== -1; });
        item.hidden = !match;
        shown += match ? 1 : 0;
      });
      status.textContent = words.length ? " " + shown + " of " + items.length + " shown" : "";
    });
  });
})();
