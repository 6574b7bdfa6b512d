#!/usr/bin/env python3
"""Put claimwatch in the same run as the peer feed pollers of `shared/bench/run_peers.py`.

Same farm, same phases, same measurement: each phase is one process under `/usr/bin/time -v`
(`claimwatch poll` over N farm feeds into one SQLite file), next to curl, rawfetch,
feedparser + 32 threads, newsboat and rss2email. The farm is one host, so claimwatch's
per-host politeness is switched off here, as `claimwatch bench` does.

    python3 bench/peers.py --n 1000 --reps 3 --tools claimwatch,curl,rawfetch,fpfetch,newsboat32,r2e

Needs ../shared/bench (or --shared DIR) and a release build (cargo build --release); peers
that are not installed are skipped (Debian: apt-get install newsboat rss2email curl;
pip install feedparser).
"""
import argparse
import importlib.util
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_run_peers(shared):
    path = os.path.join(shared, "bench", "run_peers.py")
    if not os.path.exists(path):
        sys.exit("no %s: this script needs the shared bench folder (--shared DIR)" % path)
    spec = importlib.util.spec_from_file_location("run_peers", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def claimwatch_tool(rp, binary, concurrency):
    class Claimwatch(rp.Tool):
        name = "claimwatch"
        label = "claimwatch poll (fetch, parse, tag, SQLite + FTS5), %d polls at once" % concurrency

        def setup(self, state):
            with open(self.urls) as fh:
                urls = [u.strip() for u in fh if u.strip()]
            with open(os.path.join(state, "cw.toml"), "w") as fh:
                fh.write("[daemon]\ndatabase = \"claimwatch.db\"\ndigest_dir = \"digests\"\n"
                         "concurrency = %d\nper_host_concurrency = %d\nper_host_interval_ms = 0\n"
                         "jitter_secs = 0\n\n" % (concurrency, concurrency))
                for i, u in enumerate(urls):
                    fh.write("[[source]]\nname = \"farm %d\"\nurl = \"%s\"\nkind = \"feed\"\n" % (i, u))
            self.prev = 0

        def cmd(self, state):
            return [binary, "--config", "cw.toml", "poll"]

        def items(self, state, stdout):
            try:
                con = sqlite3.connect(os.path.join(state, "claimwatch.db"))
                n = con.execute("SELECT count(*) FROM items").fetchone()[0]
                con.close()
            except sqlite3.Error:
                return None
            new, self.prev = n - self.prev, n
            return new

    return Claimwatch


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "claimwatch"))
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--items", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--port", type=int, default=18310)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--tools", default="claimwatch,curl,rawfetch,fpfetch,newsboat32,newsboat1,r2e")
    ap.add_argument("--timeout", type=float, default=900.0)
    ap.add_argument("--out", default="")
    a = ap.parse_args()
    rp = load_run_peers(a.shared)
    if not os.path.exists(a.binary):
        sys.exit("no %s: run cargo build --release first" % a.binary)
    work = tempfile.mkdtemp(prefix="cw-peers-")
    base = "http://127.0.0.1:%d" % a.port
    farm_log = open(os.path.join(work, "farm.log"), "w")
    farm = subprocess.Popen([sys.executable, os.path.join(os.path.dirname(rp.__file__), "feedfarm.py"),
                             "serve", "--n", str(a.n), "--items", str(a.items), "--seed", str(a.seed),
                             "--port", str(a.port), "--workers", str(a.workers), "--max-seconds", "14400"],
                            stdout=farm_log, stderr=subprocess.STDOUT, start_new_session=True)
    runs = []
    try:
        for _ in range(1200):
            if farm.poll() is not None:
                sys.exit("farm exited early; see %s" % os.path.join(work, "farm.log"))
            if "READY " in open(os.path.join(work, "farm.log")).read():
                break
            time.sleep(0.5)
        else:
            sys.exit("farm not ready")
        subprocess.run([sys.executable, os.path.join(os.path.dirname(rp.__file__), "make_opml.py"),
                        "--n", str(a.n), "--base", base, "--format", "urls",
                        "-o", os.path.join(work, "urls.txt")], check=True)
        makers = {
            "claimwatch": lambda: claimwatch_tool(rp, os.path.abspath(a.binary), a.concurrency)(work, a.n),
            "curl": lambda: rp.Curl(work, a.n),
            "rawfetch": lambda: rp.RawFetch(work, a.n),
            "fpfetch": lambda: rp.FpFetch(work, a.n),
            "r2e": lambda: rp.R2E(work, a.n),
        }
        tools = []
        for t in a.tools.split(","):
            missing = {"newsboat": "newsboat", "r2e": "r2e", "curl": "curl"}.get(
                "newsboat" if t.startswith("newsboat") else t)
            if missing and not shutil.which(missing):
                print("skipping %s: %s is not installed" % (t, missing), file=sys.stderr)
                continue
            if t == "fpfetch" and importlib.util.find_spec("feedparser") is None:
                print("skipping fpfetch: the feedparser package is not installed", file=sys.stderr)
                continue
            if t.startswith("newsboat"):
                tools.append(rp.Newsboat(work, a.n, int(t[8:] or "1")))
            elif t in makers:
                tools.append(makers[t]())
            else:
                sys.exit("unknown tool " + t)
        for t in tools:
            t.base = base
        for rep in range(a.reps):
            for tool in tools:
                state = os.path.join(work, "state-%s" % tool.name)
                shutil.rmtree(state, ignore_errors=True)
                os.makedirs(state)
                tool.setup(state)
                for ph in rp.PHASES:
                    rp.farm_get(base, "/_farm/set?round=%d" % (1 if ph == "incremental" else 0))
                    time.sleep(0.3)
                    rec = rp.run_phase(tool, state, base, a.timeout)
                    rec.update({"tool": tool.name, "phase": ph, "rep": rep})
                    runs.append(rec)
                    print(json.dumps(rec), flush=True)
                    if rec["rc"] == "timeout":
                        break
    finally:
        farm.send_signal(signal.SIGTERM)
        try:
            farm.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(farm.pid, signal.SIGKILL)
        farm_log.close()
    rows = []
    for tool in dict.fromkeys(r["tool"] for r in runs):
        for ph in rp.PHASES:
            rs = [r for r in runs if r["tool"] == tool and r["phase"] == ph]
            if rs:
                m = {k: rp.med([r.get(k) for r in rs]) for k in
                     ("wall_s", "cpu_s", "maxrss_kb", "s200", "s304", "new_items", "farm_cpu_s")}
                m.update({"tool": tool, "phase": ph, "walls": [r.get("wall_s") for r in rs],
                          "rcs": [r.get("rc") for r in rs]})
                rows.append(m)
    if a.out:
        with open(a.out, "w") as fh:
            json.dump({"n": a.n, "reps": a.reps, "runs": runs, "summary": rows}, fh, indent=1)
    print("\n| tool | phase | wall s (median) | walls | CPU s | peak RSS MiB | 200 | 304 | new items | farm CPU s | exit |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for m in rows:
        print("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            m["tool"], m["phase"], m["wall_s"], m["walls"], m["cpu_s"],
            round(m["maxrss_kb"] / 1024, 1) if m["maxrss_kb"] else None,
            m["s200"], m["s304"], m["new_items"], m["farm_cpu_s"], sorted(set(map(str, m["rcs"])))))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
