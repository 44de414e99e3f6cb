// The clerk's page: a form over one document's JSON, kept in the browser's
// local storage; the PDF preview and the decree's check refresh as one types.
"use strict";

const T = {
  vi: {
    type: "Loại văn bản", new: "Văn bản mới", import: "Nhập DOCX hoặc văn bản",
    pdf: "Tải PDF", docx: "Tải DOCX", drop: "Thả tệp DOCX hoặc văn bản cũ vào đây để nhập",
    header: "Phần đầu (ô 1-4)", parent: "Cơ quan chủ quản (mỗi dòng một dòng)",
    issuer: "Cơ quan ban hành (mỗi dòng một dòng)", abbr: "Viết tắt",
    number: "Số (để trống nếu chưa có)", place: "Địa danh", day: "Ngày", month: "Tháng",
    year: "Năm", content: "Nội dung", summary: "Trích yếu",
    addressees: "Kính gửi (mỗi dòng một nơi)", preamble: "Căn cứ, mở đầu (mỗi dòng một đoạn)",
    addSection: "+ Thêm mục", closing: "Nơi nhận và chữ ký",
    recipients: "Nơi nhận (mỗi dòng một nơi)", archive: "Lưu", form: "Thẩm quyền ký",
    of: "Chức vụ được thay", collective: "Tập thể (TM.)", title: "Chức vụ người ký",
    name: "Họ và tên người ký",
    json: "Toàn bộ văn bản (JSON): các phần riêng của từng loại",
    findings: "Kiểm tra theo Nghị định 30", sectionTitle: "Tên mục",
    summaryHint: "Công văn: không gõ «V/v», vanban tự thêm",
    sectionText: "Nội dung (mỗi dòng một đoạn)", lang: "English",
    updating: "Đang cập nhật…", ready: (kb) => `Bản xem trước đã cập nhật (${kb} KB)`,
    clean: "Không có lỗi nào.", go: "Đến chỗ này", badJson: "JSON chưa đúng: ",
    imported: (n) => `Đã nhập; ${n} dòng chưa xếp được chỗ (xem trong JSON, mục unplaced)`,
    blocks: "Mục này có bảng hoặc danh sách: sửa trong phần JSON.",
  },
  en: {
    type: "Document type", new: "New document", import: "Import a DOCX or a text",
    pdf: "Download PDF", docx: "Download DOCX", drop: "Drop an old DOCX or text file here to import it",
    header: "Header (boxes 1-4)", parent: "Governing body (a line each)",
    issuer: "Issuing body (a line each)", abbr: "Abbreviation",
    number: "Number (blank for a draft)", place: "Place", day: "Day", month: "Month",
    year: "Year", content: "Content", summary: "Summary",
    addressees: "Kính gửi (one a line)", preamble: "Legal bases, opening (a paragraph a line)",
    addSection: "+ Add a section", closing: "Recipients and signature",
    recipients: "Recipients (one a line)", archive: "Archive (Lưu)", form: "Signing authority",
    of: "Title signed for", collective: "Collective (TM.)", title: "Signer's title",
    name: "Signer's name",
    json: "The whole document (JSON): each type's own parts",
    findings: "Check against Decree 30", sectionTitle: "Section title",
    summaryHint: "Công văn: leave out «V/v», vanban adds it",
    sectionText: "Text (a paragraph a line)", lang: "Tiếng Việt",
    updating: "Updating…", ready: (kb) => `Preview updated (${kb} KB)`,
    clean: "No errors.", go: "Go there", badJson: "The JSON is not right yet: ",
    imported: (n) => `Imported; ${n} lines could not be placed (see the JSON's unplaced)`,
    blocks: "This section holds a table or a list: edit it in the JSON.",
  },
};

const $ = (s) => document.querySelector(s);
const KEY = "vanban.document";
let lang = localStorage.getItem("vanban.lang") || "vi";
let doc = null;
let timer = null;
let generation = 0;

// --- JSON pointers ------------------------------------------------------------

