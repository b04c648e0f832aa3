
// The journey page's behaviour, added to the SVG map through its data-* attributes:
// persona highlight, touchpoint tooltips and pinned details, lanes on and off,
// sticky stage header and lane labels, light and dark. Text is only ever copied
// (cloneNode, textContent), never parsed as markup.
"use strict";
(() => {
  const data = JSON.parse(document.getElementById("cjm-data").textContent);
  const root = document.documentElement;
  const canvases = [...document.querySelectorAll(".cjm-canvas")];
  const stack = document.querySelector(".cjm-stack");
  const scroller = document.querySelector(".cjm-scroll");
  const tooltip = document.getElementById("cjm-tooltip");
  const panel = document.getElementById("cjm-details");
  const panelBody = panel.querySelector(".cjm-details-body");
  const controls = document.querySelector(".cjm-controls");
  const hint = document.getElementById("cjm-map-hint");
  let pinned = null;

  const marks = id => document.querySelectorAll(`.cjm-canvas [data-touchpoint="${CSS.escape(id)}"]`);
  const detailsOf = id => [...document.getElementById("cjm-tp-" + id).childNodes].map(n => n.cloneNode(true));
  const touchpointAt = target => target instanceof Element ? target.closest("[data-touchpoint]") : null;
  const visibleCanvas = () => canvases.find(c => getComputedStyle(c).visibility === "visible") || canvases[0];

  // ── the map becomes interactive ──
  for (const canvas of canvases) {
    const svg = canvas.querySelector("svg");
    svg.setAttribute("role", "group");  // an image's parts cannot take focus
    for (const tp of svg.querySelectorAll(".cjm-touchpoints > [data-touchpoint]")) {
      const id = tp.dataset.touchpoint;
      tp.setAttribute("tabindex", "0");
      tp.setAttribute("role", "button");
      tp.setAttribute("aria-label", data.labels[id]);
      tp.setAttribute("aria-describedby", "cjm-tp-" + id);
      tp.setAttribute("aria-controls", "cjm-details");
      tp.setAttribute("aria-expanded", "false");
    }
    addRails(canvas, svg, data.maps[canvas.dataset.scheme]);
  }
  const first = data.maps[canvases[0].dataset.scheme];
  scroller.style.scrollPaddingLeft = first.rail + "px";
  // The page scrolls down, the frame only sideways (CSS sticky keeps the lane labels at its
  // left); the stage header is held at the top of the window while the map passes under it.
  const topRails = [...document.querySelectorAll(".cjm-rail-top")];
  function stuck() {
    scroller.classList.toggle("cjm-scrolled-x", scroller.scrollLeft > 0);
    let shifted = false;
    for (const rail of topRails) {
      rail.style.transform = "";
      const canvasBox = rail.parentElement.getBoundingClientRect();
      const box = rail.getBoundingClientRect();
      const shift = Math.max(0, Math.min(-box.top, canvasBox.bottom - box.bottom));
      if (shift > 0 && !scroller.classList.contains("cjm-fitted")) {
        rail.style.transform = `translateY(${shift}px)`;
        shifted = true;
      }
    }
    scroller.classList.toggle("cjm-scrolled-y", shifted);
  }
  const headerBottom = () => {  // where the held stage header ends in the window (0: not held)
    const held = topRails.find(rail => rail.style.transform);
    return held ? held.getBoundingClientRect().bottom : 0;
  };
  scroller.addEventListener("scroll", () => { stuck(); keepPanelClear(false); }, {passive: true});
  addEventListener("scroll", () => { stuck(); keepPanelClear(false); }, {passive: true});
  addEventListener("resize", () => { stuck(); keepPanelClear(true); });

  // Copies of the lane labels and of the stage header that stay in view (CSS sticky)
  // while the map scrolls; decoration only, hidden from assistive technology.
  function addRails(canvas, svg, map) {
    const [width, height] = map.size;
    const [top, tall] = map.stages;
    const rail = (cls, w, h, y) => {
      const copy = document.createElementNS(svg.namespaceURI, "svg");
      copy.setAttribute("class", "cjm-rail " + cls);
      copy.setAttribute("aria-hidden", "true");
      copy.setAttribute("font-family", svg.getAttribute("font-family"));
      copy.setAttribute("width", w);
      copy.setAttribute("height", h);
      copy.setAttribute("viewBox", `0 ${y} ${w} ${h}`);
      copy.style.marginTop = (y - map.top) + "px";
      canvas.append(copy);
      return copy;
    };
    const left = rail("cjm-rail-left", map.rail, height - tall - top, top + tall);
    left.append(svg.querySelector(".cjm-row-labels").cloneNode(true));
    for (const lane of svg.querySelectorAll(".cjm-lane")) {
      const copy = lane.cloneNode(false);
      copy.append(...[...lane.querySelectorAll(":scope > line:first-child, :scope > text")].map(n => n.cloneNode(true)));
      left.append(copy);
    }
    rail("cjm-rail-top", width, tall, top).append(svg.querySelector(".cjm-stages").cloneNode(true));
  }

  // ── tooltip on hover and focus; click or Enter pins the details ──
  function showTip(tp) {
    if (tp.dataset.touchpoint === pinned) return hideTip();  // the panel already shows it
    tooltip.replaceChildren(...detailsOf(tp.dataset.touchpoint));
    tooltip.hidden = false;
    const box = tp.getBoundingClientRect();
    const [w, h] = [tooltip.offsetWidth, tooltip.offsetHeight];
    let x = box.right + 8;
    if (x + w > innerWidth - 8) x = Math.max(8, box.left - w - 8);
    const y = Math.max(8, Math.min(box.top, innerHeight - h - 8));
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }
  const hideTip = () => { tooltip.hidden = true; };

  function pin(id) {
    const again = pinned === id;
    unpin();
    if (again) return;
    pinned = id;
    hideTip();
    panelBody.replaceChildren(...detailsOf(id));
    panel.hidden = false;
    for (const mark of marks(id)) {
      mark.classList.add("cjm-pinned");
      if (mark.hasAttribute("aria-expanded")) mark.setAttribute("aria-expanded", "true");
    }
    placePanel(true);
  }

  // ── the pinned panel goes where it covers neither the touchpoint nor the controls ──
  const EDGE = 8, GAP = 12, ENOUGH = 220;
  const pinnedMark = () => pinned === null ? null :
    visibleCanvas().querySelector(`.cjm-touchpoints [data-touchpoint="${CSS.escape(pinned)}"]`);
  const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  function obstacles(mark) {
    const found = [mark.getBoundingClientRect()];
    for (const el of [controls, hint]) {
      const bar = el.getBoundingClientRect();
      if (!el.hidden && bar.bottom > 0 && bar.top < innerHeight) found.push(bar);
    }
    return found;
  }
  // Beside the touchpoint (right, else left) from the top of the window, below the controls
  // where they are in view; else below or above it across the window; with no room for
  // either (a phone), the page first scrolls the touchpoint up under the stage header.
  function spot(mark) {
    const keep = obstacles(mark), [box] = keep;
    const width = Math.min(416, innerWidth - 2 * EDGE), across = innerWidth - 2 * EDGE;
    // The top of a column [left, right] that reaches down to `limit`: below whatever is in it.
    const clearTop = (left, right, from, limit) => keep.reduce((top, o) =>
      o.left < right && left < o.right && o.bottom > from && o.top < limit ? Math.max(top, o.bottom + GAP) : top, from);
    const spots = [];
    for (const left of [innerWidth - EDGE - width, EDGE]) {
      if (left >= box.right + GAP || left + width <= box.left - GAP) {
        const top = clearTop(left, left + width, EDGE, innerHeight);
        spots.push({left, top, width, height: innerHeight - EDGE - top});
      }
    }
    const below = clearTop(EDGE, EDGE + across, box.bottom + GAP, innerHeight);
    spots.push({left: EDGE, top: below, width: across, height: innerHeight - EDGE - below});
    const above = clearTop(EDGE, EDGE + across, EDGE, box.top);
    spots.push({left: EDGE, top: above, width: across, height: box.top - GAP - above});
    return spots.find(s => s.height >= ENOUGH) || spots.reduce((a, b) => b.height > a.height ? b : a);
  }
  function placePanel(mayScroll) {
    const mark = pinnedMark();
    if (!mark) return;
    const box = mark.getBoundingClientRect();
    const hidden = box.top < headerBottom() || box.bottom > innerHeight;
    if (mayScroll && (hidden || spot(mark).height < ENOUGH)) {
      // up to just under the stage header, which is then held at the top of the window
      scrollBy(0, box.top - (scroller.classList.contains("cjm-fitted") ? 0 : first.stages[1]) - GAP);
      stuck();
    }
    const place = spot(mark);
    panel.style.left = place.left + "px";
    panel.style.top = place.top + "px";
    panel.style.width = place.width + "px";
    panel.style.maxHeight = Math.max(place.height, 120) + "px";
  }
  // After a scroll the panel moves only if the touchpoint or the controls came under it.
  function keepPanelClear(always) {
    const mark = pinnedMark();
    if (!mark || panel.hidden) return;
    const mine = panel.getBoundingClientRect();
    if (always || obstacles(mark).some(o => overlap(o, mine))) placePanel(false);
  }
  function unpin() {
    if (pinned === null) return;
    for (const mark of marks(pinned)) {
      mark.classList.remove("cjm-pinned");
      if (mark.hasAttribute("aria-expanded")) mark.setAttribute("aria-expanded", "false");
    }
    pinned = null;
    panel.hidden = true;
  }

  stack.addEventListener("mouseover", e => { const tp = touchpointAt(e.target); if (tp) showTip(tp); });
  stack.addEventListener("mouseout", e => {
    const tp = touchpointAt(e.target);
    if (tp && !tp.contains(e.relatedTarget)) hideTip();
  });
  stack.addEventListener("focusin", e => { const tp = touchpointAt(e.target); if (tp) showTip(tp); });
  stack.addEventListener("focusout", hideTip);
  stack.addEventListener("click", e => { const tp = touchpointAt(e.target); if (tp) pin(tp.dataset.touchpoint); });
  stack.addEventListener("keydown", e => {
    const tp = touchpointAt(e.target);
    if (tp && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      pin(tp.dataset.touchpoint);
    }
  });
  document.addEventListener("keydown", e => {
    if (e.key !== "Escape") return;
    if (!tooltip.hidden) return hideTip();
    const id = pinned;
    unpin();
    if (id !== null && panel.contains(document.activeElement)) focusTouchpoint(id);
  });
  panel.querySelector(".cjm-close").addEventListener("click", () => {
    const id = pinned;
    unpin();
    focusTouchpoint(id);
  });
  function focusTouchpoint(id) {
    const tp = visibleCanvas().querySelector(`.cjm-touchpoints [data-touchpoint="${CSS.escape(id)}"]`);
    if (tp) tp.focus();
  }

  // ── one persona highlighted: the others' curves dimmed, and touchpoints off its path ──
  function highlight(persona) {
    const path = new Set(persona ? data.paths[persona] : []);
    for (const el of document.querySelectorAll("[data-persona]")) {
      el.classList.toggle("cjm-dim", persona !== "" && el.dataset.persona !== persona);
      el.classList.toggle("cjm-chosen", el.dataset.persona === persona);
    }
    for (const el of document.querySelectorAll(".cjm-canvas [data-touchpoint]")) {
      el.classList.toggle("cjm-off-path", path.size > 0 && !path.has(el.dataset.touchpoint));
    }
  }
  for (const radio of document.querySelectorAll("input[name=cjm-persona]")) {
    radio.addEventListener("change", () => highlight(radio.value));
  }

  // ── lanes on and off: a hidden lane's band closes up, everything below moves up ──
  function showLanes() {
    const hidden = new Set([...document.querySelectorAll(".cjm-rows input:not(:checked)")].map(i => i.value));
    for (const canvas of canvases) {
      const map = data.maps[canvas.dataset.scheme];
      const gone = map.rows.filter(row => hidden.has(row.kind));
      const removed = gone.reduce((sum, row) => sum + row.bottom - row.top, 0);
      const above = y => gone.reduce((sum, row) => sum + (row.bottom <= y + 0.5 ? row.bottom - row.top : 0), 0);
      const inside = y => gone.some(row => row.top <= y && y < row.bottom);
      const moveTo = (el, y) => { el.style.transform = `translateY(${-above(y)}px)`; };
      for (const svg of canvas.querySelectorAll("svg")) {
        for (const row of map.rows) {
          const group = svg.querySelector(row.selector);
          if (!group) continue;
          group.style.display = hidden.has(row.kind) ? "none" : "";
          moveTo(group, row.top);
        }
        for (const label of svg.querySelectorAll(".cjm-row-labels > text")) {
          const y = Number(label.firstElementChild.getAttribute("y"));
          label.style.display = inside(y) ? "none" : "";
          moveTo(label, y);
        }
        // A band shortens by a clip, not a new height, so that print (which shows every
        // lane) can undo it in CSS.
        for (const band of svg.querySelectorAll(".cjm-moment-band")) {
          const y = Number(band.getAttribute("y")), full = Number(band.getAttribute("height"));
          const cut = gone.reduce((sum, row) => sum + (row.top >= y && row.top < y + full ? row.bottom - row.top : 0), 0);
          band.style.clipPath = cut ? `inset(0 0 ${cut}px 0)` : "";
        }
      }
      const [width, height] = map.size;
      const main = canvas.querySelector("svg:not(.cjm-rail)");
      main.setAttribute("height", height - map.top - removed);
      main.setAttribute("viewBox", `0 ${map.top} ${width} ${height - map.top - removed}`);
      const left = canvas.querySelector(".cjm-rail-left");
      const top = map.stages[0] + map.stages[1];
      left.setAttribute("height", height - removed - top);
      left.setAttribute("viewBox", `0 ${top} ${map.rail} ${height - removed - top}`);
    }
  }
  for (const box of document.querySelectorAll(".cjm-rows input")) {
    box.addEventListener("change", () => { showLanes(); stuck(); keepPanelClear(true); });
  }

  // ── the whole map fitted to the window's width, or at its own size ──
  const fit = document.getElementById("cjm-fit");
  fit.addEventListener("click", () => {
    const fitted = scroller.classList.toggle("cjm-fitted");
    fit.setAttribute("aria-pressed", String(fitted));
    stuck();
    keepPanelClear(true);
  });

  // ── a stage card of the overview scrolls the map to that stage ──
  for (const card of document.querySelectorAll(".cjm-stage-cards a[data-stage]")) {
    card.addEventListener("click", e => {
      const header = visibleCanvas().querySelector(`.cjm-stages [data-stage="${CSS.escape(card.dataset.stage)}"] rect`);
      if (!header) return;
      e.preventDefault();
      scroller.classList.remove("cjm-fitted");
      fit.setAttribute("aria-pressed", "false");
      scroller.scrollIntoView({block: "start"});
      stuck();
      scroller.scrollLeft = Number(header.getAttribute("x")) - first.rail;
      scroller.focus({preventScroll: true});
    });
  }

  // ── light and dark: the reader's choice, else the system's ──
  const toggle = document.getElementById("cjm-scheme");
  if (toggle) {
    const media = matchMedia("(prefers-color-scheme: dark)");
    let chosen = null;
    try { chosen = localStorage.getItem("cjm-scheme"); } catch { /* storage may be off */ }
    const apply = scheme => {  // the button names what it switches to
      root.dataset.scheme = scheme;
      toggle.textContent = scheme === "dark" ? data.words.light : data.words.dark;
      toggle.dataset.to = scheme === "dark" ? "light" : "dark";
    };
    apply(chosen || (media.matches ? "dark" : "light"));
    media.addEventListener("change", e => { if (!chosen) apply(e.matches ? "dark" : "light"); });
    toggle.addEventListener("click", () => {
      chosen = root.dataset.scheme === "dark" ? "light" : "dark";
      apply(chosen);
      try { localStorage.setItem("cjm-scheme", chosen); } catch { /* not kept, still applied */ }
    });
  }

  // ── print: the sheets (a <template>, inert until then) are in the page only while it
  // prints. Each part of a row of stages is a <use> of the whole drawing, which the browser
  // copies in full: a page that kept them would open as slowly as it prints.
  const sheets = document.getElementById("cjm-print-sheets");
  const printed = document.querySelector(".cjm-print");
  const printing = on => {
    if (!on) printed.replaceChildren();
    else if (!printed.firstElementChild) printed.append(sheets.content.cloneNode(true));
  };
  const printMedia = matchMedia("print");
  addEventListener("beforeprint", () => printing(true));
  addEventListener("afterprint", () => printing(false));
  printMedia.addEventListener("change", e => printing(e.matches));
  printing(printMedia.matches);

  for (const el of document.querySelectorAll(".cjm-controls, .cjm-hint")) el.hidden = false;
  stuck();
})();
