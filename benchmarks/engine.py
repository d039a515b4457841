"""Measure the question engine: throughput, the seed article's time, long pastes, import time and peak memory.

Run by hand from the repository root (never part of the test suite):

    .venv/bin/python benchmarks/engine.py [--news 2000] [--runs 30] [--rounds 3] [--long-runs 3]

Goals (issue 2): at least 20,000 words a second on one core, the seed article under 50 ms,
peak resident memory under 200 MB. Long pastes: any input up to the engine's limit (1 MB) under
10 s, and four times the text at most five times the time, so that cost grows linearly.
Words are whitespace-separated tokens of the article text.
Each figure is given as wall-clock time and as CPU time of this process: on a shared machine the
CPU figure is the one that says what the code costs.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT / ".." / "shared"
CORPUS = SHARED / "corpus"
NEWS = SHARED / "bench" / "news.jsonl"
SEED_ARTICLE = CORPUS / "karabakh-russian-troops-leave.txt"
CORPUS_WORDS = 100_000
GOAL_WORDS_PER_SECOND = 20_000
GOAL_SEED_MS = 50
GOAL_PEAK_MB = 200
GOAL_LONG_SECONDS = 10
GOAL_LONG_RATIO = 5  # the time of four times the text

sys.path.insert(0, str(REPO_ROOT))

Article = tuple[str, dt.date | None]


def corpus_articles() -> list[Article]:
    return [(path.read_text(encoding="utf-8"), None) for path in sorted(CORPUS.glob("*.txt"))]


def news_articles(limit: int) -> list[Article]:
    """Read the first articles of the benchmark file as a teacher would paste them: headline, then body."""
    articles = []
    with NEWS.open(encoding="utf-8") as lines:
        for line in lines:
            if len(articles) >= limit:
                break
            item = json.loads(line)
            published = dt.date.fromisoformat(item["published"]) if item.get("published") else None
            articles.append((f"{item['title']}\n{item['text']}", published))
    return articles


def repeated(articles: list[Article], words: int) -> list[Article]:
    """Repeat the articles, in order, until they hold at least the given number of words."""
    batch, total = [], 0
    while total < words:
        for text, published in articles:
            batch.append((text, published))
            total += len(text.split())
    return batch


def throughput(generate: Callable, articles: Iterable[Article]) -> tuple[int, float, float]:
    """Run generate over the articles; return words, wall seconds and CPU seconds."""
    words, wall, cpu = 0, 0.0, 0.0
    for text, published in articles:
        wall_start, cpu_start = time.perf_counter(), time.process_time()
        generate(text, published=published)
        wall += time.perf_counter() - wall_start
        cpu += time.process_time() - cpu_start
        words += len(text.split())
    return words, wall, cpu


def median_rate(generate: Callable, articles: list[Article], rounds: int) -> tuple[int, float, float]:
    runs = [throughput(generate, articles) for _ in range(rounds)]
    words = runs[0][0]
    return words, statistics.median(words / wall for _, wall, _ in runs), \
        statistics.median(words / cpu for _, _, cpu in runs)


def seed_times(generate: Callable, runs: int) -> tuple[float, float]:
    """Return the seed article's median wall and CPU milliseconds over the runs."""
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    generate(text)  # first call pays for lazy tables
    walls, cpus = [], []
    for _ in range(runs):
        wall_start, cpu_start = time.perf_counter(), time.process_time()
        generate(text)
        walls.append((time.perf_counter() - wall_start) * 1000)
        cpus.append((time.process_time() - cpu_start) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def varied_paste(chars: int) -> str:
    """Paste whole articles of the benchmark file, headline and body, one after another, up to ``chars``."""
    parts, total = [], 0
    with NEWS.open(encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            part = f"{item['title']}\n{item['text']}\n\n"
            if total + len(part) > chars:
                break
            parts.append(part)
            total += len(part)
    return "".join(parts)


def repeated_paste(copies: int) -> str:
    """Paste the seed article ``copies`` times, as a teacher who pressed paste too often would."""
    return (SEED_ARTICLE.read_text(encoding="utf-8") + "\n\n") * copies


def long_pastes(limit: int) -> dict[str, tuple[str, str]]:
    """Return each kind of long paste at a quarter of the limit and at the limit (exactly four times as long)."""
    pastes = {}
    if NEWS.is_file():
        whole = varied_paste(limit)
        pastes["varied"] = (whole[:len(whole) // 4], whole)
    copies = limit // len(repeated_paste(1)) // 4
    pastes["repeated"] = (repeated_paste(copies), repeated_paste(4 * copies))
    return pastes


def long_times(generate: Callable, quarter: str, whole: str, runs: int) -> tuple[float, float, float]:
    """Time the quarter and the whole paste back to back in each run.

    Returns the median CPU seconds of each and the median of the runs' ratios whole / quarter.
    """
    quarters, wholes, ratios = [], [], []
    for _ in range(runs):
        start = time.process_time()
        generate(quarter)
        middle = time.process_time()
        generate(whole)
        end = time.process_time()
        quarters.append(middle - start)
        wholes.append(end - middle)
        ratios.append((end - middle) / (middle - start))
    return statistics.median(quarters), statistics.median(wholes), statistics.median(ratios)


def fresh_python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, check=True)
    return done.stdout.strip()


def import_ms(repeats: int = 5) -> float:
    code = "import time; start = time.perf_counter(); import questions; print(time.perf_counter() - start)"
    return statistics.median(float(fresh_python(code)) for _ in range(repeats)) * 1000


def own_peak_rss_mb() -> float:
    """Return this process's peak resident memory since it started its program.

    Linux's ``ru_maxrss`` carries over from the parent across the fork and exec that start a child, so in a
    child started by a large process it reports the parent's peak; ``VmHWM`` is the new program's own.
    """
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kilobytes
    import resource  # not on every platform; on macOS ru_maxrss is in bytes, this is its Linux reading
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_rss_mb(news: int) -> float:
    """Generate the corpus and a news sample in a fresh interpreter; return its peak resident memory."""
    code = f"""
import sys
sys.path.insert(0, {str(REPO_ROOT)!r}); sys.path.insert(0, {str(REPO_ROOT / 'benchmarks')!r})
import engine, questions
for text, published in engine.corpus_articles() + engine.news_articles({news}):
    questions.generate(text, published=published)
print(engine.own_peak_rss_mb())
"""
    return float(fresh_python(code))


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--news", type=int, default=2000, help="articles of news.jsonl to run (default 2000)")
    parser.add_argument("--runs", type=int, default=30, help="runs of the seed article (default 30)")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the repeated corpus (default 3)")
    parser.add_argument("--long-runs", type=int, default=3, help="runs of each long paste (default 3; 0 skips them)")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"error: the corpus is not at {CORPUS}", file=sys.stderr)
        return 1

    from questions import generate

    corpus = repeated(corpus_articles(), CORPUS_WORDS)
    words, corpus_wall, corpus_cpu = median_rate(generate, corpus, args.rounds)
    print(f"corpus x{len(corpus)} articles, {words:,} words: median {corpus_wall:,.0f} words/s wall, "
          f"{corpus_cpu:,.0f} words/s CPU ({args.rounds} rounds)")

    news_cpu_rate = None
    if NEWS.is_file() and args.news:
        news = news_articles(args.news)
        news_words, news_wall, news_cpu = throughput(generate, news)
        news_cpu_rate = news_words / news_cpu
        print(f"news.jsonl first {len(news):,} articles, {news_words:,} words: {news_words / news_wall:,.0f} words/s "
              f"wall, {news_cpu_rate:,.0f} words/s CPU")

    seed_wall, seed_cpu = seed_times(generate, args.runs)
    print(f"seed article: median {seed_wall:.1f} ms wall, {seed_cpu:.1f} ms CPU over {args.runs} runs")
    long_results = {}
    if args.long_runs:
        from questions.clean import MAX_ARTICLE_CHARS

        for kind, (quarter, whole) in long_pastes(MAX_ARTICLE_CHARS).items():
            quarter_cpu, whole_cpu, ratio = long_times(generate, quarter, whole, args.long_runs)
            long_results[kind] = (whole_cpu, ratio)
            print(f"{kind} paste: {len(whole):,} characters {whole_cpu:.2f} s CPU, {len(quarter):,} characters "
                  f"{quarter_cpu:.2f} s CPU, four times the text {ratio:.2f} times the time "
                  f"(medians of {args.long_runs} runs)")

    imported = import_ms()
    print(f"import questions: median {imported:.0f} ms (fresh interpreter, 5 runs)")
    sample = min(args.news, 500)
    peak = peak_rss_mb(sample)
    print(f"peak RSS: {peak:.0f} MB (corpus and {sample} news articles, fresh interpreter)")
    benchmark_peak = own_peak_rss_mb()
    print(f"peak RSS of this benchmark's process: {benchmark_peak:.0f} MB (every input above, the long pastes included)")

    parts = [f"corpus {corpus_cpu:,.0f} words/s CPU [{verdict(corpus_cpu >= GOAL_WORDS_PER_SECOND)}"
             f" >= {GOAL_WORDS_PER_SECOND:,}]"]
    if news_cpu_rate is not None:
        parts.append(f"news {news_cpu_rate:,.0f} words/s CPU [{verdict(news_cpu_rate >= GOAL_WORDS_PER_SECOND)}]")
    parts.append(f"seed {seed_cpu:.1f} ms CPU [{verdict(seed_cpu < GOAL_SEED_MS)} < {GOAL_SEED_MS}]")
    for kind, (whole_cpu, ratio) in long_results.items():
        parts.append(f"1 MB {kind} {whole_cpu:.1f} s CPU [{verdict(whole_cpu < GOAL_LONG_SECONDS)} < "
                     f"{GOAL_LONG_SECONDS}], 4x text {ratio:.1f}x time [{verdict(ratio <= GOAL_LONG_RATIO)} <= "
                     f"{GOAL_LONG_RATIO}]")
    parts.append(f"import {imported:.0f} ms")
    parts.append(f"peak RSS {peak:.0f} MB [{verdict(peak < GOAL_PEAK_MB)} < {GOAL_PEAK_MB}]")
    parts.append(f"with long pastes {benchmark_peak:.0f} MB [{verdict(benchmark_peak < GOAL_PEAK_MB)}]")
    print("engine: " + ", ".join(parts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
