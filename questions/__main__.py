"""Command line: ``python -m questions PATH [--format json|text] [--published YYYY-MM-DD]``."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from questions import InputError, generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m questions", description=__doc__)
    parser.add_argument("path", help="article file, or - for standard input")
    parser.add_argument("--format", choices=("json", "text"), default="text")
    parser.add_argument("--published", type=dt.date.fromisoformat, default=None)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    raw = sys.stdin.buffer.read() if args.path == "-" else open(args.path, "rb").read()
    try:
        result = generate(raw, published=args.published, seed=args.seed)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
