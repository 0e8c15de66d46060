/* The editors' page (/redactie/): starts Decap CMS with this harvest's settings (the JSON in the page,
 * written by macros/redactie.py). What Decap does not do itself:
 * - the Dutch words its Dutch lacks (overrides/ko/redactie-nl.yml);
 * - sign-in with a GitHub token (extra.editors.sign_in: token): Decap keeps a signed-in user in the
 *   browser under 'decap-cms-user' and checks the token with GitHub on start; the form below stores it;
 * - a preview in the site's own style (its stylesheets and colours);
 * - on saving a story: the excerpt marker after the first paragraph when the editor did not type it,
 *   and no empty optional fields (make check reads '' as a value). */
(function () {
  "use strict";
  var settings = JSON.parse(document.getElementById("ko-redactie-instellingen").textContent);
  var USER_KEY = "decap-cms-user";
  var local = settings.loopback.indexOf(window.location.hostname) !== -1;

  function merge(base, extra) {
    var out = {};
    Object.keys(base || {}).forEach(function (k) { out[k] = base[k]; });
    Object.keys(extra).forEach(function (k) {
      out[k] = extra[k] && typeof extra[k] === "object" ? merge((base || {})[k], extra[k]) : extra[k];
    });
    return out;
  }

  function withSeparator(body) {
    var more = settings.separator;
    if (!body || body.indexOf(more) !== -1) return body;
    var parts = body.replace(/\r\n/g, "\n").trim().split(/\n\s*\n/);
    if (parts.length < 2) return body;
    return parts[0] + "\n\n" + more + "\n\n" + parts.slice(1).join("\n\n") + "\n";
  }

  function start() {
    var CMS = window.CMS;
    CMS.registerLocale("nl", merge(CMS.getLocale("nl"), settings.words));
    settings.styles.forEach(function (href) { CMS.registerPreviewStyle(href); });
    // The harvest's colours, as this page has them (ko/identity.html in its head).
    var colors = document.head.querySelector("style");
    if (colors) CMS.registerPreviewStyle(colors.textContent, { raw: true });
    CMS.registerPreviewStyle(".ko-redactie-voorbeeld{max-width:34em;margin:1.5rem auto;padding:0 1rem}", { raw: true });
    var h = window.h;
    CMS.registerPreviewTemplate(settings.collection, function (props) {
      var data = props.entry.get("data");
      return h("article", { className: "md-typeset ko-redactie-voorbeeld", lang: "nl" },
        h("p", { className: "ko-redactie-voorbeeld__uitleg" }, settings.preview_intro),
        h("h1", {}, data.get("title") || ""),
        data.get("description") ? h("p", { className: "ko-lead" }, data.get("description")) : null,
        props.widgetFor("body"));
    });
    // A photo in the text, with Dutch labels and without 'from a web address' (make check refuses a
    // photo from another host): replaces Decap's own image component (English labels).
    var photo = settings.photo;
    CMS.registerEditorComponent({
      id: "image",
      label: photo.label,
      fields: [
        { name: "image", label: photo.image, widget: "image", choose_url: false, media_library: { allow_multiple: false } },
        { name: "alt", label: photo.alt, widget: "string" }
      ],
      pattern: /^!\[([^\]]*)\]\(([^)\s]*)\)$/,
      fromBlock: function (match) { return { alt: match[1], image: match[2] }; },
      toBlock: function (data) { return "![" + (data.alt || "") + "](" + (data.image || "") + ")"; },
      toPreview: function (data, getAsset, fields) {
        var field = fields && fields.find(function (f) { return f.get("widget") === "image"; });
        var src = getAsset ? getAsset(data.image, field) : data.image;
        return h("img", { src: String(src || ""), alt: data.alt || "" });
      }
    });
    CMS.registerEventListener({
      name: "preSave",
      handler: function (event) {
        var entry = event.entry;
        var data = entry.get("data");
        data.forEach(function (value, key) {
          if (value === "" || value === null || value === undefined) data = data.delete(key);
        });
        if (entry.get("collection") === settings.collection && data.get("body")) {
          data = data.set("body", withSeparator(data.get("body")));
        }
        return data;
      }
    });
    CMS.init();
  }

  function signIn() {
    var panel = document.getElementById("ko-redactie-inloggen");
    panel.hidden = false;
    if (!settings.repo) {
      document.getElementById("ko-redactie-geen-repository").hidden = false;
      return;
    }
    var form = document.getElementById("ko-redactie-token");
    var input = document.getElementById("ko-token");
    var error = document.getElementById("ko-token-fout");
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var token = input.value.trim();
      if (!/^(github_pat_|ghp_)\w+$/.test(token)) {
        error.hidden = false;
        input.setAttribute("aria-invalid", "true");
        input.focus();
        return;
      }
      window.localStorage.setItem(USER_KEY, JSON.stringify({ backendName: "github", token: token }));
      panel.hidden = true;
      start();
      watchSignOut();
    });
  }

  // Signed out in Decap (its menu): back to this page's own sign-in, never to Decap's GitHub button,
  // which would need a server this harvest does not have.
  function watchSignOut() {
    window.setInterval(function () {
      if (!window.localStorage.getItem(USER_KEY)) window.location.reload();
    }, 1000);
  }

  var signedIn = window.localStorage.getItem(USER_KEY);
  if (local) {
    start();
  } else if (!settings.repo) {
    signIn();
  } else if (settings.sign_in !== "token") {
    start();
  } else if (signedIn) {
    start();
    watchSignOut();
  } else {
    signIn();
  }
})();
