/* Pictures of the graph for slides, with their legend, and the printable handout.
   Registered from dashboard/callbacks/export.py. The legend comes from the server as
   data (factions, polarities, a caption); it is laid out once and drawn either on a
   canvas (PNG) or as SVG elements: corpus text is set as text, never parsed as markup. */
(function () {
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

  /* Lay the legend out once: a list of drawing items and the height they need. */
  function layoutLegend(spec, width, unit, measure) {
    const items = [];
    const pad = unit;
    let y = pad;
    function wrap(text, size, bold, colour) {
      const words = String(text || "").split(/\s+/).filter(Boolean);
      let line = "";
      words.forEach(function (word) {
        const trial = line ? line + " " + word : word;
        if (line && measure(trial, size, bold) > width - 2 * pad) {
          items.push({t: "text", x: pad, y: y + size, text: line, size: size, bold: bold,
                      colour: colour});
          y += size * 1.35;
          line = word;
        } else {
          line = trial;
        }
      });
      if (line) {
        items.push({t: "text", x: pad, y: y + size, text: line, size: size, bold: bold,
                    colour: colour});
        y += size * 1.35;
      }
    }
    function flow(entries, markWidth, draw) {
      let x = pad;
      entries.forEach(function (entry) {
        const w = markWidth + unit * 0.5 + measure(entry.label, unit, false) + unit * 1.4;
        if (x > pad && x + w > width - pad) { x = pad; y += unit * 1.7; }
        draw(entry, x, y);
        items.push({t: "text", x: x + markWidth + unit * 0.5, y: y + unit * 0.95,
                    text: entry.label, size: unit, bold: false, colour: INK});
        x += w;
      });
      y += unit * 1.9;
    }
    wrap(spec.title, unit * 1.2, true, INK);
    wrap(spec.caption, unit, false, INK);
    y += unit * 0.4;
    flow(spec.factions, unit * 1.1, function (f, x, top) {
      items.push({t: "shape", x: x, y: top, w: unit * 1.1, h: unit * 1.1, shape: f.shape,
                  fill: f.color, stroke: "#222222", lineWidth: Math.max(1, unit / 10)});
    });
    flow(spec.polarities, unit * 3, function (p, x, top) {
      items.push({t: "line", x1: x, x2: x + unit * 3, y: top + unit * 0.55, colour: p.color,
                  dash: p.line, arrow: p.arrow, width: Math.max(2, unit / 5), unit: unit});
    });
    (spec.notes || []).forEach(function (note) { wrap(note, unit * 0.9, false, MUTED); });
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

  /* --- the canvas (PNG) renderer --- */
  function fontOf(size, bold) { return (bold ? "bold " : "") + size + "px " + FONT; }

  function drawCanvas(ctx, layout, top) {
    layout.items.forEach(function (item) {
      ctx.save();
      if (item.t === "text") {
        ctx.font = fontOf(item.size, item.bold);
        ctx.fillStyle = item.colour;
        ctx.fillText(item.text, item.x, top + item.y);
      } else if (item.t === "shape") {
        ctx.beginPath();
        const points = shapePoints(item.shape);
        if (points === null) {
          ctx.ellipse(item.x + item.w / 2, top + item.y + item.h / 2, item.w / 2, item.h / 2,
                      0, 0, 2 * Math.PI);
        } else {
          points.forEach(function (p, i) {
            const px = item.x + p[0] * item.w;
            const py = top + item.y + p[1] * item.h;
            if (i) { ctx.lineTo(px, py); } else { ctx.moveTo(px, py); }
          });
          ctx.closePath();
        }
        ctx.fillStyle = item.fill;
        ctx.fill();
        ctx.lineWidth = item.lineWidth;
        ctx.strokeStyle = item.stroke;
        ctx.stroke();
      } else if (item.t === "line") {
        const size = item.unit * 0.7;
        ctx.strokeStyle = item.colour;
        ctx.fillStyle = item.colour;
        ctx.lineWidth = item.width;
        ctx.setLineDash(dashFor(item.dash, item.width));
        ctx.beginPath();
        ctx.moveTo(item.x1, top + item.y);
        ctx.lineTo(item.x2 - size * 0.8, top + item.y);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.beginPath();
        if (item.arrow === "circle") {
          ctx.arc(item.x2 - size / 2, top + item.y, size / 2, 0, 2 * Math.PI);
        } else {
          arrowPoints(item.arrow, item.x2, top + item.y, size).forEach(function (p, i) {
            if (i) { ctx.lineTo(p[0], p[1]); } else { ctx.moveTo(p[0], p[1]); }
          });
          ctx.closePath();
        }
        ctx.fill();
      }
      ctx.restore();
    });
  }

  /* --- the SVG renderer --- */
  function el(doc, name, attrs) {
    const node = doc.createElementNS(SVG_NS, name);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, String(attrs[key])); });
    return node;
  }

  function drawSvg(doc, group, layout) {
    layout.items.forEach(function (item) {
      if (item.t === "text") {
        const text = el(doc, "text", {x: item.x, y: item.y, fill: item.colour,
                                      "font-family": FONT, "font-size": item.size,
                                      "font-weight": item.bold ? "bold" : "normal"});
        text.textContent = item.text;
        group.appendChild(text);
      } else if (item.t === "shape") {
        const points = shapePoints(item.shape);
        const paint = {fill: item.fill, stroke: item.stroke, "stroke-width": item.lineWidth};
        group.appendChild(points === null
          ? el(doc, "ellipse", Object.assign({cx: item.x + item.w / 2, cy: item.y + item.h / 2,
                                              rx: item.w / 2, ry: item.h / 2}, paint))
          : el(doc, "polygon", Object.assign({points: points.map(function (p) {
              return (item.x + p[0] * item.w) + "," + (item.y + p[1] * item.h);
            }).join(" ")}, paint)));
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
          : el(doc, "polygon", {fill: item.colour, points: arrowPoints(
              item.arrow, item.x2, item.y, size).map(function (p) {
              return p[0] + "," + p[1];
            }).join(" ")}));
      }
    });
  }

  let measureCanvas = null;
  function measure(text, size, bold) {
    measureCanvas = measureCanvas || document.createElement("canvas");
    const ctx = measureCanvas.getContext("2d");
    ctx.font = fontOf(size, bold);
    return ctx.measureText(text).width;
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

  /* A chosen export closes its menu and gives the keys back to the walk. */
  document.addEventListener("click", function (event) {
    const item = event.target && event.target.closest && event.target.closest(".menu-item");
    const menu = item && item.closest("details");
    if (menu) {
      menu.open = false;
      item.blur();
    }
  });

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    ivanovExport: {
      png: function (clicks, spec) {
        const noUpdate = window.dash_clientside.no_update;
        if (!clicks || !window.cy || !spec) { return noUpdate; }
        const scale = pictureScale();
        const uri = window.cy.png({full: false, scale: scale, bg: "#ffffff"});
        return loadImage(uri).then(function (image) {
          const layout = layoutLegend(spec, image.width, Math.round(15 * scale), measure);
          const canvas = document.createElement("canvas");
          canvas.width = image.width;
          canvas.height = image.height + layout.height;
          const ctx = canvas.getContext("2d");
          ctx.fillStyle = "#ffffff";
          ctx.fillRect(0, 0, canvas.width, canvas.height);
          ctx.drawImage(image, 0, 0);
          ctx.fillStyle = "#cccccc";
          ctx.fillRect(0, image.height, canvas.width, Math.max(1, scale));
          drawCanvas(ctx, layout, image.height);
          return new Promise(function (resolve) {
            canvas.toBlob(function (blob) {
              save(blob, spec.stem + ".png");
              resolve("png " + canvas.width + "x" + canvas.height + " graph " +
                      window.cy.width() + "x" + window.cy.height());
            }, "image/png");
          });
        });
      },
      svg: function (clicks, spec) {
        const noUpdate = window.dash_clientside.no_update;
        const render = svgRenderer(window.cy);
        if (!clicks || !render || !spec) {
          return noUpdate;
        }
        const text = render({full: false, scale: 1, bg: "#ffffff"});
        const doc = new DOMParser().parseFromString(text, "image/svg+xml");
        const root = doc.documentElement;
        const width = parseFloat(root.getAttribute("width")) || window.cy.width();
        const height = parseFloat(root.getAttribute("height")) || window.cy.height();
        const layout = layoutLegend(spec, width, 15, measure);
        const total = height + layout.height;
        root.setAttribute("height", total);
        root.setAttribute("viewBox", "0 0 " + width + " " + total);
        const group = el(doc, "g", {id: "legend", transform: "translate(0," + height + ")"});
        group.appendChild(el(doc, "rect", {x: 0, y: 0, width: width, height: layout.height,
                                           fill: "#ffffff"}));
        group.appendChild(el(doc, "rect", {x: 0, y: 0, width: width, height: 1,
                                           fill: "#cccccc"}));
        drawSvg(doc, group, layout);
        root.appendChild(group);
        const title = el(doc, "title", {});
        title.textContent = spec.title;
        root.insertBefore(title, root.firstChild);
        const out = new XMLSerializer().serializeToString(doc);
        save(new Blob([out], {type: "image/svg+xml"}), spec.stem + ".svg");
        return "svg " + width + "x" + total;
      },
      printHandout: function (children) {
        const noUpdate = window.dash_clientside.no_update;
        if (!children || !window.cy) { return noUpdate; }
        return new Promise(function (resolve) {
          window.requestAnimationFrame(function () {
            const image = document.getElementById("img-handout");
            if (!image) { resolve(noUpdate); return; }
            const loaded = new Promise(function (done) { image.onload = done; });
            image.src = window.cy.png({full: true, scale: 2, bg: "#ffffff", maxWidth: 3000});
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
})();
