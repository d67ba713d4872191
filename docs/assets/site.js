// Small progressive enhancements; every page works without them.
(function () {
  "use strict";

  // Permalinks (and the label of a tool's column): following one also copies the section's full URL,
  // without the words of a search that led here (a shared link shows what its sender saw, not their
  // search's highlights).
  function copyLinks(root) {
    root.addEventListener("click", function (event) {
      var anchor = event.target.closest && event.target.closest("a.headerlink, .kvt-tool-name a");
      if (!anchor || !navigator.clipboard) return;
      var address = withoutSearch(anchor.href);
      navigator.clipboard.writeText(address).then(function () {
        announce("Link copied: " + address);
      }, function () { /* clipboard refused: the link still works */ });
    });
  }

  // The theme's search adds ?h=words to a result's link, so that the page it opens highlights them. Once
  // the page has read them, the address keeps every other parameter and drops h, so that a link copied
  // from the address bar does not carry them either. Result links with an empty h (a page listed for its
  // sections' matches) lose it as they are drawn.
  var HIGHLIGHT = "h";

  function withoutSearch(href) {
    var url = new URL(href, location.href);
    if (!url.searchParams.has(HIGHLIGHT)) return href;
    url.searchParams.delete(HIGHLIGHT);
    return url.href;
  }

  function forgetSearch() {
    var clean = withoutSearch(location.href);
    if (clean !== location.href) history.replaceState(history.state, "", clean);
  }

  function tidyResults() {
    var list = document.querySelector(".md-search-result__list");
    if (!list || !window.MutationObserver) return;
    new MutationObserver(function () {
      list.querySelectorAll("a.md-search-result__link").forEach(function (link) {
        var url = new URL(link.href);
        if (url.searchParams.get(HIGHLIGHT) === "") link.href = withoutSearch(link.href);
      });
    }).observe(list, { childList: true, subtree: true });
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

  // A question's readers' words (keywords, and the synonyms its text calls for), percent-encoded.
  function readersWords(item) {
    try { return decodeURIComponent(item.getAttribute("data-kvt-words") || ""); } catch (error) { return ""; }
  }

  // FAQ: a filter box that narrows the questions, and the index of them, as you type. It reads a
  // question, its answer and its readers' words, not its sources or links; on the index of a FAQ with a
  // page per topic, the questions and their readers' words.
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
      var words = " " + readersWords(item);
      if (indexOnly) return (item.textContent + words).toLowerCase();
      var heading = item.querySelector("h2, h3");
      var answer = item.querySelector(".kvt-answer");
      return ((heading ? heading.textContent : "") + " " + (answer ? answer.textContent : "") + words).toLowerCase();
    });
    // When no question matches, the site search may still find the words elsewhere: one tap opens it.
    var elsewhere = box.querySelector(".kvt-filter-elsewhere");
    var onward = elsewhere && elsewhere.querySelector("a");
    if (onward) onward.addEventListener("click", function (event) {
      var search = document.querySelector("input.md-search__input");
      if (!search) return; // the link's address opens the search as the page loads
      event.preventDefault();
      search.value = input.value.trim();
      search.focus(); // the theme opens its search and runs the query on focus
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
      if (elsewhere) {
        elsewhere.hidden = !(words.length && shown === 0);
        if (!elsewhere.hidden) {
          var url = new URL(withoutSearch(location.href));
          url.searchParams.set("q", input.value.trim());
          url.hash = "";
          onward.href = url.href;
          elsewhere.querySelector("q").textContent = input.value.trim();
        }
      }
    });
  }

  // The palette toggle (overrides/partials/palette.html), as Material's own works: the same choices,
  // stored choice, Enter key and system-preference changes. Material's would restyle the whole page
  // three times as every page starts; this one restyles it only when the reader switches. The stored
  // choice is already on <body>: the theme's inline script put it there before the first paint.
  function paletteToggle() {
    var form = document.querySelector("form[data-kvt-palette]");
    if (!form || typeof window.__md_get !== "function") return;
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
    var light = window.matchMedia("(prefers-color-scheme: light)");
    var stored = window.__md_get("__palette");
    var first = inputs.findIndex(function (input) {
      return window.matchMedia(input.getAttribute("data-md-color-media")).matches;
    });
    var current = stored && typeof stored.index === "number" ? stored.index : first;
    current = Math.max(0, Math.min(current, inputs.length - 1));

    function colours(input) {
      var color = {};
      ["media", "scheme", "primary", "accent"].forEach(function (key) {
        color[key] = input.getAttribute("data-md-color-" + key);
      });
      if (color.media === "(prefers-color-scheme)") {
        var system = form.querySelector(light.matches
          ? "[data-md-color-media='(prefers-color-scheme: light)']"
          : "[data-md-color-media='(prefers-color-scheme: dark)']");
        if (system) ["scheme", "primary", "accent"].forEach(function (key) {
          color[key] = system.getAttribute("data-md-color-" + key);
        });
      }
      return color;
    }

    // The browser's toolbar takes the header's colour; the page's canvas, the scheme (set on a switch only:
    // a new color-scheme <meta> restyles the whole page).
    function meta(name) {
      var found = document.head.querySelector("meta[name='" + name + "']");
      if (!found) {
        found = document.createElement("meta");
        found.name = name;
        document.head.appendChild(found);
      }
      return found;
    }
    function toolbar(withScheme) {
      var header = document.querySelector(".md-header");
      if (!header) return;
      var style = window.getComputedStyle(header);
      var rgb = style.backgroundColor.match(/\d+/g) || [];
      meta("theme-color").content = "#" + rgb.slice(0, 3).map(function (part) {
        return (+part).toString(16).padStart(2, "0");
      }).join("");
      if (withScheme) meta("color-scheme").content = style.colorScheme;
    }

    function apply(index, switching) {
      current = index;
      var color = colours(inputs[index]);
      if (switching) document.body.setAttribute("data-md-color-switching", "");
      Object.keys(color).forEach(function (key) {
        var name = "data-md-color-" + key;
        if (document.body.getAttribute(name) !== color[key]) document.body.setAttribute(name, color[key]);
      });
      inputs.forEach(function (input, i) {
        input.checked = i === index;
        var label = input.nextElementSibling;
        if (label instanceof HTMLElement) label.hidden = i !== index;
      });
      window.__md_set("__palette", { index: index, color: color });
      if (switching) {
        toolbar(true);
        requestAnimationFrame(function () { document.body.removeAttribute("data-md-color-switching"); });
      }
    }

    inputs.forEach(function (input, i) {
      input.addEventListener("change", function () { apply(i, true); });
    });
    form.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      var next = inputs[(current + 1) % inputs.length];
      next.click();
      next.focus();
    });
    light.addEventListener("change", function () {
      if (inputs[current].getAttribute("data-md-color-media") === "(prefers-color-scheme)") apply(current, true);
    });
    apply(current, false);
    var later = window.requestIdleCallback || function (run) { return setTimeout(run, 1000); };
    later(function () { toolbar(false); });
  }

  function enhance() {
    faqFilter(document);
    forgetSearch(); // after the theme, which subscribed first, has read the words to highlight
  }

  followMoved();
  window.addEventListener("hashchange", followMoved);
  copyLinks(document);
  tidyResults();
  paletteToggle();
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(enhance);
  } else {
    enhance();
  }
})();
