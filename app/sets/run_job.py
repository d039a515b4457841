"""The process of one generation job: ``python -m app.sets.run_job <job id>`` (started by app/sets/jobs.py)."""
from __future__ import annotations

import logging
import os
import signal
import sys

from app import create_app
from app.extensions import db
from app.sets import jobs


def _too_slow(_signum, _frame) -> None:
    raise jobs.JobTooSlow()


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(asctime)s [generation job] %(message)s")
    job_id = int(argv[1])
    os.nice(jobs.NICENESS)
    signal.signal(signal.SIGXCPU, _too_slow)
    app = create_app()
    with app.app_context():
        jobs.run_job(job_id, cpu_seconds=app.config["GENERATION_CPU_SECONDS"],
                     max_running=app.config["GENERATION_MAX_RUNNING"])
        db.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
