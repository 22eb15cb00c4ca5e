#!/usr/bin/env python3
"""Open an HTML report in headless Chromium as a reader would, through the DevTools protocol.

Usage: browser_check.py REPORT.html|URL SCREENSHOT.png
Prints one JSON object: console errors and page exceptions, the computed direction and language,
the story sections present (their data-story ids), the page title, and how varied the screenshot
is (distinct colours and the share of the commonest one). Needs Debian's chromium and the PyPI
packages websocket-client and pillow."""
import io, json, os, re, shutil, subprocess, sys, tempfile, time

import websocket
from PIL import Image


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("chromium is not installed (apt-get install chromium)")


def main(report, screenshot):
    profile = tempfile.mkdtemp(prefix="isnad-chromium-")
    browser = subprocess.Popen(
        [chromium(), "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-port=0",
         f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        endpoint = None
        deadline = time.time() + 60
        while time.time() < deadline and endpoint is None:
            line = browser.stderr.readline()
            match = re.search(r"DevTools listening on (ws://\S+)", line)
            if match:
                endpoint = match.group(1)
        if endpoint is None:
            sys.exit("chromium did not start its DevTools endpoint")
        ws = websocket.create_connection(endpoint, timeout=60)
        counter = [0]
        events = []

        def call(method, params=None, session=None):
            counter[0] += 1
            message = {"id": counter[0], "method": method, "params": params or {}}
            if session:
                message["sessionId"] = session
            ws.send(json.dumps(message))
            while True:
                reply = json.loads(ws.recv())
                if reply.get("id") == counter[0]:
                    if "error" in reply:
                        raise RuntimeError(f"{method}: {reply['error']}")
                    return reply.get("result", {})
                events.append(reply)

        target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            call(f"{domain}.enable", session=session)
        call("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 1800, "deviceScaleFactor": 1, "mobile": False}, session=session)
        url = report if re.match(r"https?://", report) else "file://" + os.path.abspath(report)
        call("Page.navigate", {"url": url}, session=session)
        deadline = time.time() + 60
        while time.time() < deadline and not any(e.get("method") == "Page.loadEventFired" for e in events):
            events.append(json.loads(ws.recv()))
        loaded = any(e.get("method") == "Page.loadEventFired" for e in events)
        probe = call("Runtime.evaluate", {"returnByValue": True, "expression": """JSON.stringify({
            direction: getComputedStyle(document.documentElement).direction,
            lang: document.documentElement.lang,
            title: document.title,
            sections: [...document.querySelectorAll('section.story')].map(s => s.dataset.story),
            scripts: document.scripts.length,
            images: [...document.images].filter(i => !i.complete || i.naturalWidth === 0).length,
            linkedSections: [...document.querySelectorAll('section.story')].filter(s => s.querySelector('ul.sources a[href^="http"]')).length,
            rows: document.querySelectorAll('td.outlets').length,
            linkedRows: [...document.querySelectorAll('td.outlets')].filter(td => td.querySelector('a[href^="http"]')).length,
            unsafeLinks: [...document.querySelectorAll('a[href]')].filter(a => !/^(https?:|#|\/(?!\/))/.test(a.getAttribute('href'))).length})"""}, session=session)
        page = json.loads(probe["result"]["value"])
        shot = call("Page.captureScreenshot", {"format": "png"}, session=session)
        data = __import__("base64").b64decode(shot["data"])
        with open(screenshot, "wb") as f:
            f.write(data)
        image = Image.open(io.BytesIO(data)).convert("RGB")
        colours = image.getcolors(maxcolors=1 << 24)
        commonest = max(count for count, _ in colours) / (image.width * image.height)
        errors = []
        for e in events:
            method, params = e.get("method"), e.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
            elif method == "Runtime.exceptionThrown":
                errors.append(params.get("exceptionDetails", {}).get("text", "exception"))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                errors.append(params["entry"].get("text", "error"))
        print(json.dumps({"loaded": loaded, "errors": errors, "direction": page["direction"], "lang": page["lang"],
                          "title": page["title"], "sections": page["sections"], "scripts": page["scripts"],
                          "brokenImages": page["images"], "linkedSections": page["linkedSections"], "rows": page["rows"],
                          "linkedRows": page["linkedRows"], "unsafeLinks": page["unsafeLinks"], "width": image.width, "height": image.height,
                          "colours": len(colours), "commonestShare": round(commonest, 4)}, ensure_ascii=False))
        ws.close()
    finally:
        browser.kill()
        browser.wait()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
