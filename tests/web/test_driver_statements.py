"""Driver statements convert values as SQLAlchemy does, on SQLite and PostgreSQL, and raise its errors."""
from __future__ import annotations

import datetime as dt
import enum
import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from app.reviewing import DriverStatement, UnsupportedStatement


class Colour(enum.Enum):
    RED = "red"
    GREEN = "green"


metadata = sa.MetaData()
item = sa.Table(
    "item", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(32), nullable=False, unique=True),
    sa.Column("seen_at", sa.DateTime, nullable=False),
    sa.Column("checked_at", sa.DateTime),
    sa.Column("tags", sa.JSON, nullable=False),
    sa.Column("colour", sa.Enum(Colour, native_enum=False, length=8), nullable=False),
    sa.Column("done", sa.Boolean, nullable=False),
    sa.Column("made_at", sa.DateTime, nullable=False, default=dt.datetime.now),
)

ALL_COLUMNS = ("code", "seen_at", "checked_at", "tags", "colour", "done", "made_at")
INSERT = DriverStatement(sa.insert(item))
SELECT_BY_CODE = DriverStatement(sa.select(*(item.c[name] for name in ALL_COLUMNS))
                                 .where(item.c.code == sa.bindparam("code")))
SELECT_DONE_CODES = DriverStatement(sa.select(item.c.code).where(item.c.done.is_(True), item.c.colour == Colour.RED)
                                    .order_by(item.c.code))
CHECK = DriverStatement(sa.update(item).where(item.c.code == sa.bindparam("code_to_check"))
                        .values(checked_at=sa.bindparam("checked")).returning(item.c.id, item.c.checked_at))
UNCHECK = DriverStatement(sa.update(item).where(item.c.code == sa.bindparam("code_to_check")).values(checked_at=None))
INSERT_OR_KEEP = {"sqlite": DriverStatement(sqlite.insert(item).on_conflict_do_nothing().returning(item.c.id)),
                  "postgresql": DriverStatement(postgresql.insert(item).on_conflict_do_nothing().returning(item.c.id))}

ROWS = [
    {"code": "plain", "seen_at": dt.datetime(2024, 5, 15, 9, 30, 0), "checked_at": None, "tags": [],
     "colour": Colour.RED, "done": True, "made_at": dt.datetime(2024, 5, 15)},
    {"code": "micro", "seen_at": dt.datetime(2024, 5, 15, 9, 30, 0, 123456), "checked_at": dt.datetime(2025, 1, 1),
     "tags": ["Stepanakert", "1,960", {"nested": [1, 2.5, None]}], "colour": Colour.GREEN, "done": False,
     "made_at": dt.datetime(1999, 12, 31, 23, 59, 59, 999999)},
    {"code": "unicode", "seen_at": dt.datetime(2000, 1, 1), "checked_at": None, "tags": ["Ḥaḍramawt", "«quoted»"],
     "colour": Colour.RED, "done": True, "made_at": dt.datetime(2000, 2, 29, 12)},
]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request, tmp_path):
    if request.param == "sqlite":
        engine = sa.create_engine(f"sqlite:///{tmp_path / 'driver.sqlite'}")
        yield from _with_tables(engine)
        return
    server = request.getfixturevalue("postgres_server")
    name = f"driver_{uuid.uuid4().hex[:12]}"
    yield from _with_tables(sa.create_engine(server.create_database(name)))
    server.drop_database(name)


def _with_tables(engine):
    metadata.create_all(engine)
    try:
        yield engine
    finally:
        engine.dispose()


def test_values_written_by_the_driver_read_back_alike_through_core_and_the_driver(engine):
    with engine.begin() as connection:
        for row in ROWS:
            INSERT.execute(connection, row)
    with engine.connect() as connection:
        for row in ROWS:
            by_driver = SELECT_BY_CODE.execute(connection, {"code": row["code"]}).one()
            by_core = connection.execute(sa.select(*(item.c[name] for name in ALL_COLUMNS))
                                         .where(item.c.code == row["code"])).one()
            assert by_driver._asdict() == row
            assert tuple(by_core) == tuple(by_driver)


def test_values_written_by_core_read_back_alike_through_the_driver(engine):
    with engine.begin() as connection:
        connection.execute(sa.insert(item), ROWS)
    with engine.connect() as connection:
        assert [SELECT_BY_CODE.execute(connection, {"code": row["code"]}).one()._asdict() for row in ROWS] == ROWS


def test_a_literal_in_the_statement_is_bound_with_the_callers_values(engine):
    with engine.begin() as connection:
        connection.execute(sa.insert(item), ROWS)
    with engine.connect() as connection:
        assert [row.code for row in SELECT_DONE_CODES.execute(connection, {}).rows] == ["plain", "unicode"]


