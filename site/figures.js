// Figures at full size. The style sheet fits every figure to the column's width, but no
// narrower than the width at which its smallest text is 11 px (a 640-unit network diagram
// with 12-unit labels: 587 px, scrolling sideways in its frame on a 390 px phone); where
// that draws it smaller than its own size (one viewBox unit to one CSS pixel), it gets a button under it, and a tap on
// the drawing, that opens it full size: the figure fills the window with the drawing at its
// own size, scrolling both ways (a figure in frames keeps its slider). The button, another
// tap, or Escape closes it and gives the focus back to the button. A figure shown at its own
// size has no button: there is nothing to enlarge.
"use strict";

// How much smaller than its own size a drawing may be shown before it can be enlarged.
const ZOOM_BELOW = 0.98;

function setUpFigureZoom() {
  const figures = [];
  for (const figure of document.querySelectorAll("figure")) {
    const svg = figure.querySelector(".figure-art svg");
    const scroller = figure.querySelector(".figure-scroll");
    if (!svg || !scroller || !svg.viewBox || !svg.viewBox.baseVal || !svg.viewBox.baseVal.width) continue;
    const number = figure.querySelector(".figure-number");
    const name = number ? number.textContent.replace(/\.$/, "") : "the figure";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "figure-zoom";
    button.hidden = true;
    button.setAttribute("aria-expanded", "false");
    scroller.after(button);
    const label = () => {
      const open = figure.classList.contains("zoomed");
      button.textContent = open ? "Close full size" : "Open full size";
      button.setAttribute("aria-label", (open ? "Close " : "Open ") + name + " full size");
      button.setAttribute("aria-expanded", String(open));
    };
    const toggle = () => {
      const open = !figure.classList.contains("zoomed");
      for (const other of figures) if (other.figure !== figure) other.close();
      figure.classList.toggle("zoomed", open);
      document.body.classList.toggle("figure-open", open);
      if (open) {
        figure.style.setProperty("--drawn-width", svg.viewBox.baseVal.width + "px");
        figure.setAttribute("role", "dialog");
        figure.setAttribute("aria-modal", "true");
        figure.setAttribute("aria-label", name + ", full size");
        figure.scrollTo(0, 0);
      } else {
        figure.removeAttribute("role");
        figure.removeAttribute("aria-modal");
        figure.removeAttribute("aria-label");
      }
      label();
      button.focus();
      if (!open) button.scrollIntoView({ block: "nearest" });
    };
    const close = () => { if (figure.classList.contains("zoomed")) toggle(); };
    button.addEventListener("click", toggle);
    for (const art of figure.querySelectorAll(".figure-art")) {
      art.addEventListener("click", () => { if (!button.hidden) toggle(); });
    }
    label();
    figures.push({ figure, svg, button, close });
  }
  // Whether each figure is drawn below its own size, at this width.
  const measure = () => {
    for (const { figure, svg, button } of figures) {
      if (figure.classList.contains("zoomed")) continue;
      const shown = svg.getBoundingClientRect().width;
      const small = shown > 0 && shown < svg.viewBox.baseVal.width * ZOOM_BELOW;
      button.hidden = !small;
      figure.classList.toggle("zoomable", small);
    }
  };
  measure();
  let resizing = null;
  window.addEventListener("resize", () => { clearTimeout(resizing); resizing = setTimeout(measure, 100); });
  if (document.fonts) document.fonts.ready.then(measure);
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const item of figures) {
      if (item.figure.classList.contains("zoomed")) { item.close(); event.preventDefault(); }
    }
  });
}

document.addEventListener("DOMContentLoaded", setUpFigureZoom);
