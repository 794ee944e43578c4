#!/usr/bin/env python3
"""Generate the cases of the appcert schema differential check.

Corpus cases plus synthetic probes (small hand-made documents aimed at single keywords:
formats, look-around patterns, `$ref` siblings, schemas no corpus file reaches). Without
the corpus only the probes are written.

Usage: make-cases.py [--corpus DIR] [--out FILE] [--seed N] [--per-manifest N] [--per-file N]

Collects, from the shared corpus (default: ../shared/corpus relative to the repo
root), every manifest.json that parses as JSON (after stripping a UTF-8 BOM) and
every localization, declarative agent and API plugin file it references, picks
the vendored schema each one is meant for, and writes the originals plus
deterministic mutations of them as JSONL:

    {"id": "...", "schema": "teams/v1.16/MicrosoftTeams.schema.json", "instance": {...}}

(schema path relative to schemas/json-schemas/). Python 3 standard library only.
Output is byte-for-byte reproducible for a given corpus and seed.
"""

import argparse
import copy
import hashlib
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
SCHEMAS = os.path.join(REPO, "schemas", "json-schemas")

# --------------------------------------------------------------------------- loading


def read_json(path):
    """Parse a JSON file, stripping a UTF-8 BOM. Returns (value, None) or (None, reason)."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        return None, "unreadable: %s" % e
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, "not UTF-8"
    try:
        return json.loads(text), None
    except ValueError as e:
        return None, "not JSON: %s" % e


def schema_exists(rel):
    return os.path.isfile(os.path.join(SCHEMAS, rel))


def teams_schema(version, kind="MicrosoftTeams.schema.json"):
    if not isinstance(version, str):
        return None
    v = version.strip()
    if v == "devPreview":
        rel = "teams/vDevPreview/" + kind
    elif re.fullmatch(r"1\.\d+", v):
        rel = "teams/v%s/%s" % (v, kind)
    else:
        return None
    return rel if schema_exists(rel) else None


def version_from_schema_url(url):
    if not isinstance(url, str):
        return None
    m = re.search(r"/v?(1\.\d+|[dD]ev[pP]review)/", url)
    if not m:
        return None
    v = m.group(1)
    return "devPreview" if v.lower() == "devpreview" else v


def resolve_ref(base_dir, ref, root):
    """Resolve a file reference from a manifest/agent, staying inside the sample dir."""
    if not isinstance(ref, str) or not ref.strip():
        return None
    ref = ref.strip().replace("\\", "/")
    for d in (base_dir, root):
        p = os.path.normpath(os.path.join(d, ref))
        if os.path.commonpath([p, root]) == root and os.path.isfile(p):
            return p
    return None


def collect(corpus):
    """Return (docs, skipped): docs are (relpath, kind, schema_rel, instance)."""
    docs = []
    skipped = []
    seen = set()
    manifests = []
    for dirpath, dirnames, filenames in os.walk(corpus):
        dirnames.sort()
        if "manifest.json" in filenames:
            manifests.append(os.path.join(dirpath, "manifest.json"))
    manifests.sort()

    def add(path, kind, schema_rel, value):
        rel = os.path.relpath(path, corpus)
        key = (rel, schema_rel)
        if key in seen:
            return
        seen.add(key)
        docs.append((rel, kind, schema_rel, value))

    for mpath in manifests:
        rel = os.path.relpath(mpath, corpus)
        m, why = read_json(mpath)
        if why:
            skipped.append((rel, why))
            continue
        if not isinstance(m, dict):
            skipped.append((rel, "not an object"))
            continue
        mv = m.get("manifestVersion")
        schema_rel = teams_schema(mv)
        root = os.path.dirname(mpath)
        if schema_rel is None:
            skipped.append((rel, "no vendored schema for manifestVersion %r" % (mv,)))
        else:
            add(mpath, "manifest", schema_rel, m)

        # localization files
        li = m.get("localizationInfo")
        loc_refs = []
        if isinstance(li, dict):
            loc_refs.append(li.get("defaultLanguageFile"))
            for lang in li.get("additionalLanguages") or []:
                if isinstance(lang, dict):
                    loc_refs.append(lang.get("file"))
        for ref in loc_refs:
            if ref is None:
                continue
            p = resolve_ref(root, ref, root)
            if p is None:
                skipped.append((rel + " -> " + str(ref), "referenced localization file missing"))
                continue
            v, why = read_json(p)
            if why:
                skipped.append((os.path.relpath(p, corpus), why))
                continue
            lv = version_from_schema_url(v.get("$schema")) if isinstance(v, dict) else None
            srel = teams_schema(lv, "MicrosoftTeams.Localization.schema.json") if lv else None
            if srel is None:
                srel = teams_schema(mv, "MicrosoftTeams.Localization.schema.json")
            if srel is None:
                skipped.append((os.path.relpath(p, corpus), "no vendored localization schema"))
                continue
            add(p, "localization", srel, v)

        # declarative agents and plugins
        agent_refs = []
        plugin_refs = []
        ca = m.get("copilotAgents")
        if isinstance(ca, dict):
            for a in ca.get("declarativeAgents") or []:
                if isinstance(a, dict):
                    agent_refs.append(a.get("file"))
        ce = m.get("copilotExtensions")
        if isinstance(ce, dict):
            for a in ce.get("declarativeCopilots") or []:
                if isinstance(a, dict):
                    agent_refs.append(a.get("file"))
            for pl in ce.get("plugins") or []:
                if isinstance(pl, dict):
                    plugin_refs.append((root, pl.get("file")))
        for ref in agent_refs:
            p = resolve_ref(root, ref, root)
            if p is None:
                skipped.append((rel + " -> " + str(ref), "referenced agent file missing"))
                continue
            v, why = read_json(p)
            if why:
                skipped.append((os.path.relpath(p, corpus), why))
                continue
            if not isinstance(v, dict):
                skipped.append((os.path.relpath(p, corpus), "agent not an object"))
                continue
            ver = v.get("version")
            srel = None
            if isinstance(ver, str) and re.fullmatch(r"v1\.\d+", ver):
                srel = "copilot/declarative-agent/%s/schema.json" % ver
            if srel is None or not schema_exists(srel):
                skipped.append((os.path.relpath(p, corpus), "no vendored agent schema for version %r" % (ver,)))
            else:
                add(p, "agent", srel, v)
            for act in v.get("actions") or []:
                if isinstance(act, dict):
                    plugin_refs.append((os.path.dirname(p), act.get("file")))
        for base, ref in plugin_refs:
            p = resolve_ref(base, ref, root)
            if p is None:
                skipped.append((rel + " -> " + str(ref), "referenced plugin file missing"))
                continue
            v, why = read_json(p)
            if why:
                skipped.append((os.path.relpath(p, corpus), why))
                continue
            if not isinstance(v, dict):
                skipped.append((os.path.relpath(p, corpus), "plugin not an object"))
                continue
            sv = v.get("schema_version")
            srel = None
            if isinstance(sv, str) and re.fullmatch(r"v2\.\d+", sv):
                srel = "copilot/plugin/%s/schema.json" % sv
            if srel is None or not schema_exists(srel):
                skipped.append((os.path.relpath(p, corpus), "no vendored plugin schema for schema_version %r" % (sv,)))
            else:
                add(p, "plugin", srel, v)
    return docs, skipped


# --------------------------------------------------------------------------- schema hints


def schema_hints(schema_rel, cache={}):
    """Property names carrying interesting constraints, and top-level property names."""
    if schema_rel in cache:
        return cache[schema_rel]
    with open(os.path.join(SCHEMAS, schema_rel), encoding="utf-8") as f:
        s = json.load(f)
    hints = {"pattern": set(), "format": set(), "maxLength": {}, "enum": {}, "unique": set(),
             "maxItems": {}, "const": {}, "patternKeys": [], "top": [], "integer": set(), "known": set()}

    def walk(node):
        if isinstance(node, list):
            for x in node:
                walk(x)
            return
        if not isinstance(node, dict):
            return
        props = node.get("properties")
        if isinstance(props, dict):
            for name, sub in props.items():
                hints["known"].add(name)
                if isinstance(sub, dict):
                    if "pattern" in sub:
                        hints["pattern"].add(name)
                    if "format" in sub:
                        hints["format"].add(name)
                    if isinstance(sub.get("maxLength"), int):
                        hints["maxLength"].setdefault(name, set()).add(sub["maxLength"])
                    if isinstance(sub.get("enum"), list):
                        hints["enum"].setdefault(name, []).extend(x for x in sub["enum"] if isinstance(x, str))
                    if "const" in sub:
                        hints["const"][name] = sub["const"]
                    if sub.get("uniqueItems"):
                        hints["unique"].add(name)
                    if isinstance(sub.get("maxItems"), int):
                        hints["maxItems"].setdefault(name, set()).add(sub["maxItems"])
                    if sub.get("type") == "integer" or sub.get("type") == "number":
                        hints["integer"].add(name)
        pp = node.get("patternProperties")
        if isinstance(pp, dict):
            hints["patternKeys"].extend(pp.keys())
        for k, v in node.items():
            if k in ("enum", "const", "default", "examples"):
                continue
            walk(v)

    walk(s)
    if isinstance(s.get("properties"), dict):
        hints["top"] = sorted(s["properties"].keys())
    hints["known"] = sorted(hints["known"])
    hints["pattern"] = sorted(hints["pattern"])
    hints["format"] = sorted(hints["format"])
    hints["unique"] = sorted(hints["unique"])
    cache[schema_rel] = hints
    return hints


# --------------------------------------------------------------------------- paths


def all_paths(value, prefix=()):
    """Every path (tuple of keys/indices) in value, including the root."""
    out = [prefix]
    if isinstance(value, dict):
        for k in value:
            out.extend(all_paths(value[k], prefix + (k,)))
    elif isinstance(value, list):
        for i, x in enumerate(value):
            out.extend(all_paths(x, prefix + (i,)))
    return out


def get_at(value, path):
    for p in path:
        value = value[p]
    return value


def set_at(value, path, new):
    if not path:
        return new
    parent = get_at(value, path[:-1])
    parent[path[-1]] = new
    return value


def paths_where(inst, pred):
    return [p for p in all_paths(inst) if pred(p, get_at(inst, p))]


def last_key(path):
    for p in reversed(path):
        if isinstance(p, str):
            return p
    return None


# --------------------------------------------------------------------------- value pools

ASTRAL = "\U0001F600"  # grinning face, 2 UTF-16 code units, 1 code point
EMOJI_ZWJ = "\U0001F469\u200D\U0001F4BB"  # woman technologist: 3 code points, 5 UTF-16 units
BAD_URIS = ["not a uri", "http//x", "https://exa mple.com", "mailto:", "//example.com/x", "example.com",
            "/relative/path", "https://", "https://example.com/\u00e9", "https://例え.jp/", "http://[::1]/",
            "http://[1:2]/", "urn:isbn:0451450523", "https://example.com/a b", "https://example.com/%zz",
            "ftp://x", "HTTPS://EXAMPLE.COM", "https://example.com#frag#frag", "javascript:alert(1)",
            "https://user@host:99999/x", "https://exa_mple.com", "https://example.com/?q=${{VAR}}",
            "${{TAB_ENDPOINT}}/index.html", "https://${{DOMAIN}}/x", "x:", "a:b", "file:///C:/x",
            "https://example.com/\t", " https://example.com", "https://example.com\n", "http://1.2.3.256/",
            "https://example.com/{id}", "https://example.com/|", "https://xn--n3h.example/"]
BAD_EMAILS = ["not an email", "a@b", "a@b.c", "@example.com", "a@", "a b@example.com", "a..b@example.com",
              "a@example..com", ".a@example.com", "a@-example.com", "用户@例子.广告", "a@[127.0.0.1]",
              "\"quoted\"@example.com", "a+tag@example.com", "A@EXAMPLE.COM", "a@example.com.", "a@exa_mple.com"]
BAD_REGEXES = ["[unclosed", "(?<name", "a{2,1}", "\\", "*", "(?i)abc", "\\Z", "a\\Zb", "[a-", "(?<!x)y", "\\p{L}"]
PLACEHOLDERS = ["${{VAR}}", "${{TEAMS_APP_ID}}", "{{VAR}}", "[[VAR]]", "${{A}}${{B}}", "${{${{X}}}}", "$[[VAR]]",
                "[[a]]b", "a[[b]]", "[[]]", "[[ VAR ]]", "[[1VAR]]", "$", "${{", "}}"]
UNICODE_STRINGS = ["\u200b", "\ufeff", "a\u200bb", "\u00a0", "\u2028", "\u2029", "\r", "\n", "\t", "\u0085", "\u000b",
                   "\u0007", "\u0008", "\u3000", "\u180e", "e\u0301", "\u202e", "\U0001D400", ASTRAL, EMOJI_ZWJ,
                   "\u0000", "\x7f", "ｎｕｌｌ", "１.０.０", "٣", "null", "NULL", "Null", "   ", " x", "x ", "\ufeffx",
                   "\u0085x", "\u00a0x", "\u2028x", "x\n", "x\r\n", "\u1680", "\u200a", "İ", "ß", "ﬃ"]
VERSION_LIKE = ["1.0.0", "1.0", "01.0.0", "1.0.0-beta", "1.0.0\n", "v1.0.0", "1.0.0.0", "0.0.0", "10.20.30",
                "1.01.0", "١.٠.٠", "1.0.0 ", "99999999999999999999.0.0"]
UUID_LIKE = ["00000000-0000-0000-0000-000000000000", "{00000000-0000-0000-0000-000000000000}",
             "urn:uuid:00000000-0000-0000-0000-000000000000", "00000000000000000000000000000000",
             "0000000-0000-0000-0000-000000000000", "ABCDEF01-2345-6789-ABCD-EF0123456789",
             "abcdef01-2345-6789-abcd-ef0123456789\n", "g0000000-0000-0000-0000-000000000000",
             "00000000-0000-0000-0000-00000000000０"]
COLORS = ["#FFFFFF", "#fff", "#GGGGGG", "FFFFFF", "#FFFFFF\n", "#ffffff ", "#１２３４５６"]
LENGTHS = [0, 1, 2, 29, 30, 31, 32, 33, 49, 50, 51, 80, 81, 100, 101, 128, 129, 255, 256, 257, 512, 513, 1024,
           1025, 2048, 2049, 4000, 4001, 8001, 10001, 32769]
WRONG_TYPES = [0, 1, -1, 1.5, 1.0, 1e300, -0.0, True, False, None, [], {}, [1], {"a": 1}, "", "0", "true"]


def sized_string(rng, n):
    kind = rng.choice(["ascii", "astral", "mixed", "zwj", "combining", "cjk"])
    if kind == "ascii":
        return "x" * n
    if kind == "astral":
        return ASTRAL * n
    if kind == "mixed":
        return "".join(rng.choice(["a", "é", ASTRAL, "\u200b", "中"]) for _ in range(n))
    if kind == "zwj":
        return (EMOJI_ZWJ * (n // 3 + 1))[: n]
    if kind == "combining":
        return ("e\u0301" * (n // 2 + 1))[: n]
    return "中" * n


# --------------------------------------------------------------------------- mutators


def m_delete(rng, inst, h):
    ps = paths_where(inst, lambda p, v: len(p) > 0 and isinstance(p[-1], str))
    if not ps:
        return None
    p = rng.choice(ps)
    del get_at(inst, p[:-1])[p[-1]]
    return "delete:" + path_str(p)


def m_delete_array_item(rng, inst, h):
    ps = paths_where(inst, lambda p, v: isinstance(v, list) and len(v) > 0)
    if not ps:
        return None
    p = rng.choice(ps)
    arr = get_at(inst, p)
    del arr[rng.randrange(len(arr))]
    return "delete-item:" + path_str(p)


def m_wrong_type(rng, inst, h):
    ps = [p for p in all_paths(inst) if p]
    if not ps:
        return None
    p = rng.choice(ps)
    new = copy.deepcopy(rng.choice(WRONG_TYPES))
    set_at(inst, p, new)
    return "wrong-type:" + path_str(p)


def string_paths(inst, keys=None):
    return paths_where(inst, lambda p, v: isinstance(v, str) and len(p) > 0 and
                       (keys is None or last_key(p) in keys))


def m_long_string(rng, inst, h):
    ml = h["maxLength"]
    ps = string_paths(inst, set(ml)) or string_paths(inst)
    if not ps:
        return None
    p = rng.choice(ps)
    limits = sorted(ml.get(last_key(p), set()))
    if limits and rng.random() < 0.8:
        lim = rng.choice(limits)
        n = rng.choice([lim - 1, lim, lim + 1])
    else:
        n = rng.choice(LENGTHS)
    set_at(inst, p, sized_string(rng, max(n, 0)))
    return "length%d:%s" % (n, path_str(p))


def m_empty_string(rng, inst, h):
    ps = string_paths(inst)
    if not ps:
        return None
    p = rng.choice(ps)
    set_at(inst, p, "")
    return "empty:" + path_str(p)


def m_bad_enum(rng, inst, h):
    en = h["enum"]
    ps = string_paths(inst, set(en) | set(h["const"])) or string_paths(inst)
    if not ps:
        return None
    p = rng.choice(ps)
    cur = get_at(inst, p)
    choices = ["NotAValidValue", cur.upper(), cur.lower(), cur + " ", " " + cur, cur.capitalize(), cur + "x",
               "", cur[:-1] if cur else "x"]
    vals = en.get(last_key(p))
    if vals:
        choices.extend(vals)  # a different valid value: may or may not be valid in context
        choices.append(rng.choice(vals).swapcase())
    set_at(inst, p, rng.choice(choices))
    return "enum:" + path_str(p)


def m_unknown_prop(rng, inst, h):
    ps = paths_where(inst, lambda p, v: isinstance(v, dict))
    if not ps:
        return None
    p = rng.choice(ps)
    key = rng.choice(["unknownProperty", "x-extra", "$comment", "id2", "", " ", "\u200b", ASTRAL, "name ",
                      "Name", "$schema", "additionalProperties", "__proto__", "constructor", "toString"])
    get_at(inst, p)[key] = copy.deepcopy(rng.choice(["value", 1, True, None, {}, [], {"a": "b"}]))
    return "unknown-prop:%s:%s" % (path_str(p), key)


def m_known_prop(rng, inst, h):
    """Add (or overwrite) a property the schema knows, with an arbitrary value."""
    ps = paths_where(inst, lambda p, v: isinstance(v, dict))
    if not ps or not h["known"]:
        return None
    p = rng.choice(ps)
    key = rng.choice(h["top"]) if (not p and h["top"] and rng.random() < 0.7) else rng.choice(h["known"])
    val = rng.choice(["value", "https://example.com/x", "not a uri", 1, 0, -1, 3.5, True, None, {}, [], [{}],
                      ["a", "a"], ["a", "b"], {"a": "b"}, "${{VAR}}", "x" * 4001,
                      "00000000-0000-0000-0000-000000000000", "#FFFFFF", "1.0.0", "en-us", "personal"])
    get_at(inst, p)[key] = copy.deepcopy(val)
    return "known-prop:%s:%s" % (path_str(p), key)


def m_uri(rng, inst, h):
    fm = set(h["format"])
    ps = paths_where(inst, lambda p, v: isinstance(v, str) and len(p) > 0 and
                     (last_key(p) in fm or v.startswith("http") or "url" in (last_key(p) or "").lower()))
    if not ps:
        ps = string_paths(inst)
    if not ps:
        return None
    p = rng.choice(ps)
    set_at(inst, p, rng.choice(BAD_URIS))
    return "uri:" + path_str(p)


def m_email(rng, inst, h):
    ps = paths_where(inst, lambda p, v: isinstance(v, str) and len(p) > 0 and
                     ("@" in v or "email" in (last_key(p) or "").lower()))
    if not ps:
        ps = string_paths(inst)
    if not ps:
        return None
    p = rng.choice(ps)
    set_at(inst, p, rng.choice(BAD_EMAILS))
    return "email:" + path_str(p)


def m_regex(rng, inst, h):
    ps = string_paths(inst)
    if not ps:
        return None
    p = rng.choice(ps)
    set_at(inst, p, rng.choice(BAD_REGEXES))
    return "regex:" + path_str(p)


def m_pattern(rng, inst, h):
    """Values aimed at pattern-constrained properties (ids, versions, colors, names)."""
    pk = set(h["pattern"])
    ps = string_paths(inst, pk) or string_paths(inst)
    if not ps:
        return None
    p = rng.choice(ps)
    cur = get_at(inst, p)
    pool = VERSION_LIKE + UUID_LIKE + COLORS + PLACEHOLDERS + [
        cur + rng.choice(UNICODE_STRINGS), rng.choice(UNICODE_STRINGS) + cur, cur.upper(), cur.replace("-", ""),
        "null", "NULL", "nUlL", " null", "null ", "\u00a0", "   x", "\ufeff", "\u0085", "\u2028x", "a.xll",
        "a b.xll", "\u000b.xll", "\u0007.xll", "x\u200b.xll", "\ufeff.xll", "a.XLL", "https://x", "HTTP://x",
        "[[a]]", "[[a", "a]]", "x[[a]]y", "[[a]]\n", "\n[[a]]", "a\nb", "a\rb", "a\u2028b", "[[é]]", "[[a1_]]",
        "en", "en-US", "en-us-x", "e", "EN-US", "zh-Hant-TW", "abc", "a_b", "1abc", "_a", "é", "Ä1", "a.b",
        "ABC123", "abc\u0131", "ÀBC"]
    set_at(inst, p, rng.choice(pool))
    return "pattern:" + path_str(p)


def m_unicode(rng, inst, h):
    ps = string_paths(inst)
    if not ps:
        return None
    p = rng.choice(ps)
    cur = get_at(inst, p)
    u = rng.choice(UNICODE_STRINGS)
    how = rng.choice(["replace", "prefix", "suffix", "middle"])
    if how == "replace":
        new = u
    elif how == "prefix":
        new = u + cur
    elif how == "suffix":
        new = cur + u
    else:
        k = len(cur) // 2
        new = cur[:k] + u + cur[k:]
    set_at(inst, p, new)
    return "unicode-%s:%s" % (how, path_str(p))


def m_duplicate_item(rng, inst, h):
    uq = set(h["unique"])
    ps = paths_where(inst, lambda p, v: isinstance(v, list) and len(v) > 0 and last_key(p) in uq) or \
        paths_where(inst, lambda p, v: isinstance(v, list) and len(v) > 0)
    if not ps:
        return None
    p = rng.choice(ps)
    arr = get_at(inst, p)
    item = copy.deepcopy(rng.choice(arr))
    if isinstance(item, dict) and len(item) > 1 and rng.random() < 0.3:
        # same members, different key order: still equal for uniqueItems
        item = dict(reversed(list(item.items())))
    elif rng.random() < 0.3:
        # integers written as floats (1 -> 1.0): equal for ajv after JSON.parse
        item = floats_for_ints(item)
    arr.insert(rng.randrange(len(arr) + 1), item)
    return "dup-item:" + path_str(p)


def floats_for_ints(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        return float(v)
    if isinstance(v, list):
        return [floats_for_ints(x) for x in v]
    if isinstance(v, dict):
        return {k: floats_for_ints(x) for k, x in v.items()}
    return v


def m_number_for_string(rng, inst, h):
    ps = string_paths(inst)
    if not ps:
        return None
    p = rng.choice(ps)
    cur = get_at(inst, p)
    try:
        new = json.loads(cur) if re.fullmatch(r"-?\d+(\.\d+)?", cur) else rng.choice([1, 0, 1.5, -1])
    except ValueError:
        new = 1
    set_at(inst, p, new)
    return "number-for-string:" + path_str(p)


def m_null(rng, inst, h):
    ps = [p for p in all_paths(inst) if p]
    if not ps:
        return None
    p = rng.choice(ps)
    set_at(inst, p, None)
    return "null:" + path_str(p)


def m_numbers(rng, inst, h):
    ps = paths_where(inst, lambda p, v: isinstance(v, (int, float)) and not isinstance(v, bool) and len(p) > 0)
    if not ps:
        ints = set(h["integer"])
        ps = paths_where(inst, lambda p, v: isinstance(v, dict))
        if not ps or not ints:
            return None
        p = rng.choice(ps) + (rng.choice(sorted(ints)),)
        get_at(inst, p[:-1])[p[-1]] = 0
    else:
        p = rng.choice(ps)
    set_at(inst, p, rng.choice([0, -1, 1, 1.0, 2.0, 0.5, 31, 32, 33, 127, 128, 1e3, 1e20, 10 ** 20, -0.0, 1.0000001,
                                2 ** 53, 2 ** 53 + 1, 2 ** 64, 100, 101, 255, 256, 65535, 65536]))
    return "number:" + path_str(p)


def m_long_array(rng, inst, h):
    mi = h["maxItems"]
    ps = paths_where(inst, lambda p, v: isinstance(v, list) and last_key(p) in mi) or \
        paths_where(inst, lambda p, v: isinstance(v, list))
    if not ps:
        return None
    p = rng.choice(ps)
    arr = get_at(inst, p)
    limits = sorted(mi.get(last_key(p), set()))
    n = (rng.choice(limits) + rng.choice([0, 1])) if limits else rng.choice([11, 17, 33, 65, 101, 1001])
    if arr and rng.random() < 0.5:
        # distinct items derived from an existing one (uniqueItems stays satisfied where possible)
        base = arr[0]
        new = []
        for i in range(n):
            it = copy.deepcopy(base)
            if isinstance(it, dict):
                for k in it:
                    if isinstance(it[k], str):
                        it[k] = "%s%d" % (it[k][:20], i)
                        break
                else:
                    it["x%d" % i] = i
            elif isinstance(it, str):
                it = "%s%d" % (it[:20], i)
            elif isinstance(it, (int, float)) and not isinstance(it, bool):
                it = i
            new.append(it)
    else:
        new = [copy.deepcopy(arr[i % len(arr)]) for i in range(n)] if arr else ["x%d" % i for i in range(n)]
    set_at(inst, p, new)
    return "long-array%d:%s" % (n, path_str(p))


def m_empty_container(rng, inst, h):
    ps = paths_where(inst, lambda p, v: isinstance(v, (list, dict)) and len(p) > 0)
    if not ps:
        return None
    p = rng.choice(ps)
    set_at(inst, p, [] if isinstance(get_at(inst, p), list) else {})
    return "empty-container:" + path_str(p)


def m_placeholder(rng, inst, h):
    ps = string_paths(inst)
    if not ps:
        return None
    p = rng.choice(ps)
    set_at(inst, p, rng.choice(PLACEHOLDERS))
    return "placeholder:" + path_str(p)


def m_localization_key(rng, inst, h):
    """Localization files: keys probing the patternProperties (indices, dots, brackets)."""
    if not isinstance(inst, dict):
        return None
    templates = [
        "activities.activityTypes[%s].description", "activities.activityTypes[%s].templateText",
        "staticTabs[%s].name", "bots[0].commandLists[%s].commands[0].title",
        "bots[0].commandLists[0].commands[%s].description", "composeExtensions[0].commands[%s].title",
        "composeExtensions[0].commands[0].parameters[%s].title", "description.features[%s].title",
        "meetingExtensionDefinition.scenes[%s].name", "meetingExtensionDefinition.videoFilters[%s].name",
        "extensions[0].ribbons[%s].tabs[0].label", "agentConnectors[%s].displayName",
        "copilotAgents.customEngineAgents[%s].disclaimer.text", "activitiesXactivityTypes[%s].description",
        "staticTabs[%s].nameX", "xstaticTabs[%s].name",
    ]
    idx = rng.choice(["0", "1", "5", "9", "10", "12", "15", "16", "19", "99", "100", "127", "128", "05", "-1", "",
                      "a", "1 ", " 1", "٣", "１", "0]", "[0"])
    key = rng.choice(templates) % idx
    inst[key] = rng.choice(["text", "", "x" * 129, "x" * 4001, 1, None, ASTRAL * 128, ASTRAL * 129])
    return "loc-key:" + key


MUTATORS = [m_delete, m_delete_array_item, m_wrong_type, m_long_string, m_empty_string, m_bad_enum,
            m_unknown_prop, m_known_prop, m_uri, m_email, m_regex, m_pattern, m_unicode, m_duplicate_item,
            m_number_for_string, m_null, m_numbers, m_long_array, m_empty_container, m_placeholder]


def path_str(p):
    return "/" + "/".join(str(x) for x in p)



# --------------------------------------------------------------------------- synthetic probes
# Small hand-made documents aimed at one keyword each (formats, look-around patterns, $ref
# siblings, schemas no corpus file reaches). They do not depend on the corpus.

MORE_URIS = [
    "https://example.com", "http://[::1]", "http://[v7.abc]", "http://[::ffff:192.168.0.1]",
    "http://[1:2:3:4:5:6:7::]", "http://[::1:2:3:4:5:6:7]", "http://[1:2:3:4:5:6:1.2.3.4]",
    "http://[1:2:3:4:5:6:7:1.2.3.4]", "http://[1::2::3]", "http://[::1.2.3.4.5]", "http://[12345::]",
    "http://[fe80::1%25eth0]", "http://[::1]:8080", "http://[::1]x", "http://a@b@c", "http://host:80:90",
    "http://host:", "http://:80", "http:///x", "http:////x", "x:/", "x:?q", "x:#f", "x:a?b#c", "x:%41",
    "x:%4", "x:a%", "http://h/p?q#f?/", "http://h/p#f#", "HTTP://H", "a+b-c.d:x", "1a:x", "-a:x", "a_b:x",
    "http://exa\u00e9mple.com", "http://example.com/\u0000", "http://example.com/ ", "http://1.2.3.4:5",
    "http://256.1.1.1", "http://01.02.003.004", "tel:+1-201-555-0123", "data:text/plain;base64,SGVsbG8=",
    "news:comp.infosystems.www.servers.unix", "ldap://[2001:db8::7]/c=GB?objectClass?one",
    "https://example.com/a%20b", "https://example.com/~user", "https://example.com/[x]",
    "https://example.com/?q=[x]", "https://example.com/#[x]", "https://exa%20mple.com",
    "https://example.com:99999", "https://example.com:-1", "https://example.com:abc", "https:user@host:99x",
    "https://user@host:99x/x", "https://a:b@c:1/d", "https://a:b:c@d", "https://a%zz@b", "x:a:b:c",
    "x:@", "x:/@", "x://@", "x://[", "x://]", "x:[", "h://h?\u00e9", "h://h#\u00e9", "h://h/%c3%a9",
    "https://example.com/\u2028", "https://example.com/\ufeff", "\ufeffhttps://example.com", "ftp:",
    "f:/", "f://", "f:///", "f:////", "f://a//b", "s:a/b/../c", "s:./a", "s:../a", "s:.",
]
MORE_EMAILS = [
    "a@example.com", "a@b.c", "a@1.2", "a@b-.c", "a@b.c-", "a@-b.c", "a!#$%&'*+/=?^_`{|}~-@x.yz", "a@b..c",
    "A@B.C", "a.@b.c", "a@b.c.d.e", "\u00e9@b.c", "a@\u00e9.c", "a@b.c\n", "a@" + "x" * 64 + ".com",
    "x" * 65 + "@b.c", "a@b_c.d", "a@b.c_d", "a@@b.c", "a@b@c.d", "@b.c", "a@.b.c", "a@b.c.", "a.b@c.d",
    "a-b@c-d.e-f", "a@b.-c", "a@0.0", "a @b.c", "a@b .c", "\"a\"@b.c", "a@[1.2.3.4]", "a@localhost",
    "a%b@c.d", "a=b@c.d", "a\\b@c.d", "a(b)@c.d", "a,b@c.d", "a;b@c.d", "a:b@c.d", "a<b@c.d", "ß@b.c",
]
LINE_STRINGS = ["a", "a\nb", "a\rb", "a\u2028b", "a\u2029b", "a\u0085b", "\n", "\r", "\u2028", "\u2029",
                "[[a]]", "[[a]]\n", "\n[[a]]", "[[a", "a]]", "[[ab]] x", "x [[a]]", "[[a]]\u2028", "[[\u00e9]]",
                "[[_a1]]", "[[1a]]", "]]a[[", "a[[b", "a]]b", "", " ", "null", "NULL", " null", "null ",
                "\ufeffnull", "\u0085", "\ufeff", "\u00a0", "\u00a0x", "\u0085x", "\ufeffx", "\u180ex", "\u200bx",
                "\u3000x", "\tx", "\u000bx", "\u000cx", "x\u0085", ASTRAL, "nul", "nulll", "\u2028x", "x\u2029y"]


def probes():
    """Yield (id, schema, instance) for the synthetic probes."""
    for ver in ("v2.1", "v2.2", "v2.3", "v2.4"):
        rel = "copilot/plugin/%s/schema.json" % ver
        if not schema_exists(rel):
            continue
        base = {"schema_version": ver, "name_for_human": "n", "namespace": "ns", "description_for_human": "d"}
        yield "probe/plugin-%s#base" % ver, rel, base
        for i, u in enumerate(BAD_URIS + MORE_URIS):
            yield "probe/plugin-%s#logo_url-%03d" % (ver, i), rel, dict(base, logo_url=u)
        if ver == "v2.1":
            for i, e in enumerate(BAD_EMAILS + MORE_EMAILS):
                yield "probe/plugin-%s#contact_email-%03d" % (ver, i), rel, dict(base, contact_email=e)
    for folder in ("v1.25", "v1.30", "vDevPreview"):
        rel = "teams/%s/MicrosoftTeams.AgenticUser.schema.json" % folder
        if not schema_exists(rel):
            continue
        base = {"id": "a", "schemaVersion": "0.1.0-preview",
                "agentIdentityBlueprintId": "00000000-0000-0000-0000-000000000000"}
        yield "probe/agentic-%s#base" % folder, rel, base
        for i, u in enumerate(UUID_LIKE + ["not-a-uuid", "", "00000000-0000-0000-0000-00000000000g"]):
            yield "probe/agentic-%s#uuid-%02d" % (folder, i), rel, dict(base, agentIdentityBlueprintId=u)
        for i, v in enumerate(LINE_STRINGS + ["a" * 64, "a" * 65, "a.b_c-d", "a b"]):
            yield "probe/agentic-%s#id-%02d" % (folder, i), rel, dict(base, id=v)
        yield "probe/agentic-%s#schemaVersion" % folder, rel, dict(base, schemaVersion="0.1.0")
        yield "probe/agentic-%s#extra" % folder, rel, dict(base, extra=1)
    for folder in ("v1.17", "v1.30", "vDevPreview"):
        rel = "teams/%s/MicrosoftTeams.ResponseRenderingTemplate.schema.json" % folder
        if not schema_exists(rel):
            continue
        base = {"version": "devPreview" if folder == "vDevPreview" else "1.0", "responseLayout": "list",
                "responseCardTemplate": {}, "previewCardTemplate": {"title": "t"}}
        yield "probe/rrt-%s#base" % folder, rel, base
        for i, v in enumerate(["1.1", 1.0, "1.0 ", None]):
            yield "probe/rrt-%s#version-%d" % (folder, i), rel, dict(base, version=v)
        for i, u in enumerate(BAD_URIS[:12]):
            yield "probe/rrt-%s#schema-%02d" % (folder, i), rel, dict(base, **{"$schema": u})
        for n in (255, 256, 257):
            yield "probe/rrt-%s#jsonPath-%d" % (folder, n), rel, dict(base, jsonPath=ASTRAL * n)
        yield "probe/rrt-%s#layout" % folder, rel, dict(base, responseLayout="table")
        yield "probe/rrt-%s#preview-extra" % folder, rel, dict(base, previewCardTemplate={"title": "t", "x": 1})
        for n in (255, 256, 257):
            yield "probe/rrt-%s#title-%d" % (folder, n), rel, dict(base, previewCardTemplate={"title": ASTRAL * n})
    for folder in ("v1.5", "v1.8", "v1.16", "v1.30", "vDevPreview"):
        rel = "teams/%s/MicrosoftTeams.Localization.schema.json" % folder
        if not schema_exists(rel):
            continue
        base = {"name.short": "n", "name.full": "N", "description.short": "d", "description.full": "D"}
        yield "probe/loc-%s#base" % folder, rel, base
        # `$ref` siblings: maxLength next to a $ref to nonEmptyString
        for key, lim in (("name.short", 30), ("name.full", 100), ("description.short", 80),
                         ("description.full", 4000)):
            for n in (lim - 1, lim, lim + 1):
                for kind, ch in (("ascii", "x"), ("astral", ASTRAL)):
                    yield "probe/loc-%s#%s-%s-%d" % (folder, key, kind, n), rel, dict(base, **{key: ch * n})
            yield "probe/loc-%s#%s-empty" % (folder, key), rel, dict(base, **{key: ""})
        for idx in ("0", "9", "10", "99", "100", "119", "120", "127", "128", "05", "-1", "", "a", "1 ", "٣", "１",
                    "0]", "[0"):
            for tmpl in ("activities.activityTypes[%s].description", "activities.activityTypes[%s].templateText",
                         "activitiesXactivityTypes[%s].description", "activities.activityTypes[%s]Xdescription",
                         "staticTabs[%s].name", "bots[0].commandLists[0].commands[%s].title"):
                key = tmpl % idx
                yield "probe/loc-%s#key-%s" % (folder, key), rel, dict(base, **{key: "x"})
    for ver in ("v1.0", "v1.2", "v1.3", "v1.4", "v1.5", "v1.6", "v1.7", "v1.8"):
        rel = "copilot/declarative-agent/%s/schema.json" % ver
        if not schema_exists(rel):
            continue
        base = {"version": ver, "name": "n", "description": "d", "instructions": "i"}
        yield "probe/da-%s#base" % ver, rel, base
        for field in ("name", "description", "instructions", "id"):
            for i, v in enumerate(LINE_STRINGS):
                yield "probe/da-%s#%s-%02d" % (ver, field, i), rel, dict(base, **{field: v})
        for i, cs in enumerate([[{"text": "a"}], [{"text": "a"}, {"text": "a"}], [{"text": "a", "title": "t"},
                                {"title": "t", "text": "a"}], [{"text": "a\u2028"}], [{"text": "[[a]]"}]]):
            yield "probe/da-%s#starters-%d" % (ver, i), rel, dict(base, conversation_starters=cs)
        for i, cap in enumerate([[{"name": "WebSearch"}], [{"name": "WebSearch"}, {"name": "WebSearch"}],
                                 [{"name": "websearch"}], [{"name": "CodeInterpreter", "x": 1}], [{}],
                                 [{"name": "OneDriveAndSharePoint", "items_by_url": [{"url": "https://x"}]}],
                                 [{"name": "GraphConnectors", "connections": [{"connection_id": "c"}]}]]):
            yield "probe/da-%s#capabilities-%d" % (ver, i), rel, dict(base, capabilities=cap)

# --------------------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=os.path.normpath(os.path.join(REPO, "..", "shared", "corpus")))
    ap.add_argument("--out", default=os.path.join(HERE, "work", "cases.jsonl"))
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--per-manifest", type=int, default=30)
    ap.add_argument("--per-file", type=int, default=12)
    args = ap.parse_args()

    if os.path.isdir(args.corpus):
        docs, skipped = collect(args.corpus)
    else:
        print("make-cases: corpus not found at %s; skipping corpus cases (synthetic probes only)"
              % args.corpus, file=sys.stderr)
        docs, skipped = [], []
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    n_cases = 0
    by_kind = {}
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        def emit(cid, schema_rel, inst):
            nonlocal n_cases
            out.write(json.dumps({"id": cid, "schema": schema_rel, "instance": inst}, ensure_ascii=True,
                                 allow_nan=False) + "\n")
            n_cases += 1

        for rel, kind, schema_rel, inst in docs:
            by_kind[kind] = by_kind.get(kind, 0) + 1
            h = schema_hints(schema_rel)
            # per-document RNG: stable when other documents come and go
            seed = int(hashlib.sha256(("%d|%s|%s" % (args.seed, rel, schema_rel)).encode()).hexdigest()[:16], 16)
            rng = random.Random(seed)
            emit("%s#orig" % rel, schema_rel, inst)
            count = args.per_manifest if kind == "manifest" else args.per_file
            mutators = MUTATORS + ([m_localization_key] * 3 if kind == "localization" else [])
            seen_instances = set()
            attempts = 0
            made = 0
            while made < count and attempts < count * 5:
                attempts += 1
                mutated = copy.deepcopy(inst)
                labels = []
                steps = 1 if rng.random() < 0.75 else rng.choice([2, 3])
                for _ in range(steps):
                    # the first mutators are cycled so every kind of mutation is represented
                    mut = mutators[(made + attempts) % len(mutators)] if not labels else rng.choice(mutators)
                    label = mut(rng, mutated, h)
                    if label:
                        labels.append(label)
                if not labels:
                    continue
                key = json.dumps(mutated, sort_keys=True, ensure_ascii=True)
                if key in seen_instances:
                    continue
                seen_instances.add(key)
                made += 1
                emit("%s#m%02d:%s" % (rel, made, "+".join(labels))[:300], schema_rel, mutated)

        n_probes = 0
        for cid, schema_rel, inst in probes():
            emit(cid, schema_rel, inst)
            n_probes += 1

    print("make-cases: %d synthetic probes" % n_probes, file=sys.stderr)
    print("make-cases: %d documents (%s), %d cases -> %s" % (
        len(docs), ", ".join("%s %d" % kv for kv in sorted(by_kind.items())), n_cases,
        os.path.relpath(args.out)), file=sys.stderr)
    if skipped:
        print("make-cases: %d files skipped:" % len(skipped), file=sys.stderr)
        reasons = {}
        for rel, why in skipped:
            reasons.setdefault(why, []).append(rel)
        for why in sorted(reasons):
            print("  %4d  %s  (e.g. %s)" % (len(reasons[why]), why, reasons[why][0]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
