"""All mutable mock state of one app instance: config, jobs, uploads, logs, limits, clock."""

from __future__ import annotations

import copy
import json
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from dataclasses import field
from typing import NamedTuple

from flask import current_app

from .budget import Budget
from .budget import Log
from .timeline import Cursor
from .timeline import TimelineError
from .timeline import validate_timeline

REQUEST_LOG_LIMIT = 10_000
RECORD_LIMIT = 10_000
SWEEP_EVERY_SECONDS = 60
CART_LIMIT = 10_000
# What a job costs in memory besides its timeline (measured: 183,934 jobs took 258 MiB, about 1.4 KB each).
JOB_BYTES = 1_500

DEFAULT_CONFIG: dict = {
    "scenario": "success",
    # A timeline /fitting-room jobs follow instead of the scenario's; whichever of the two was set last wins.
    "timeline": None,
    "credits": True,
    "blockedForm": "status",
    "proxyErrorCode": False,
    "proxySecret": None,
    "signatureMaxAgeSeconds": 90,
    "uploadTtlSeconds": 900,
    "resultTtlSeconds": 3600,
    "maxUploadBytes": 20 * 1024 * 1024,
    # The bytes kept in all: the shopper's jobs, photos and results share 13/16 of it; the request log, analytics
    # batches and emails 1/16 each, so records never evict a shopper's things (server/mock_api/budget.py).
    "maxStoredBytes": 512 * 1024 * 1024,
    # Photo bytes one user (client address, or signed customer) may have stored at once.
    "uploadBytesPerUser": 100 * 1024 * 1024,
    "maxJobs": 100_000,
    # Jobs, photos and results are forgotten after this (Genlook deletes them after 7 days).
    "retentionSeconds": 7 * 86400,
    # Request path -> HTTP status every request to it answers (any path outside /_mock), e.g. {"/cart/add.js": 500}.
    "faults": {},
    "rateLimits": {
        "upload": {"limit": 10, "windowSeconds": 300},
        "fittingRoom": {"limit": 50, "windowSeconds": 7 * 86400},
        "share": {"limit": 20, "windowSeconds": 60},
        # Per client, so one client's flood of records cannot push out another's (the mock's own choice).
        "tracking": {"limit": 120, "windowSeconds": 60},
        "email": {"limit": 10, "windowSeconds": 60},
    },
}


@dataclass
class Job:
    id: str
    task_id: int
    cursor: Cursor
    created_at: float
    product_id: str | None = None
    variant_id: str | None = None
    user_image_id: str | None = None
    status: str = "PENDING"
    updated_at: float = 0.0
    status_step: dict = field(default_factory=lambda: {"status": "PENDING"})
    polls: int = 0
    result: bytes | None = None  # the composite, made once on first download
    proxy_error_code: bool | None = None  # per job, overrides config proxyErrorCode


class View(NamedTuple):
    """A job's status as one poll answered it."""

    status: str
    updated_at: float
    step: dict


@dataclass
class Upload:
    key: str
    expires_at: float  # of the signed upload URL
    created_at: float = 0.0
    data: bytes | None = None
    content_type: str | None = None
    file_id: str | None = None
    user: str = ""  # who prepared it, for the per-user byte allowance


class AllowanceExceeded(Exception):
    """A user's stored photos would pass uploadBytesPerUser."""


