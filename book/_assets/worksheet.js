/*
 * Worksheets: an exercise notebook answered in the page, with no kernel and no server.
 *
 * The page (book/worksheets/*.md, built from exercises/ by `medialit exercises build`) holds a
 * <script type="application/json" class="ws-data"> with what medialit.exercises.worksheet
 * .page_data gives: the questions, and for practice questions only the practice key's salted
 * hashes and tolerance bands and the hint. This file
 *
 *   - checks a practice answer as `check("2.3", answer)` does in a notebook, and prints the
 *     same line ("✓ 2.3: right (1/1)", "✗ 2.3: not yet. Hint: ... (0/1)"); a graded or
 *     hand-graded answer is only "recorded";
 *   - keeps the answers in localStorage (one entry per worksheet), so a reload loses nothing;
 *   - saves the worksheet file ("Download my answers") that `medialit grade` reads.
 *
 * To hash as the package does it normalises text exactly as medialit/exercises/answers.py:
 * NFKC, typographic quotes, Python's whitespace split, the edge punctuation, casefold. The
 * Unicode tables come from the Python that built the page; a character that Python's Unicode
 * version does not know is left alone, as Python leaves it. SHA-256 is sha256.js (no Web
 * Crypto, which plain-http school servers lack). No module loader, no network.
 *
 * tests/test_worksheet_browser.py checks every function below against the Python it mirrors.
 * Written for medialit (MIT licence, see LICENSE).
 */
