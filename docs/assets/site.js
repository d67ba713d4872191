// Small progressive enhancements; every page works without them.
(function () {
  "use strict";

  // Permalinks (and the label of a tool's column): following one also copies the section's full URL.
  function copyLinks(root) {
    root.addEventListener("click", function (event) {
      var anchor = event.target.closest && event.target.closest("a.headerlink, .kvt-tool-name a");
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

  // A FAQ with a page per topic: an old address of a question (faq/#question) lands on its entry in
  // the index, which links to the question on its topic's page. Follow that link.
  function followMoved() {
    var id = location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (error) { return; }
    var target = id && document.getElementById(id);
    var entry = target && target.closest(".kvt-moved");
    var link = entry && entry.querySelector("a[href]");
    if (link) location.replace(link.href);
  }

  // FAQ: a filter box that narrows the questions, and the index of them, as you type. It reads a
  // question and its answer, not its sources or links; on the index of a FAQ with a page per topic,
  // the questions themselves.
  function faqFilter(root) {
    var box = root.querySelector(".kvt-filter");
    if (!box) return;
    var input = box.querySelector("input");
    var status = box.querySelector(".kvt-filter-status");
    var items = Array.prototype.slice.call(root.querySelectorAll(".kvt-question"));
    var topics = Array.prototype.slice.call(root.querySelectorAll(".kvt-topic"));
    var entries = Array.prototype.slice.call(root.querySelectorAll(".kvt-index li"));
    var groups = Array.prototype.slice.call(root.querySelectorAll(".kvt-index > div"));
    var indexOnly = !items.length;
    if (indexOnly) {
      items = entries;
      entries = [];
    }
    var texts = items.map(function (item) {
      if (indexOnly) return item.textContent.toLowerCase();
      var heading = item.querySelector("h2, h3");
      var answer = item.querySelector(".kvt-answer");
      return ((heading ? heading.textContent : "") + " " + (answer ? answer.textContent : "")).toLowerCase();
    });
    box.hidden = false;
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      var visible = {};
      items.forEach(function (item, index) {
        var match = words.every(function (word) { return texts[index].indexOf(word) !== -1; });
        item.hidden = !match;
        if (match) {
          shown += 1;
          var heading = item.querySelector("h2, h3");
          if (heading) visible["#" + heading.id] = true;
        }
      });
      topics.forEach(function (topic) {
        topic.hidden = !topic.querySelector(".kvt-question:not([hidden])");
      });
      entries.forEach(function (entry) {
        var link = entry.querySelector("a");
        entry.hidden = !(link && visible[link.getAttribute("href")]);
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("li:not([hidden])");
      });
      status.textContent = words.length ? shown + " of " + items.length + " questions match." : "";
    });
  }

  function enhance() {
    faqFilter(document);
  }

  followMoved();
  window.addEventListener("hashchange", followMoved);
  copyLinks(document);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(enhance);
  } else {
    enhance();
  }
})();