class MockState:
    """One per app (in app.extensions), so two create_app() calls never share anything."""

    def __init__(self, config_overrides: dict | None = None):
        self.lock = threading.RLock()
        self._initial_config = merge_config(copy.deepcopy(DEFAULT_CONFIG), config_overrides or {})
        self.reset()

    def reset(self) -> None:
        """Forget jobs, uploads, files, logs, counters and config changes; the clock offset too."""
        with self.lock:
            # Requests that began before a reset are not logged after it.
            self.epoch = getattr(self, "epoch", 0) + 1
            self.config = copy.deepcopy(self._initial_config)
            self.budget = Budget(lambda: self.config["maxStoredBytes"])
            self.jobs: dict[str, Job] = {}
            self.jobs_by_task: dict[int, str] = {}
            self.uploads: dict[str, Upload] = {}
            self.files: dict[str, Upload] = {}
            self.user_bytes: dict[str, int] = {}
            self.requests = Log("request", self.budget, REQUEST_LOG_LIMIT)
            self.tracking = Log("tracking", self.budget, RECORD_LIMIT)
            self.emails = Log("email", self.budget, RECORD_LIMIT)
            self.hits: dict[tuple[str, str], deque] = {}
            self.shares: dict[str, str] = {}
            self.carts: dict[str, dict] = {}  # by cart cookie: variant GID -> line item
            self.clock_offset = 0.0
            self._task_seq = 0
            self._next_sweep = 0.0

    def now(self) -> float:
        return time.time() + self.clock_offset

    def new_job(self, steps: list[dict], **fields) -> Job:
        """A job on its own copy of the steps (scenario timelines are shared)."""
        steps = copy.deepcopy(steps)
        with self.lock:
            now = self.now()
            self._task_seq += 1
            job = Job(
                id="gen_" + secrets.token_hex(8),
                task_id=1_911_986_840_705_904_640 + self._task_seq,
                cursor=Cursor(steps, now),
                created_at=now,
                updated_at=now,
                **fields,
            )
            self.jobs[job.id] = job
            self.jobs_by_task[job.task_id] = job.id
            while len(self.jobs) > self.config["maxJobs"]:
                self.forget_job(next(iter(self.jobs)))
            self.budget.charge("job", job.id, JOB_BYTES + len(json.dumps(steps)), lambda: self.forget_job(job.id))
            return job

    def forget_job(self, job_id: str) -> None:
        """Drop a job, its share link and its result (expiry, the job cap, the byte budget)."""
        with self.lock:
            job = self.jobs.pop(job_id, None)
            if job is None:
                return
            self.jobs_by_task.pop(job.task_id, None)
            self.shares.pop(job_id, None)
            self.budget.release("job", job_id)
            self.budget.release("result", job_id)

    def keep_result(self, job: Job, data: bytes) -> None:
        """Cache a job's result image; the budget may drop it again (it is made anew on the next download)."""
        with self.lock:
            job.result = data
            self.budget.charge("result", job.id, len(data), lambda: setattr(job, "result", None))

    def check_allowance(self, upload: Upload, size: int) -> int:
        """Raise AllowanceExceeded when `size` more photo bytes would pass the user's allowance; else what they hold."""
        with self.lock:
            held = self.user_bytes.get(upload.user, 0) - len(upload.data or b"")
            if held + size > self.config["uploadBytesPerUser"]:
                raise AllowanceExceeded
            return held

    def store_photo(self, upload: Upload, data: bytes, content_type: str) -> None:
        """Keep an uploaded photo, within its user's byte allowance (AllowanceExceeded) and the byte budget."""
        with self.lock:
            self.user_bytes[upload.user] = self.check_allowance(upload, len(data)) + len(data)
            upload.data, upload.content_type = data, content_type
            self.budget.charge("photo", upload.key, len(data), lambda: self.forget_upload(upload.key))

    def forget_upload(self, key: str) -> None:
        with self.lock:
            upload = self.uploads.pop(key, None)
            if upload is None:
                return
            if upload.file_id:
                self.files.pop(upload.file_id, None)
            if upload.data:
                left = self.user_bytes.get(upload.user, 0) - len(upload.data)
                if left > 0:
                    self.user_bytes[upload.user] = left
                else:
                    self.user_bytes.pop(upload.user, None)
            self.budget.release("photo", key)

    def sweep(self) -> None:
        """Forget what outlived retentionSeconds (jobs, photos) or its URL (unfinished uploads); at most once a minute.

        Jobs keep insertion (= creation) order, so their sweep stops at the first young one: O(expired).
        """
        now = self.now()
        if now < self._next_sweep:
            return
        with self.lock:
            self._next_sweep = now + SWEEP_EVERY_SECONDS
            oldest = now - self.config["retentionSeconds"]
            expired = []
            for job in self.jobs.values():  # one pass: next(iter()) after deletes at the front is O(n) each
                if job.created_at >= oldest:
                    break
                expired.append(job)
            for job in expired:
                self.forget_job(job.id)
            # Uploads: gone after the retention, or once their URL expired if never completed (O(uploads) a minute).
            for key, upload in list(self.uploads.items()):
                if upload.created_at < oldest or (upload.file_id is None and upload.expires_at < now):
                    self.forget_upload(key)
            limits = self.config["rateLimits"]
            for key in [
                key
                for key, window in self.hits.items()
                if not window or window[-1] <= now - limits[key[0]]["windowSeconds"]
            ]:
                del self.hits[key]
            while len(self.carts) > CART_LIMIT:
                del self.carts[next(iter(self.carts))]

    def poll(self, job: Job) -> tuple[dict, View]:
        """Count one status read; return the step that answers it and the job as that answer sees it."""
        with self.lock:
            step = job.cursor.take(self.now())
            job.polls += 1
            if "status" in step:
                if step["status"] != job.status:
                    job.status = step["status"]
                    job.updated_at = job.cursor.step_started
                job.status_step = step
            # A snapshot, so a concurrent poll cannot change this answer after the lock is released.
            return step, View(job.status, job.updated_at, job.status_step)

    # Every other change the views make, each under the lock here (the views never take it themselves).

    def set_config(self, changes: dict) -> dict:
        """Merge a config change (ConfigError, naming the field, when it does not fit); the new config."""
        with self.lock:
            self.config = merge_config(self.config, changes)
            return self.config

    def advance_clock(self, seconds: float, most: float) -> float | None:
        """Move the clock forward; None (unmoved) when that would put it more than `most` seconds ahead."""
        with self.lock:
            if self.clock_offset + seconds > most:
                return None
            self.clock_offset += seconds
            return self.clock_offset

    def log_request(self, entry: dict, epoch: int) -> None:
        """Log a request answered outside /_mock, unless a reset came since it began."""
        with self.lock:
            if epoch == self.epoch:
                self.requests.append(entry, size=len(entry["path"]) + 120)

    def record(self, name: str, entry: dict, size: int) -> None:
        """Keep an analytics batch ("tracking") or an email ("emails"), stamped with the mock's time."""
        with self.lock:
            getattr(self, name).append({**entry, "at": int(self.now() * 1000)}, size=size)

    def records(self, name: str) -> list:
        """A copy of a log ("requests", "tracking", "emails") or of a table's entries ("jobs" oldest first, "files")."""
        with self.lock:
            kept = getattr(self, name)
            return list(kept.values() if isinstance(kept, dict) else kept)

    def new_upload(self, key: str, ttl: int, user: str) -> None:
        with self.lock:
            now = self.now()
            self.uploads[key] = Upload(key=key, expires_at=now + ttl, created_at=now, user=user)

    def complete_upload(self, key: str) -> Upload | None:
        """The upload under `key` (None when unknown), given a fileId once its photo is in (the same id again after)."""
        with self.lock:
            upload = self.uploads.get(key)
            if upload is not None and upload.data is not None and upload.file_id is None:
                upload.file_id = f"customer-media/acc_mock/file_{secrets.token_hex(8)}.jpg"
                self.files[upload.file_id] = upload
            return upload

    def share_token(self, gen_id: str, allow) -> str:
        """A generation's share token, made once; `allow()` runs (and may raise) only when a new one is made."""
        with self.lock:
            if gen_id not in self.shares:
                allow()
                self.shares[gen_id] = secrets.token_urlsafe(9)
            return self.shares[gen_id]

    def add_to_cart(self, token: str, additions: list, most: int) -> list[dict] | None:
        """Add `(variant key, quantity, line_for(total quantity))` items; None, adding nothing, past `most` items."""
        with self.lock:
            cart = self.carts.setdefault(token, {})
            if sum(line["quantity"] for line in cart.values()) + sum(q for _, q, _ in additions) > most:
                return None
            for key, quantity, line_for in additions:
                cart[key] = line_for(cart.get(key, {}).get("quantity", 0) + quantity)
            return [cart[key] for key, _, _ in additions]

    def cart_lines(self, token: str) -> list[dict]:
        with self.lock:
            return list(self.carts.get(token, {}).values())

    def clear_cart(self, token: str) -> None:
        with self.lock:
            self.carts.pop(token, None)

    def inspect(self, job: Job) -> dict:
        """A job's inner state (status, polls answered, the next step), without counting a poll."""
        with self.lock:
            return {
                "generationId": job.id,
                "taskId": str(job.task_id),
                "status": job.status,
                "createdAtMs": int(job.created_at * 1000),
                "statusSinceMs": int(job.updated_at * 1000),
                "polls": job.polls,
                "stepIndex": job.cursor.index,
                "nextStep": job.cursor.peek(self.now()),
                "timeline": job.cursor.steps,
            }

    def usage(self) -> dict:
        """What is kept, by bytes against maxStoredBytes, and jobs against maxJobs."""
        with self.lock:
            return {
                "storedBytes": self.budget.total,
                "maxStoredBytes": self.config["maxStoredBytes"],
                "byKind": {kind: size for kind, size in self.budget.by_kind.items() if size},
                "budgets": self.budget.pools(),
                "jobs": len(self.jobs),
                "maxJobs": self.config["maxJobs"],
            }

    def hit(self, bucket: str, user: str) -> int:
        """Record one use of a rate-limited bucket; return seconds to wait (0 when allowed)."""
        rule = self.config["rateLimits"][bucket]
        with self.lock:
            now = self.now()
            window = self.hits.setdefault((bucket, user), deque())
            while window and window[0] <= now - rule["windowSeconds"]:
                window.popleft()
            if len(window) >= rule["limit"]:
                return max(1, int(window[0] + rule["windowSeconds"] - now + 0.999))
            window.append(now)
            return 0