(function (root) {
  "use strict";

  var STORAGE_PREFIX = "medialit-worksheet:";
  var DIGEST_CHARS = 24;
  var LATERAL_FIELDS = ["publisher", "date", "url", "says"];

  // ------------------------------------------------------------------ text as answers.py reads it

  function decodeTables(raw) {
    var tables = {
      space: new Set(raw.space),
      quotes: raw.quotes,
      edge: new Set(Array.from(raw.edge, function (ch) { return ch.codePointAt(0); })),
      full: Boolean(raw.assigned && raw.casefold),
      casefold: raw.casefold || {},
      starts: [],
      ends: [],
    };
    if (tables.full) {
      var at = 0;
      for (var i = 0; i < raw.assigned.length; i += 2) {
        var start = at + raw.assigned[i];
        at = start + raw.assigned[i + 1];
        tables.starts.push(start);
        tables.ends.push(at); // exclusive
      }
    }
    return tables;
  }

  function isAssigned(tables, cp) {
    var lo = 0, hi = tables.starts.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (tables.starts[mid] <= cp) lo = mid + 1; else hi = mid - 1;
    }
    return hi >= 0 && cp < tables.ends[hi];
  }

  // A lone surrogate becomes U+FFFD (Python could not encode it; TextEncoder would do the same).
  function wellFormed(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        var d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { out += text[i] + text[i + 1]; i++; } else out += "\ufffd";
      } else if (c >= 0xdc00 && c <= 0xdfff) {
        out += "\ufffd";
      } else {
        out += text[i];
      }
    }
    return out;
  }

  // NFKC in runs of characters Python's Unicode database assigns; others pass unchanged (to
  // Python an unassigned code point is a starter with no decomposition: a run boundary).
  function nfkc(text, tables) {
    var out = "", run = "";
    for (var ch of text) {
      if (isAssigned(tables, ch.codePointAt(0))) { run += ch; continue; }
      out += run.normalize("NFKC") + ch;
      run = "";
    }
    return out + run.normalize("NFKC");
  }

  function casefold(text, tables) {
    var out = "";
    for (var ch of text) {
      if (!isAssigned(tables, ch.codePointAt(0))) out += ch;
      else out += Object.prototype.hasOwnProperty.call(tables.casefold, ch) ? tables.casefold[ch] : ch.toLowerCase();
    }
    return out;
  }

  // " ".join(text.split()): split on what str.isspace calls space.
  function splitJoin(text, space) {
    var words = [], word = "";
    for (var ch of text) {
      if (space.has(ch.codePointAt(0))) {
        if (word) { words.push(word); word = ""; }
      } else {
        word += ch;
      }
    }
    if (word) words.push(word);
    return words.join(" ");
  }

  function stripSet(text, set) {
    var chars = Array.from(text), i = 0, j = chars.length;
    while (i < j && set.has(chars[i].codePointAt(0))) i++;
    while (j > i && set.has(chars[j - 1].codePointAt(0))) j--;
    return chars.slice(i, j).join("");
  }

  function isAscii(text) {
    return /^[\x00-\x7f]*$/.test(text);
  }

  // normalise_text: NFKC, typographic quotes and dashes, spacing, edge punctuation, casefold.
  function normaliseText(value, tables) {
    var text = wellFormed(String(value));
    if (!isAscii(text)) {
      if (!tables.full) throw new Error("this page has no Unicode tables for non-ASCII text");
      text = nfkc(text, tables);
    }
    var translated = "";
    for (var ch of text) translated += Object.prototype.hasOwnProperty.call(tables.quotes, ch) ? tables.quotes[ch] : ch;
    text = stripSet(splitJoin(translated, tables.space), tables.edge);
    return tables.full ? casefold(text, tables) : text.toLowerCase();
  }

  function normaliseLabel(label, tables) {
    return normaliseText(label, tables).split(" ").join("_");
  }

  function isBlank(value, tables) {
    if (value === undefined || value === null) return true;
    return typeof value === "string" && stripSet(value, tables.space) === "";
  }

  function digest(salt, question, text) {
    return root.medialitSha256(salt + "\u0000" + question + "\u0000" + text).slice(0, DIGEST_CHARS);
  }

  // band_index: the band of `width` starting at `offset` a number falls in; null if it overflows.
  function bandIndex(value, offset, width) {
    var position = (value - offset) / width + 1e-9;
    return isFinite(position) ? Math.floor(position) : null;
  }

  // str(int) in Python: every digit, also beyond 2**53 (String() would write 1e+21).
  function intText(n) {
    if (Number.isSafeInteger(n)) return String(n === 0 ? 0 : n);
    return BigInt(n).toString();
  }

  // round(x, 2) in Python: the exact binary value rounded to two decimals, ties to even.
  function pyRound2(x) {
    if (!isFinite(x) || Math.abs(x) >= 1e15) return x;
    var sign = x < 0 ? -1 : 1;
    var parts = Math.abs(x).toFixed(100).split("."); // exact: a double has a finite expansion
    var kept = Number(parts[0] + parts[1].slice(0, 2));
    var rest = parts[1].slice(2);
    var up = false;
    if (rest[0] > "5") up = true;
    else if (rest[0] === "5") up = /[1-9]/.test(rest.slice(1)) || kept % 2 === 1;
    var result = (kept + (up ? 1 : 0)) / 100;
    return result === 0 ? 0 : sign * result;
  }

  // Python's "{:g}" for points (two decimals at most, well below a million): shortest form.
  function formatPoints(x) {
    return String(x === 0 ? 0 : x);
  }

  // repr() of a str, as Python prints an item name in "missing items: '000', '001'".
  function pyRepr(text) {
    var quote = text.indexOf("'") >= 0 && text.indexOf('"') < 0 ? '"' : "'";
    var out = "";
    for (var ch of text) {
      if (ch === "\\") out += "\\\\";
      else if (ch === quote) out += "\\" + ch;
      else if (ch === "\n") out += "\\n";
      else if (ch === "\r") out += "\\r";
      else if (ch === "\t") out += "\\t";
      else out += ch;
    }
    return quote + out + quote;
  }

  // Keys in the order Python's json.dumps(sort_keys=True) wrote them (code point order): a
  // JavaScript object would put keys such as "2022" first.
  function sortedKeys(object) {
    return Object.keys(object).sort(function (a, b) {
      var x = Array.from(a), y = Array.from(b);
      for (var i = 0; i < Math.min(x.length, y.length); i++) {
        var d = x[i].codePointAt(0) - y[i].codePointAt(0);
        if (d) return d;
      }
      return x.length - y.length;
    });
  }

  // ------------------------------------------------------------------ lateral reading

  function parseDate(text) {
    var match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(String(text).trim());
    if (!match) return null;
    var year = Number(match[1]), month = Number(match[2]), day = Number(match[3]);
    if (year < 1 || month < 1 || month > 12 || day < 1) return null;
    var days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
      31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    return day <= days ? { year: year, month: month, day: day } : null;
  }

  // is_url: http(s), a host with a dot, no spaces; urlparse's refusals count as "not an address".
  function isUrl(text, tables) {
    var value = stripSet(String(text), tables.space);
    for (var ch of value) if (tables.space.has(ch.codePointAt(0))) return false;
    var url = value.replace(/^[\x00-\x20]+/, "");
    var colon = url.indexOf(":");
    var scheme = "", rest = url;
    if (colon > 0 && /^[A-Za-z]/.test(url) && /^[A-Za-z0-9+.\-]*$/.test(url.slice(0, colon))) {
      scheme = url.slice(0, colon).toLowerCase();
      rest = url.slice(colon + 1);
    }
    if (scheme !== "http" && scheme !== "https") return false;
    if (rest.slice(0, 2) !== "//") return false;
    var netloc = rest.slice(2).split(/[\/?#]/)[0];
    if (netloc.indexOf("[") >= 0 || netloc.indexOf("]") >= 0) return false; // see the tests
    if (!isAscii(netloc)) {
      var bare = netloc.replace(/[@:#?]/g, "");
      var folded = bare.normalize("NFKC");
      if (folded !== bare && /[\/?#@:]/.test(folded)) return false;
    }
    return netloc.indexOf(".") >= 0;
  }

  function lateralFlags(value, tables) {
    var flags = LATERAL_FIELDS.filter(function (name) { return isBlank(value[name], tables); })
      .map(function (name) { return name + " is missing"; });
    if (!isBlank(value.url, tables) && !isUrl(value.url, tables)) {
      flags.push("the URL is not a web address (http:// or https://)");
    }
    if (!isBlank(value.date, tables) && parseDate(value.date) === null) {
      flags.push("the date is not a date (write YYYY-MM-DD)");
    }
    return flags;
  }

  // ------------------------------------------------------------------ scoring, as answers.score

  function bestCredit(text, accepted, salt, qid) {
    var hash = digest(salt, qid, text), credit = 0;
    accepted.forEach(function (pair) { if (pair[0] === hash) credit = Math.max(credit, pair[1]); });
    return credit;
  }

  function creditMessage(credit) {
    return credit >= 1 ? "right" : credit > 0 ? "partly right" : "not yet";
  }

  // One letter or a quotation: the best credit among the accepted answers.
  function scoreAccepted(q, value, salt, tables) {
    var credit = bestCredit(normaliseText(value, tables), q.entry.accepted, salt, q.id);
    return { fraction: credit, message: creditMessage(credit), details: [] };
  }

  var SCORERS = {
    choice: scoreAccepted,
    quote: scoreAccepted,
    choices: function (q, value, salt, tables) {
      var chosen = new Set(value.map(function (v) { return normaliseText(v, tables); }));
      var letters = sortedKeys(q.entry.options), fine = 0;
      letters.forEach(function (letter) {
        var state = letter + "\u0000" + (chosen.has(letter) ? "chosen" : "left");
        if (q.entry.options[letter].indexOf(digest(salt, q.id, state)) >= 0) fine++;
      });
      var message = fine === letters.length ? "right" : "your choice was right for " + fine + " of the " + letters.length + " options";
      return { fraction: fine / letters.length, message: message, details: [] };
    },
    number: function (q, value, salt) {
      var credit = 0;
      q.entry.bands.forEach(function (band) {
        var index = bandIndex(value, band.offset, band.width);
        if (index !== null && digest(salt, q.id, intText(index)) === band.hash) {
          credit = Math.max(credit, band.credit);
        }
      });
      return { fraction: credit, message: creditMessage(credit), details: [] };
    },
    classify: function (q, value, salt, tables) {
      var labels = {};
      Object.keys(value).forEach(function (item) { labels[item] = normaliseLabel(value[item], tables); });
      var items = sortedKeys(q.entry.items);
      var known = new Set(q.labels.map(function (label) { return normaliseLabel(label, tables); }));
      var missing = items.filter(function (item) { return !(item in labels); });
      var strange = Array.from(new Set(items.filter(function (item) {
        return item in labels && !known.has(labels[item]);
      }).map(function (item) { return labels[item]; }))).sort();
      var earned = 0, full = 0;
      items.forEach(function (item) {
        if (!(item in labels)) return;
        var credit = bestCredit(item + "\u0000" + labels[item], q.entry.items[item], salt, q.id);
        earned += credit;
        if (credit >= 1) full++;
      });
      var message = full === items.length ? "right" : full + " of " + items.length + " right";
      var details = [];
      if (missing.length) details.push("missing items: " + missing.map(pyRepr).join(", "));
      if (strange.length) details.push("not a label of this question: " + strange.join(", "));
      return { fraction: earned / items.length, message: message, details: details };
    },
  };

  function selfChecked(q) {
    return q.role !== "graded" && q.kind !== "open" && q.kind !== "lateral";
  }

  // What check(q.id, value) prints in a notebook; `value` as the answer variable would hold it
  // (undefined or null: left blank).
  function checkLine(q, value, data, tables) {
    var top = q.points, blank = isBlank(value, tables);
    if (!selfChecked(q)) return "• " + q.id + ": " + recordedMessage(q, value, tables);
    if (!q.entry) return "✗ " + q.id + ": no key for this question yet (0/" + formatPoints(top) + ")";
    if (blank) return "✗ " + q.id + ": not answered yet (0/" + formatPoints(top) + ")";
    var result = SCORERS[q.kind](q, value, data.salt, tables);
    var points = pyRound2(top * result.fraction);
    var right = result.fraction >= 1;
    var message = result.message;
    if (!right && q.hint && q.role !== "graded") message += ". Hint: " + q.hint;
    var lines = [(right ? "✓ " : "✗ ") + q.id + ": " + message + " (" + formatPoints(points) + "/" + formatPoints(top) + ")"];
    result.details.forEach(function (detail) { lines.push("    " + detail); });
    return lines.join("\n");
  }

  function recordedMessage(q, value, tables) {
    if (q.kind === "lateral") {
      var empty = isBlank(value, tables) || (typeof value === "object" &&
        LATERAL_FIELDS.every(function (name) { return isBlank(value[name], tables); }));
      if (empty) return "not answered yet";
      var flags = lateralFlags(value, tables);
      return "answer recorded; your teacher grades it" + (flags.length ? "; flagged: " + flags.join("; ") : "");
    }
    if (isBlank(value, tables)) return "not answered yet";
    if (q.kind === "open") return "answer recorded; graded by hand with the rubric";
    return "answer recorded; your teacher's key grades it";
  }

  // ------------------------------------------------------------------ numbers typed in the page

  function parseNumber(text, unit) {
    var value = String(text).trim();
    if (!value) return { blank: true };
    if (unit === "%" && value.slice(-1) === "%") value = value.slice(0, -1).trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) {
      var number = Number(value);
      return isFinite(number) ? { value: number } : { error: "that number is too large" };
    }
    if (/\d[,\s]\d/.test(value)) {
      return { error: "write the number without commas or spaces (2500, not 2,500), with a point for decimals" };
    }
    return { error: "give a number: digits, with a point for decimals" };
  }

  // ------------------------------------------------------------------ the page

  function readRaw(element, kind) {
    if (kind === "choice") {
      var checked = element.querySelector("input[type=radio]:checked");
      return checked ? checked.value : "";
    }
    if (kind === "choices") {
      return Array.from(element.querySelectorAll("input[type=checkbox]:checked")).map(function (box) { return box.value; });
    }
    if (kind === "classify") {
      var labels = {};
      element.querySelectorAll("select[data-item]").forEach(function (select) {
        if (select.value) labels[select.dataset.item] = select.value;
      });
      return labels;
    }
    if (kind === "lateral") {
      var fields = {};
      element.querySelectorAll("[data-field]").forEach(function (field) { fields[field.dataset.field] = field.value; });
      return fields;
    }
    return element.querySelector("input, textarea").value;
  }

  function writeRaw(element, kind, raw) {
    if (kind === "choice" || kind === "choices") {
      var chosen = kind === "choice" ? [raw] : (Array.isArray(raw) ? raw : []);
      element.querySelectorAll("input").forEach(function (box) { box.checked = chosen.indexOf(box.value) >= 0; });
    } else if (kind === "classify") {
      element.querySelectorAll("select[data-item]").forEach(function (select) {
        var label = raw && typeof raw === "object" ? raw[select.dataset.item] : "";
        select.value = label && Array.from(select.options).some(function (o) { return o.value === label; }) ? label : "";
      });
    } else if (kind === "lateral") {
      element.querySelectorAll("[data-field]").forEach(function (field) {
        field.value = raw && typeof raw[field.dataset.field] === "string" ? raw[field.dataset.field] : "";
      });
    } else {
      element.querySelector("input, textarea").value = typeof raw === "string" ? raw : "";
    }
  }

  // The answer a notebook variable would hold for what is typed: {value} (undefined: blank),
  // or {problem} when it cannot be read (a number that is not one).
  function answerOf(q, raw, data, tables) {
    var limit = data.maxText;
    function text(value) { return wellFormed(String(value || "")).slice(0, limit); }
    switch (q.kind) {
      case "choice": return { value: raw || undefined };
      case "choices": return { value: raw && raw.length ? raw.slice().sort() : undefined };
      case "classify": {
        var labels = {};
        q.items.forEach(function (item) { if (raw && raw[item]) labels[item] = raw[item]; });
        return { value: Object.keys(labels).length ? labels : undefined };
      }
      case "lateral": {
        var fields = {};
        LATERAL_FIELDS.forEach(function (name) { fields[name] = text(raw && raw[name]); });
        var empty = LATERAL_FIELDS.every(function (name) { return isBlank(fields[name], tables); });
        return { value: empty ? undefined : fields };
      }
      case "number": {
        var parsed = parseNumber(raw || "", q.unit);
        return parsed.error ? { problem: parsed.error } : { value: parsed.value };
      }
      default: {
        var value = text(raw);
        return { value: isBlank(value, tables) ? undefined : value };
      }
    }
  }

  function storage() {
    try {
      var probe = STORAGE_PREFIX + "probe";
      root.localStorage.setItem(probe, "1");
      root.localStorage.removeItem(probe);
      return root.localStorage;
    } catch (error) {
      return null; // storage switched off, or full: the page works, and says so
    }
  }

  function safeFileName(name) {
    return name.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "answers";
  }

  function Page(dataElement) {
    this.data = JSON.parse(dataElement.textContent);
    this.tables = decodeTables(this.data.text);
    this.questions = {};
    var self = this;
    this.data.questions.forEach(function (q) { self.questions[q.id] = q; });
    this.key = STORAGE_PREFIX + this.data.worksheet;
    this.store = storage();
    this.state = this.load();
    this.forms = Array.from(document.querySelectorAll(".ws-question[data-question]"));
    this.name = document.getElementById("ws-student");
    this.progress = document.querySelector(".ws-progress");
    this.status = document.querySelector(".ws-hand-in-status");
  }

  Page.prototype.load = function () {
    var empty = { student: "", answers: {} };
    if (!this.store) return empty;
    try {
      var saved = JSON.parse(this.store.getItem(this.key) || "null");
      if (saved && typeof saved === "object" && typeof saved.answers === "object" && saved.answers) {
        return { student: typeof saved.student === "string" ? saved.student : "", answers: saved.answers };
      }
    } catch (error) { /* a damaged entry: start afresh */ }
    return empty;
  };

  Page.prototype.save = function () {
    if (!this.store) return;
    try {
      this.state.saved = new Date().toISOString();
      this.store.setItem(this.key, JSON.stringify(this.state));
    } catch (error) {
      this.say("This browser did not keep your answers (its storage is full or off): download them before you leave the page.");
    }
  };

  Page.prototype.say = function (text) {
    if (this.status) this.status.textContent = text;
  };

  Page.prototype.start = function () {
    var self = this;
    document.querySelectorAll(".ws-needs-js").forEach(function (note) { note.hidden = true; });
    document.querySelectorAll(".ws-check-row, .ws-buttons").forEach(function (row) { row.hidden = false; });
    this.forms.forEach(function (element) {
      var q = self.questions[element.dataset.question];
      if (!q) return;
      if (Object.prototype.hasOwnProperty.call(self.state.answers, q.id)) writeRaw(element, q.kind, self.state.answers[q.id]);
      var changed = function () {
        self.state.answers[q.id] = readRaw(element, q.kind);
        self.save();
        self.verdict(element, "", "");
        self.count();
      };
      element.addEventListener("input", changed);
      element.addEventListener("change", changed);
      element.querySelector(".ws-check").addEventListener("click", function () { self.check(element, q); });
    });
    if (this.name) {
      this.name.value = this.state.student;
      this.name.addEventListener("input", function () {
        self.state.student = self.name.value;
        self.save();
      });
    }
    var download = document.querySelector(".ws-download");
    if (download) download.addEventListener("click", function () { self.download(); });
    var clear = document.querySelector(".ws-clear");
    if (clear) clear.addEventListener("click", function () { self.clear(); });
    if (!this.store) this.say("This browser does not keep answers between visits: download them before you leave the page.");
    this.count();
  };

  Page.prototype.verdict = function (element, text, kind) {
    var out = element.querySelector(".ws-verdict");
    out.textContent = text;
    out.className = "ws-verdict" + (kind ? " ws-" + kind : "");
  };

  Page.prototype.check = function (element, q) {
    var answer = answerOf(q, readRaw(element, q.kind), this.data, this.tables);
    if (answer.problem) {
      var prefix = selfChecked(q) ? "✗ " : "• ";
      var tail = selfChecked(q) ? " (0/" + formatPoints(q.points) + ")" : "";
      this.verdict(element, prefix + q.id + ": not yet: " + answer.problem + tail, selfChecked(q) ? "wrong" : "recorded");
      return;
    }
    var line = checkLine(q, answer.value, this.data, this.tables);
    var kind = line[0] === "✓" ? "right" : line[0] === "✗" ? "wrong" : "recorded";
    this.verdict(element, line, kind);
  };

  Page.prototype.answers = function () {
    var answers = {}, problems = [], self = this;
    this.forms.forEach(function (element) {
      var q = self.questions[element.dataset.question];
      if (!q) return;
      var answer = answerOf(q, readRaw(element, q.kind), self.data, self.tables);
      if (answer.problem) problems.push("question " + q.id + " (" + answer.problem + ")");
      else if (answer.value !== undefined) answers[q.id] = answer.value;
    });
    return { answers: answers, problems: problems };
  };

  Page.prototype.count = function () {
    if (!this.progress) return;
    var given = Object.keys(this.answers().answers).length;
    this.progress.textContent = "You have answered " + given + " of " + this.forms.length + " questions on this page.";
  };

  Page.prototype.download = function () {
    var student = (this.name ? this.name.value : "").trim();
    if (!student) {
      this.say("Write your name first, in the box above.");
      if (this.name) this.name.focus();
      return;
    }
    var collected = this.answers();
    var file = {
      format: this.data.format,
      version: this.data.version,
      worksheet: this.data.worksheet,
      student: wellFormed(student).slice(0, this.data.maxName),
      saved: new Date().toISOString(),
      answers: collected.answers,
    };
    var name = this.data.worksheet + "-" + safeFileName(student) + ".json";
    var blob = new Blob([JSON.stringify(file, null, 1) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
    var given = Object.keys(collected.answers).length;
    var text = "Saved " + name + " with " + given + " of " + this.forms.length + " answers. Hand in this file.";
    if (collected.problems.length) text += " Left out, as they cannot be read: " + collected.problems.join("; ") + ".";
    this.say(text);
  };

  Page.prototype.clear = function () {
    if (!root.confirm("Clear every answer on this page, and your name, from this browser? Download them first if you have not handed them in.")) return;
    var self = this;
    if (this.store) this.store.removeItem(this.key);
    this.state = { student: "", answers: {} };
    this.forms.forEach(function (element) {
      writeRaw(element, element.dataset.kind, undefined);
      self.verdict(element, "", "");
    });
    if (this.name) this.name.value = "";
    this.count();
    this.say("Your answers were cleared from this browser.");
  };

  function start() {
    var dataElement = document.querySelector("script.ws-data");
    if (!dataElement || !root.medialitSha256) return;
    var page = new Page(dataElement);
    page.start();
    root.medialitWorksheet.page = page;
  }

  root.medialitWorksheet = {
    decodeTables: decodeTables,
    normaliseText: normaliseText,
    normaliseLabel: normaliseLabel,
    isBlank: isBlank,
    digest: digest,
    bandIndex: bandIndex,
    intText: intText,
    pyRound2: pyRound2,
    pyRepr: pyRepr,
    parseDate: parseDate,
    isUrl: isUrl,
    lateralFlags: lateralFlags,
    checkLine: checkLine,
    parseNumber: parseNumber,
    answerOf: answerOf,
    safeFileName: safeFileName,
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(typeof window !== "undefined" ? window : this);
