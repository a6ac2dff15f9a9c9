/* Pictures of the graph for slides, with their legend, and the printable handout.
   Registered from dashboard/web/callbacks/export.py. The server describes the picture
   (network/exports.py `legend_spec`: title, caption, the key to colours, shapes, lines and
   sizes, source, caveat, file name); the legend is laid out once and drawn once, as SVG
   elements. The SVG picture appends it under Cytoscape's SVG drawing; the PNG picture draws
   the same SVG onto its canvas under Cytoscape's PNG drawing. Corpus text is set as text,
   never parsed as markup. */
(function () {
  "use strict";
  const SVG_NS = "http://www.w3.org/2000/svg";
  const FONT = "Helvetica, Arial, sans-serif";
  const INK = "#111111";
  const MUTED = "#444444";

  /* Shapes of the faction swatches, as polygons in a unit square (null: an ellipse). */
  function ngon(sides, rotation) {
    const points = [];
    for (let i = 0; i < sides; i += 1) {
      const angle = rotation + (2 * Math.PI * i) / sides;
      points.push([0.5 + 0.5 * Math.cos(angle), 0.5 + 0.5 * Math.sin(angle)]);
    }
    return points;
  }
  function star() {
    const points = [];
    for (let i = 0; i < 10; i += 1) {
      const r = i % 2 ? 0.22 : 0.5;
      const angle = -Math.PI / 2 + (Math.PI * i) / 5;
      points.push([0.5 + r * Math.cos(angle), 0.5 + r * Math.sin(angle)]);
    }
    return points;
  }
  function shapePoints(shape) {
    const base = shape.replace(/^round-/, "");
    const table = {
      ellipse: null,
      triangle: [[0.5, 0], [1, 1], [0, 1]],
      diamond: [[0.5, 0], [1, 0.5], [0.5, 1], [0, 0.5]],
      rhomboid: [[0.25, 0], [1, 0], [0.75, 1], [0, 1]],
      vee: [[0, 0], [0.5, 0.4], [1, 0], [0.5, 1]],
      tag: [[0, 0], [0.75, 0], [1, 0.5], [0.75, 1], [0, 1]],
      pentagon: ngon(5, -Math.PI / 2),
      hexagon: ngon(6, 0),
      "concave-hexagon": ngon(6, 0),
      heptagon: ngon(7, -Math.PI / 2),
      octagon: ngon(8, Math.PI / 8),
      star: star()
    };
    return base in table ? table[base] : [[0, 0], [1, 0], [1, 1], [0, 1]];
  }

  let measureCanvas = null;
  function measure(text, size, bold) {
    measureCanvas = measureCanvas || document.createElement("canvas");
    const ctx = measureCanvas.getContext("2d");
    ctx.font = (bold ? "bold " : "") + size + "px " + FONT;
    return ctx.measureText(text).width;
  }

  /* Lay the legend out once: a list of drawing items and the height they need. */
  function layoutLegend(spec, width, unit) {
    const items = [];
    const pad = unit;
    let y = pad;
    function wrap(text, size, bold, colour) {
      const words = String(text || "").split(/\s+/).filter(Boolean);
      let line = "";
      const put = function () {
        items.push({t: "text", x: pad, y: y + size, text: line, size: size, bold: bold,
                    colour: colour});
        y += size * 1.35;
      };
      words.forEach(function (word) {
        const trial = line ? line + " " + word : word;
        if (line && measure(trial, size, bold) > width - 2 * pad) {
          put();
          line = word;
        } else {
          line = trial;
        }
      });
      if (line) { put(); }
    }
    function flow(entries, markWidth, draw) {
      let x = pad;
      entries.forEach(function (entry) {
        const w = markWidth + unit * 0.5 + measure(entry.label, unit, false) + unit * 1.4;
        if (x > pad && x + w > width - pad) { x = pad; y += unit * 1.8; }
        draw(entry, x, y);
        items.push({t: "text", x: x + markWidth + unit * 0.5, y: y + unit * 0.95,
                    text: entry.label, size: unit, bold: false, colour: INK});
        x += w;
      });
      y += unit * 1.9;
    }
    const shape = function (fill) {
      return function (f, x, top) {
        items.push({t: "shape", x: x, y: top, w: unit * 1.1, h: unit * 1.1, shape: f.shape,
                    fill: fill || f.color, stroke: "#222222", lineWidth: Math.max(1, unit / 10)});
      };
    };
    const key = spec.key || {};
    wrap(spec.title, unit * 1.2, true, INK);
    wrap(spec.caption, unit, false, INK);
    y += unit * 0.4;
    if (key.color === "community") {
      wrap("Colour: detected community. Shape: faction.", unit * 0.9, true, INK);
      flow(key.communities || [], unit * 1.1, function (c, x, top) {
        items.push({t: "shape", x: x, y: top, w: unit * 1.1, h: unit * 1.1, shape: "ellipse",
                    fill: c.color, stroke: "#222222", lineWidth: Math.max(1, unit / 10)});
      });
      flow(key.factions || [], unit * 1.1, shape("#ffffff"));
    } else {
      flow(key.factions || [], unit * 1.1, shape(null));
    }
    flow(key.polarities || [], unit * 3, function (p, x, top) {
      items.push({t: "line", x1: x, x2: x + unit * 3, y: top + unit * 0.55, colour: p.color,
                  dash: p.line, arrow: p.arrow, width: Math.max(2, unit / 5), unit: unit});
    });
    if (key.size) {
      wrap(key.size.title + ":", unit * 0.9, true, INK);
      flow(key.size.steps || [], unit * 2.4, function (s, x, top) {
        const d = Math.max(unit * 0.5, unit * 2.4 * s.size / 70);
        items.push({t: "shape", x: x + (unit * 2.4 - d) / 2, y: top + (unit * 1.1 - d) / 2,
                    w: d, h: d, shape: "ellipse", fill: "#dddddd", stroke: "#222222",
                    lineWidth: Math.max(1, unit / 10)});
      });
    }
    (key.marks || []).forEach(function (note) { wrap(note, unit * 0.9, false, MUTED); });
    wrap(spec.caveat, unit * 0.9, true, MUTED);
    wrap(spec.source, unit * 0.85, false, MUTED);
    return {items: items, height: Math.ceil(y + pad)};
  }

  function dashFor(style, width) {
    if (style === "dashed") { return [width * 3, width * 2]; }
    if (style === "dotted") { return [width, width * 1.5]; }
    return [];
  }

  function arrowPoints(kind, tipX, y, size) {
    if (kind === "vee") {
      return [[tipX, y], [tipX - size, y - size * 0.6], [tipX - size * 0.6, y],
              [tipX - size, y + size * 0.6]];
    }
    if (kind === "diamond") {
      return [[tipX, y], [tipX - size * 0.6, y - size * 0.5], [tipX - size * 1.2, y],
              [tipX - size * 0.6, y + size * 0.5]];
    }
    return [[tipX, y], [tipX - size, y - size * 0.55], [tipX - size, y + size * 0.55]];
  }

  function el(doc, name, attrs) {
    const node = doc.createElementNS(SVG_NS, name);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, String(attrs[key])); });
    return node;
  }

  function points(list) {
    return list.map(function (p) { return p[0] + "," + p[1]; }).join(" ");
  }

  /* The legend's one renderer: its items as SVG elements in ``group``. */
  function drawLegend(doc, group, layout, width) {
    group.appendChild(el(doc, "rect", {x: 0, y: 0, width: width, height: layout.height,
                                       fill: "#ffffff"}));
    group.appendChild(el(doc, "rect", {x: 0, y: 0, width: width, height: 1, fill: "#cccccc"}));
    layout.items.forEach(function (item) {
      if (item.t === "text") {
        const text = el(doc, "text", {x: item.x, y: item.y, fill: item.colour,
                                      "font-family": FONT, "font-size": item.size,
                                      "font-weight": item.bold ? "bold" : "normal"});
        text.textContent = item.text;
        group.appendChild(text);
      } else if (item.t === "shape") {
        const shape = shapePoints(item.shape);
        const paint = {fill: item.fill, stroke: item.stroke, "stroke-width": item.lineWidth};
        group.appendChild(shape === null
          ? el(doc, "ellipse", Object.assign({cx: item.x + item.w / 2, cy: item.y + item.h / 2,
                                              rx: item.w / 2, ry: item.h / 2}, paint))
          : el(doc, "polygon", Object.assign({points: points(shape.map(function (p) {
              return [item.x + p[0] * item.w, item.y + p[1] * item.h];
            }))}, paint)));
      } else if (item.t === "line") {
        const size = item.unit * 0.7;
        const dash = dashFor(item.dash, item.width);
        const line = el(doc, "line", {x1: item.x1, y1: item.y, x2: item.x2 - size * 0.8,
                                      y2: item.y, stroke: item.colour,
                                      "stroke-width": item.width});
        if (dash.length) { line.setAttribute("stroke-dasharray", dash.join(" ")); }
        group.appendChild(line);
        group.appendChild(item.arrow === "circle"
          ? el(doc, "circle", {cx: item.x2 - size / 2, cy: item.y, r: size / 2,
                               fill: item.colour})
          : el(doc, "polygon", {fill: item.colour,
                                points: points(arrowPoints(item.arrow, item.x2, item.y, size))}));
      }
    });
  }

  /* The legend alone, as an SVG document ``width`` wide (the PNG draws it as an image). */
  function legendSvg(spec, width, unit) {
    const layout = layoutLegend(spec, width, unit);
    const doc = document.implementation.createDocument(SVG_NS, "svg", null);
    const root = doc.documentElement;
    root.setAttribute("width", width);
    root.setAttribute("height", layout.height);
    root.setAttribute("viewBox", "0 0 " + width + " " + layout.height);
    drawLegend(doc, root, layout, width);
    return {text: new XMLSerializer().serializeToString(doc), height: layout.height};
  }

  function save(blob, filename) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function loadImage(src) {
    return new Promise(function (resolve, reject) {
      const image = new Image();
      image.onload = function () { resolve(image); };
      image.onerror = reject;
      image.src = src;
    });
  }

  /* Cytoscape's SVG export is the cytoscape-svg extension, vendored in assets/vendor/
     (dash-cytoscape's standard bundle does not carry it, and its "extra" bundle costs
     0.86 MB more on every page load). The extension's register function hands its
     core method to whatever registrar it is given; ours keeps it and calls it on the
     graph, so it needs no global cytoscape. Returns null when neither is available. */
  function svgRenderer(cy) {
    if (!cy) { return null; }
    if (typeof cy.svg === "function") { return cy.svg.bind(cy); }
    if (typeof window.cytoscapeSvg !== "function") { return null; }
    let method = null;
    window.cytoscapeSvg(function (kind, name, fn) {
      if (kind === "core" && name === "svg") { method = fn; }
    });
    return method ? function (options) { return method.call(cy, options); } : null;
  }

  /* At least twice the screen's pixels, whatever the screen's own pixel ratio. */
  function pictureScale() { return 2 * Math.max(1, window.devicePixelRatio || 1); }

  function png(spec) {
    const scale = pictureScale();
    const uri = window.cy.png({full: false, scale: scale, bg: "#ffffff"});
    return loadImage(uri).then(function (image) {
      const legend = legendSvg(spec, image.width, Math.round(15 * scale));
      const blob = new Blob([legend.text], {type: "image/svg+xml"});
      const url = URL.createObjectURL(blob);
      return loadImage(url).then(function (drawn) {
        URL.revokeObjectURL(url);
        const canvas = document.createElement("canvas");
        canvas.width = image.width;
        canvas.height = image.height + legend.height;
        const ctx = canvas.getContext("2d");
        ctx.fillStyle = "#ffffff";
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.drawImage(image, 0, 0);
        ctx.drawImage(drawn, 0, image.height);
        return new Promise(function (resolve) {
          canvas.toBlob(function (out) {
            save(out, spec.stem + ".png");
            resolve("png " + canvas.width + "x" + canvas.height + " graph " +
                    window.cy.width() + "x" + window.cy.height() + " " + spec.stem);
          }, "image/png");
        });
      });
    });
  }

  function svg(spec) {
    const render = svgRenderer(window.cy);
    if (!render) { return window.dash_clientside.no_update; }
    const text = render({full: false, scale: 1, bg: "#ffffff"});
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const root = doc.documentElement;
    const width = parseFloat(root.getAttribute("width")) || window.cy.width();
    const height = parseFloat(root.getAttribute("height")) || window.cy.height();
    const layout = layoutLegend(spec, width, 15);
    const total = height + layout.height;
    root.setAttribute("height", total);
    root.setAttribute("viewBox", "0 0 " + width + " " + total);
    const group = el(doc, "g", {id: "legend", transform: "translate(0," + height + ")"});
    drawLegend(doc, group, layout, width);
    root.appendChild(group);
    const title = el(doc, "title", {});
    title.textContent = spec.title;
    root.insertBefore(title, root.firstChild);
    const out = new XMLSerializer().serializeToString(doc);
    save(new Blob([out], {type: "image/svg+xml"}), spec.stem + ".svg");
    return "svg " + width + "x" + total + " " + spec.stem;
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    ivanovExport: {
      picture: function (request) {
        const noUpdate = window.dash_clientside.no_update;
        if (!request || !request.legend || !window.cy) { return noUpdate; }
        return request.format === "png" ? png(request.legend) : svg(request.legend);
      },
      printHandout: function (children) {
        const noUpdate = window.dash_clientside.no_update;
        if (!children || !window.cy) { return noUpdate; }
        return new Promise(function (resolve) {
          window.requestAnimationFrame(function () {
            const image = document.getElementById("img-handout");
            if (!image) { resolve(noUpdate); return; }
            const loaded = new Promise(function (done) { image.onload = done; });
            image.src = paperPicture(window.cy);
            loaded.then(function () {
              document.body.classList.add("printing-handout");
              const done = function () {
                document.body.classList.remove("printing-handout");
                window.removeEventListener("afterprint", done);
              };
              window.addEventListener("afterprint", done);
              resolve("handout " + image.naturalWidth + "x" + image.naturalHeight);
              window.setTimeout(function () { window.print(); }, 50);
            });
          });
        });
      }
    }
  });

  /* The graph for paper: the whole network as it is filtered, undimmed by a selection and
     labelled as if nothing were selected, on white. */
  function paperPicture(cy) {
    if (window.ivanovLabels) { window.ivanovLabels.forPaper(true); }
    const all = cy.elements();
    all.addClass("undim");
    try {
      return cy.png({full: true, scale: 2, bg: "#ffffff", maxWidth: 3000});
    } finally {
      all.removeClass("undim");
      if (window.ivanovLabels) { window.ivanovLabels.forPaper(false); }
    }
  }

  /* Printing the page (Ctrl+P, the browser's menu): the graph as a picture with its legend
     and what it shows, instead of the controls (classroom.css @media print). */
  window.addEventListener("beforeprint", function () {
    const image = document.getElementById("img-print");
    if (!image || !window.cy || document.body.classList.contains("printing-handout")) { return; }
    image.src = paperPicture(window.cy);
  });

  /* A chosen export closes its menu and gives the keys back to the walk. */
  document.addEventListener("click", function (event) {
    const item = event.target && event.target.closest && event.target.closest(".menu-item");
    const menu = item && item.closest("details");
    if (menu) {
      menu.open = false;
      item.blur();
    }
  });
})();
