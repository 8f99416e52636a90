// dansk-soegning: the query side of Danish search (see plugin.py). Appended to Material's lunr.da.min.js,
// which the search worker loads for lang: da. /*RULES*/ is replaced by the compound rules from plugin.py.
(function (lunr, RULES) {
  if (!lunr || !lunr.da || !lunr.Query || lunr.Query.__danskSoegning) return;
  lunr.Query.__danskSoegning = true;
  var extraStop = {};
  RULES.questionWords.forEach(function (w) { extraStop[w] = true; });
  function isStop(word) {
    return extraStop[word] === true || lunr.da.stopWordFilter(new lunr.Token(word)) === undefined;
  }
  function danishStem(word) {
    if (word.length < 4) return word;
    var s = lunr.da.stemmer(new lunr.Token(word)).toString();
    if (word.indexOf(s) === 0) return s;
    var i = 0;                       // stem is no prefix (undoubling): keep the common prefix
    while (i < s.length && s[i] === word[i]) i++;
    return i >= 3 ? word.slice(0, i) : word;
  }
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (c) {
    var t = c && typeof c.term === "string" ? c.term : "";
    var m = /^([^*]+)\*$/.exec(t);
    if (m && !c.editDistance) {
      var word = m[1].toLowerCase();
      if (isStop(word)) {
        this.__danskStop = (this.__danskStop || []).concat([[c, clause]]);
        return this;              // dropped unless nothing else is left (see below)
      }
      c.term = danishStem(word) + "*";
      c.__danskWord = word;
    }
    return clause.call(this, c);
  };
  // A compound typed as one word ("undervisningshold") also searches for its parts when both
  // are words of the site ("undervisning", "hold"), with half the weight of the whole word.
  function known(index, word) {
    return Object.prototype.hasOwnProperty.call(index.invertedIndex, word);
  }
  function splitCompound(index, word) {
    for (var i = word.length - (RULES.minPart - 1); i >= RULES.minPart; i--) {
      var left = word.slice(0, i), right = word.slice(i);
      if (RULES.suffixes.some(function (s) { return right.lastIndexOf(s, 0) === 0; })) continue;
      var head = RULES.linking.indexOf(left.slice(-1)) >= 0 && known(index, left.slice(0, -1)) ? left.slice(0, -1)
        : known(index, left) ? left : null;
      if (head && known(index, right)) return [head, right];
    }
    return null;
  }
  // One letter wrong, missing, doubled or two letters swapped (Damerau distance 1): true when a and b
  // differ by at most one such edit.
  function withinOne(a, b) {
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;                      // substitution
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);  // swap
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);  // extra / missing
  }
  // A typed word whose stem starts no word of the site is taken as misspelt: the site's words whose
  // beginning is one edit from the stem stand in for it ("bevilinger" → bevilling*), the most
  // frequent first. Only for stems of RULES.fuzzyMin letters or more: short words have too many
  // neighbours.
  function corrections(index, stem) {
    if (stem.length < RULES.fuzzyMin) return [];
    var terms = Object.keys(index.invertedIndex), seen = {}, found = [];
    for (var k = 0; k < terms.length; k++) if (terms[k].lastIndexOf(stem, 0) === 0) return [];
    for (var j = 0; j < terms.length; j++) {
      var t = terms[j];
      for (var d = -1; d <= 1; d++) {
        var p = t.slice(0, stem.length + d);
        if (p.length < RULES.fuzzyMin - 1 || p.length !== stem.length + d) continue;
        if (withinOne(p, stem)) { seen[p] = (seen[p] || 0) + 1; break; }
      }
    }
    for (var p2 in seen) found.push(p2);
    found.sort(function (a, b) { return (seen[b] - seen[a]) || (a < b ? -1 : 1); });
    return found.slice(0, RULES.fuzzyMax);
  }
  // A misspelt compound ("undervisnigshold"): a word of the site one edit from its beginning, and a
  // word of the site for the rest ("undervisning" + "hold"); [] when there is none.
  function fuzzySplit(index, word) {
    var terms = Object.keys(index.invertedIndex);
    for (var i = word.length - RULES.minPart; i >= RULES.minPart; i--) {
      var right = word.slice(i);
      if (!known(index, right)) continue;
      var left = word.slice(0, i);
      for (var j = 0; j < terms.length; j++) {
        var t = terms[j];
        if (t.length >= RULES.fuzzyMin && Math.abs(t.length - left.length) <= 1 && withinOne(t, left))
          return [t, right];
        if (RULES.linking.indexOf(left.slice(-1)) >= 0 && withinOne(t, left.slice(0, -1)) && t.length >= RULES.fuzzyMin)
          return [t, right];
      }
    }
    return [];
  }
  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (fn) {
    var index = this, words = [];
    self.__danskIndex = index;  // for tests and debugging in the worker
    var results = query.call(this, function (q) {
      fn.call(q, q);
      // a query of stop words only ("hvem er") still searches for them
      if (!q.clauses.length && q.__danskStop)
        q.__danskStop.forEach(function (pair) { pair[1].call(q, pair[0]); });
      var parts = [];
      q.clauses.forEach(function (c) {
        if (!c.__danskWord) return;
        var stem = c.term.slice(0, -1), alternatives = [[stem]];
        if (index.invertedIndex) {
          var fixes = corrections(index, stem);
          fixes.forEach(function (p) {
            var fixed = danishStem(p);  // then searched as the word spelt right would be
            alternatives.push([fixed]);
            parts.push({ term: fixed + "*", fields: c.fields, boost: c.boost || 1,
                         usePipeline: false, presence: lunr.Query.presence.OPTIONAL });
            var fixedParts = p.length >= 8 ? splitCompound(index, p) : null;  // as for a word spelt right
            if (fixedParts) {
              alternatives.push(fixedParts.map(danishStem));
              fixedParts.forEach(function (q) {
                parts.push({ term: danishStem(q) + "*", fields: c.fields, boost: (c.boost || 1) / 2,
                             usePipeline: false, presence: lunr.Query.presence.OPTIONAL });
              });
            }
          });
          var fixedSplit = !fixes.length && stem.length >= RULES.fuzzyMin && c.__danskWord.length >= 8
            ? fuzzySplit(index, c.__danskWord) : [];
          if (fixedSplit.length) {
            alternatives.push(fixedSplit.map(danishStem));
            fixedSplit.forEach(function (p) {
              parts.push({ term: danishStem(p) + "*", fields: c.fields, boost: (c.boost || 1) / 2,
                           usePipeline: false, presence: lunr.Query.presence.OPTIONAL });
            });
          }
        }
        var split = c.__danskWord.length >= 8 && index.invertedIndex
          ? splitCompound(index, c.__danskWord) : null;
        if (split) {
          alternatives.push(split.map(danishStem));
          split.forEach(function (p) {
            parts.push({ term: danishStem(p) + "*", fields: c.fields, boost: (c.boost || 1) / 2,
                         usePipeline: false, presence: lunr.Query.presence.OPTIONAL });
          });
        }
        words.push(alternatives);
      });
      parts.forEach(function (c) { clause.call(q, c); });
    });
    // Several words: sections that contain every word (a compound may occur as its parts, a
    // word as a synonym in the keywords field) come first, best first; then the others.
    if (words.length >= 2) {
      results.forEach(function (r) {
        var terms = Object.keys(r.matchData.metadata);
        var found = function (stem) {
          return terms.some(function (t) { return t.lastIndexOf(stem, 0) === 0; });
        };
        var all = words.every(function (alternatives) {
          return alternatives.some(function (stems) { return stems.every(found); });
        });
        r.__danskAll = all;
      });
      results.sort(function (a, b) {
        return (b.__danskAll - a.__danskAll) || (b.score - a.score);
      });
      // Material re-sorts by score: lift every complete match above the partial ones. The lift is a
      // factor, not a sum, so a page's own search boost (front matter ``search: boost``) still ranks it
      // among the complete matches.
      results.forEach(function (r) { if (r.__danskAll) r.score *= RULES.completeLift; });
    }
    return results;
  };
})(typeof lunr !== "undefined" ? lunr : self.lunr, /*RULES*/);
