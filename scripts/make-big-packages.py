#!/usr/bin/env python3
"""Writes the big-file packages of docs/performance.md into a folder (default /tmp/appcert-big):

- `openapi-6mb/`: the me-api-based fixture whose API-based message extension's OpenAPI
  description (JSON) is grown to about 6 MB (many operations, each with parameters and a
  response schema);
- `manifest-2mb/`: the tab-personal fixture whose manifest is grown to about 2 MB (a long
  `staticTabs` list with long strings).

    python3 scripts/make-big-packages.py [OUT]
"""
import json
import pathlib
import shutil
import sys

root = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/appcert-big")
out.mkdir(parents=True, exist_ok=True)

# A 6 MB OpenAPI description.
da = out / "openapi-6mb"
if da.exists():
    shutil.rmtree(da)
shutil.copytree(root / "fixtures/packages/me-api-based", da)
spec_path = da / "apiSpecificationFile/openapi.json"
spec = json.loads(spec_path.read_text())
template_path, template_item = next(iter(spec["paths"].items()))
i = 0
while len(json.dumps(spec, indent=2)) < 6_000_000:
    for j in range(200):
        item = json.loads(json.dumps(template_item))
        for op in item.values():
            if isinstance(op, dict) and "operationId" in op:
                op["operationId"] = f"{op['operationId']}{i}"
                op["description"] = f"Operation number {i}: " + "lists the records of the account. " * 8
        spec["paths"][f"{template_path}/v{i}"] = item
        i += 1
spec_path.write_text(json.dumps(spec, indent=2))

# A 2 MB manifest.
tab = out / "manifest-2mb"
if tab.exists():
    shutil.rmtree(tab)
shutil.copytree(root / "fixtures/packages/tab-personal", tab)
manifest = json.loads((tab / "manifest.json").read_text())
tab0 = manifest["staticTabs"][0]
tabs = []
k = 0
while len(json.dumps(tabs, indent=2)) < 2_000_000:
    for _ in range(100):
        t = dict(tab0)
        t["entityId"] = f"tab{k}"
        t["name"] = f"Tab {k}"
        t["contentUrl"] = tab0.get("contentUrl", "https://example.com/") + f"?tab={k}&" + "x" * 300
        tabs.append(t)
        k += 1
manifest["staticTabs"] = tabs
(tab / "manifest.json").write_text(json.dumps(manifest, indent=2))
for p in (spec_path, tab / "manifest.json"):
    print(f"{p}: {p.stat().st_size} bytes")
