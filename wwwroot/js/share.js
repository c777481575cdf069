// The article's "copy link" button: hidden in the markup, shown only where the Clipboard API can do the job.
// Without script the read-only field still holds the address to copy by hand.
(() => {
  "use strict";
  for (const button of document.querySelectorAll("button[data-copy-target]")) {
    const field = document.getElementById(button.dataset.copyTarget);
    const status = button.closest(".share-copy")?.querySelector(".share-status");
    if (!field || !navigator.clipboard) {
      continue;
    }
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        if (status) status.textContent = "تم نسخ الرابط.";
      } catch {
        // Denied (no secure context or no permission): select the text so the reader can copy it.
        field.select();
        if (status) status.textContent = "حدّد الرابط وانسخه.";
      }
    });
  }
})();