def test_an_update_counts_its_rows_and_returns_converted_values(engine):
    checked = dt.datetime(2026, 11, 25, 8, 0, 0, 42)
    with engine.begin() as connection:
        connection.execute(sa.insert(item), ROWS)
        returned = CHECK.execute(connection, {"code_to_check": "plain", "checked": checked})
        missing = CHECK.execute(connection, {"code_to_check": "absent", "checked": checked})
        unchecked = UNCHECK.execute(connection, {"code_to_check": "micro"})
    assert returned.one().checked_at == checked and returned.rowcount == 1
    assert missing.first() is None and missing.rowcount == 0
    assert unchecked.rows == [] and unchecked.rowcount == 1


def test_a_broken_constraint_is_sqlalchemys_integrity_error_and_the_connection_goes_on(engine):
    with engine.connect() as connection:
        transaction = connection.begin()
        INSERT.execute(connection, ROWS[0])
        with pytest.raises(sa.exc.IntegrityError):
            INSERT.execute(connection, ROWS[0])
        transaction.rollback()
        with connection.begin():
            INSERT.execute(connection, ROWS[1])
    with engine.connect() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(item)).scalar() == 1


def test_insert_on_conflict_returns_an_id_only_when_it_inserted(engine):
    with engine.begin() as connection:
        insert_or_keep = INSERT_OR_KEEP[connection.dialect.name]
        first = insert_or_keep.execute(connection, ROWS[0]).scalar()
        again = insert_or_keep.execute(connection, ROWS[0]).scalar()
    assert isinstance(first, int) and again is None


def test_a_statement_missing_a_value_that_has_a_python_default_is_refused(engine):
    without_made_at = {name: value for name, value in ROWS[0].items() if name != "made_at"}
    with engine.connect() as connection:
        with pytest.raises(ValueError, match="every value"):
            INSERT.execute(connection, without_made_at)


def test_a_lost_connection_is_invalidated_and_the_pool_opens_a_new_one(engine):
    with engine.begin() as connection:
        INSERT.execute(connection, ROWS[0])
    with engine.connect() as connection:
        connection.connection.driver_connection.close()  # as when the server or the file goes away under it
        with pytest.raises(sa.exc.DBAPIError) as raised:
            SELECT_BY_CODE.execute(connection, {"code": "plain"})
        assert raised.value.connection_invalidated
        assert connection.invalidated
    with engine.connect() as connection:
        assert SELECT_BY_CODE.execute(connection, {"code": "plain"}).one().code == "plain"


# --- The fence: what the fast path cannot do as SQLAlchemy does, it refuses or hands to SQLAlchemy ---------

other = item.alias("other")


@pytest.mark.parametrize("statement", [
    sa.select(item.c.id).where(item.c.code.in_(sa.bindparam("codes", expanding=True))),
    sa.select(item.c.id).where(item.c.code.in_(["plain", "micro"])),
    sa.select(item.c.code, other.c.code).join_from(item, other, item.c.id == other.c.id),
], ids=["expanding IN", "IN over a literal list", "two columns named code"])
def test_a_statement_the_driver_cannot_compile_rightly_is_refused(engine, statement):
    with engine.connect() as connection:
        with pytest.raises(UnsupportedStatement):
            DriverStatement(statement).execute(connection, {"codes": ["plain"]} if "codes" in str(statement) else {})


def test_the_same_statements_with_labels_and_no_list_run(engine):
    with engine.begin() as connection:
        connection.execute(sa.insert(item), ROWS)
        labelled = DriverStatement(sa.select(item.c.code, other.c.code.label("other_code"))
                                   .join_from(item, other, item.c.id == other.c.id).order_by(item.c.code))
        assert [tuple(row) for row in labelled.execute(connection, {}).rows] == [
            ("micro", "micro"), ("plain", "plain"), ("unicode", "unicode")]


def test_an_engine_that_logs_statements_logs_the_drivers_too(engine, caplog):
    with engine.begin() as connection:
        connection.execute(sa.insert(item), ROWS)
    logged_engine = sa.create_engine(engine.url, echo=True)
    try:
        with caplog.at_level("INFO", logger="sqlalchemy.engine.Engine"), logged_engine.connect() as connection:
            caplog.clear()
            assert SELECT_BY_CODE.execute(connection, {"code": "micro"}).one()._asdict() == ROWS[1]
        assert any("FROM item" in record.getMessage() for record in caplog.records)
    finally:
        logged_engine.dispose()


def test_a_listener_on_the_engine_sees_every_driver_statement(engine):
    seen = []
    sa.event.listen(engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
    with engine.begin() as connection:
        INSERT.execute(connection, ROWS[0])
        assert CHECK.execute(connection, {"code_to_check": "plain", "checked": dt.datetime(2026, 1, 1)}).rowcount == 1
        assert SELECT_BY_CODE.execute(connection, {"code": "plain"}).one().code == "plain"
    assert [statement.split()[0] for statement in seen] == ["INSERT", "UPDATE", "SELECT"]
