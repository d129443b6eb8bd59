/*
 * SHA-256 (FIPS 180-4) in plain JavaScript, for pages that check answers in the browser.
 *
 * Why not Web Crypto: crypto.subtle exists only in secure contexts (https, localhost), and a
 * school server often serves the book over plain http. This file needs nothing: no module
 * loader (it never calls define(), so require.js on the widget pages is not disturbed), no
 * network, no secure context.
 *
 *   medialitSha256("abc")             -> "ba7816bf...f20015ad" (hex of the UTF-8 bytes)
 *   medialitSha256.bytes(uint8array)  -> the same for raw bytes
 *
 * Written for medialit (MIT licence, see LICENSE); tests/test_sha256_browser.py checks it
 * against Python's hashlib in Chromium.
 */
(function (root) {
  "use strict";

  // The first 32 bits of the fractional parts of the square roots (H) and cube roots (K) of
  // the first 8 and 64 primes; computed rather than typed, and pinned by the tests.
  function primes(count) {
    var found = [];
    for (var n = 2; found.length < count; n++) {
      var prime = true;
      for (var i = 0; i < found.length && found[i] * found[i] <= n; i++) {
        if (n % found[i] === 0) { prime = false; break; }
      }
      if (prime) found.push(n);
    }
    return found;
  }
  function fraction32(x) {
    return ((x - Math.floor(x)) * 0x100000000) >>> 0;
  }
  var PRIMES = primes(64);
  var K = PRIMES.map(function (p) { return fraction32(Math.cbrt(p)); });
  var H0 = PRIMES.slice(0, 8).map(function (p) { return fraction32(Math.sqrt(p)); });

  function rotr(x, n) {
    return (x >>> n) | (x << (32 - n));
  }

  function utf8(text) {
    if (typeof TextEncoder !== "undefined") return new TextEncoder().encode(text);
    var binary = unescape(encodeURIComponent(text)); // older browsers
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function hex(words) {
    var out = "";
    for (var i = 0; i < words.length; i++) out += ("00000000" + (words[i] >>> 0).toString(16)).slice(-8);
    return out;
  }

  function sha256Bytes(bytes) {
    var length = bytes.length;
    // Message, a 1 bit, zeros, and the length in bits as a 64-bit big-endian number.
    var total = Math.ceil((length + 9) / 64) * 64;
    var data = new Uint8Array(total);
    data.set(bytes);
    data[length] = 0x80;
    var view = new DataView(data.buffer);
    view.setUint32(total - 8, Math.floor(length / 0x20000000));
    view.setUint32(total - 4, (length << 3) >>> 0);

    var h = H0.slice();
    var w = new Uint32Array(64);
    for (var offset = 0; offset < total; offset += 64) {
      var t;
      for (t = 0; t < 16; t++) w[t] = view.getUint32(offset + 4 * t);
      for (t = 16; t < 64; t++) {
        var s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >>> 3);
        var s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >>> 10);
        w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
      for (t = 0; t < 64; t++) {
        var sum1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
        var choice = (e & f) ^ (~e & g);
        var temp1 = (k + sum1 + choice + K[t] + w[t]) | 0;
        var sum0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
        var majority = (a & b) ^ (a & c) ^ (b & c);
        var temp2 = (sum0 + majority) | 0;
        k = g; g = f; f = e; e = (d + temp1) | 0;
        d = c; c = b; b = a; a = (temp1 + temp2) | 0;
      }
      h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
      h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + k) | 0;
    }
    return hex(h);
  }

  function medialitSha256(text) {
    return sha256Bytes(utf8(String(text)));
  }
  medialitSha256.bytes = sha256Bytes;
  root.medialitSha256 = medialitSha256;
})(typeof window !== "undefined" ? window : this);
