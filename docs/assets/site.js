// Small progressive enhancements; every page works without them.
(function () {
  "use strict";

  // Summary table: sortable by any column (tablesort, vendored; keyboard: Tab to a heading, Enter).
  function sortableTables(root) {
    root.querySelectorAll(".kvt-summary table").forEach(function (table) {
      if (!table.dataset.kvtSortable && window.Tablesort) {
        table.dataset.kvtSortable = "1";
        new window.Tablesort(table);
      }
    });
  }

  // Permalinks: following one also copies the section's full URL.
  function copyLinks(root) {
    root.addEventListener("click", function (event) {
      var anchor = event.target.closest && event.target.closest("a.headerlink");
      if (!anchor || !navigator.clipboard) return;
      navigator.clipboard.writeText(anchor.href).then(function () {
        announce("Link copied: " + anchor.href);
      }, function () { /* clipboard refused: the link still works */ });
    });
  }

  function announce(message) {
    if (window.alert$ && typeof window.alert$.next === "function") {
      window.alert$.next(message);
      return;
    }
    var box = document.getElementById("kvt-toast");
    if (!box) {
      box = document.createElement("div");
      box.id = "kvt-toast";
      box.setAttribute("role", "status");
      document.body.appendChild(box);
    }
    box.textContent = message;
  }

  // FAQ: a filter box that narrows the questions as you type.
  function faqFilter(root) {
    var box = root.querySelector(".kvt-filter");
    if (!box) return;
    var input = box.querySelector("input");
    var status = box.querySelector(".kvt-filter-status");
    var items = Array.prototype.slice.call(root.querySelectorAll(".kvt-question"));
    var topics = Array.prototype.slice.call(root.querySelectorAll(".kvt-topic"));
    box.hidden = false;
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (item) {
        var text = item.textContent.toLowerCase();
        var match = words.every(function (word) { return text.indexOf(word) !== -1; });
        item.hidden = !match;
        if (match) shown += 1;
      });
      topics.forEach(function (topic) {
        topic.hidden = !topic.querySelector(".kvt-question:not([hidden])");
      });
      status.textContent = words.length ? shown + " of " + items.length + " questions match." : "";
    });
  }

  function enhance() {
    sortableTables(document);
    faqFilter(document);
  }

  copyLinks(document);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(enhance);
  } else {
    enhance();
  }
})();
