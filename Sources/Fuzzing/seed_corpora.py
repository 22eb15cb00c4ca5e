"""Seed corpora for `make fuzz`: one folder per target under the folder given, made from the demo
set in Datasets/ and the inputs the ingest tests write (dates, broken records)."""
import json, os, sys, glob

out = sys.argv[1]
demo = "Datasets/demo/articles"
lines = [l for l in open(f"{demo}/articles.jsonl", encoding="utf-8") if l.strip()]
records = [json.loads(l) for l in lines]
pages = sorted(glob.glob(f"{demo}/pages/*"))
seeds = {
    "json": [l.encode() for l in lines] + [b'{"id": "x", "text": "\\ud83d"}', b'[1, 2, {"a": null}]'],
    "csv": [open(f"{demo}/wasla-tv.csv", "rb").read(), b'id,text\n1,"unterminated\n'],
    "html": [open(p, "rb").read() for p in pages if p.endswith(".html")],
    "date": [r.get("published", "").encode() for r in records]
    + ["2018-05-16", "16/05/2018", "الأربعاء 16 مايو 2018", "2018-05-16T10:00:00+03:00", "1439-09-01"],
    "text": [r.get("text", "").encode() for r in records],
    "statements": [r.get("text", "").encode() for r in records],
    # The first byte chooses the extension: 0 .jsonl, 1 .csv, 2 .html.
    "ingest": [b"\x00" + "".join(lines).encode(), b"\x01" + open(f"{demo}/wasla-tv.csv", "rb").read()]
    + [b"\x02" + open(p, "rb").read() for p in pages if p.endswith(".html")],
}
for target, inputs in seeds.items():
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    for i, data in enumerate(inputs):
        data = data if isinstance(data, bytes) else data.encode()
        with open(os.path.join(folder, f"seed-{i:03d}"), "wb") as f:
            f.write(data)
