/* The article page's "Cite" box: the citation (outlet, headline, date, address, source
   file) is in the page without JavaScript; this script adds a copy button and a ¶ button
   to every paragraph, which adds that paragraph (its opening words and its link) to the
   citation. A page opened at a paragraph's link (#p3) starts with that paragraph. */
(function () {
  "use strict";

  var box = document.querySelector("details[data-cite]");
  var body = document.querySelector(".story-body");
  if (!box || !body) {
    return;
  }
  var EXCERPT_WORDS = 30;
  var citation = box.querySelector("[data-citation]");
  var status = box.querySelector("[data-cite-status]");
  var chosen = null;

  function excerpt(element) {
    var words = element.textContent.replace(/¶\s*$/, "").trim().split(/\s+/);
    var shown = words.slice(0, EXCERPT_WORDS).join(" ");
    return words.length > EXCERPT_WORDS ? shown + " …" : shown;
  }

  function pageAddress() {
    return location.origin + location.pathname;
  }

  function text() {
    var parts = [box.getAttribute("data-outlet") + ", “" + box.getAttribute("data-headline") + "”, " +
      box.getAttribute("data-date") + "."];
    var address = box.getAttribute("data-url") || pageAddress();
    parts.push(address + ".");
    parts.push("Source file: " + box.getAttribute("data-file") + ".");
    if (chosen) {
      var number = chosen.id.slice(1);
      parts.push("Paragraph " + number + ": “" + excerpt(chosen) + "” " + pageAddress() + "#" + chosen.id);
    }
    return parts.join(" ");
  }

  function show() {
    citation.textContent = text();
    status.textContent = "";
  }

  function choose(element) {
    chosen = element;
    show();
  }

  body.querySelectorAll("p[id^='p'], li[id^='p'], blockquote[id^='p']").forEach(function (element) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite-paragraph";
    button.textContent = "¶";
    button.setAttribute("aria-label", "Cite paragraph " + element.id.slice(1));
    button.addEventListener("click", function () {
      choose(element);
      box.open = true;
      box.scrollIntoView({ block: "nearest" });
    });
    element.appendChild(document.createTextNode(" "));
    element.appendChild(button);
  });

  var copy = box.querySelector("[data-cite-copy]");
  copy.addEventListener("click", function () {
    var done = function () { status.textContent = "Copied."; };
    var failed = function () {
      var range = document.createRange();
      range.selectNodeContents(citation);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      status.textContent = "Selected: press Ctrl+C (⌘C) to copy.";
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(citation.textContent).then(done, failed);
    } else {
      failed();
    }
  });
  box.querySelectorAll("[data-cite-js]").forEach(function (element) { element.hidden = false; });

  var start = location.hash && document.getElementById(location.hash.slice(1));
  if (start && body.contains(start)) {
    choose(start);
  } else {
    show();
  }
}());
