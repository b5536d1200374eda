import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);

// node_modules/markdown-table/index.js
function defaultStringLength(value) {
  return value.length;
}
function markdownTable(table2, options) {
  const settings = options || {};
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  const alignments = [];
  const cellMatrix = [];
  const sizeMatrix = [];
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;
  while (++rowIndex < table2.length) {
    const row2 = [];
    const sizes2 = [];
    let columnIndex2 = -1;
    if (table2[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table2[rowIndex].length;
    }
    while (++columnIndex2 < table2[rowIndex].length) {
      const cell = serialize(table2[rowIndex][columnIndex2]);
      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes2[columnIndex2] = size;
        if (longestCellByColumn[columnIndex2] === void 0 || size > longestCellByColumn[columnIndex2]) {
          longestCellByColumn[columnIndex2] = size;
        }
      }
      row2.push(cell);
    }
    cellMatrix[rowIndex] = row2;
    sizeMatrix[rowIndex] = sizes2;
  }
  let columnIndex = -1;
  if (typeof align === "object" && "length" in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code = toAlignment(align);
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code;
    }
  }
  columnIndex = -1;
  const row = [];
  const sizes = [];
  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex];
    let before = "";
    let after = "";
    if (code === 99) {
      before = ":";
      after = ":";
    } else if (code === 108) {
      before = ":";
    } else if (code === 114) {
      after = ":";
    }
    let size = settings.alignDelimiters === false ? 1 : Math.max(
      1,
      longestCellByColumn[columnIndex] - before.length - after.length
    );
    const cell = before + "-".repeat(size) + after;
    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;
      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }
      sizes[columnIndex] = size;
    }
    row[columnIndex] = cell;
  }
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);
  rowIndex = -1;
  const lines = [];
  while (++rowIndex < cellMatrix.length) {
    const row2 = cellMatrix[rowIndex];
    const sizes2 = sizeMatrix[rowIndex];
    const cellsInRow = settings.fillRows === false ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length) : mostCellsPerRow;
    columnIndex = -1;
    const line = [];
    while (++columnIndex < cellsInRow) {
      const cell = row2[columnIndex] || "";
      let before = "";
      let after = "";
      if (settings.alignDelimiters !== false) {
        const size = longestCellByColumn[columnIndex] - (sizes2[columnIndex] || 0);
        const code = alignments[columnIndex];
        if (code === 114) {
          before = " ".repeat(size);
        } else if (code === 99) {
          const half = size / 2;
          if (size % 2) {
            before = " ".repeat(half + 0.5);
            after = " ".repeat(half - 0.5);
          } else {
            before = " ".repeat(half);
            after = before;
          }
        } else {
          after = " ".repeat(size);
        }
      }
      if (settings.delimiterStart !== false && !columnIndex) {
        line.push("|");
      }
      if (settings.padding !== false && // Don’t add the opening space if we’re not aligning and the cell is
      // empty: there will be a closing space.
      !(settings.alignDelimiters === false && cell === "") && (settings.delimiterStart !== false || columnIndex)) {
        line.push(" ");
      }
      if (settings.alignDelimiters !== false) {
        line.push(before);
      }
      line.push(cell);
      if (settings.alignDelimiters !== false) {
        line.push(after);
      }
      if (settings.padding !== false) {
        line.push(" ");
      }
      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push("|");
      }
    }
    lines.push(
      settings.delimiterEnd === false ? line.join("").replace(/ +$/, "") : line.join("")
    );
  }
  return lines.join("\n");
}
function serialize(value) {
  return value === null || value === void 0 ? "" : String(value);
}
function toAlignment(value) {
  const code = typeof value === "string" ? value.codePointAt(0) : 0;
  return code === 67 || code === 99 ? 99 : code === 76 || code === 108 ? 108 : code === 82 || code === 114 ? 114 : 0;
}