class ConfigError(ValueError):
    """A /_mock/config update that does not fit; the message names the field."""


_SCALARS = {
    "scenario": str,
    "credits": bool,
    "blockedForm": str,
    "proxyErrorCode": bool,
    "signatureMaxAgeSeconds": int,
    "uploadTtlSeconds": int,
    "resultTtlSeconds": int,
    "maxUploadBytes": int,
    "retentionSeconds": int,
    "maxStoredBytes": int,
    "uploadBytesPerUser": int,
    "maxJobs": int,
}


def merge_config(current: dict, update: dict) -> dict:
    """Return current updated with a validated partial config; raise ConfigError naming the field."""
    from .scenarios import SCENARIOS

    if not isinstance(update, dict):
        raise ConfigError("config: expected a JSON object")
    merged = copy.deepcopy(current)
    for key, value in update.items():
        if key in _SCALARS:
            kind = _SCALARS[key]
            if type(value) is not kind or (kind is int and value < 0):
                raise ConfigError(f"{key}: expected {'a non-negative integer' if kind is int else kind.__name__}")
            merged[key] = value
        elif key == "timeline":
            try:
                merged[key] = None if value is None else validate_timeline(value)
            except TimelineError as error:
                raise ConfigError(str(error)) from None
        elif key == "proxySecret":
            if value is not None and (not isinstance(value, str) or not value):
                raise ConfigError("proxySecret: expected a non-empty string or null")
            merged[key] = value
        elif key == "faults":
            if not isinstance(value, dict):
                raise ConfigError("faults: expected an object of path -> HTTP status")
            for path, status in value.items():
                if not path.startswith("/") or path.startswith("/_mock/") or len(path) > 500:
                    raise ConfigError(f"faults.{path}: expected a path outside /_mock/, starting with /")
                if type(status) is not int or not 400 <= status <= 599:
                    raise ConfigError(f"faults.{path}: expected an HTTP status from 400 to 599")
            merged[key] = dict(value)
        elif key == "rateLimits":
            if not isinstance(value, dict):
                raise ConfigError("rateLimits: expected an object")
            for bucket, rule in value.items():
                if bucket not in merged["rateLimits"]:
                    raise ConfigError(f"rateLimits.{bucket}: expected one of {', '.join(merged['rateLimits'])}")
                if not isinstance(rule, dict) or set(rule) - {"limit", "windowSeconds"}:
                    raise ConfigError(f"rateLimits.{bucket}: expected {{limit, windowSeconds}}")
                for name, number in rule.items():
                    if type(number) is not int or number < (0 if name == "limit" else 1):
                        raise ConfigError(f"rateLimits.{bucket}.{name}: expected a positive integer")
                merged["rateLimits"][bucket] |= rule
        else:
            raise ConfigError(f"{key}: unknown config field")
    if "scenario" in update and "timeline" not in update:
        merged["timeline"] = None  # the scenario named last is followed
    if merged["scenario"] not in SCENARIOS:
        raise ConfigError(f"scenario: unknown scenario {merged['scenario']!r}; see GET /_mock/scenarios")
    for key in ("maxStoredBytes", "maxJobs"):
        if merged[key] < 1:
            raise ConfigError(f"{key}: expected a positive integer")
    if merged["blockedForm"] not in ("status", "body"):
        raise ConfigError("blockedForm: expected 'status' or 'body'")
    return merged


def mock() -> MockState:
    """The mock state of the app handling the current request (one per create_app())."""
    return current_app.extensions["tryon_mock"]
