// The article editor's helpers, on top of a form that works without them: a Markdown toolbar, a live
// preview rendered by the server (the same pipeline as the public page), and a copy of the typed text in
// localStorage so a closed tab or a crash never loses an editor's words.
(() => {
  "use strict";
  const form = document.getElementById("article-form");
  const body = document.getElementById("Input_Body");
  if (!form || !body) {
    return;
  }
  const token = form.querySelector("input[name=__RequestVerificationToken]")?.value ?? "";

  // ---- Toolbar: each button wraps or prefixes the selection, then tells the page the text changed.
  const toolbar = form.querySelector(".editor-toolbar");

  function insert(text, selectFrom, selectTo) {
    const start = body.selectionStart;
    body.focus();
    // execCommand keeps the browser's undo history; setRangeText is the fallback where it is gone.
    if (!document.execCommand || !document.execCommand("insertText", false, text)) {
      body.setRangeText(text, start, body.selectionEnd, "end");
      body.dispatchEvent(new Event("input", { bubbles: true }));
    }
    body.setSelectionRange(start + selectFrom, start + selectTo);
  }

  function wrap(before, after, placeholder) {
    const selected = body.value.slice(body.selectionStart, body.selectionEnd) || placeholder;
    insert(before + selected + after, before.length, before.length + selected.length);
  }

  function prefixLines(prefix) {
    // Whole lines: from the start of the first selected line to the end of the last.
    const value = body.value;
    const start = value.lastIndexOf("\n", body.selectionStart - 1) + 1;
    let end = value.indexOf("\n", body.selectionEnd);
    if (end === -1) {
      end = value.length;
    }
    body.setSelectionRange(start, end);
    const lines = value.slice(start, end).split("\n").map((line) => prefix + line).join("\n");
    // The caret goes after the new text, so typing goes on rather than replacing it.
    insert(lines, lines.length, lines.length);
  }

  const actions = {
    heading: () => prefixLines("## "),
    bold: () => wrap("**", "**", "نص غامق"),
    italic: () => wrap("*", "*", "نص مائل"),
    quote: () => prefixLines("> "),
    list: () => prefixLines("- "),
    link: () => {
      const url = window.prompt("عنوان الرابط:", "https://");
      if (url) {
        wrap("[", `](${url.trim()})`, "نص الرابط");
      }
    },
    image: () => {
      const url = window.prompt("عنوان الصورة على هذا الموقع (يبدأ بـ /media/):", "/media/");
      if (url) {
        wrap("![", `](${url.trim()})`, "وصف الصورة");
      }
    },
  };

  if (toolbar) {
    toolbar.hidden = false;
    toolbar.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-md]");
      if (button && actions[button.dataset.md]) {
        actions[button.dataset.md]();
      }
    });
  }

  // ---- Live preview: the server renders, a moment after the typing stops; an older answer never wins.
  const preview = form.querySelector(".preview-body");
  const previewUrl = form.dataset.previewUrl;
  let previewTimer = 0;
  let previewRequest = null;

  async function refreshPreview() {
    previewRequest?.abort();
    const request = new AbortController();
    previewRequest = request;
    const data = new FormData();
    data.append("body", body.value);
    try {
      const response = await fetch(previewUrl, {
        method: "POST",
        body: data,
        headers: { RequestVerificationToken: token },
        credentials: "same-origin",
        signal: request.signal,
      });
      if (response.ok) {
        preview.innerHTML = await response.text(); // HTML from the server's safe Markdown pipeline only
      }
    } catch (error) {
      if (error.name !== "AbortError") {
        console.warn("preview failed", error);
      }
    }
  }

  if (preview && previewUrl) {
    form.querySelector(".preview-button")?.setAttribute("hidden", "");
    body.addEventListener("input", () => {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(refreshPreview, 500);
    });
  }

  // ---- Autosave: the text fields in localStorage, one entry per article ("new" for an unsaved one).
  const storage = (() => {
    try {
      return window.localStorage;
    } catch {
      return null; // storage switched off: the editor still works, without the safety copy
    }
  })();
  if (!storage) {
    return;
  }
  const prefix = "newssite:article:";
  const key = prefix + form.dataset.draftKey;
  const fields = [...form.querySelectorAll("[data-autosave]")];

  // A successful save just happened: those copies are now stored on the server.
  for (const saved of (form.dataset.savedKeys ?? "").split(" ").filter(Boolean)) {
    storage.removeItem(prefix + saved);
  }

  const snapshot = () => Object.fromEntries(fields.map((field) => [field.name, field.value]));
  const matchesForm = (stored) => fields.every((field) => (stored[field.name] ?? "") === field.value);

  let dirty = false;
  let offerOpen = false;
  let saveTimer = 0;

  function store() {
    // While the restore offer is open, the older copy is kept: the editor has not chosen yet.
    if (!dirty || offerOpen) {
      return;
    }
    try {
      storage.setItem(key, JSON.stringify({ savedAt: Date.now(), fields: snapshot() }));
      dirty = false;
    } catch {
      // storage full: nothing more to do here, the form itself still holds the text
    }
  }

  function read() {
    try {
      return JSON.parse(storage.getItem(key) ?? "null");
    } catch {
      return null;
    }
  }

  form.addEventListener("input", (event) => {
    if (event.target.matches("[data-autosave]")) {
      dirty = true;
      clearTimeout(saveTimer);
      saveTimer = setTimeout(store, 1000);
    }
  });
  setInterval(store, 5000);
  window.addEventListener("pagehide", store);

  const stored = read();
  const offer = form.querySelector(".draft-offer");
  if (stored?.fields && !matchesForm(stored.fields) && offer) {
    offerOpen = true;
    offer.querySelector(".draft-offer-time").textContent =
      new Date(stored.savedAt).toLocaleString("ar-EG", { dateStyle: "medium", timeStyle: "short" });
    offer.hidden = false;

    offer.querySelector(".draft-restore").addEventListener("click", () => {
      for (const field of fields) {
        if (typeof stored.fields[field.name] === "string") {
          field.value = stored.fields[field.name];
        }
      }
      offerOpen = false;
      offer.hidden = true;
      dirty = true;
      store();
      body.dispatchEvent(new Event("input", { bubbles: true }));
      body.focus();
    });
    offer.querySelector(".draft-discard").addEventListener("click", () => {
      storage.removeItem(key);
      offerOpen = false;
      offer.hidden = true;
      store();
    });
  }
})();