// src/report/markdown.ts
function escapeCell(cell) {
  if (cell === null || cell === void 0) return "";
  const text = String(cell).replace(/\r?\n|\r/g, "<br>");
  if (!text.includes("`")) return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|");
  let out = "";
  let i = 0;
  while (i < text.length) {
    if (text[i] === "`") {
      let n = i;
      while (text[n] === "`") n++;
      const close = closingRun(text, n, n - i);
      if (close >= 0) {
        out += text.slice(i, close + (n - i)).replace(/\|/g, "\\|");
        i = close + (n - i);
      } else {
        out += text.slice(i, n);
        i = n;
      }
      continue;
    }
    const c = text[i];
    out += c === "\\" ? "\\\\" : c === "|" ? "\\|" : c;
    i++;
  }
  return out;
}
function closingRun(text, from, length) {
  let i = text.indexOf("`", from);
  while (i >= 0) {
    let end = i;
    while (text[end] === "`") end++;
    if (end - i === length) return i;
    i = text.indexOf("`", end);
  }
  return -1;
}
function plainText(text) {
  return text.replace(/[&<>`*[\]~@\\]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (c) => c === "@" ? "@\u2060" : `&#${c.charCodeAt(0)};`);
}
function table(rows, options = {}) {
  if (rows.length === 0) return "";
  const align = typeof options === "string" || Array.isArray(options) ? options : options.align;
  return `${markdownTable(rows.map((row) => row.map(escapeCell)), { align })}
`;
}
function alert(kind, text) {
  const body = text.replace(/\s+$/, "").split(/\r?\n/).map((line) => line === "" ? ">" : `> ${line}`);
  return `> [!${kind}]
${body.join("\n")}
`;
}
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function details(summary, body, options = {}) {
  return `<details${options.open ? " open" : ""}>
<summary>${escapeHtml(summary)}</summary>

${body.replace(/\s+$/, "")}

</details>
`;
}
var mermaidString = (text) => `"${String(text).replace(/"/g, "\u201D").replace(/[\r\n]+/g, " ")}"`;
var mermaidNumber = (x) => String(Number(x.toPrecision(6)));
function xyChart(spec) {
  const lines = ["```mermaid", "xychart-beta"];
  if (spec.title) lines.push(`    title ${mermaidString(spec.title)}`);
  lines.push(`    x-axis [${spec.xLabels.map(mermaidString).join(", ")}]`);
  const range = spec.yRange ? ` ${mermaidNumber(spec.yRange[0])} --> ${mermaidNumber(spec.yRange[1])}` : "";
  if (spec.yLabel || range) lines.push(`    y-axis${spec.yLabel ? ` ${mermaidString(spec.yLabel)}` : ""}${range}`);
  let missing = false;
  for (const series of spec.series) {
    if (series.values.length !== spec.xLabels.length) {
      throw new RangeError(`series '${series.name}' has ${series.values.length} values for ${spec.xLabels.length} x labels`);
    }
    const values = series.values.map((v) => {
      if (Number.isFinite(v)) return mermaidNumber(v);
      missing = true;
      return "0";
    });
    lines.push(`    ${series.kind} [${values.join(", ")}]`);
  }
  lines.push("```");
  const legend = spec.series.map((s) => `${s.kind === "line" ? "line" : "bars"}: ${s.name}`).join(" \xB7 ");
  const note = missing ? " (missing values drawn as 0)" : "";
  return `${lines.join("\n")}
${legend || note ? `
<sub>${escapeHtml(legend)}${note}</sub>
` : ""}`;
}
function inlineCode(text) {
  const body = text.replace(/\r\n|\r|\n/g, " ");
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const spaced = body.startsWith(" ") && body.endsWith(" ") && /[^ ]/.test(body);
  const pad = body.startsWith("`") || body.endsWith("`") || spaced ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}
function codeBlock(text, language = "") {
  const longest = Math.max(2, ...(text.match(/^ {0,3}`+/gm) ?? []).map((run) => run.trim().length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}
${text.replace(/\s+$/, "")}
${fence}
`;
}

export {
  escapeCell,
  plainText,
  table,
  alert,
  details,
  xyChart,
  inlineCode,
  codeBlock
};