function tokens(pointer) {
  return pointer.split("/").slice(1).map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function getAt(pointer) {
  let v = doc;
  for (const t of tokens(pointer)) {
    if (v == null) return undefined;
    v = v[t];
  }
  return v;
}

function setAt(pointer, value) {
  const ts = tokens(pointer);
  let v = doc;
  for (const t of ts.slice(0, -1)) {
    if (v[t] == null || typeof v[t] !== "object") v[t] = {};
    v = v[t];
  }
  const last = ts[ts.length - 1];
  if (value === undefined) delete v[last];
  else v[last] = value;
}

// A text: a string, or spans; shown as its characters.
function plain(t) {
  if (t == null) return "";
  if (typeof t === "string") return t;
  if (Array.isArray(t)) return t.map((s) => (typeof s === "string" ? s : s.text || "")).join("");
  return "";
}

// --- Fields -------------------------------------------------------------------

function show(el) {
  const v = getAt(el.dataset.path);
  switch (el.dataset.kind) {
    case "lines":
      el.value = Array.isArray(v) ? v.map(plain).join("\n") : "";
      break;
    case "number":
      el.value = v == null ? "" : String(v);
      break;
    case "text":
      el.value = plain(v);
      break;
    default:
      el.value = v == null ? "" : String(v);
  }
}

function read(el) {
  const raw = el.value;
  const path = el.dataset.path;
  switch (el.dataset.kind) {
    case "lines": {
      const lines = raw.split("\n").map((l) => l.trim()).filter((l) => l);
      const old = getAt(path);
      // Lines left as they were keep their spans (emphasis, footnotes).
      const kept = lines.map((l, i) => (Array.isArray(old) && plain(old[i]) === l ? old[i] : l));
      setAt(path, kept.length ? kept : undefined);
      break;
    }
    case "number": {
      const n = raw.trim() === "" ? null : Number(raw);
      setAt(path, Number.isInteger(n) ? n : raw.trim() === "" ? null : raw);
      break;
    }
    case "text":
      if (plain(getAt(path)) !== raw) setAt(path, raw.trim() ? raw : undefined);
      break;
    case "choice":
      if (raw) setAt(path, raw);
      else setAt(path.replace(/\/form$/, ""), undefined);
      break;
    default:
      setAt(path, raw.trim() ? raw : undefined);
  }
}

// The form's own fields (the header, the closing …): not the sections, which
// draw theirs, nor the whole JSON.
function fields() {
  return [...document.querySelectorAll("#form [data-path]")].filter(
    (el) => el.matches("input, textarea, select") && el.id !== "json" && !el.closest("#sections"),
  );
}

// --- Sections -----------------------------------------------------------------

function isParagraph(b) {
  return typeof b === "string" || Array.isArray(b);
}

function sectionList(pointer) {
  const v = getAt(pointer);
  return Array.isArray(v) ? v : [];
}

function drawSections(container, pointer) {
  container.replaceChildren();
  sectionList(pointer).forEach((s, i) => {
    const path = `${pointer}/${i}`;
    const node = $("#section").content.firstElementChild.cloneNode(true);
    node.dataset.path = path;
    const title = node.querySelector(".title");
    title.value = plain(s.title);
    title.dataset.path = `${path}/title`;
    title.placeholder = T[lang].sectionTitle;
    title.addEventListener("input", () => {
      s.title = title.value.trim() ? title.value : undefined;
      if (s.title === undefined) delete s.title;
      changed();
    });
    const paras = node.querySelector(".paras");
    paras.dataset.path = `${path}/content`;
    paras.placeholder = T[lang].sectionText;
    const content = s.content || [];
    if (content.every(isParagraph)) {
      paras.value = content.map(plain).join("\n");
      paras.addEventListener("input", () => {
        const lines = paras.value.split("\n").map((l) => l.trim()).filter((l) => l);
        const kept = lines.map((l, k) => (plain(content[k]) === l ? content[k] : l));
        if (kept.length) s.content = kept;
        else delete s.content;
        changed();
      });
    } else {
      paras.value = T[lang].blocks;
      paras.disabled = true;
    }
    const list = sectionList(pointer);
    const move = (f) => () => {
      f(list, i);
      drawAll();
      changed();
    };
    node.querySelector(".up").onclick = move((l, k) => k > 0 && l.splice(k - 1, 0, l.splice(k, 1)[0]));
    node.querySelector(".down").onclick = move((l, k) => k < l.length - 1 && l.splice(k + 1, 0, l.splice(k, 1)[0]));
    node.querySelector(".in").onclick = move((l, k) => {
      if (k === 0) return;
      const prev = l[k - 1];
      (prev.sections = prev.sections || []).push(l.splice(k, 1)[0]);
    });
    node.querySelector(".out").onclick = () => {
      const ts = tokens(pointer);
      if (ts.length < 3) return; // already at the top
      const parentList = getAt("/" + ts.slice(0, -2).join("/"));
      const parentIndex = Number(ts[ts.length - 2]);
      parentList.splice(parentIndex + 1, 0, list.splice(i, 1)[0]);
      if (!list.length) delete parentList[parentIndex].sections;
      drawAll();
      changed();
    };
    node.querySelector(".sub").onclick = () => {
      (s.sections = s.sections || []).push({ title: "" });
      drawAll();
      changed();
    };
    node.querySelector(".del").onclick = move((l, k) => l.splice(k, 1));
    drawSections(node.querySelector(".children"), `${path}/sections`);
    container.append(node);
  });
}

// --- Drawing and refreshing ---------------------------------------------------

function drawAll() {
  fields().forEach(show);
  drawSections($("#sections"), "/sections");
  $("#json").value = JSON.stringify(doc, null, 2);
  if (doc.type) $("#type").value = doc.type;
}

function changed() {
  localStorage.setItem(KEY, JSON.stringify(doc));
  if (document.activeElement !== $("#json")) $("#json").value = JSON.stringify(doc, null, 2);
  clearTimeout(timer);
  timer = setTimeout(refresh, 500);
}

function status(text, state) {
  const s = $("#status");
  s.textContent = text;
  s.dataset.state = state;
  // How many refreshes have finished: what a test waits on.
  if (state !== "busy") s.dataset.done = String(Number(s.dataset.done || 0) + 1);
}

async function problem(r) {
  try {
    return await r.json();
  } catch {
    return { detail: `${r.status}`, detail_vi: `${r.status}` };
  }
}

function mark(pointer) {
  document.querySelectorAll(".bad").forEach((e) => e.classList.remove("bad"));
  const el = fieldFor(pointer);
  if (el) el.classList.add("bad");
}

// The field a pointer belongs to: the longest data-path that begins it.
function fieldFor(pointer) {
  let best = null;
  document.querySelectorAll("#form [data-path]").forEach((el) => {
    const p = el.dataset.path;
    if (p && (pointer === p || pointer.startsWith(p + "/")) && (!best || p.length > best.dataset.path.length)) {
      if (!el.disabled) best = el;
    }
  });
  return best;
}

function go(pointer) {
  const el = fieldFor(pointer);
  if (el && el.matches("input, textarea, select")) {
    el.focus();
  } else {
    $("details").open = true;
    $("#json").focus();
  }
}

async function refresh() {
  const mine = ++generation;
  const body = JSON.stringify(doc);
  status(T[lang].updating, "busy");
  const [check, pdf] = await Promise.all([
    fetch(`/v1/check?lang=${lang}`, { method: "POST", body }),
    fetch("/v1/render?format=pdf", { method: "POST", body }),
  ]);
  if (mine !== generation) return; // a newer edit is on its way
  const list = $("#findings");
  list.replaceChildren();
  if (check.ok) {
    const r = await check.json();
    for (const f of r.findings) {
      const li = document.createElement("li");
      li.className = f.severity;
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = T[lang].go;
      b.onclick = () => go(f.pointer || "");
      li.append(`${f.rule} ${f.message}${f.fix ? ` → ${f.fix}` : ""} `, b);
      list.append(li);
    }
    if (!r.findings.length) list.append(Object.assign(document.createElement("li"), { textContent: T[lang].clean }));
  }
  if (pdf.ok) {
    const blob = await pdf.blob();
    const old = $("#preview").src;
    $("#preview").src = URL.createObjectURL(blob);
    if (old.startsWith("blob:")) URL.revokeObjectURL(old);
    mark("");
    status(T[lang].ready(Math.round(blob.size / 1024)), "ready");
  } else {
    const p = await problem(pdf);
    if (p.pointer) mark(p.pointer);
    status(lang === "vi" ? p.detail_vi : p.detail, "error");
  }
}

async function download(format) {
  const r = await fetch(`/v1/render?format=${format}`, { method: "POST", body: JSON.stringify(doc) });
  if (!r.ok) {
    const p = await problem(r);
    status(lang === "vi" ? p.detail_vi : p.detail, "error");
    return;
  }
  const name = (r.headers.get("Content-Disposition") || "").match(/filename="([^"]+)"/);
  const a = document.createElement("a");
  a.href = URL.createObjectURL(await r.blob());
  a.download = name ? name[1] : `van-ban.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
}

async function load(type) {
  const r = await fetch(`/v1/new/${encodeURIComponent(type)}`);
  doc = await r.json();
  drawAll();
  changed();
}

async function importFile(file) {
  const form = new FormData();
  form.append("file", file);
  const r = await fetch("/v1/import", { method: "POST", body: form });
  if (!r.ok) {
    const p = await problem(r);
    status(lang === "vi" ? p.detail_vi : p.detail, "error");
    return;
  }
  const out = await r.json();
  doc = out.document;
  drawAll();
  changed();
  status(T[lang].imported(out.unplaced.length), "imported");
}

function translate() {
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-t]").forEach((el) => {
    const s = T[lang][el.dataset.t];
    if (typeof s === "string") el.textContent = s;
  });
  document.querySelectorAll("[data-t-placeholder]").forEach((el) => {
    el.placeholder = T[lang][el.dataset.tPlaceholder];
  });
  $("#lang").textContent = T[lang].lang;
}

// --- Start --------------------------------------------------------------------

async function start() {
  translate();
  const types = await (await fetch("/v1/types")).json();
  for (const t of types.filter((t) => t.laid_out)) {
    $("#type").append(new Option(`${t.name} (${t.type})`, t.type));
  }
  fields().forEach((el) => {
    el.addEventListener("input", () => {
      read(el);
      changed();
    });
  });
  $("#json").addEventListener("input", () => {
    try {
      doc = JSON.parse($("#json").value);
      drawSections($("#sections"), "/sections");
      fields().forEach(show);
      changed();
    } catch (e) {
      status(T[lang].badJson + e.message, "error");
    }
  });
  $("#type").onchange = () => load($("#type").value);
  $("#new").onclick = () => load($("#type").value);
  $("#add-section").onclick = () => {
    (doc.sections = doc.sections || []).push({ title: "" });
    drawAll();
    changed();
  };
  $("#pdf").onclick = () => download("pdf");
  $("#docx").onclick = () => download("docx");
  $("#import").onchange = (e) => e.target.files[0] && importFile(e.target.files[0]);
  const drop = $("#drop");
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    if (e.dataTransfer.files[0]) importFile(e.dataTransfer.files[0]);
  });
  $("#lang").onclick = () => {
    lang = lang === "vi" ? "en" : "vi";
    localStorage.setItem("vanban.lang", lang);
    translate();
    drawAll();
    refresh();
  };
  const saved = localStorage.getItem(KEY);
  if (saved) {
    try {
      doc = JSON.parse(saved);
      drawAll();
      refresh();
      return;
    } catch {
      localStorage.removeItem(KEY);
    }
  }
  await load("ke-hoach");
}

start();
