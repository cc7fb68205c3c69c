/*! 1Relay connect widget: no dependencies, ES2017. Docs: packages/connect/README.md
 * OneRelay.connect({ baseUrl, clientId, redirectUri, scope, key, codeChallenge,
 *   state, budgetUsd?, rpm? }) -> Promise<{ code, state, iss }>
 * key, codeChallenge, state: from your server (startAuthorization). Call it in
 * a click handler, on a page of redirectUri's origin (the only origin the
 * consent page posts to); send the result to your server (exchangeCode).
 * Errors have .code: access_denied, popup_closed, state_mismatch, superseded,
 * invalid_options. Popup blocked: this tab goes to 1Relay, which returns to
 * redirectUri?code=&state=&iss= (the promise never settles). */
(function () {
  "use strict";
  var active = null;

  function fail(code, message) {
    var error = new Error(message);
    error.code = code;
    return error;
  }

  function connect(o) {
    o = o || {};
    var names = ["baseUrl", "clientId", "redirectUri", "scope", "key", "codeChallenge", "state"];
    for (var i = 0; i < names.length; i++) {
      if (typeof o[names[i]] !== "string" || o[names[i]] === "") {
        return Promise.reject(fail("invalid_options", names[i] + " is required"));
      }
    }
    var origin;
    try {
      origin = new URL(o.baseUrl).origin;
    } catch (e) {
      return Promise.reject(fail("invalid_options", "baseUrl: " + e.message));
    }
    var q = new URLSearchParams({
      response_type: "code",
      client_id: o.clientId,
      redirect_uri: o.redirectUri,
      scope: o.scope,
      state: o.state,
      code_challenge: o.codeChallenge,
      code_challenge_method: "S256",
      key: o.key
    });
    if (o.budgetUsd != null) q.set("budget_usd", String(o.budgetUsd));
    if (o.rpm != null) q.set("rpm", String(o.rpm));
    var base = o.baseUrl.replace(/\/+$/, "") + "/connect/authorize?";
    var pageUrl = base + q.toString();
    q.set("display", "popup");

    if (active) active(fail("superseded", "another connect() started"));
    var w = 480, h = 720;
    var left = Math.max(0, (window.screenX || 0) + ((window.outerWidth || w) - w) / 2);
    var top = Math.max(0, (window.screenY || 0) + ((window.outerHeight || h) - h) / 2);
    var popup = window.open(base + q.toString(), "1relay-connect",
      "popup,width=" + w + ",height=" + h + ",left=" + Math.round(left) + ",top=" + Math.round(top));
    if (!popup) {
      window.location.assign(pageUrl);
      return new Promise(function () {});
    }
    if (popup.focus) popup.focus();

    return new Promise(function (resolve, reject) {
      var timer, seen = 0;
      function settle(error, value, close) {
        window.removeEventListener("message", onMessage);
        window.clearInterval(timer);
        if (active === abort) active = null;
        if (close) popup.close();
        if (error) reject(error); else resolve(value);
      }
      function abort(error) { settle(error, null, false); }
      function onMessage(event) {
        var d = event.data;
        if (event.origin !== origin || event.source !== popup) return;
        if (!d || typeof d !== "object" || d.type !== "1relay:authorize") return;
        if (d.state !== o.state) return settle(fail("state_mismatch", "state does not match"), null, true);
        if (d.error) {
          var code = /^[a-z_]{1,64}$/.test(d.error) ? d.error : "server_error";
          return settle(fail(code, code === "access_denied" ? "the person declined" : "authorization failed"), null, true);
        }
        if (typeof d.code !== "string" || d.code === "") return;
        settle(null, { code: d.code, state: d.state, iss: typeof d.iss === "string" ? d.iss : undefined }, true);
      }
      active = abort;
      window.addEventListener("message", onMessage);
      timer = window.setInterval(function () {
        // one tick of grace for a message posted just before the popup closed
        if (popup.closed && ++seen > 1) settle(fail("popup_closed", "the window was closed"), null, false);
      }, 500);
    });
  }

  window.OneRelay = { connect: connect, version: "1" };
})();
