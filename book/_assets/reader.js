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
    // In a table that scrolls sideways the note may open past the visible edge: bring it in.
    box.scrollIntoView({ block: "nearest", inline: "nearest" });
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
  const SCROLLERS =
    ".pst-scrollable-table-container, :is(.cell_output, .sd-summary-content) table.table, .medialit-table";
  function markScrollingTables() {
    document.querySelectorAll(SCROLLERS).forEach((box) => {
      box.classList.toggle("medialit-scrolls", box.scrollWidth > box.clientWidth + 1);
    });
  }

  // ------------------------------------------------------------------ 4. print
  // An explorer shows one choice at a time; on paper there is no menu to open. Before printing,
  // each explorer gets a print-only copy holding every choice, built from the widget state the
  // page carries (the same HTML the panes show), each under a heading naming the choice. A
  // quiz prints its question and options as a list to tick, never the feedback. The copies are
  // removed after printing.
  function widgetState() {
    const models = {};
    document.querySelectorAll('script[type="application/vnd.jupyter.widget-state+json"]')
      .forEach((script) => Object.assign(models, JSON.parse(script.textContent).state));
    return models;
  }

  const modelId = (ref) => String(ref).replace(/^IPY_MODEL_/, "");

  function controllers(models) {
    // A link from a control's index to a stack's selected_index: stack id -> control id.
    const found = {};
    Object.values(models).forEach((model) => {
      if (model.model_name !== "LinkModel") return;
      const [source, sourceKey] = model.state.source;
      const [target, targetKey] = model.state.target;
      if (sourceKey === "index" && targetKey === "selected_index") {
        found[modelId(target)] = modelId(source);
      }
    });
    return found;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function printCopy(id, models, controlOf, expanded, depth) {
    const model = models[id];
    if (!model) return null;
    const state = model.state;
    const name = model.model_name;
    if (["VBoxModel", "HBoxModel", "BoxModel", "GridBoxModel"].includes(name)) {
      const box = el("div", "medialit-print-box");
      state.children.forEach((child) => {
        const part = printCopy(modelId(child), models, controlOf, expanded, depth);
        if (part) box.appendChild(part);
      });
      return box;
    }
    if (name === "HTMLModel" || name === "HTMLMathModel") {
      const html = el("div", "medialit-print-html");
      html.innerHTML = state.value;
      // On screen a chart loads when its pane is shown (chart_files.py); on paper all show.
      html.querySelectorAll("img[loading=lazy]").forEach((img) => { img.loading = "eager"; });
      return html;
    }
    if (name === "LabelModel") return el("p", "", state.value);
    if (["DropdownModel", "RadioButtonsModel", "ToggleButtonsModel", "SelectModel"].includes(name)) {
      if (expanded.has(id)) return null; // its choices are the headings of what it controls
      const list = el("div", "medialit-print-choices");
      if (state.description) list.appendChild(el("p", "", state.description));
      const options = el("ul");
      state._options_labels.forEach((label) => options.appendChild(el("li", "", label)));
      list.appendChild(options);
      return list;
    }
    if (name === "StackModel" || name === "TabModel" || name === "AccordionModel") {
      if (state.selected_index === null) return null; // a quiz's feedback, shown only when asked
      const control = models[controlOf[id]];
      const labels = control ? control.state._options_labels : state.titles;
      const what = control ? control.state.description : "";
      const box = el("div", "medialit-print-choices-all");
      state.children.forEach((child, index) => {
        const heading = el("p", "medialit-print-heading medialit-print-level-" + depth,
                           (what ? what + ": " : "") + (labels[index] || ""));
        box.appendChild(heading);
        const part = printCopy(modelId(child), models, controlOf, expanded, depth + 1);
        if (part) box.appendChild(part);
      });
      return box;
    }
    return null;
  }

  function preparePrint() {
    if (document.querySelector(".medialit-print-copy")) return;
    copyExplorers();
    document.querySelectorAll("details:not([open])").forEach((details) => {
      details.setAttribute("open", "");
      details.dataset.medialitClosed = "";
    });
  }

  function copyExplorers() {
    const views = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]');
    if (!views.length) return;
    const models = widgetState();
    const controlOf = controllers(models);
    const expanded = new Set(Object.entries(controlOf)
      .filter(([stack]) => models[stack] && models[stack].state.selected_index !== null)
      .map(([, control]) => control));
    views.forEach((view) => {
      const area = view.parentElement && view.parentElement.querySelector(".widget-subarea");
      const copy = printCopy(JSON.parse(view.textContent).model_id, models, controlOf, expanded, 1);
      if (!area || !copy) return;
      copy.classList.add("medialit-print-copy");
      area.classList.add("medialit-printed");
      area.after(copy);
    });
  }

  function afterPrint() {
    document.querySelectorAll(".medialit-print-copy").forEach((copy) => copy.remove());
    document.querySelectorAll(".medialit-printed").forEach((area) => {
      area.classList.remove("medialit-printed");
    });
    document.querySelectorAll("details[data-medialit-closed]").forEach((details) => {
      details.removeAttribute("open");
      delete details.dataset.medialitClosed;
    });
  }

  window.addEventListener("beforeprint", preparePrint);
  window.addEventListener("afterprint", afterPrint);
  window.medialitPrint = { prepare: preparePrint, restore: afterPrint };

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
