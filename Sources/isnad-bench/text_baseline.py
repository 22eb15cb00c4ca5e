"""The Python an analyst would write for Isnad's text stage: the same key-view rules as
Sources/ArabicText (normalization-map.tsv steps 1-11, hamza carriers folded), a regex
tokenizer, the same stop words (read from `isnad text` output is not allowed, so they are
passed in a file) and light10 as Lucene implements it. Single-threaded, like the Swift run.

usage: python3 text_baseline.py STOPWORDS_FILE CORPUS.jsonl.gz...
prints: articles megabytes tokens terms seconds
"""
import gzip, json, re, sys, time, unicodedata

def build_table():
    t = {}
    for c in range(0xFB50, 0xFE00): t[c] = unicodedata.normalize("NFKC", chr(c))
    for c in range(0xFE70, 0xFEFF): t[c] = unicodedata.normalize("NFKC", chr(c))
    t[0xFDFC] = "ريال"
    for c in [0x200B, 0x200C, 0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, 0x09] + list(range(0x2000, 0x200B)): t[c] = " "
    for c in [0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF, 0x2060, 0x00AD, 0x034F, 0x180E, 0x0D] + list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A)): t[c] = None
    for c in [0x0640, 0x0670] + list(range(0x064B, 0x0660)) + list(range(0x0610, 0x061B)) + list(range(0x06D6, 0x06DD)) + list(range(0x06DF, 0x06E5)) + [0x06E7, 0x06E8] + list(range(0x06EA, 0x06EE)): t[c] = None
    for c in [0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673, 0x0675]: t[c] = "ا"
    t[0x0649] = "ي"; t[0x0629] = "ه"; t[0x06C3] = "ه"
    for c in [0x06CC, 0x06CD, 0x06CE, 0x06D0, 0x06D1, 0x06D2, 0x06D3]: t[c] = "ي"
    for c in range(0x06A9, 0x06B5): t[c] = "ك"
    for c in [0x06BE, 0x06C0, 0x06C1, 0x06C2, 0x06D5, 0x06FF]: t[c] = "ه"
    for c in range(0x06A1, 0x06A7): t[c] = "ف"
    t[0x06A7] = t[0x06A8] = "ق"
    for c in [0x067B, 0x067E, 0x0680]: t[c] = "ب"
    for c in [0x0683, 0x0684, 0x0686, 0x0687]: t[c] = "ج"
    t[0x0698] = "ز"; t[0x0624] = t[0x0626] = "ء"
    for i in range(10): t[0x0660 + i] = str(i); t[0x06F0 + i] = str(i)
    t[0x066A] = "%"; t[0x060C] = ","; t[0x061B] = ";"; t[0x061F] = "?"
    return t

TABLE = build_table()
# Presentation forms expand to letters that are mapped again (a second translate pass).
SEPARATORS = re.compile(r"(?<=[0-9])[\u066B\u066C](?=[0-9])")
SPACES = re.compile(r"[ ]{2,}")
TOKEN = re.compile(r"#\w+|@[A-Za-z0-9_]+|[0-9]+(?:[.,][0-9]+)*|[a-z\u00C0-\u024F][a-z0-9\u00C0-\u024F]*|[\u0621-\u063F\u0641-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF]+")
PREFIXES = ["ال", "وال", "بال", "كال", "فال", "لل", "و"]
SUFFIXES = ["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"]

def key(text):
    text = text.translate(TABLE).translate(TABLE)
    text = SEPARATORS.sub(lambda m: "." if m.group(0) == "\u066B" else "", text)
    text = text.replace("\u066B", ",").replace("\u066C", ",").lower()
    return SPACES.sub(" ", text)

def light10(w):
    n = len(w)
    for p in PREFIXES:
        if (n >= 4 if len(p) == 1 else n >= len(p) + 2) and w.startswith(p):
            w = w[len(p):]; break
    for s in SUFFIXES:
        if len(w) >= len(s) + 2 and w.endswith(s):
            w = w[:-len(s)]
    return w

def main():
    stop = set(key(l.strip()) for l in open(sys.argv[1], encoding="utf-8") if l.strip())
    texts = []
    for f in sys.argv[2:]:
        for line in gzip.open(f, "rt", encoding="utf-8"):
            r = json.loads(line)
            texts.append((r.get("title") or "") + "\n" + (r.get("text") or ""))
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    start = time.perf_counter()
    tokens = terms = 0
    for t in texts:
        for w in TOKEN.findall(key(t)):
            tokens += 1
            if w in stop or (len(w) >= 3 and w[0] in "وف" and w[1:] in stop): continue
            terms += 1
            if "\u0621" <= w[0] <= "\u06FF": light10(w)
    seconds = time.perf_counter() - start
    print(len(texts), megabytes, tokens, terms, seconds)

main()
