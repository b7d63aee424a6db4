"""Timeline validation and the cursor that walks steps by polls and by seconds."""

import pytest

from server.mock_api.timeline import Cursor
from server.mock_api.timeline import TimelineError
from server.mock_api.timeline import validate_timeline


def walk(steps, times):
    cursor = Cursor(validate_timeline(steps), 0.0)
    return [cursor.take(t).get("status") or cursor.steps[cursor.index]["fault"] for t in times]


def test_poll_steps_answer_their_count_and_the_last_holds():
    steps = [
        {"status": "PENDING", "polls": 2},
        {"status": "PROCESSING", "polls": 1},
        {"status": "COMPLETED", "polls": 1},
    ]
    assert walk(steps, [0] * 6) == ["PENDING", "PENDING", "PROCESSING", "COMPLETED", "COMPLETED", "COMPLETED"]


def test_seconds_steps_follow_the_clock_however_rarely_polled():
    steps = [
        {"status": "PENDING", "seconds": 2},
        {"status": "PROCESSING", "seconds": 18},
        {"status": "COMPLETED", "polls": 1},
    ]
    assert walk(steps, [0, 1.9, 2.0, 19.9, 20.0]) == ["PENDING", "PENDING", "PROCESSING", "PROCESSING", "COMPLETED"]
    # One poll long after: every timed step has passed.
    assert walk(steps, [500]) == ["COMPLETED"]


def test_fault_steps_take_their_polls():
    steps = [{"status": "PENDING", "polls": 1}, {"fault": "http-500", "polls": 2}, {"status": "COMPLETED", "polls": 1}]
    assert walk(steps, [0] * 4) == ["PENDING", "http-500", "http-500", "COMPLETED"]


def test_defaults_for_fault_parameters():
    steps = validate_timeline([{"fault": "rate-limited", "polls": 1}, {"fault": "slow", "polls": 1}])
    assert steps[0]["retryAfter"] == 2 and steps[1]["delayMs"] == 5000


@pytest.mark.parametrize(
    ("timeline", "message"),
    [
        (None, "non-empty list"),
        ([], "non-empty list"),
        ("PENDING", "non-empty list"),
        ([1], "timeline[0]: expected an object"),
        ([{"status": "DONE", "polls": 1}], "timeline[0].status"),
        ([{"status": "PENDING"}], "exactly one of 'polls' or 'seconds'"),
        ([{"status": "PENDING", "polls": 1, "seconds": 1}], "exactly one of 'polls' or 'seconds'"),
        ([{"status": "PENDING", "polls": 0}], "timeline[0].polls"),
        ([{"status": "PENDING", "polls": True}], "timeline[0].polls"),
        ([{"status": "PENDING", "polls": 1.5}], "timeline[0].polls"),
        ([{"status": "PENDING", "seconds": -1}], "timeline[0].seconds"),
        ([{"status": "PENDING", "seconds": float("nan")}], "timeline[0].seconds"),
        ([{"status": "PENDING", "polls": 1, "colour": 1}], "unknown field 'colour'"),
        ([{"status": "PENDING", "polls": 1, "errorCode": "X"}], "belong to a FAILED step"),
        ([{"status": "FAILED", "polls": 1, "errorCode": 3}], "timeline[0].errorCode"),
        ([{"status": "PROCESSING", "polls": 1, "resultImageUrl": "x"}], "belongs to a COMPLETED step"),
        ([{"fault": "teapot", "polls": 1}], "timeline[0].fault"),
        ([{"fault": "html", "polls": 1, "status": "PENDING"}], "exactly one of 'status' or 'fault'"),
        ([{"fault": "rate-limited", "polls": 1, "retryAfter": -1}], "retryAfter"),
        ([{"fault": "html", "polls": 1, "retryAfter": 1}], "belongs to a rate-limited fault"),
        ([{"fault": "slow", "polls": 1, "delayMs": 10**9}], "delayMs"),
        ([{"status": "PENDING", "polls": 1}] * 101, "at most 100 steps"),
    ],
)
def test_bad_timelines_say_what_is_wrong(timeline, message):
    with pytest.raises(TimelineError, match=message.replace("[", r"\[").replace("]", r"\]").replace(".", r"\.")):
        validate_timeline(timeline)
