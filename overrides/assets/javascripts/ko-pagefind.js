// Pagefind's search for a large harvest (overrides/ko/pagefind.html), loaded when the reader reaches
// for it: a click on the search button or Ctrl+K / ⌘K. Its script is the largest on the page; loaded
// with every page it cost Lighthouse 300 ms of blocking time on a phone (performance 91–95 → see
// README). Until then the button in the header is a plain one with the same name.
(() => {
  const trigger = document.querySelector("pagefind-modal-trigger[data-ko-script]");
  if (!trigger) return;
  let loading = null;

  const load = () => loading ??= new Promise((resolve, reject) => {
    const sheet = document.createElement("link");
    sheet.rel = "stylesheet";
    sheet.href = trigger.dataset.koStylesheet;
    document.head.append(sheet);
    const script = document.createElement("script");
    script.src = trigger.dataset.koScript; // Pagefind finds its bundle next to this address
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  }).then(() => {
    // Pagefind's words where its Dutch is English ('Reset'): overrides/ko/strings.yml, search.pagefind;
    // set before the dialog is drawn (overrides/ko/pagefind.html keeps it in a template until now).
    const words = JSON.parse(trigger.dataset.koStrings || "{}");
    window.PagefindComponents?.getInstanceManager?.().getInstance("default").setTranslations(words);
    const dialog = document.getElementById("ko-pagefind-dialog");
    if (dialog) dialog.replaceWith(dialog.content.cloneNode(true));
    return customElements.whenDefined("pagefind-modal");
  });

  const open = () => load().then(() => requestAnimationFrame(() => {
    document.querySelector("pagefind-modal")?.open();
  }));

  trigger.querySelector("button")?.addEventListener("click", open, { once: true });
  document.addEventListener("keydown", (event) => {
    // Once loaded, Pagefind's own button listens for the shortcut.
    if (customElements.get("pagefind-modal-trigger")) return;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") {
      event.preventDefault();
      open();
    }
  });
})();
