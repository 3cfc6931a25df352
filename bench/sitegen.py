#!/usr/bin/env python3
"""Deterministic synthetic site for bench/run.

Writes, under OUT:
  site/            the document root nginx serves (pages, static requisites, robots.txt, sitemap.xml, load/)
  manifest.json    what a correct mirror of http://HOST:PORT/ holds: every reachable page and requisite, once,
                   each with its kind, so the harness can say per tool what is missing or extra and why
  redirects.conf   the nginx `return 301` rules the pages' /old/ and /moved/ links rely on

The same --pages, --seed and --port give the same bytes: one random.Random(seed) drives everything, files are
written in a fixed order and gzip members carry mtime 0.
"""
import argparse
import gzip
import json
import os
import posixpath
import random

# Pages are 5-40 KB of text (the range), with about this many in-body links each, plus navigation.
MIN_PAGE_BYTES = 5 * 1024
MAX_PAGE_BYTES = 40 * 1024
BODY_LINKS = 8
# An 8-ary tree per section keeps every page reachable in few hops (depth ~4 for 10,000 pages) while the random
# cross links make the graph dense enough that the frontier, not a single chain, decides throughput.
TREE_FANOUT = 8
PAGES_PER_PART = 64
QUERY_TARGETS = 100

WORDS = ("actor mailbox frontier crawler socket header chunk gzip deflate brotli redirect cache robots sitemap "
         "mirror anchor stylesheet import srcset favicon latency throughput keepalive pipeline backoff retry "
         "breaker politeness depth scope host port query fragment encoding charset percent resolver normalizer "
         "supervisor restart escalate terminate watch ask router broadcast timer channel reader writer buffer "
         "span memory pool lease parser token attribute element document section paragraph link image script").split()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    Site(a.pages, a.seed, a.host, a.port, a.out).build()


