// What the book adds to the theme for its readers, on every page (loaded with `defer`).
//
// 1. One radio group per question: the widget manager draws radio buttons without a `name`,
//    so the arrow keys ran from one question into the next. Each group gets its own name.
// 2. Explanations that open by tap and keyboard, not only by hover: a ledger citation such as
//    [DT-08], or a highlighted word in a widget (<mark title="...">), shows its note below it
//    when clicked, tapped, or activated with Enter or Space; Escape or another click closes it.
// 3. Wide tables say that they scroll sideways when they do.
// 4. Print: collapsed sections and notes open, and every choice of every explorer is printed
//    (the explorers show one choice at a time; see print_explorers below).
(function () {
  "use strict";

  // ------------------------------------------------------------------ 1. radio groups
  let groups = 0;
  function nameRadioGroups(root) {
    root.querySelectorAll(".widget-radio-box:not([role])").forEach((box) => {
      const inputs = box.querySelectorAll('input[type="radio"]');
      if (!inputs.length) return;
      const name = "medialit-choice-" + ++groups;
      inputs.forEach((input) => { input.name = name; });
      box.setAttribute("role", "radiogroup");
      const label = box.parentElement && box.parentElement.querySelector(".widget-label");
      if (label && label.textContent.trim()) {
        if (!label.id) label.id = name + "-label";
        box.setAttribute("aria-labelledby", label.id);
      }
    });
  }

  // ------------------------------------------------------------------ 2. explanations
  const MARKS = ".widget-subarea mark[title], .widget-subarea del[title]";
  const CITATIONS = "a.ledger-ref";

  function makeMarksOperable(root) {
    root.querySelectorAll(MARKS).forEach((mark) => {
      if (mark.hasAttribute("tabindex")) return;
      mark.setAttribute("tabindex", "0");
      mark.setAttribute("role", "button");
      mark.setAttribute("aria-expanded", "false");
      mark.classList.add("medialit-explainable");
    });
    root.querySelectorAll(CITATIONS).forEach((link) => {
      if (link.hasAttribute("aria-expanded")) return;
      link.setAttribute("aria-expanded", "false");
    });
  }

  function noteOf(trigger) {
    // The title is both the hover tooltip and, kept in data-note, what the note shows.
    if (!trigger.dataset.note) trigger.dataset.note = trigger.getAttribute("title") || "";
    return trigger.dataset.note;
  }

  function closeExplanation(restoreFocus) {
    const open = document.querySelector(".medialit-explanation");
    if (!open) return;
    const trigger = open.previousElementSibling;
    open.remove();
    if (trigger) {
      trigger.setAttribute("aria-expanded", "false");
      if (restoreFocus) trigger.focus();
    }
  }

  function openExplanation(trigger) {
    const wasOpen = trigger.getAttribute("aria-expanded") === "true";
    closeExplanation(false);
    if (wasOpen) return; // a second activation closes it
    const box = document.createElement("span");
    box.className = "medialit-explanation";
    box.setAttribute("role", "note");
    box.id = "medialit-explanation";
    const text = document.createElement("span");
    text.textContent = noteOf(trigger);
    box.appendChild(text);
    if (trigger.matches(CITATIONS)) {
      box.insertBefore(document.createTextNode(trigger.textContent.trim() + ": "), text);
      const more = document.createElement("a");
      more.href = trigger.href;
      more.textContent = "Open in the reference ledger";
      box.appendChild(document.createTextNode(" "));
      box.appendChild(more);
    }
    trigger.after(box);
    trigger.setAttribute("aria-expanded", "true");
    trigger.setAttribute("aria-controls", box.id);
  }

  function triggerOf(target) {
    return target instanceof Element ? target.closest(MARKS + ", " + CITATIONS) : null;
  }

  document.addEventListener("click", (event) => {
    const trigger = triggerOf(event.target);
    if (trigger) {
      if (trigger.matches(CITATIONS)
          && (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0)) {
        return; // open in a new tab or window as usual
      }
      event.preventDefault();
      openExplanation(trigger);
    } else if (!(event.target instanceof Element && event.target.closest(".medialit-explanation"))) {
      closeExplanation(false);
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      if (document.querySelector(".medialit-explanation")) {
        closeExplanation(true);
      }
      return;
    }
    // Marks are role="button": Enter and Space activate them (links get Enter from the browser).
    const trigger = triggerOf(event.target);
    if (trigger && trigger.matches(MARKS) && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      openExplanation(trigger);
    }
  });

  // ------------------------------------------------------------------ 3. wide tables
  const SCROLLERS = ".pst-scrollable-table-container, .cell_output table.table, .medialit-table";
  function markScrollingTables() {
    document.querySelectorAll(SCROLLERS).forEach((box) => {
      box.classList.toggle("medialit-scrolls", box.scrollWidth > box.clientWidth + 1);
    });
  }

  // ------------------------------------------------------------------ watch the page
  function enhance(root) {
    nameRadioGroups(root);
    makeMarksOperable(root);
    markScrollingTables();
  }
  enhance(document);
  markScrollingTables();
  window.addEventListener("resize", markScrollingTables);
  // Widgets are drawn after the page has loaded, and a stack draws a pane when it is shown:
  // look again (once per frame at most) whenever something is added.
  let pending = false;
  new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      enhance(document);
    });
  }).observe(document.body, { childList: true, subtree: true });
})();
