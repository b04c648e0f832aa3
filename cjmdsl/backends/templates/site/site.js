// The index's search box: every text of every map, looked through here; nothing is fetched.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("site-data").textContent);
  var input = document.getElementById("site-search");
  var list = document.getElementById("site-results");
  var count = document.getElementById("site-search-count");
  var rules = new Intl.PluralRules(document.documentElement.lang || "en");
  var MOST = 200; // results listed at once
  function folded(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var texts = data.texts.map(function (entry) { return folded(entry[0]); });
  function said(n) {
    var forms = data.words.results;
    return (forms[rules.select(n)] || forms.other).replace("{count}", n.toLocaleString());
  }
  function marked(text, at, length) {
    var item = document.createDocumentFragment();
    item.appendChild(document.createTextNode(text.slice(0, at)));
    var mark = document.createElement("mark");
    mark.textContent = text.slice(at, at + length);
    item.appendChild(mark);
    item.appendChild(document.createTextNode(text.slice(at + length)));
    return item;
  }
  function search() {
    var query = folded(input.value.trim());
    list.textContent = "";
    if (!query) { list.hidden = true; count.textContent = ""; return; }
    var found = 0;
    for (var i = 0; i < texts.length; i++) {
      var at = texts[i].indexOf(query);
      if (at < 0) continue;
      found++;
      if (found > MOST) continue;
      var entry = data.texts[i], map = data.maps[entry[1]];
      var li = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "site-kind";
      kind.textContent = data.kinds[entry[2]] || entry[2];
      var link = document.createElement("a");
      link.href = map[1] + (entry[3] ? "#" + entry[3] : "");
      // the folded text has the same length as the text where no letter lost a mark
      link.appendChild(texts[i].length === entry[0].length
                       ? marked(entry[0], at, query.length)
                       : document.createTextNode(entry[0]));
      var where = document.createElement("span");
      where.className = "site-in";
      where.textContent = map[0];
      li.appendChild(kind); li.appendChild(link); li.appendChild(where);
      list.appendChild(li);
    }
    list.hidden = found === 0;
    count.textContent = found ? said(found) : data.words.none;
  }
  input.addEventListener("input", search);
  if (input.value) search();
}());