class Site:
    def __init__(self, pages, seed, host, port, out):
        if pages < 2:
            raise SystemExit("sitegen: --pages must be at least 2")
        self.n = pages
        self.rng = random.Random(seed)
        self.origin = f"http://{host}:{port}"
        self.port = port
        self.out = out
        self.root = os.path.join(out, "site")
        self.sections = max(1, min(20, pages // 50))
        self.images = max(20, pages // 20)
        self.paths = []          # page id -> URL path ("/", "/sec-01/", "/sec-01/part-00/page-00042.html")
        self.children = {}       # page id -> child page ids (tree links)
        self.parent = {}
        self.expected = {}       # manifest key -> kind
        self.links_total = 0

    # ---- layout -------------------------------------------------------------------------------------------
    def plan(self):
        self.paths.append("/")
        for s in range(1, self.sections + 1):
            self.paths.append(f"/sec-{s:02d}/")
            self.add_child(0, s)
        per_section = {s: [] for s in range(1, self.sections + 1)}
        for i in range(self.sections + 1, self.n):
            s = (i - self.sections - 1) % self.sections + 1
            j = len(per_section[s])
            self.paths.append(f"/sec-{s:02d}/part-{j // PAGES_PER_PART:02d}/page-{i:05d}.html")
            parent = s if j < TREE_FANOUT else per_section[s][j // TREE_FANOUT - 1]
            per_section[s].append(i)
            self.add_child(parent, i)

    def add_child(self, parent, child):
        self.children.setdefault(parent, []).append(child)
        self.parent[child] = parent

    # ---- text -----------------------------------------------------------------------------------------------
    def paragraphs(self):
        # A fixed pool keeps generation fast (10,000 pages is ~220 MB of HTML) while pages still differ.
        pool = []
        for _ in range(256):
            words = [self.rng.choice(WORDS) for _ in range(self.rng.randint(60, 160))]
            pool.append("<p>" + " ".join(words).capitalize() + ".</p>\n")
        return pool

    # ---- writing --------------------------------------------------------------------------------------------
    def write(self, urlpath, data):
        rel = urlpath.lstrip("/")
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        full = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())

    @staticmethod
    def key(urlpath, query=None):
        """The manifest key: the path without its leading '/', directories as .../index.html, then ?query."""
        k = urlpath.lstrip("/")
        if k == "" or k.endswith("/"):
            k += "index.html"
        return k + ("?" + query if query else "")

    def expect(self, urlpath, kind, query=None):
        self.expected.setdefault(self.key(urlpath, query), kind)

    def blob(self, size, magic):
        return magic + self.rng.randbytes(size - len(magic))

    def statics(self):
        # Shared CSS: @import (both url() and string forms) and url() to images and a font, relative to the CSS.
        self.write("/static/css/site.css",
                   '@import url("theme.css");\n@import "print.css" print;\n'
                   "body{font-family:Body,sans-serif;background:url(../img/bg.png) repeat}\n"
                   '@font-face{font-family:Body;src:url("../fonts/body.woff2") format("woff2")}\n'
                   ".hero{background-image:url('/static/img/hero.jpg')}\n" + "p{margin:0 0 1em}\n" * 40)
        self.write("/static/css/theme.css", ".nav{background:url(../img/pattern.svg)}\n" + "a{color:#036}\n" * 30)
        self.write("/static/css/print.css", "@media print{nav{display:none}}\n")
        for k, kind in (("/static/css/site.css", "css"), ("/static/css/theme.css", "css-import"),
                        ("/static/css/print.css", "css-import"), ("/static/img/bg.png", "css-url"),
                        ("/static/fonts/body.woff2", "css-url"), ("/static/img/hero.jpg", "css-url"),
                        ("/static/img/pattern.svg", "css-url")):
            self.expect(k, kind)
        self.write("/static/img/bg.png", self.blob(900, b"\x89PNG\r\n\x1a\n"))
        self.write("/static/img/hero.jpg", self.blob(4000, b"\xff\xd8\xff\xe0"))
        self.write("/static/img/pattern.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>\n')
        self.write("/static/fonts/body.woff2", self.blob(3000, b"wOF2"))
        self.write("/static/js/app.js", "'use strict';\n" + "document.documentElement.dataset.ready='1';\n" * 50)
        self.write("/static/js/vendor.js", "/* vendor */\n" + "void 0;\n" * 200)
        self.write("/favicon.ico", self.blob(1150, b"\x00\x00\x01\x00"))
        self.write("/static/img/touch-icon.png", self.blob(2000, b"\x89PNG\r\n\x1a\n"))
        for s in range(1, self.sections + 1):
            self.write(f"/sec-{s:02d}/section.css", f".s{s}{{background:url(banner.png)}}\n")
            self.write(f"/sec-{s:02d}/banner.png", self.blob(600, b"\x89PNG\r\n\x1a\n"))
        for k in range(self.images):
            self.write(f"/static/img/photo-{k:04d}.jpg", self.blob(self.rng.randint(300, 1500), b"\xff\xd8\xff\xe0"))
            self.write(f"/static/img/photo-{k:04d}@2x.jpg", self.blob(self.rng.randint(600, 3000), b"\xff\xd8\xff\xe0"))
        # A robots-excluded area: linked from pages, served by nginx, but no polite crawler may fetch it.
        for k in range(10):
            self.write(f"/private/p-{k}.html", "<!doctype html><title>private</title><p>Disallowed by robots.txt.</p>\n")

    def href(self, target_path, from_path, style):
        if style == "absolute":
            return self.origin + target_path
        if style == "root":
            return target_path
        base = from_path if from_path.endswith("/") else posixpath.dirname(from_path) + "/"
        rel = posixpath.relpath(target_path, base)
        if target_path.endswith("/") and not rel.endswith("/"):
            rel += "/"
        return "./" if rel == "./" else rel

    def page(self, i, pool):
        rng = self.rng
        path = self.paths[i]
        s = 0 if i == 0 else int(path[5:7])
        links = []  # (href, text)
        for c in self.children.get(i, []):
            links.append((self.href(self.paths[c], path, rng.choice(("relative", "relative", "root", "absolute"))),
                          f"page {c}"))
        extras = max(2, BODY_LINKS - len(links))
        for _ in range(extras):
            r = rng.random()
            t = rng.randrange(self.n)
            tp = self.paths[t]
            if r < 0.55:
                links.append((self.href(tp, path, rng.choice(("relative", "root", "absolute"))), f"see {t}"))
            elif r < 0.62:
                # Query variants only of the first pages, so they stay a few hundred URLs, not half the site.
                tp = self.paths[t % min(self.n, QUERY_TARGETS)]
                q = f"v={rng.randint(1, 2)}"
                links.append((self.href(tp, path, "root") + "?" + q, f"variant {t}"))
                self.query_links.append((tp, q))
            elif r < 0.70 and tp.endswith(".html"):
                links.append((self.href(tp, path, "root") + "#part-2", f"anchor {t}"))
            elif r < 0.78 and t > 0:
                # /old/X answers 301 -> /X; /moved/X answers 301 -> /old/X (a chain of two).
                prefix = "/old" if rng.random() < 0.7 else "/moved"
                links.append((self.href(prefix + tp, path, rng.choice(("root", "absolute"))), f"old {t}"))
            elif r < 0.86:
                links.append((self.href(f"/missing/gone-{t}.html", path, "root"), "broken"))
            elif r < 0.94:
                other = rng.choice(("127.0.0.2", "127.0.0.3"))
                links.append((f"http://{other}:{self.port}{tp}", "elsewhere"))
            else:
                links.append((self.href(f"/private/p-{t % 10}.html", path, "root"), "private"))
        self.links_total += len(links)
        img_ids = [rng.randrange(self.images) for _ in range(rng.randint(1, 3))]
        for k in img_ids:
            self.expect(f"/static/img/photo-{k:04d}.jpg", "img")
            self.expect(f"/static/img/photo-{k:04d}@2x.jpg", "img-srcset")
        head = ['<!doctype html>\n<html lang="en"><head><meta charset="utf-8">\n',
                f"<title>Page {i}</title>\n",
                '<link rel="stylesheet" href="/static/css/site.css">\n',
                '<link rel="icon" href="/favicon.ico">\n<link rel="apple-touch-icon" href="/static/img/touch-icon.png">\n',
                '<script src="/static/js/vendor.js"></script>\n<script defer src="/static/js/app.js"></script>\n']
        if s:
            head.append(f'<link rel="stylesheet" href="{self.href(f"/sec-{s:02d}/section.css", path, "relative")}">\n')
        head.append("</head><body>\n<nav>")
        head.append(f'<a href="{self.href("/", path, "root")}">home</a> ')
        if i in self.parent:
            head.append(f'<a href="{self.href(self.paths[self.parent[i]], path, "relative")}">up</a>')
        head.append("</nav>\n<main>\n")
        body = []
        for k in img_ids:
            src = self.href(f"/static/img/photo-{k:04d}.jpg", path, rng.choice(("relative", "root")))
            body.append(f'<img src="{src}" srcset="{src} 1x, {src[:-4]}@2x.jpg 2x" alt="photo {k}">\n')
        body.append("<ul>\n" + "".join(f'<li><a href="{h}">{t}</a></li>\n' for h, t in links) + "</ul>\n")
        target = rng.randint(MIN_PAGE_BYTES, MAX_PAGE_BYTES)
        size = sum(len(x) for x in head) + sum(len(x) for x in body) + 40
        text = []
        while size < target:
            p = pool[rng.randrange(len(pool))]
            text.append(p)
            size += len(p)
        if len(text) > 2:
            text.insert(len(text) // 2, '<h2 id="part-2">Part 2</h2>\n')
        html = "".join(head) + "".join(body) + "".join(text) + "</main></body></html>\n"
        self.write(path, html)

    def load_pages(self):
        # The load scenario's targets: exactly 1 KB, and 30 KB with a pre-compressed twin for gzip_static.
        small = "<!doctype html><title>small</title><p>" + "x" * 1024
        small = small[:1024 - len("</p>\n")] + "</p>\n"
        self.write("/load/small.html", small)
        pool = self.paragraphs()
        big = "<!doctype html><title>big</title>\n"
        while len(big) < 30 * 1024:
            big += pool[self.rng.randrange(len(pool))]
        big = big[:30 * 1024 - len("</p>\n")] + "</p>\n"
        self.write("/load/big.html", big)
        self.write("/load/big.html.gz", gzip.compress(big.encode(), compresslevel=9, mtime=0))

    def build(self):
        os.makedirs(self.root, exist_ok=True)
        self.query_links = []
        self.plan()
        self.statics()
        pool = self.paragraphs()
        for i in range(self.n):
            self.page(i, pool)
            self.expect(self.paths[i], "page")
        for tp, q in self.query_links:
            self.expect(tp, "query-variant", q)
        for s in range(1, self.sections + 1):
            self.expect(f"/sec-{s:02d}/section.css", "css")
            self.expect(f"/sec-{s:02d}/banner.png", "css-url")
        self.expect("/favicon.ico", "icon")
        self.expect("/static/img/touch-icon.png", "icon")
        self.expect("/static/js/app.js", "script")
        self.expect("/static/js/vendor.js", "script")
        self.write("/robots.txt", f"User-agent: *\nDisallow: /private/\nSitemap: {self.origin}/sitemap.xml\n")
        # The sitemap lists pages that links reach anyway, so reading it (wget2 does) cannot change the set.
        sm = ['<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n']
        sm += [f"<url><loc>{self.origin}{p}</loc></url>\n" for p in self.paths[: min(len(self.paths), 500)]]
        sm.append("</urlset>\n")
        self.write("/sitemap.xml", "".join(sm))
        self.load_pages()
        with open(os.path.join(self.out, "redirects.conf"), "w") as f:
            f.write("location ~ ^/old(/.*)$ { return 301 $1; }\nlocation ~ ^/moved(/.*)$ { return 301 /old$1; }\n")
        kinds = {}
        for kind in self.expected.values():
            kinds[kind] = kinds.get(kind, 0) + 1
        manifest = {"origin": self.origin, "pages": self.n, "links": self.links_total,
                    "expectedCount": len(self.expected), "kinds": kinds,
                    # Bookkeeping files a tool may save beside the mirror; not counted either way.
                    "ignored": ["robots.txt", "sitemap.xml"],
                    "expected": dict(sorted(self.expected.items()))}
        with open(os.path.join(self.out, "manifest.json"), "w") as f:
            json.dump(manifest, f, indent=0)
        total = 0
        for dirpath, _, files in os.walk(self.root):
            total += sum(os.path.getsize(os.path.join(dirpath, x)) for x in files)
        print(f"sitegen: {self.n} pages, {len(self.expected)} expected files, {self.links_total} body links, "
              f"{total / 1048576:.1f} MiB under {self.root}")


if __name__ == "__main__":
    main()
