// Draws the page's charts with Plotly. Each chart's figure is JSON in <script
// id="chart-ID-data">; the build wrote it from the content, so no number lives here. A chart
// the build has drawn already (data-draw="on-request": every chart on story pages, the charts
// page and embeds) becomes a Plotly chart only when the reader points at or taps it, so pages
// show their charts at once and fetch Plotly (about 400 KB) only for those who use it. A chart
// drawn only by Plotly (the calculator's, which follows the reader's estimate) is drawn when it
// nears the screen.

// The build replaces this placeholder with the bundle's content-hashed address.
const PLOTLY = new URL("@PLOTLY_BUNDLE@", import.meta.url).href;
const plots = [...document.querySelectorAll(".chart-plot[data-chart]")];
const dark = window.matchMedia("(prefers-color-scheme: dark)");
const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
let plotly;

function loadPlotly() {
  plotly ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = PLOTLY;
    script.onload = () => resolve(window.Plotly);
    script.onerror = () => reject(new Error("Plotly could not be loaded"));
    document.head.append(script);
  });
  return plotly;
}

// A page in another language names the script with Plotly's words for it (month names,
// separators); it registers them with Plotly, and the charts use them.
const locales = new Map();
function loadLocale(plot) {
  const src = plot.dataset.localeSrc;
  if (!src) return Promise.resolve();
  if (!locales.has(src)) {
    locales.set(src, new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error("Plotly's locale could not be loaded"));
      document.head.append(script);
    }));
  }
  return locales.get(src);
}

function configFor(plot) {
  return plot.dataset.localeSrc ? { ...config, locale: document.documentElement.lang } : config;
}

function figureFor(plot) {
  const spec = JSON.parse(document.getElementById(`chart-${plot.dataset.chart}-data`).textContent);
  return themed(spec, dark.matches ? "dark" : "light");
}

// Applies a colour scheme's palette: series colours by each trace's meta.series index.
function themed(spec, scheme) {
  const palette = spec.palettes[scheme];
  for (const trace of spec.data) {
    const colour = palette.series[trace.meta?.series ?? 0];
    if (trace.marker) trace.marker.color = colour;
    if (trace.line) trace.line.color = colour;
    if (trace.type === "bar") {
      trace.insidetextfont = { color: palette.background };
      trace.outsidetextfont = { color: palette.text };
    } else {
      trace.textfont = { color: palette.text };
    }
  }
  const axis = { color: palette.text, gridcolor: palette.grid, zerolinecolor: palette.grid };
  // Every axis: a chart of figures on separate scales has one pair a figure.
  for (const key of Object.keys(spec.layout).filter((k) => /^[xy]axis\d*$/.test(k))) {
    spec.layout[key] = { ...spec.layout[key], ...axis };
  }
  Object.assign(spec.layout, {
    paper_bgcolor: "rgba(0,0,0,0)",
    plot_bgcolor: "rgba(0,0,0,0)",
    font: { ...spec.layout.font, color: palette.text },
    transition: reducedMotion.matches ? { duration: 0 } : spec.layout.transition,
  });
  return spec;
}

const config = { responsive: true, displayModeBar: false, displaylogo: false };

async function draw(plot) {
  if (plot.dataset.drawn) return;
  plot.dataset.drawn = "pending";
  const sketch = plot.querySelector(".chart-sketch");
  try {
    const Plotly = await loadPlotly();
    await loadLocale(plot);
    const { data, layout } = figureFor(plot);
    if (sketch) {
      // Plotly takes the drawing's place at the drawing's height, so nothing below moves.
      plot.style.height = `${plot.offsetHeight}px`;
      sketch.remove();
    }
    await Plotly.newPlot(plot, data, layout, configFor(plot));
    plot.dataset.drawn = "yes";
  } catch (error) {
    console.warn(error);
    if (sketch) {
      // The build's drawing still shows every mark.
      plot.replaceChildren(sketch);
      plot.style.height = "";
      delete plot.dataset.drawn;
      return;
    }
    // The table below still carries the data; say so instead of leaving an empty box.
    plot.dataset.drawn = "failed";
    plot.textContent = plot.dataset.failed;
  }
}

/** Redraws a chart whose JSON has changed, if it is on screen already. */
export async function refresh(plot) {
  if (plot.dataset.drawn !== "yes") return;
  const Plotly = await loadPlotly();
  const { data, layout } = figureFor(plot);
  Plotly.react(plot, data, layout, configFor(plot));
}

async function redrawAll() {
  for (const plot of plots.filter((p) => p.dataset.drawn === "yes")) {
    const Plotly = await loadPlotly();
    const { data, layout } = figureFor(plot);
    Plotly.react(plot, data, layout, configFor(plot));
  }
}

const onRequest = plots.filter((plot) => plot.dataset.draw === "on-request");
const onApproach = plots.filter((plot) => !onRequest.includes(plot));

for (const plot of onRequest) {
  for (const type of ["pointerenter", "pointerdown"]) {
    plot.addEventListener(type, () => draw(plot), { once: true, passive: true });
  }
}

if (onApproach.length) {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries.filter((e) => e.isIntersecting)) {
        observer.unobserve(entry.target);
        draw(entry.target);
      }
    },
    { rootMargin: "200px 0px" },
  );
  onApproach.forEach((plot) => observer.observe(plot));
  // The first tap or scroll fetches Plotly early, so the next chart is ready. Key presses do
  // not: a keyboard reader tabbing through the navigation should not pay for it.
  const warmUp = () => loadPlotly().catch(() => {});
  for (const type of ["pointerdown", "scroll"]) {
    window.addEventListener(type, warmUp, { once: true, passive: true });
  }
}
if (plots.length) dark.addEventListener("change", redrawAll);
