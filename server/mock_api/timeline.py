"""Job timelines: validation of scripted steps and the engine that walks them poll by poll."""

from __future__ import annotations

import math

STATUSES = ("PENDING", "PROCESSING", "COMPLETED", "FAILED")
FAULTS = ("http-500", "http-502", "html", "malformed-json", "rate-limited", "not-found", "slow")
MAX_STEPS = 100
MAX_DELAY_MS = 120_000


class TimelineError(ValueError):
    """A timeline that cannot be run; the message names the offending step and field."""


def _count(step: dict, where: str) -> dict:
    has_polls, has_seconds = "polls" in step, "seconds" in step
    if has_polls == has_seconds:
        raise TimelineError(f"{where}: give exactly one of 'polls' or 'seconds'")
    if has_polls:
        polls = step["polls"]
        if isinstance(polls, bool) or not isinstance(polls, int) or not 1 <= polls <= 1_000_000:
            raise TimelineError(f"{where}.polls: expected an integer from 1 to 1000000")
        return {"polls": polls}
    seconds = step["seconds"]
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not math.isfinite(seconds):
        raise TimelineError(f"{where}.seconds: expected a number")
    if not 0 < seconds <= 7 * 86400:
        raise TimelineError(f"{where}.seconds: expected a number above 0 and at most 604800")
    return {"seconds": float(seconds)}


def _optional_str(step: dict, key: str, where: str, limit: int = 2000) -> dict:
    if key not in step:
        return {}
    value = step[key]
    if not isinstance(value, str) or len(value) > limit:
        raise TimelineError(f"{where}.{key}: expected a string of at most {limit} characters")
    return {key: value}


_STATUS_KEYS = {"status", "polls", "seconds", "errorCode", "errorMessage", "resultImageUrl"}
_FAULT_KEYS = {"fault", "polls", "seconds", "retryAfter", "delayMs"}


def validate_step(step: object, index: int) -> dict:
    """Return a clean copy of one step, or raise TimelineError saying what is wrong."""
    where = f"timeline[{index}]"
    if not isinstance(step, dict):
        raise TimelineError(f"{where}: expected an object")
    if ("status" in step) == ("fault" in step):
        raise TimelineError(f"{where}: give exactly one of 'status' or 'fault'")
    if "status" in step:
        unknown = set(step) - _STATUS_KEYS
        if unknown:
            raise TimelineError(f"{where}: unknown field {sorted(unknown)[0]!r}")
        if step["status"] not in STATUSES:
            raise TimelineError(f"{where}.status: expected one of {', '.join(STATUSES)}")
        clean = {"status": step["status"], **_count(step, where)}
        if step["status"] == "FAILED":
            clean |= _optional_str(step, "errorCode", where, 100) | _optional_str(step, "errorMessage", where)
        elif "errorCode" in step or "errorMessage" in step:
            raise TimelineError(f"{where}: errorCode and errorMessage belong to a FAILED step")
        if step["status"] == "COMPLETED":
            clean |= _optional_str(step, "resultImageUrl", where, 8000)
        elif "resultImageUrl" in step:
            raise TimelineError(f"{where}: resultImageUrl belongs to a COMPLETED step")
        return clean
    unknown = set(step) - _FAULT_KEYS
    if unknown:
        raise TimelineError(f"{where}: unknown field {sorted(unknown)[0]!r}")
    if step["fault"] not in FAULTS:
        raise TimelineError(f"{where}.fault: expected one of {', '.join(FAULTS)}")
    clean = {"fault": step["fault"], **_count(step, where)}
    for key, owner, default, high, unit in (
        ("retryAfter", "rate-limited", 2, 3600, "whole seconds"),
        ("delayMs", "slow", 5000, MAX_DELAY_MS, "milliseconds"),
    ):
        if step["fault"] != owner:
            if key in step:
                raise TimelineError(f"{where}: {key} belongs to a {owner} fault")
            continue
        value = step.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= high:
            raise TimelineError(f"{where}.{key}: expected {unit} from 0 to {high}")
        clean[key] = value
    return clean


def validate_timeline(timeline: object) -> list[dict]:
    """Validate a whole timeline: a non-empty list of steps; the last one holds forever."""
    if not isinstance(timeline, list) or not timeline:
        raise TimelineError("timeline: expected a non-empty list of steps")
    if len(timeline) > MAX_STEPS:
        raise TimelineError(f"timeline: at most {MAX_STEPS} steps")
    return [validate_step(step, i) for i, step in enumerate(timeline)]


class Cursor:
    """Where a job is in its timeline. Poll steps count answers; seconds steps count clock time."""

    __slots__ = ("steps", "index", "polls_in_step", "step_started")

    def __init__(self, steps: list[dict], started: float):
        self.steps = steps
        self.index = 0
        self.polls_in_step = 0
        self.step_started = started

    def _advance_to(self, now: float) -> None:
        while self.index < len(self.steps) - 1:
            step = self.steps[self.index]
            if "polls" in step and self.polls_in_step >= step["polls"]:
                started = now
            elif "seconds" in step and now - self.step_started >= step["seconds"]:
                # Back-to-back timed steps keep exact boundaries, however rarely the job is polled.
                started = self.step_started + step["seconds"]
            else:
                return
            self.index += 1
            self.polls_in_step = 0
            self.step_started = started

    def peek(self, now: float) -> dict:
        """The step the next poll would be answered with, without counting a poll."""
        self._advance_to(now)
        return self.steps[self.index]

    def take(self, now: float) -> dict:
        """Count one poll and return the step that answers it."""
        step = self.peek(now)
        self.polls_in_step += 1
        return step
