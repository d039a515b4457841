"""Each person's time zone: their days begin at their midnight, stored times stay UTC."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

UTC = "UTC"
MAX_NAME = 64


@lru_cache(maxsize=None)
def zone_names() -> tuple[str, ...]:
    """Return the IANA zone names a person may choose, sorted."""
    return tuple(sorted(name for name in available_timezones() if "/" in name or name == UTC))


def valid_zone(name: str | None) -> str | None:
    """Return the zone name if it names a real IANA zone, else None."""
    if not name or len(name) > MAX_NAME:
        return None
    return name if name in set(zone_names()) else None


@lru_cache(maxsize=512)
def zone(name: str | None) -> ZoneInfo:
    """Return the zone a name stands for; UTC for a name that is empty or unknown."""
    try:
        return ZoneInfo(name or UTC)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(UTC)


def local_time(moment: dt.datetime, zone_name: str | None) -> dt.datetime:
    """Return a stored (naive UTC) time as the wall-clock time of the zone, timezone-aware."""
    return moment.replace(tzinfo=dt.timezone.utc).astimezone(zone(zone_name))


def local_day(moment: dt.datetime, zone_name: str | None) -> dt.date:
    """Return the zone's calendar day at a stored (naive UTC) time."""
    return local_time(moment, zone_name).date()


def day_start(day: dt.date, zone_name: str | None) -> dt.datetime:
    """Return the naive UTC time at which the zone's calendar ``day`` begins (its midnight)."""
    local_midnight = dt.datetime.combine(day, dt.time(), tzinfo=zone(zone_name))
    return local_midnight.astimezone(dt.timezone.utc).replace(tzinfo=None)


def start_of_today(now: dt.datetime, zone_name: str | None) -> dt.datetime:
    """Return the naive UTC time of the latest midnight of the zone before ``now``."""
    return day_start(local_day(now, zone_name), zone_name)


def end_of_today(now: dt.datetime, zone_name: str | None) -> dt.datetime:
    """Return the naive UTC time of the zone's next midnight after ``now``: when "today" ends."""
    return day_start(local_day(now, zone_name) + dt.timedelta(days=1), zone_name)


def to_utc(local: dt.datetime, zone_name: str | None) -> dt.datetime:
    """Return a naive wall-clock time of the zone (a date and time someone typed) as naive UTC."""
    return local.replace(tzinfo=zone(zone_name)).astimezone(dt.timezone.utc).replace(tzinfo=None)
